import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { FixAllRequest, PageSummaryRequest, ValidatedNotification } from '../../server/src/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Release Pages', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'releasePages',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.release-pages.{yaml,yml,json}'),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('releasePages', 'Release Pages', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('releasePages.status', { language: 'markdown' });
  status.name = 'Release Pages';
  status.text = '$(sync~spin) Release Pages: starting';
  status.command = { title: 'Show output', command: 'releasePages.showOutput' };
  context.subscriptions.push(status);

  const refreshStatus = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!client || !editor || editor.document.languageId !== 'markdown') return;
    const summary = await client.sendRequest(PageSummaryRequest, { uri: editor.document.uri.toString() });
    if (!summary || !summary.isReleasePage) {
      status.text = 'Release Pages: not a release page';
      status.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    status.text = `$(checklist) ${summary.kind}: ${summary.errors} errors, ${summary.warnings} warnings`;
    status.detail = summary.title ?? undefined;
    status.severity = summary.errors > 0 ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('releasePages.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('releasePages.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('releasePages.fixAll', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!client || !target) return false;
      const result = await client.sendRequest(FixAllRequest, { uri: target.toString() });
      if (result.edits.length === 0) {
        void vscode.window.showInformationMessage('Release Pages: nothing to fix.');
        return false;
      }
      const edit = new vscode.WorkspaceEdit();
      edit.set(target, result.edits.map((e) => client!.protocol2CodeConverter.asTextEdit(e)));
      return vscode.workspace.applyEdit(edit);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshStatus().catch(() => undefined)),
  );

  await client.start();
  context.subscriptions.push(
    client.onNotification(ValidatedNotification, (p) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === p.uri) void refreshStatus().catch(() => undefined);
    }),
  );
  status.text = 'Release Pages: ready';
  await refreshStatus().catch(() => undefined);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
