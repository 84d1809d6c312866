/**
 * Spreadsheet table editing in the editor: the `releasePages.inTable` context key (from the table ranges
 * the server sends after each check, shifted by the edits made since), the `releasePages.table.*`
 * commands and what their keys do outside a row's end. The server computes every edit; each command is
 * one undo step.
 */
import * as vscode from 'vscode';
import { t } from './l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { TableEditRequest, TablesNotification, type TableEditOp, type TableEditParams, type TableEditResult } from '../../shared/protocol';

const CONTEXT_KEY = 'releasePages.inTable';

/** Command id suffix → operation; the keyed ones fall back to the key's usual command outside a table. */
const OPS: ReadonlyArray<[string, TableEditOp]> = [
  ['nextCell', 'nextCell'],
  ['previousCell', 'previousCell'],
  ['cellAbove', 'cellAbove'],
  ['cellBelow', 'cellBelow'],
  ['insertRowAbove', 'insertRowAbove'],
  ['insertRowBelow', 'insertRowBelow'],
  ['deleteRow', 'deleteRow'],
  ['moveRowUp', 'moveRowUp'],
  ['moveRowDown', 'moveRowDown'],
  ['insertColumnLeft', 'insertColumnLeft'],
  ['insertColumnRight', 'insertColumnRight'],
  ['deleteColumn', 'deleteColumn'],
  ['moveColumnLeft', 'moveColumnLeft'],
  ['moveColumnRight', 'moveColumnRight'],
  ['sortAscending', 'sortAscending'],
  ['sortDescending', 'sortDescending'],
];

/** What a key does when the command finds no table after all (the context key was a check behind). */
const FALLBACK: Partial<Record<TableEditOp, string>> = {
  nextCell: 'tab',
  previousCell: 'outdent',
  cellAbove: 'editor.action.moveLinesUpAction',
  cellBelow: 'editor.action.moveLinesDownAction',
};

/** Table line ranges of each open document, as of the last check, moved along with later edits. */
class TableRanges implements vscode.Disposable {
  private readonly ranges = new Map<string, Array<[number, number]>>();
  private inTable = false;
  /** The value the context key has (set after `setContext` resolved). */
  private applied = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly waiting = new Set<{ value: boolean; resolve: () => void }>();

  constructor(client: LanguageClient) {
    this.disposables.push(
      client.onNotification(TablesNotification, ({ uri, version, tables }) => {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
        // The ranges of an older version (a check that finished while the page was being edited) are
        // stale: the ranges kept here were moved along with the edits since, so they stay until the check
        // of the current version. Taking the old ones lost the row Tab or Enter had just added (the key
        // then did its usual thing there). Only when nothing is known yet are they the best guess.
        if (!doc || doc.version === version || !this.ranges.has(uri)) this.ranges.set(uri, tables);
        this.update();
      }),
      vscode.window.onDidChangeTextEditorSelection(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => this.shift(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.ranges.delete(d.uri.toString())),
    );
  }

  /** Moves the ranges by the lines each change adds or removes; a change inside a table grows or shrinks it. */
  private shift(e: vscode.TextDocumentChangeEvent): void {
    const tables = this.ranges.get(e.document.uri.toString());
    if (!tables) return;
    for (const change of e.contentChanges) {
      const added = (change.text.match(/\r\n|\r|\n/g)?.length ?? 0) - (change.range.end.line - change.range.start.line);
      if (added === 0) continue;
      const at = change.range.start.line;
      for (const t of tables) {
        if (t[0] > at) t[0] = Math.max(at + 1, t[0] + added);
        if (t[1] >= at) t[1] = Math.max(t[0], t[1] + added);
      }
    }
    this.update();
  }

  /** Sets the table after an edit this module made (the server's next check will confirm it). */
  set(uri: string, table: { start: number; end: number }): void {
    const tables = this.ranges.get(uri) ?? [];
    const i = tables.findIndex((t) => t[0] === table.start);
    if (i >= 0) tables[i] = [table.start, table.end];
    else tables.push([table.start, table.end]);
    this.ranges.set(uri, tables);
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    let inside = false;
    if (editor && editor.document.languageId === 'markdown') {
      const line = editor.selection.active.line;
      inside = (this.ranges.get(editor.document.uri.toString()) ?? []).some(([s, e]) => s <= line && line <= e);
    }
    if (inside === this.inTable) return;
    this.inTable = inside;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, inside).then(() => {
      if (this.inTable !== inside) return; // a later update is on its way
      this.applied = inside;
      for (const w of this.waiting) {
        if (w.value !== inside) continue;
        this.waiting.delete(w);
        w.resolve();
      }
    });
  }

  /** Resolves once the context key has `value` (the integration suite waits on it before pressing a key). */
  whenInTable(value: boolean): Promise<void> {
    this.update();
    if (this.applied === value && this.inTable === value) return Promise.resolve();
    return new Promise((resolve) => this.waiting.add({ value, resolve }));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const w of this.waiting) w.resolve();
    this.waiting.clear();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, false);
  }
}

/** Asks the server for the edit and applies it as one undo step, the cursor where the server says. */
export async function runTableEdit(
  client: LanguageClient,
  ranges: { set(uri: string, table: { start: number; end: number }): void },
  op: TableEditOp,
  args?: TableEditParams['args'],
): Promise<TableEditResult | null> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return null;
  const doc = editor.document;
  const result = await client.sendRequest(TableEditRequest, {
    uri: doc.uri.toString(),
    version: doc.version,
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    op,
    args,
  });
  if (!result || result.edits === null || result.cursor === null) return result;
  if (result.version !== doc.version) {
    vscode.window.setStatusBarMessage('Release Pages: the page changed while the table was being edited; try again.', 3000);
    return null;
  }
  if (result.note) vscode.window.setStatusBarMessage(`Release Pages: ${result.note}`, 3000);
  const edits = result.edits.map((e) => ({ range: client.protocol2CodeConverter.asRange(e.range), newText: e.newText }));
  if (edits.length > 0) {
    const ok = await editor.edit(
      (builder) => {
        for (const e of edits) builder.replace(e.range, e.newText);
      },
      { undoStopBefore: true, undoStopAfter: true },
    );
    if (!ok) return null;
  }
  const cursor = client.protocol2CodeConverter.asPosition(result.cursor);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor));
  if (result.table) ranges.set(doc.uri.toString(), result.table);
  return result;
}

function isRowEnd(editor: vscode.TextEditor): boolean {
  const pos = editor.selection.active;
  const text = editor.document.lineAt(pos.line).text;
  const trimmed = text.trimEnd();
  return editor.selection.isEmpty && pos.character >= trimmed.length && trimmed.endsWith('|');
}

export function registerTableEditing(context: vscode.ExtensionContext, client: LanguageClient): TableRanges {
  const ranges = new TableRanges(client);
  context.subscriptions.push(ranges);
  const keyed = async (op: TableEditOp): Promise<void> => {
    const result = await runTableEdit(client, ranges, op);
    const fallback = FALLBACK[op];
    if (result?.edits === null && fallback) await vscode.commands.executeCommand(fallback);
    if (result?.sortedAs)
      vscode.window.setStatusBarMessage(`Release Pages: rows sorted by the column's values read as ${result.sortedAs}`, 3000);
  };
  for (const [name, op] of OPS) context.subscriptions.push(vscode.commands.registerCommand(`releasePages.table.${name}`, () => keyed(op)));
  context.subscriptions.push(
    // Internal (not in the palette): resolves once `releasePages.inTable` is `value` (the integration suite).
    vscode.commands.registerCommand('releasePages.table.whenInTable', (value: boolean) => ranges.whenInTable(value)),
    // Enter: a new row only at the end of a row; anywhere else Enter keeps its meaning.
    vscode.commands.registerCommand('releasePages.table.enter', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor && isRowEnd(editor)) {
        const result = await runTableEdit(client, ranges, 'newRowBelow');
        if (result?.edits !== null) return;
      }
      await vscode.commands.executeCommand('type', { text: '\n' });
    }),
    vscode.commands.registerCommand('releasePages.table.alignColumn', async (align?: 'left' | 'center' | 'right' | 'none') => {
      const choice =
        align ??
        (
          await vscode.window.showQuickPick(
            [
              { label: t('Left'), value: 'left' as const },
              { label: t('Center'), value: 'center' as const },
              { label: t('Right'), value: 'right' as const },
              { label: t('None'), description: t('no colon in the delimiter row'), value: 'none' as const },
            ],
            { placeHolder: t('Align the column at the cursor') },
          )
        )?.value;
      if (choice) await runTableEdit(client, ranges, 'alignColumn', { align: choice === 'none' ? null : choice });
    }),
    vscode.commands.registerCommand('releasePages.table.copyAsCsv', async () => {
      const result = await runTableEdit(client, ranges, 'copyCsv');
      if (result?.text === undefined) {
        void vscode.window.showInformationMessage(t('Release Pages: there is no table at the cursor.'));
        return;
      }
      await vscode.env.clipboard.writeText(result.text);
      vscode.window.setStatusBarMessage(t('Release Pages: table copied as CSV'), 3000);
    }),
    vscode.commands.registerCommand('releasePages.table.convertSelection', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.selection.isEmpty) {
        void vscode.window.showInformationMessage(t('Release Pages: select CSV or TSV lines to convert them to a table.'));
        return;
      }
      const range = client.code2ProtocolConverter.asRange(editor.selection);
      const result = await runTableEdit(client, ranges, 'convert', { text: editor.document.getText(editor.selection), range });
      if (result && result.edits === null) void vscode.window.showInformationMessage(t('Release Pages: the selection is not CSV or TSV.'));
    }),
  );
  return ranges;
}
