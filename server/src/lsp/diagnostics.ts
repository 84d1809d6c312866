/** Diagnostics: pushed on open and (debounced) on change, version-checked, cleared on close. */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../core/types';
import { ValidatedNotification } from '../protocol';
import type { ServerState } from './state';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const docsRoot = join(__dirname, '..', 'docs', 'rules');

export function ruleDocUri(rule: string): string {
  return pathToFileURL(join(docsRoot, `${rule}.md`)).toString();
}

export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: ruleDocUri(f.rule) },
    source: 'release-pages',
    message: f.message,
  };
}

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly state: ServerState) {}

  validate(doc: TextDocument): void {
    const { connection, documents, settings } = this.state;
    if (!settings.enable) {
      void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    const result = this.state.check(doc);
    const current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return; // a newer edit arrived: drop stale results
    const diagnostics = result.findings.map(toDiagnostic);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    void connection.sendNotification(ValidatedNotification, { uri: doc.uri, version: doc.version, count: diagnostics.length });
  }

  /** Re-checks after the debounce; a newer edit cancels the pending check. */
  schedule(doc: TextDocument, delay = this.state.settings.debounceMs): void {
    this.cancel(doc.uri);
    this.timers.set(doc.uri, setTimeout(() => {
      this.timers.delete(doc.uri);
      const latest = this.state.documents.get(doc.uri);
      if (latest) this.validate(latest);
    }, delay));
  }

  scheduleAll(delay = 0): void {
    for (const doc of this.state.documents.all()) this.schedule(doc, delay);
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
