/** The language status item: page kind, problem counts, GA date, Must features not Green, server state. */
import * as vscode from 'vscode';
import { t } from './l10n';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PageSummaryRequest, ValidatedNotification, type PageSummary } from '../../shared/protocol';
import { statusText, type ServerStatus } from './status-text';

const SEVERITY = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
} as const;

function serverStatus(state: State): ServerStatus {
  return state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
}

export function registerStatusItem(context: vscode.ExtensionContext, client: LanguageClient): vscode.LanguageStatusItem {
  const status = vscode.languages.createLanguageStatusItem('releasePages.status', { language: 'markdown' });
  status.name = 'Release Pages';
  context.subscriptions.push(status);
  let server: ServerStatus = client.isRunning() ? 'running' : 'starting';
  let generation = 0;

  const show = (summary: PageSummary | null): void => {
    const s = statusText(summary, server, t);
    status.text = s.text;
    status.detail = s.detail;
    status.severity = SEVERITY[s.level];
    status.busy = server === 'starting';
    status.command = s.showProblems
      ? { title: t('Show problems'), command: 'workbench.actions.view.problems' }
      : server === 'stopped'
        ? { title: t('Restart'), command: 'releasePages.restartServer' }
        : { title: t('Show output'), command: 'releasePages.showOutput' };
  };

  const refresh = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') return;
    if (server !== 'running') return show(null);
    const asked = ++generation;
    const summary = await client.sendRequest(PageSummaryRequest, { uri: client.code2ProtocolConverter.asUri(editor.document.uri) });
    if (asked === generation) show(summary); // a newer refresh supersedes this answer
  };
  const safeRefresh = (): void => void refresh().catch(() => undefined);

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(safeRefresh),
    client.onNotification(ValidatedNotification, (p) => {
      const active = vscode.window.activeTextEditor?.document.uri;
      if (active && client.code2ProtocolConverter.asUri(active) === p.uri) safeRefresh();
    }),
    client.onDidChangeState((e) => {
      server = serverStatus(e.newState);
      if (server === 'running') safeRefresh();
      else show(null);
    }),
  );
  show(null);
  safeRefresh();
  return status;
}
