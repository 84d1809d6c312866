/** Commands "Format table at cursor" and "Format all tables": the server computes the edits, the editor applies them. */
import * as vscode from 'vscode';
import { t } from './l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { FormatTablesRequest } from '../../shared/protocol';

async function formatTables(client: LanguageClient, atCursor: boolean): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(t('Release Pages: open a Markdown page to format its tables.'));
    return false;
  }
  const doc = editor.document;
  const position = atCursor ? client.code2ProtocolConverter.asPosition(editor.selection.active) : undefined;
  const result = await client.sendRequest(FormatTablesRequest, { uri: doc.uri.toString(), position });
  if (result.tables === 0) {
    void vscode.window.showInformationMessage(
      atCursor ? t('Release Pages: there is no table at the cursor.') : t('Release Pages: this page has no tables.'),
    );
    return false;
  }
  if (result.edits.length === 0) {
    vscode.window.setStatusBarMessage(
      result.tables === 1 ? t('Release Pages: the table is already formatted') : t('Release Pages: the tables are already formatted'),
      3000,
    );
    return true;
  }
  if (result.version !== doc.version) {
    void vscode.window.showInformationMessage(
      t('Release Pages: the page changed while its tables were being formatted; run the command again.'),
    );
    return false;
  }
  const edits = result.edits.map((e) => ({ range: client.protocol2CodeConverter.asRange(e.range), newText: e.newText }));
  return editor.edit((builder) => {
    for (const e of edits) builder.replace(e.range, e.newText);
  });
}

export function registerFormatCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('releasePages.formatTable', () => formatTables(client, true)),
    vscode.commands.registerCommand('releasePages.formatAllTables', () => formatTables(client, false)),
  );
}
