import {
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine } from './core/engine';
import type { Finding, Severity } from './core/types';
import { FixAllRequest, PageSummaryRequest, ValidatedNotification } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const engines = new Map<string, Engine>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
let debounceMs = 150;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(f: Finding): Diagnostic {
  return { range: f.range, severity: SEVERITY[f.severity], code: f.rule, source: 'release-pages', message: f.message };
}

function engineFor(uri: string): Engine {
  let e = engines.get(uri);
  if (!e) engines.set(uri, (e = new Engine()));
  return e;
}

function validate(doc: TextDocument): void {
  const result = engineFor(doc.uri).check(doc.getText());
  const current = documents.get(doc.uri);
  if (!current || current.version !== doc.version) return; // a newer edit arrived: drop stale results
  const diagnostics = result.findings.map(toDiagnostic);
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  void connection.sendNotification(ValidatedNotification, { uri: doc.uri, version: doc.version, count: diagnostics.length });
}

function schedule(doc: TextDocument): void {
  clearTimeout(timers.get(doc.uri));
  timers.set(doc.uri, setTimeout(() => {
    timers.delete(doc.uri);
    const latest = documents.get(doc.uri);
    if (latest) validate(latest);
  }, debounceMs));
}

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
  },
}));

documents.onDidOpen((e) => validate(e.document));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  engines.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onRequest(PageSummaryRequest, ({ uri }) => {
  const doc = documents.get(uri);
  if (!doc) return null;
  const r = engineFor(uri).check(doc.getText());
  const count = (s: Severity): number => r.findings.filter((f) => f.severity === s).length;
  return { isReleasePage: r.isReleasePage, kind: r.kind, title: r.title, errors: count('error'), warnings: count('warning'), infos: count('information') };
});

connection.onRequest(FixAllRequest, ({ uri }) => {
  const doc = documents.get(uri);
  return { version: doc?.version ?? null, edits: [] };
});

connection.onDidChangeConfiguration((change) => {
  const settings = (change.settings as { releasePages?: { validate?: { debounceMs?: number } } } | null)?.releasePages;
  if (typeof settings?.validate?.debounceMs === 'number') debounceMs = settings.validate.debounceMs;
  for (const doc of documents.all()) schedule(doc);
});

documents.listen(connection);
connection.listen();
