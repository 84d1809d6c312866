/** Server state shared by the LSP handlers: open documents, one engine per document, settings, config. */
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments, type WorkspaceFolder } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CheckResult, DEFAULT_CONFIG, Engine, mergeConfig, type ResolvedConfig } from '../core';
import { Checks, type Analysed, type CheckSetup } from './checks';
import { readSettings, type EditorSettings } from '../settings';
import { describeError, FailureLog } from './failures';
import { folderOf, type ConfigLoad, type ConfigProblem, type ConfigSource } from './config-source';

export { folderOf } from './config-source';

export class ServerState {
  /** The settings without a folder scope: window-level ones (`validate.debounceMs`, `config.allowExtends`) and pages outside every folder. */
  settings: EditorSettings = readSettings({});
  /** Each workspace folder's settings (`resource` scope: folder settings override the workspace's and the user's). */
  folderSettings = new Map<string, EditorSettings>();
  folders: WorkspaceFolder[] = [];
  hasConfigurationCapability = false;
  /** Checks of open documents (see checks.ts). */
  readonly checks = new Checks((uri) => this.setupFor(uri));
  private readonly warned = new Set<string>();
  private readonly configDiagnostics = new Map<string, string>();
  /** Loads whose problems were logged and published (the source returns the same object while its files are unchanged). */
  private published = new WeakSet<ConfigLoad>();
  /** The settings layer, made once per settings object (its identity lets the source reuse its result). */
  private baseOf = new WeakMap<EditorSettings, ResolvedConfig>();
  /** Each failure (a rule on a page, a check of a page) is logged once. */
  readonly failures: FailureLog;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    /** Configuration files: from disk (Node) or from the client (web). */
    readonly configSource: ConfigSource,
  ) {
    this.failures = new FailureLog((message) => connection.console.error(message));
  }

  /** The settings that apply to a document: its workspace folder's, else the unscoped ones. */
  settingsFor(uri: string): EditorSettings {
    const folder = folderOf(this.folders, uri);
    return (folder && this.folderSettings.get(folder.uri)) ?? this.settings;
  }

  /**
   * The configuration for a page (its folder's settings, then the nearest config file), whether its
   * `include` globs force a check and whether its `exclude` globs prevent one.
   */
  configFor(uri: string): { config: ResolvedConfig; force: boolean; exclude: boolean } {
    const settings = this.settingsFor(uri);
    let base = this.baseOf.get(settings);
    if (!base) this.baseOf.set(settings, (base = mergeConfig(DEFAULT_CONFIG, settings.config)));
    // Resolved again only when a file of the chain changed (the source compares their identities).
    const { loaded, force, exclude } = this.configSource.forPage(uri, base, { settings, unscoped: this.settings, folders: this.folders });
    if (this.published.has(loaded)) return { config: loaded.config, force, exclude };
    this.published.add(loaded);
    for (const p of loaded.problems) {
      const key = `${p.file}:${p.line}:${p.message}`;
      if (this.warned.has(key)) continue;
      this.warned.add(key);
      this.connection.console.warn(`${p.file}:${p.line + 1}:${p.column + 1}: ${p.message}`);
    }
    this.publishConfigProblems(loaded.files, loaded.problems);
    return { config: loaded.config, force, exclude };
  }

  /** Problems in configuration files appear in Problems on the file itself (cleared once it is fixed). */
  private publishConfigProblems(files: readonly string[], problems: readonly ConfigProblem[]): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const f of files) byFile.set(f, []);
    for (const p of problems) {
      const list = byFile.get(p.file) ?? [];
      list.push({
        range: { start: { line: p.line, character: p.column }, end: { line: p.line, character: p.column + 1 } },
        severity: DiagnosticSeverity.Error,
        source: 'release-pages',
        message: p.message,
      });
      byFile.set(p.file, list);
    }
    for (const [file, diagnostics] of byFile) {
      const key = JSON.stringify(diagnostics);
      if (this.configDiagnostics.get(file) === key) continue;
      this.configDiagnostics.set(file, key);
      void this.connection.sendDiagnostics({ uri: file, diagnostics });
    }
  }

  /** What a check of the page needs: its configuration and a once-per-rule failure log. */
  private setupFor(uri: string): ReturnType<CheckSetup> {
    const { config, force, exclude } = this.configFor(uri);
    const onRuleError = (rule: string, e: unknown): void => {
      this.failures.once(
        `rule\u0000${uri}\u0000${rule}`,
        () => `rule ${rule} failed on ${uri} (logged once; its other findings are still reported): ${describeError(e)}`,
      );
    };
    return { config, force, exclude, onRuleError };
  }

  /** Checks a page's text with its configuration (no cache: for files that are not open). */
  checkText(uri: string, text: string): { result: CheckResult; config: ResolvedConfig } {
    const setup = this.setupFor(uri);
    return { result: new Engine().check(text, setup), config: setup.config };
  }

  /** The check of the document's current version, run a slice at a time; null when a newer version replaced it. */
  analyse(doc: TextDocument): Promise<Analysed | null> {
    return this.checks.analyse(doc);
  }

  /** The open document behind a URI and the check of its latest version (waiting for it), or null when it is not open. */
  async ready(uri: string): Promise<{ doc: TextDocument; result: CheckResult; config: ResolvedConfig } | null> {
    for (;;) {
      const doc = this.documents.get(uri);
      if (!doc) return null;
      const a = await this.checks.analyse(doc);
      if (a && this.documents.get(uri)?.version === a.version) return { doc, result: a.result, config: a.config };
    }
  }

  /** The latest finished check of a document (perhaps of an older version). */
  latest(uri: string): Analysed | null {
    return this.checks.latest(uri);
  }

  forget(uri: string): void {
    this.checks.forget(uri);
  }

  invalidate(): void {
    this.checks.invalidate();
    this.warned.clear();
    this.published = new WeakSet();
  }
}
