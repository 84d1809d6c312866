/** Extension entry point: starts the language server and registers each feature module. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerFormatCommands } from './format';
import { registerPreview } from './preview';
import { registerStatusItem } from './status';
import { registerTableEditing } from './table-edit';
import { registerTablePaste } from './table-paste';
import { registerTableSummary } from './table-summary';
import { registerWorkspaceCheck } from './workspace-check';

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
      // Virtual workspaces (Remote Repositories): checked without configuration files (package.json capabilities).
      { scheme: 'vscode-vfs', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'releasePages',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.release-pages.{yaml,yml,json}'),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('releasePages', 'Release Pages', serverOptions, clientOptions);
  context.subscriptions.push(client);

  registerCommands(context, client, output);
  registerFormatCommands(context, client);
  registerPreview(context, client, output);
  registerWorkspaceCheck(context, client);
  registerTableSummary(context);
  registerTableEditing(context, client);
  registerTablePaste(context, client);
  await client.start();
  registerStatusItem(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
