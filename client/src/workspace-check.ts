/** "Check all release pages in the workspace": sends every Markdown file to the server, with progress and cancel. */
import * as vscode from 'vscode';
import { t } from './l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CheckFilesRequest, type CheckFilesResult } from '../../shared/protocol';

export const CHECK_WORKSPACE_COMMAND = 'releasePages.checkWorkspace';

const BATCH = 20;
const MAX_BYTES = 4 * 1024 * 1024;

export interface WorkspaceCheckOptions {
  /** An extra cancellation token (tests, other commands); the progress notification's Cancel also stops the check. */
  cancel?: vscode.CancellationToken;
  /** No message at the end. */
  silent?: boolean;
}

export interface WorkspaceCheckSummary extends CheckFilesResult {
  /** Markdown files found in the workspace. */
  files: number;
}

async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return bytes.byteLength > MAX_BYTES ? null : new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

async function run(
  client: LanguageClient,
  options: WorkspaceCheckOptions,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<WorkspaceCheckSummary> {
  const source = new vscode.CancellationTokenSource();
  const links = [token.onCancellationRequested(() => source.cancel()), options.cancel?.onCancellationRequested(() => source.cancel())];
  if (token.isCancellationRequested || options.cancel?.isCancellationRequested) source.cancel();
  const total: WorkspaceCheckSummary = {
    files: 0,
    checked: 0,
    skippedOpen: 0,
    pages: 0,
    filesWithProblems: 0,
    problems: 0,
    cancelled: false,
  };
  try {
    const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', undefined, source.token);
    total.files = uris.length;
    for (let i = 0; i < uris.length; i += BATCH) {
      if (source.token.isCancellationRequested) break;
      const batch = uris.slice(i, i + BATCH);
      const files: Array<{ uri: string; text: string }> = [];
      for (const u of batch) {
        const text = await readText(u);
        if (text !== null) files.push({ uri: client.code2ProtocolConverter.asUri(u), text });
      }
      const r = await client.sendRequest(CheckFilesRequest, { files }, source.token).catch((e: unknown) => {
        if (source.token.isCancellationRequested) return null;
        throw e;
      });
      if (!r) break;
      for (const k of ['checked', 'skippedOpen', 'pages', 'filesWithProblems', 'problems'] as const) total[k] += r[k];
      if (r.cancelled) break;
      progress.report({
        increment: (batch.length / uris.length) * 100,
        message: t('{0} of {1} files', Math.min(i + BATCH, uris.length), uris.length),
      });
    }
    total.cancelled = source.token.isCancellationRequested;
    return total;
  } finally {
    for (const l of links) l?.dispose();
    source.dispose();
  }
}

/** "Release Pages: N release pages in N closed Markdown files: N problems in N files (see Problems)." */
function summaryMessage(s: WorkspaceCheckSummary): string {
  const pages = s.pages === 1 ? t('{0} release page', s.pages) : t('{0} release pages', s.pages);
  const files = s.checked === 1 ? t('{0} closed Markdown file', s.checked) : t('{0} closed Markdown files', s.checked);
  const problems = s.problems === 1 ? t('{0} problem', s.problems) : t('{0} problems', s.problems);
  const withProblems = s.filesWithProblems === 1 ? t('{0} file', s.filesWithProblems) : t('{0} files', s.filesWithProblems);
  return s.cancelled
    ? t('Release Pages: cancelled after {0} in {1}: {2} in {3} (see Problems).', pages, files, problems, withProblems)
    : t('Release Pages: {0} in {1}: {2} in {3} (see Problems).', pages, files, problems, withProblems);
}

export function registerWorkspaceCheck(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, async (options: WorkspaceCheckOptions = {}) => {
      const summary = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('Release Pages: checking the workspace'), cancellable: true },
        (progress, token) => run(client, options, progress, token),
      );
      if (!options.silent) {
        void vscode.window.showInformationMessage(summaryMessage(summary));
      }
      return summary;
    }),
  );
}
