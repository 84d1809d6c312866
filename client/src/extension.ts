/** Extension entry point (desktop VS Code, remote hosts): starts the language server as a Node process and registers each feature module. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../shared/server-process';
import { clientOptions, CONFIG_GLOB, startFeatures } from './features';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Release Pages', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] },
    },
  };
  // Virtual workspaces (Remote Repositories) are checked too; their configuration files are read by the web entry only.
  const options = clientOptions(output, ['file', 'untitled', 'vscode-vfs'], vscode.workspace.createFileSystemWatcher(CONFIG_GLOB));
  client = new LanguageClient('releasePages', 'Release Pages', serverOptions, options);
  await startFeatures(context, client, output);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
