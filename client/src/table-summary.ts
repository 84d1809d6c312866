/** The features-table code lens command: opens the status preview when it is there, else reveals the table's first problem. */
import * as vscode from 'vscode';
import type { TableSummaryArgs } from '../../shared/protocol';

export const SHOW_TABLE_SUMMARY_COMMAND = 'releasePages.showTableSummary';
export const PREVIEW_COMMAND = 'releasePages.openPreviewToSide';

export type TableSummaryOutcome = 'preview' | 'revealed' | 'none';

async function reveal(args: TableSummaryArgs): Promise<TableSummaryOutcome> {
  const uri = vscode.Uri.parse(args.uri);
  const problems = vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'release-pages' && d.range.start.line >= args.startLine && d.range.start.line <= args.endLine)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
  const target = problems[0]?.range ?? new vscode.Range(args.revealLine, 0, args.revealLine, 0);
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return 'revealed';
}

export function registerTableSummary(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TABLE_SUMMARY_COMMAND, async (args?: TableSummaryArgs): Promise<TableSummaryOutcome> => {
      if (!args) return 'none';
      const commands = await vscode.commands.getCommands(true);
      if (commands.includes(PREVIEW_COMMAND)) {
        await vscode.commands.executeCommand(PREVIEW_COMMAND, vscode.Uri.parse(args.uri));
        return 'preview';
      }
      return reveal(args);
    }),
  );
}
