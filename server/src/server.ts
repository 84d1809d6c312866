/** The language server: thin handlers over the core engine. */
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import {
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { ConfigLoader, configIncludes } from './config-loader';
import { DEFAULT_CONFIG, mergeConfig } from './core/config/types';
import { Engine, type CheckResult } from './core/engine';
import { fixAllGroups, selectFixEdits } from './core/fix';
import type { Finding, Severity } from './core/types';
import { globToRegExp } from './cli/files';
import { FixAllRequest, PageSummaryRequest, ValidatedNotification } from './protocol';
import { readSettings, type EditorSettings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const engines = new Map<string, Engine>();
const results = new Map<string, { version: number; result: CheckResult }>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const loader = new ConfigLoader();
let settings: EditorSettings = readSettings({});
let folders: WorkspaceFolder[] = [];
let hasConfigurationCapability = false;
const docsRoot = join(__dirname, '..', 'docs', 'rules');

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: pathToFileURL(join(docsRoot, `${f.rule}.md`)).toString() },
    source: 'release-pages',
    message: f.message,
    data: { fixable: f.fixes.length > 0 },
  };
}

function filePath(uri: string): string | null {
  return uri.startsWith('file:') ? fileURLToPath(uri) : null;
}

function isIncluded(path: string | null): boolean {
  if (!path || settings.include.length === 0) return false;
  return folders.some((f) => {
    const root = filePath(f.uri);
    if (!root) return false;
    const rel = relative(root, path).split(sep).join('/');
    return !rel.startsWith('..') && settings.include.some((g) => globToRegExp(g).test(rel));
  });
}

function check(doc: TextDocument): CheckResult {
  const cached = results.get(doc.uri);
  if (cached && cached.version === doc.version) return cached.result;
  let engine = engines.get(doc.uri);
  if (!engine) engines.set(doc.uri, (engine = new Engine()));
  const path = filePath(doc.uri);
  const base = mergeConfig(DEFAULT_CONFIG, settings.config);
  const loaded = path ? loader.forPage(path, base) : { config: base, files: [], problems: [] };
  for (const p of loaded.problems) connection.console.warn(`${p.file}:${p.line + 1}:${p.column + 1}: ${p.message}`);
  const result = engine.check(doc.getText(), {
    config: loaded.config,
    force: isIncluded(path) || (path !== null && configIncludes(loaded, path)),
    onRuleError: (rule, e) => connection.console.error(`rule ${rule} failed on ${doc.uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`),
  });
  results.set(doc.uri, { version: doc.version, result });
  return result;
}

function validate(doc: TextDocument): void {
  if (!settings.enable) {
    void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    return;
  }
  const result = check(doc);
  const current = documents.get(doc.uri);
  if (!current || current.version !== doc.version) return; // a newer edit arrived: drop stale results
  const diagnostics = result.findings.map(toDiagnostic);
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  void connection.sendNotification(ValidatedNotification, { uri: doc.uri, version: doc.version, count: diagnostics.length });
}

function schedule(doc: TextDocument, delay = settings.debounceMs): void {
  clearTimeout(timers.get(doc.uri));
  timers.set(doc.uri, setTimeout(() => {
    timers.delete(doc.uri);
    const latest = documents.get(doc.uri);
    if (latest) validate(latest);
  }, delay));
}

async function refreshSettings(): Promise<void> {
  if (hasConfigurationCapability) settings = readSettings(await connection.workspace.getConfiguration('releasePages'));
  results.clear();
  for (const doc of documents.all()) schedule(doc, 0);
}

connection.onInitialize((params) => {
  hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
  folders = params.workspaceFolders ?? [];
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'release-pages' },
  };
});

connection.onInitialized(() => {
  if (hasConfigurationCapability) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    folders = folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
  });
  void refreshSettings();
});

documents.onDidOpen((e) => validate(e.document));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  engines.delete(e.document.uri);
  results.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
  if (!hasConfigurationCapability) settings = readSettings((change.settings as { releasePages?: unknown } | null)?.releasePages);
  void refreshSettings();
});

connection.onDidChangeWatchedFiles(() => {
  loader.clear();
  results.clear();
  for (const doc of documents.all()) schedule(doc, 0);
});

connection.onRequest(PageSummaryRequest, ({ uri }) => {
  const doc = documents.get(uri);
  if (!doc) return null;
  const r = check(doc);
  const count = (s: Severity): number => r.findings.filter((f) => f.severity === s).length;
  return { isReleasePage: r.isReleasePage, kind: r.page.kind, title: r.page.title, errors: count('error'), warnings: count('warning'), infos: count('information') };
});

connection.onRequest(FixAllRequest, ({ uri, rule }) => {
  const doc = documents.get(uri);
  if (!doc) return { version: null, edits: [] };
  return { version: doc.version, edits: selectFixEdits(doc.getText(), fixAllGroups(check(doc).findings, rule)) };
});

documents.listen(connection);
connection.listen();
