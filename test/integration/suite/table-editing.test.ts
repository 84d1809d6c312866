/// <reference types="mocha" />
// Spreadsheet table editing in a real VS Code, driven like a user with the keyboard only (keys pressed
// by the launcher in the workbench page, lib/driver.ts): a 5-column table built from a pasted TSV
// (pasted as text, selected with Shift+arrows, converted from the Command Palette), Tab
// through it, rows added with Tab and Enter, a column moved and one deleted, rows sorted by a date
// column and by status, each structural step undone with Ctrl+Z. Screenshots for the README.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForEvent, workspaceFile } from './helpers';
import { keyboardAvailable, palette, paste, press, screenshot, typeText } from './keyboard';

const PAGE = 'table-editing.md';
const TSV = ['Feature\tStatus\tPriority\tOwner\tDate', 'Login\tRed\tMust\tAna\t2024-03-10', 'Search\tGreen\tShould\tBo\t2024-01-15'].join(
  '\n',
);

const markdownEditor = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });

function editor(): vscode.TextEditor {
  const e = vscode.window.activeTextEditor;
  assert.ok(e, 'an active editor');
  return e;
}

const here = (): string => {
  const p = editor().selection.active;
  return `${p.line}:${p.character}`;
};

/** Waits until `condition` holds, re-checked on every text or selection change of the editor. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const changed: vscode.Event<unknown> = (listener) => {
    const a = vscode.workspace.onDidChangeTextDocument(listener);
    const b = vscode.window.onDidChangeTextEditorSelection(listener);
    return { dispose: () => (a.dispose(), b.dispose()) };
  };
  await waitForEvent(changed, condition, `${what} (now at ${here()}, text:\n${editor().document.getText()})`, 60_000);
}

/** The table's lines (from the header to the last row). */
function table(): string[] {
  const lines = editor().document.getText().split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const out: string[] = [];
  if (start < 0) return out;
  for (let l = start; l < lines.length && lines[l].startsWith('|'); l++) out.push(lines[l]);
  return out;
}

const column = (c: number): string[] =>
  table()
    .slice(2)
    .map((l) => l.split('|')[c + 1].trim());
const header = (): string[] =>
  table()[0]
    .split('|')
    .slice(1, -1)
    .map((s) => s.trim());

/** Presses a key and waits until the cursor is at the start of cell `c` of table line `row` (0: header, 2…: body). */
async function pressTo(key: string, row: number, c: number): Promise<void> {
  await press(key);
  await until(() => {
    const first = editor()
      .document.getText()
      .split('\n')
      .findIndex((l) => l.startsWith('|'));
    const pos = editor().selection.active;
    const line = editor().document.lineAt(pos.line).text;
    const pipes = [...line.matchAll(/(?<!\\)\|/g)].map((m) => m.index);
    return pos.line === first + row && pos.character === pipes[c] + 2;
  }, `${key}: the cursor at row ${row}, cell ${c}`);
}

/** Types text into the cell at the cursor and waits until the editor has it (before the next key). */
async function typeInCell(text: string): Promise<void> {
  await typeText(text);
  await until(() => {
    const p = editor().selection.active;
    return editor().document.lineAt(p.line).text.slice(0, p.character).endsWith(text);
  }, `"${text}" typed`);
}

/** Go to Line/Column (Ctrl+G) with 1-based numbers, then waits for the table context key. */
async function goTo(line: number, character: number): Promise<void> {
  await press('Control+G');
  await typeText(`${line}:${character}`);
  await press('Enter');
  await until(() => here() === `${line - 1}:${character - 1}`, `the cursor at ${line}:${character}`);
  await vscode.commands.executeCommand('releasePages.table.whenInTable', true);
}

suite('Release Pages: table editing (keyboard)', function () {
  suiteSetup(async function () {
    if (!keyboardAvailable()) this.skip();
    // Statuses and priorities typed in cells open the completion list, and Tab then accepts a suggestion
    // (the table keys leave an open list alone): no list pops up while this suite types.
    await markdownEditor().update('suggestOnTriggerCharacters', false, vscode.ConfigurationTarget.Global, true);
    await markdownEditor().update(
      'quickSuggestions',
      { other: 'off', comments: 'off', strings: 'off' },
      vscode.ConfigurationTarget.Global,
      true,
    );
  });

  suiteTeardown(async () => {
    await markdownEditor().update('suggestOnTriggerCharacters', undefined, vscode.ConfigurationTarget.Global, true);
    await markdownEditor().update('quickSuggestions', undefined, vscode.ConfigurationTarget.Global, true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile(PAGE)).then(undefined, () => undefined);
  });

  test('build a table from a pasted TSV, Tab through it, add rows, move and delete a column, sort, undo', async function () {
    this.timeout(600_000); // some 60 key presses, each waited for, on a loaded machine
    try {
      await buildSortUndo();
    } catch (e) {
      await screenshot('table-editing-failure.png').catch(() => undefined);
      throw e;
    }
  });
});

async function buildSortUndo(): Promise<void> {
  const uri = workspaceFile(PAGE);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Release 9.9 features\n\nPaste the spreadsheet here:\n\n'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  await press('Control+End');
  await until(() => here() === '4:0', 'the cursor at the end of the page');

  // Paste a spreadsheet's copy: it becomes an aligned Markdown table ("Paste as Markdown table").
  // Paste a spreadsheet's copy (plain text: the default paste), select it, convert it to a table.
  const met = await paste(TSV);
  await until(
    () => editor().document.lineCount >= 7 && editor().document.lineAt(6).text.startsWith('Search\t'),
    `the pasted TSV (the paste event: ${met})`,
  );
  await press('Escape'); // closes the paste widget that offers "Paste as Markdown table"
  await press('Shift+ArrowUp', 'Shift+ArrowUp', 'Shift+Home');
  await until(() => editor().selection.start.line === 4 && editor().selection.start.character === 0, 'the pasted lines selected');
  await palette('Release Pages: Table: Convert CSV/TSV selection to table');
  await until(() => table().length === 4, 'the TSV converted to a table');
  assert.deepEqual(table(), [
    '| Feature | Status | Priority | Owner | Date       |',
    '| ------- | ------ | -------- | ----- | ---------- |',
    '| Login   | Red    | Must     | Ana   | 2024-03-10 |',
    '| Search  | Green  | Should   | Bo    | 2024-01-15 |',
  ]);

  // Tab / Shift+Tab through the cells; Alt+Up/Down between rows.
  await goTo(5, 3);
  await pressTo('Tab', 0, 1);
  for (let c = 2; c < 5; c++) await pressTo('Tab', 0, c);
  await pressTo('Tab', 2, 0);
  await pressTo('Shift+Tab', 0, 4);
  await pressTo('Alt+ArrowDown', 2, 4);
  await pressTo('Alt+ArrowDown', 3, 4);
  await pressTo('Alt+ArrowUp', 2, 4);
  await pressTo('Alt+ArrowDown', 3, 4);

  // Tab in the last cell adds a row; the table is aligned as the cells are filled.
  await pressTo('Tab', 4, 0);
  for (const [c, text] of ['Export', 'Orange', 'Optional', 'Cy'].entries()) {
    await typeInCell(text);
    await pressTo('Tab', 4, c + 1);
  }
  await typeInCell('March 2, 2024');
  // Enter at the end of a row adds a row below.
  await press('End');
  await pressTo('Enter', 5, 0);
  for (const [c, text] of ['Reports', 'Green', 'Must', 'Di'].entries()) {
    await typeInCell(text);
    await pressTo('Tab', 5, c + 1);
  }
  await typeInCell('2023-12-01');
  await pressTo('Shift+Tab', 5, 3);
  assert.deepEqual(table(), [
    '| Feature | Status | Priority | Owner | Date          |',
    '| ------- | ------ | -------- | ----- | ------------- |',
    '| Login   | Red    | Must     | Ana   | 2024-03-10    |',
    '| Search  | Green  | Should   | Bo    | 2024-01-15    |',
    '| Export  | Orange | Optional | Cy    | March 2, 2024 |',
    '| Reports | Green  | Must     | Di    | 2023-12-01    |',
  ]);
  await screenshot('table-editing.png', true);

  const steps: string[] = [];
  const step = async (title: string, done: () => boolean): Promise<void> => {
    steps.push(editor().document.getText());
    await palette(`Release Pages: Table: ${title}`);
    await until(done, title);
  };
  // The cursor is in the Owner column: move it left of Priority, then delete it.
  await step('Move column left', () => header()[2] === 'Owner');
  assert.deepEqual(header(), ['Feature', 'Status', 'Owner', 'Priority', 'Date']);
  assert.deepEqual(column(2), ['Ana', 'Bo', 'Cy', 'Di']);
  await step('Delete column', () => header().length === 4);
  assert.deepEqual(header(), ['Feature', 'Status', 'Priority', 'Date']);

  // Sort by the date column (dates as dates, whatever their shape), then by status, descending.
  await pressTo('Tab', 5, 3);
  await step('Sort rows by this column (ascending)', () => column(0).join() === 'Reports,Search,Export,Login');
  // The cursor moved with its row (Reports, now first); to its Status cell.
  await pressTo('Shift+Tab', 2, 2);
  await pressTo('Alt+ArrowDown', 3, 2);
  await pressTo('Alt+ArrowUp', 2, 2);
  await pressTo('Shift+Tab', 2, 1);
  await step('Sort rows by this column (descending)', () => column(0).join() === 'Login,Export,Reports,Search');
  assert.deepEqual(column(1), ['Red', 'Orange', 'Green', 'Green']);
  await screenshot('table-editing-sorted.png', true);

  // Each structural step is one undo step.
  for (let i = steps.length - 1; i >= 0; i--) {
    await press('Control+Z');
    await until(() => editor().document.getText() === steps[i], `undo back to the text before step ${i + 1}`);
  }
}
