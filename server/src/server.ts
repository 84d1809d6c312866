/** The language server: wiring only; each feature lives in its own module under lsp/. */
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { registerRequests } from './lsp/requests';
import { registerEditorFeatures } from './lsp/editor';
import { registerWorkspaceCheck } from './lsp/workspace-check';
import { ServerState } from './lsp/state';
import { registerStatusRequest } from './lsp/status';
import { registerFormatting } from './lsp/formatting';
import { readSettings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const state = new ServerState(connection, documents);
const diagnostics = new DiagnosticsPublisher(state);

/** Feature modules add their capabilities here before `initialize` answers. */
const capabilities: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

async function refreshSettings(): Promise<void> {
  if (state.hasConfigurationCapability) state.settings = readSettings(await connection.workspace.getConfiguration('releasePages'));
  state.invalidate();
  await formatting.update(); // (un)registered before the diagnostics are republished
  diagnostics.scheduleAll(0);
}

connection.onInitialize((params) => {
  state.hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
  state.folders = params.workspaceFolders ?? [];
  formatting.initialize(params.capabilities);
  return { capabilities, serverInfo: { name: 'release-pages' } };
});

connection.onInitialized(() => {
  if (state.hasConfigurationCapability) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    state.folders = state.folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
  });
  void refreshSettings();
});

documents.onDidOpen((e) => diagnostics.validate(e.document));
documents.onDidChangeContent((e) => diagnostics.schedule(e.document));
documents.onDidClose((e) => {
  state.forget(e.document.uri);
  diagnostics.clear(e.document.uri);
});

connection.onDidChangeConfiguration((change) => {
  if (!state.hasConfigurationCapability) state.settings = readSettings((change.settings as { releasePages?: unknown } | null)?.releasePages);
  void refreshSettings();
});

connection.onDidChangeWatchedFiles(() => {
  state.loader.clear();
  state.invalidate();
  diagnostics.scheduleAll(0);
});

registerRequests(state);
registerEditorFeatures(state, capabilities);
registerWorkspaceCheck(state);
registerStatusRequest(state);
const formatting = registerFormatting(state, capabilities);

documents.listen(connection);
connection.listen();
