/** Workspace check: the client sends the texts of Markdown files; those not open are checked and their diagnostics published. */
import { CheckFilesRequest, type CheckFilesResult } from '../../../shared/protocol';
import { type CheckResult, findingCount, mayBeReleasePage } from '../core';
import { pageDiagnostics } from './diagnostics';
import { describeError } from './failures';
import type { ServerState } from './state';

export function registerWorkspaceCheck(state: ServerState): void {
  state.connection.onRequest(CheckFilesRequest, async ({ files }, token) => {
    const out: CheckFilesResult = { checked: 0, skippedOpen: 0, pages: 0, filesWithProblems: 0, problems: 0, cancelled: false };
    for (const f of files) {
      if (token.isCancellationRequested) {
        out.cancelled = true;
        break;
      }
      if (state.documents.get(f.uri)) {
        out.skippedOpen++;
        continue;
      }
      let findings: CheckResult | null = null;
      try {
        // Detection before parsing: a file that cannot be a release page is not modelled (unless settings or config include it).
        const wanted = state.settingsFor(f.uri).enable && (mayBeReleasePage(f.text) || state.configFor(f.uri).force);
        findings = wanted ? state.checkText(f.uri, f.text).result : null;
      } catch (e) {
        state.failures.once(`check\u0000${f.uri}`, () => `checking ${f.uri} failed (logged once): ${describeError(e)}`);
      }
      out.checked++;
      if (findings?.isReleasePage) out.pages++;
      const count = findings ? findingCount(findings) : 0;
      if (count) {
        out.filesWithProblems++;
        out.problems += count;
      }
      void state.connection.sendDiagnostics({ uri: f.uri, diagnostics: findings ? pageDiagnostics(findings) : [] });
      // Let a cancellation (or an edit) through between files.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return out;
  });
}
