/** Diagnostics: pushed on open and (debounced) on change, version-checked, cleared on close. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CheckResult, type Finding, findingCount, severest, type Severity } from '../core';
import { ValidatedNotification } from '../../../shared/protocol';
import { sendTables } from './table-edit';
import { describeError } from './failures';
import { t } from './l10n';
import type { ServerState } from './state';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The URI of the folder of the rules' doc pages (`docs/rules/` of the installed extension), set by the server's entry. */
let docsRoot = 'file:///docs/rules/';

const docUris = new Map<string, string>();

/** Where the rules' doc pages are: the Node entry gives a file URI, the web entry the extension's URI (from the client). */
export function setRuleDocsRoot(uri: string): void {
  docsRoot = uri.endsWith('/') ? uri : `${uri}/`;
  docUris.clear();
}

/** The URI of a rule's doc page (made once per rule: every diagnostic carries it). */
export function ruleDocUri(rule: string): string {
  let uri = docUris.get(rule);
  if (!uri) docUris.set(rule, (uri = `${docsRoot}${encodeURIComponent(rule)}.md`));
  return uri;
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

/**
 * VS Code shows at most this many diagnostics of one owner for a file. Beyond it, its extension host keeps
 * the most severe ones and adds a note of its own ("Not showing N further errors and warnings"), which
 * would push out our Information note below the errors and warnings.
 */
export const EDITOR_MAX_PER_FILE = 1_000;

/**
 * At most this many diagnostics are published for one page: a pasted 100,000-row table would otherwise
 * send tens of megabytes to the editor after every keystroke. A note on the first line tells the rest;
 * with it the page has exactly EDITOR_MAX_PER_FILE, so the editor shows the note and all of these.
 */
export const MAX_DIAGNOSTICS = EDITOR_MAX_PER_FILE - 1;

/**
 * The page's diagnostics: all of them, or the most severe MAX_DIAGNOSTICS (in page order within a
 * severity) and a note, picked without making the list of all findings (see core/incremental/shown-findings.ts).
 */
export function pageDiagnostics(result: CheckResult): Diagnostic[] {
  const total = findingCount(result);
  return cappedDiagnostics(total, total <= MAX_DIAGNOSTICS ? result.findings : severest(result, MAX_DIAGNOSTICS));
}

/**
 * The diagnostics of a page with `total` findings of which `shown` are published (all of them, or the
 * MAX_DIAGNOSTICS most severe after a note that says so): a check here, or a worker's answer.
 */
export function cappedDiagnostics(total: number, shown: readonly Finding[]): Diagnostic[] {
  if (total <= MAX_DIAGNOSTICS) return shown.map(toDiagnostic);
  return [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: 'release-pages',
      message: t(
        '{0} problems on this page: only the {1} most severe are shown. Run `release-pages check` for the full list.',
        total,
        MAX_DIAGNOSTICS,
      ),
    },
    ...shown.map(toDiagnostic),
  ];
}

export class DiagnosticsPublisher {
  /** The pending check of each page: what cancels it. */
  private readonly pending = new Map<string, () => void>();

  constructor(private readonly state: ServerState) {}

  /** Checks the document's version (a slice at a time) and publishes its diagnostics, unless a newer version came first. */
  async validate(doc: TextDocument): Promise<void> {
    const { connection, documents } = this.state;
    if (!this.state.settingsFor(doc.uri).enable) {
      void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    let analysed;
    try {
      analysed = await this.state.analyse(doc);
    } catch (e) {
      // A check that fails outright (not one rule): keep the page's last diagnostics, log once per page, keep serving.
      this.state.failures.once(`check\u0000${doc.uri}`, () => `checking ${doc.uri} failed (logged once): ${describeError(e)}`);
      return;
    }
    const current = documents.get(doc.uri);
    if (!analysed || !current || current.version !== doc.version) return; // a newer edit arrived: drop stale results
    const diagnostics = pageDiagnostics(analysed.result);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    void connection.sendNotification(ValidatedNotification, { uri: doc.uri, version: doc.version, count: diagnostics.length });
    sendTables(this.state, doc.uri, doc.version, analysed.result);
  }

  /** Re-checks after the debounce; a newer edit cancels the pending check. */
  schedule(doc: TextDocument, delay = this.state.settings.debounceMs): void {
    this.cancel(doc.uri);
    const run = (): void => {
      this.pending.delete(doc.uri);
      const latest = this.state.documents.get(doc.uri);
      if (latest) void this.validate(latest);
    };
    // No debounce means the next turn of Node's event loop: a timer of 0 ms waits at least 1 ms. (The web
    // entry runs in a browser worker, which has no setImmediate: a timer there.)
    if (delay <= 0 && typeof setImmediate === 'function') {
      const next = setImmediate(run);
      this.pending.set(doc.uri, () => clearImmediate(next));
    } else {
      const timer = setTimeout(run, delay);
      this.pending.set(doc.uri, () => clearTimeout(timer));
    }
  }

  scheduleAll(delay = 0): void {
    for (const doc of this.state.documents.all()) this.schedule(doc, delay);
  }

  cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
