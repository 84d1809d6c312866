/**
 * The language server's wiring, shared by the Node entry (`server.ts`) and the web entry (`server-web.ts`):
 * each feature lives in its own module under lsp/; what differs between the hosts (where configuration
 * files come from, facts about the host) is injected as `ServerServices`.
 */
import { configureL10n, t } from './lsp/l10n';
import {
  type Connection,
  DidChangeConfigurationNotification,
  type InitializeParams,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { LineDocument } from './lsp/line-document';
import { registerRequests } from './lsp/requests';
import { registerTableEdit } from './lsp/table-edit';
import { registerEditorFeatures } from './lsp/language-features';
import { registerWorkspaceCheck, type PageChecker } from './lsp/workspace-check';
import { ServerState } from './lsp/state';
import { registerChangesRequests } from './lsp/changes';
import { registerStatusRequest } from './lsp/status';
import { registerFormatting } from './lsp/formatting';
import { readSettings } from './settings';
import { describeError } from './lsp/failures';
import type { ConfigSource } from './lsp/config-source';
import type { ServerInfo } from '../../shared/protocol';

export interface ServerServices {
  /** Where pages' configuration files come from. */
  config: ConfigSource;
  /** Facts about the host (the `releasePages/serverInfo` request). */
  info(): ServerInfo;
  /** Reads what the host needs from `initialize` (the web entry: where the rules' doc pages are). */
  initialize?(params: InitializeParams): void;
  /** Registers the host's own handlers; `recheck` re-checks every open page with fresh configuration. */
  register?(state: ServerState, recheck: () => void): void;
  /** Checks the workspace's pages off the server's thread (the Node server: worker threads); absent: one at a time here. */
  pages?: PageChecker;
}

export function startServer(connection: Connection, services: ServerServices): ServerState {
  // Open documents are kept as lines (an edit costs what it touches), shared with the checks' engines.
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => LineDocument.create(uri, languageId, version, content),
    update: (doc, changes, version) =>
      doc instanceof LineDocument ? LineDocument.update(doc, changes, version) : TextDocument.update(doc, changes, version),
  });
  const state = new ServerState(connection, documents, services.config);
  const diagnostics = new DiagnosticsPublisher(state);

  /** Feature modules add their capabilities here before `initialize` answers. */
  const capabilities: ServerCapabilities = {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };

  /** Every settings object the server holds, as one string: what a refresh compares. */
  function settingsKey(): string {
    return JSON.stringify([state.settings, [...state.folderSettings]]);
  }

  /**
   * Reads the settings: the unscoped ones and each workspace folder's (`scopeUri`), in one request. Pages are
   * re-checked only when they changed.
   */
  async function refreshSettings(previous = settingsKey()): Promise<void> {
    try {
      if (state.hasConfigurationCapability) {
        const folders = state.folders;
        const items = [{ section: 'releasePages' }, ...folders.map((f) => ({ scopeUri: f.uri, section: 'releasePages' }))];
        const values: unknown[] = await connection.workspace.getConfiguration(items);
        state.settings = readSettings(values[0]);
        state.folderSettings = new Map(folders.map((f, i) => [f.uri, readSettings(values[i + 1])]));
      }
    } catch (e) {
      connection.console.error(`reading the releasePages settings failed; keeping the current ones: ${describeError(e)}`);
    }
    const changed = settingsKey() !== previous;
    if (changed) {
      state.invalidate();
      reportSettingsProblems();
    }
    await formatting.update(); // (un)registered before the diagnostics are republished
    if (changed) diagnostics.scheduleAll(0);
  }

  /** The settings problems last shown, so that a settings change that leaves them as they were does not show them again. */
  let shownProblems = '';
  /**
   * Tells the user what in the settings was left out (an invalid `releasePages.tables` entry), once per
   * distinct set of problems: a warning that names the first, each in the server's log.
   */
  function reportSettingsProblems(): void {
    // A folder reads the user's settings too (VS Code merges them into each folder's): a problem the
    // unscoped settings already have is the same setting, said once.
    const unscoped = new Set(state.settings.problems);
    const problems = [
      ...state.settings.problems,
      ...state.folders.flatMap((f) =>
        (state.folderSettings.get(f.uri)?.problems ?? []).filter((p) => !unscoped.has(p)).map((p) => `${f.name}: ${p}`),
      ),
    ].filter((p, i, all) => all.indexOf(p) === i);
    const key = problems.join('\n');
    if (key === shownProblems) return;
    shownProblems = key;
    if (problems.length === 0) return;
    for (const p of problems) connection.console.warn(`settings: ${p}`);
    // A notification, not `window.showWarningMessage` (a request the client would have to answer).
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message:
        problems.length === 1
          ? t('Release Pages left out a setting it cannot read: {0}', problems[0])
          : t('Release Pages left out {0} settings it cannot read (all in its output). The first: {1}', problems.length, problems[0]),
    });
  }

  let supportsFolders = false;
  /**
   * Settled when the first settings have been read (after `initialized`): pages opened before are checked
   * then, so that a page is never published with the defaults and then again with its folder's settings.
   */
  let settingsRead!: () => void;
  const firstSettings = new Promise<void>((resolve) => (settingsRead = resolve));

  connection.onInitialize((params) => {
    configureL10n(params.initializationOptions);
    state.hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
    state.folders = params.workspaceFolders ?? [];
    supportsFolders = params.capabilities.workspace?.workspaceFolders === true;
    formatting.initialize(params.capabilities);
    editor.initialize(params.capabilities);
    services.initialize?.(params);
    return { capabilities, serverInfo: { name: 'release-pages' } };
  });

  connection.onInitialized(() => {
    if (state.hasConfigurationCapability) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    // Settings first: a client without workspace folders must still get its settings read.
    // A client that never answers the settings request must not keep pages unchecked: the defaults after 3 s.
    const fallback = setTimeout(settingsRead, 3000);
    void refreshSettings().finally(() => {
      clearTimeout(fallback);
      settingsRead();
    });
    if (supportsFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        state.folders = state.folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
        void refreshSettings(); // the new folders' settings; a removed folder's pages fall back to the unscoped ones
      });
    }
  });

  documents.onDidOpen((e) => void firstSettings.then(() => diagnostics.validate(e.document)));
  documents.onDidChangeContent((e) => void firstSettings.then(() => diagnostics.schedule(e.document)));
  documents.onDidClose((e) => {
    state.forget(e.document.uri);
    diagnostics.clear(e.document.uri);
  });

  connection.onDidChangeConfiguration((change) => {
    const previous = settingsKey();
    if (!state.hasConfigurationCapability)
      state.settings = readSettings((change.settings as { releasePages?: unknown } | null)?.releasePages);
    void refreshSettings(previous);
  });

  /** Configuration files changed: read them again and re-check every open page. */
  function recheck(): void {
    services.config.clear();
    state.invalidate();
    diagnostics.scheduleAll(0);
  }

  connection.onDidChangeWatchedFiles(recheck);

  registerRequests(state, services.info);
  registerTableEdit(state);
  const editor = registerEditorFeatures(state, capabilities);
  registerWorkspaceCheck(state, services.pages);
  registerStatusRequest(state);
  registerChangesRequests(state);
  const formatting = registerFormatting(state, capabilities);
  services.register?.(state, recheck);

  documents.listen(connection);
  connection.listen();
  return state;
}
