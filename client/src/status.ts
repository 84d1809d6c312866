/** The language status item: page kind, error and warning counts, server state. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PageSummaryRequest, ValidatedNotification } from '../../server/src/protocol';

export function registerStatusItem(context: vscode.ExtensionContext, client: LanguageClient): vscode.LanguageStatusItem {
  const status = vscode.languages.createLanguageStatusItem('releasePages.status', { language: 'markdown' });
  status.name = 'Release Pages';
  status.text = '$(sync~spin) Release Pages';
  status.command = { title: 'Show output', command: 'releasePages.showOutput' };
  context.subscriptions.push(status);

  const refresh = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown' || !client.isRunning()) return;
    const summary = await client.sendRequest(PageSummaryRequest, { uri: editor.document.uri.toString() });
    status.busy = false;
    if (!summary || !summary.isReleasePage) {
      status.text = 'Release Pages: not a release page';
      status.detail = 'Only release-management pages are checked';
      status.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    status.text = `$(checklist) ${summary.kind}: ${summary.errors} errors, ${summary.warnings} warnings`;
    status.detail = summary.title ?? undefined;
    status.severity = summary.errors > 0 ? vscode.LanguageStatusSeverity.Error : summary.warnings > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  };
  const safeRefresh = (): void => void refresh().catch(() => undefined);

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(safeRefresh),
    client.onNotification(ValidatedNotification, (p) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === p.uri) safeRefresh();
    }),
    client.onDidChangeState((e) => {
      status.busy = e.newState !== 2; // 2 = Running
      if (e.newState === 2) safeRefresh();
      else status.text = 'Release Pages: server stopped';
    }),
  );
  safeRefresh();
  return status;
}
