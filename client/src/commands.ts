/** Commands that only talk to the server: fix all, restart, show output, server info. */
import * as vscode from 'vscode';
import { t } from './l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { FixAllRequest, ServerInfoRequest, type ServerInfo } from '../../shared/protocol';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('releasePages.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('releasePages.restartServer', async () => {
      // stop + start: the same in both hosts (only the Node client has restart()).
      if (client.isRunning()) await client.stop();
      await client.start();
    }),
    // Internal (not in the palette): the running server's process id, for diagnosis and the crash-recovery test.
    vscode.commands.registerCommand('releasePages.serverInfo', (): Promise<ServerInfo> => client.sendRequest(ServerInfoRequest)),
    vscode.commands.registerCommand('releasePages.fixAll', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return false;
      const result = await client.sendRequest(FixAllRequest, { uri: target.toString() });
      if (result.edits.length === 0) {
        void vscode.window.showInformationMessage(t('Release Pages: nothing to fix.'));
        return false;
      }
      const edit = new vscode.WorkspaceEdit();
      edit.set(target, await client.protocol2CodeConverter.asTextEdits(result.edits));
      return vscode.workspace.applyEdit(edit);
    }),
  );
}
