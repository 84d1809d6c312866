/**
 * Workspace check: the client sends the texts of Markdown files; those not open are checked and their
 * diagnostics published, with progress shown by the editor (server-initiated work-done progress). A file
 * that cannot be a release page is rejected from the cheap scan without being modelled, as the CLI does.
 */
import { CheckFilesRequest, type CheckFilesResult } from '../../../shared/protocol';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { type CheckResult, findingCount, mayBeReleasePage } from '../core';
import { pageDiagnostics } from './diagnostics';
import { describeError } from './failures';
import type { ServerState } from './state';
import { turn } from './scheduler';

/** The editor's progress for `total` files (a no-op reporter when the client has none); null when it cannot be made. */
async function startProgress(state: ServerState, total: number): Promise<WorkDoneProgressServerReporter | null> {
  try {
    const progress = await state.connection.window.createWorkDoneProgress();
    progress.begin('Release Pages: checking the workspace', 0, `0 of ${total} files`, false);
    return progress;
  } catch {
    return null;
  }
}

/** Checks one file's text (null when it is not checked: disabled, or not a release page by the cheap scan). */
function checkFile(state: ServerState, uri: string, text: string): CheckResult | null {
  if (!state.settingsFor(uri).enable) return null;
  if (!mayBeReleasePage(text) && !state.configFor(uri).force) return null;
  return state.checkText(uri, text).result;
}

export function registerWorkspaceCheck(state: ServerState): void {
  state.connection.onRequest(CheckFilesRequest, async ({ files }, token) => {
    const out: CheckFilesResult = { checked: 0, skippedOpen: 0, pages: 0, filesWithProblems: 0, problems: 0, cancelled: false };
    const progress = files.length > 0 ? await startProgress(state, files.length) : null;
    let shown = 0;
    try {
      for (const [i, f] of files.entries()) {
        if (token.isCancellationRequested) {
          out.cancelled = true;
          break;
        }
        const percent = Math.floor((100 * i) / files.length);
        if (percent > shown) {
          shown = percent;
          progress?.report(percent, `${i} of ${files.length} files`);
        }
        if (state.documents.get(f.uri)) {
          out.skippedOpen++;
          continue;
        }
        let findings: CheckResult | null = null;
        try {
          findings = checkFile(state, f.uri, f.text);
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
        await turn();
      }
    } finally {
      progress?.done();
    }
    return out;
  });
}
