/// <reference types="mocha" />
// Over 300 lines: one scenario of issue #17 driven key by key needs its helpers (cursor, cells, undo
// history) next to it; splitting them off would only hide what each wait is for.
//
// Spreadsheet table editing in a real VS Code, driven like a user with the keyboard only (keys pressed
// by the launcher in the workbench page, lib/driver.ts): a 5-column table built from a pasted TSV
// (pasted, then "Paste as Markdown table" chosen in the paste widget with Ctrl+.), Tab through it, rows
// added with Tab and Enter, a column moved and one deleted, rows sorted by a date column and by status,
// then every step undone with Ctrl+Z, each table action exactly one undo step. Then what the keys do
// elsewhere (outside tables, Shift+Enter, the setting off), the context menu, CSV to table and back.
// Screenshots for the README.
//
// Waiting: the suite sees the editor through the extension host, which learns of a cursor the
// extension set before the workbench has it (the workbench applies it a message later). So after
// every wait on the cursor the suite makes one round trip to the workbench (`sync`), and only then
// presses the next key: a key never reaches the workbench before the state it depends on.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForEvent, workspaceFile } from './helpers';
import { PREFIX } from './results';
import { choose, keyboardAvailable, palette, paste, press, screenshot, texts, typeText } from './keyboard';

const PAGE = 'table-editing.md';
const KEYS_PAGE = 'table-keys.md';
const TSV = ['Feature\tStatus\tPriority\tOwner\tDate', 'Login\tRed\tMust\tAna\t2024-03-10', 'Search\tGreen\tShould\tBo\t2024-01-15'].join(
  '\n',
);
/** The rows of the paste widget's list (Ctrl+.) and of the editor's context menu (Shift+F10). */
const PASTE_ROWS = '.action-widget .monaco-list-row';
const MENU_ROWS = '.context-view .monaco-menu .action-item:not(.disabled)';
const MENU_LABELS = '.context-view .monaco-menu .action-item:not(.disabled) .action-label';

const editorSettings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
const QUIET: Record<string, unknown> = {
  // Statuses and priorities typed in cells open the completion list, and Tab then accepts a suggestion
  // (the table keys leave an open list alone): no list pops up while this suite types.
  suggestOnTriggerCharacters: false,
  quickSuggestions: { other: 'off', comments: 'off', strings: 'off' },
  // The screenshots show the cursor.
  cursorBlinking: 'solid',
};

function editor(): vscode.TextEditor {
  const e = vscode.window.activeTextEditor;
  assert.ok(e, 'an active editor');
  return e;
}
const text = (): string => editor().document.getText();
const here = (): string => {
  const p = editor().selection.active;
  return `${p.line}:${p.character}`;
};

let syncs = 0;
/** One round trip to the workbench: what the extension host sent it before (a cursor it set) has been applied. */
const sync = async (): Promise<void> => void (await vscode.commands.executeCommand('setContext', 'releasePagesTest.sync', ++syncs));

/**
 * Waits until `condition` holds, re-checked on every text or selection change of the editor, then syncs
 * and checks again: what the workbench sent in the meantime (a selection it had before applying the
 * one the extension set) must not undo it. The run log notes each time it did.
 */
async function until(condition: () => boolean, what: string): Promise<void> {
  const changed: vscode.Event<unknown> = (listener) => {
    const a = vscode.workspace.onDidChangeTextDocument(listener);
    const b = vscode.window.onDidChangeTextEditorSelection(listener);
    const c = vscode.window.onDidChangeActiveTextEditor(listener);
    return { dispose: () => (a.dispose(), b.dispose(), c.dispose()) };
  };
  for (let round = 0; ; round++) {
    await waitForEvent(changed, condition, `${what} (now at ${here()}, text:\n${text()})`, 60_000);
    await sync();
    if (condition()) return;
    console.log(`${PREFIX} note: "${what}" held, then no longer after a round trip to the workbench (now at ${here()})`);
    assert.ok(round < 5, `"${what}" keeps changing back`);
  }
}

/** Waits for a value outside the editor (the clipboard), asked again every 50 ms until `timeoutMs`. */
async function poll<T>(read: () => Thenable<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
  }
}

/** The first table's lines (from the header to the last row). */
function table(): string[] {
  const lines = text().split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const out: string[] = [];
  if (start < 0) return out;
  for (let l = start; l < lines.length && lines[l].startsWith('|'); l++) out.push(lines[l]);
  return out;
}
const cells = (line: string): string[] =>
  line
    .split('|')
    .slice(1, -1)
    .map((s) => s.trim());
const column = (c: number): string[] =>
  table()
    .slice(2)
    .map((l) => cells(l)[c]);
const header = (): string[] => cells(table()[0] ?? '');

/** True when the cursor is at the start of cell `c` of table line `row` (0: header, 2…: body). */
function atCell(row: number, c: number): boolean {
  const first = text()
    .split('\n')
    .findIndex((l) => l.startsWith('|'));
  const pos = editor().selection.active;
  const pipes = [
    ...editor()
      .document.lineAt(pos.line)
      .text.matchAll(/(?<!\\)\|/g),
  ].map((m) => m.index);
  return first >= 0 && pos.line === first + row && c < pipes.length && pos.character === pipes[c] + 2;
}

/** Presses a key and waits until the cursor is at the start of cell `c` of table line `row`. */
async function pressTo(key: string, row: number, c: number): Promise<void> {
  await press(key);
  await until(() => atCell(row, c), `${key}: the cursor at row ${row}, cell ${c}`);
}

/** Types text at the cursor and waits until the editor has it (before the next key). */
async function typeInCell(typed: string): Promise<void> {
  await typeText(typed);
  await until(() => {
    const p = editor().selection.active;
    return editor().document.lineAt(p.line).text.slice(0, p.character).endsWith(typed);
  }, `"${typed}" typed`);
}

/** Go to Line/Column (Ctrl+G) with 1-based numbers, then waits until the table context key says `inTable`. */
async function goTo(line: number, character: number, inTable = true): Promise<void> {
  await press('Control+G');
  await typeText(`${line}:${character}`);
  await press('Enter');
  await until(() => here() === `${line - 1}:${character - 1}`, `the cursor at ${line}:${character}`);
  await vscode.commands.executeCommand('releasePages.table.whenInTable', inTable);
}

/** Opens a fresh page with `content` in the editor, the cursor at its start. */
async function openPage(name: string, content: string): Promise<void> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  await until(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), `${name} in the editor`);
}

/** Sets `releasePages.tableEditing.keys` (undefined: the default) and waits until the extension host and the workbench have it. */
async function setKeys(value: boolean | undefined): Promise<void> {
  const current = (): boolean | undefined => vscode.workspace.getConfiguration('releasePages').get<boolean>('tableEditing.keys');
  await vscode.workspace.getConfiguration('releasePages').update('tableEditing.keys', value, vscode.ConfigurationTarget.Global);
  await waitForEvent(vscode.workspace.onDidChangeConfiguration, () => current() === (value ?? true), `tableEditing.keys ${String(value)}`);
  await sync();
}

/** Presses Ctrl+Z and waits until the page is `expected` again. */
async function undoTo(expected: string, what: string): Promise<void> {
  await press('Control+Z');
  await until(() => text() === expected, `undo: ${what}`);
}

/** The editor's context menu (Shift+F10): its enabled entries, then closed with Escape. */
async function contextMenu(): Promise<string[]> {
  await press('Shift+F10');
  const labels = await texts(MENU_LABELS);
  await press('Escape');
  return labels;
}

suite('Release Pages: table editing (keyboard)', function () {
  suiteSetup(async function () {
    if (!keyboardAvailable()) this.skip();
    for (const [key, value] of Object.entries(QUIET)) await editorSettings().update(key, value, vscode.ConfigurationTarget.Global, true);
  });

  suiteTeardown(async () => {
    for (const key of Object.keys(QUIET)) await editorSettings().update(key, undefined, vscode.ConfigurationTarget.Global, true);
    await vscode.workspace.getConfiguration('releasePages').update('tableEditing.keys', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const page of [PAGE, KEYS_PAGE]) await vscode.workspace.fs.delete(workspaceFile(page)).then(undefined, () => undefined);
  });

  const failureShot = async (e: unknown, file: string): Promise<never> => {
    await screenshot(file).catch(() => undefined);
    throw e;
  };

  test('build a table from a pasted TSV, Tab through it, add rows, move and delete a column, sort, undo each step', async function () {
    this.timeout(600_000); // some 80 key presses, each waited for, on a loaded machine
    await buildSortUndo().catch((e: unknown) => failureShot(e, 'table-editing-failure.png'));
  });

  test('the keys elsewhere: outside tables, Shift+Enter, the setting off; the context menu; CSV to table and back', async function () {
    this.timeout(300_000);
    await keysElsewhere().catch((e: unknown) => failureShot(e, 'table-keys-failure.png'));
  });
});

async function buildSortUndo(): Promise<void> {
  const start = '# Release 9.9 features\n\nPaste the spreadsheet here:\n\n';
  await openPage(PAGE, start);
  await press('Control+End');
  await until(() => here() === '4:0', 'the cursor at the end of the page');

  /** Every step that changed the page: the text before it, and whether it must be exactly one undo step. */
  const history: Array<{ before: string; what: string; typing: boolean }> = [];
  const act = async (what: string, action: () => Promise<void>, typing = false): Promise<void> => {
    const before = text();
    await action();
    if (text() !== before) history.push({ before, what, typing });
  };

  // Paste a spreadsheet's copy: the plain paste is the default; the paste widget offers the table
  // (Ctrl+. opens its list), and choosing it replaces the pasted text with an aligned table.
  await act('paste as Markdown table', async () => {
    const met = await paste(TSV);
    await until(() => text().includes('Search\tGreen'), `the pasted TSV (the paste event: ${met})`);
    await press('Control+.');
    const offers = await texts(PASTE_ROWS);
    assert.ok(
      offers.some((o) => o.startsWith('Paste as Markdown table')),
      `the paste widget offers the table: ${JSON.stringify(offers)}`,
    );
    await choose(PASTE_ROWS, 'Paste as Markdown table', null);
    await screenshot('table-editing-paste.png', true);
    await press('Enter');
    await until(() => table().length === 4 && !text().includes('\t'), 'the TSV pasted as a table');
  });
  assert.deepEqual(table(), [
    '| Feature | Status | Priority | Owner | Date       |',
    '| ------- | ------ | -------- | ----- | ---------- |',
    '| Login   | Red    | Must     | Ana   | 2024-03-10 |',
    '| Search  | Green  | Should   | Bo    | 2024-01-15 |',
  ]);

  // Tab / Shift+Tab through the cells; Alt+Up/Down between rows.
  await goTo(5, 3);
  for (let c = 1; c < 5; c++) await act('Tab', () => pressTo('Tab', 0, c));
  await act('Tab to the next row', () => pressTo('Tab', 2, 0));
  await act('Shift+Tab', () => pressTo('Shift+Tab', 0, 4));
  await pressTo('Alt+ArrowDown', 2, 4);
  await pressTo('Alt+ArrowDown', 3, 4);
  await pressTo('Alt+ArrowUp', 2, 4);
  await pressTo('Alt+ArrowDown', 3, 4);

  // Tab in the last cell adds a row; the table is aligned as the cells are filled.
  await act('Tab in the last cell', () => pressTo('Tab', 4, 0));
  for (const [c, typed] of ['Export', 'Orange', 'Optional', 'Cy'].entries()) {
    await act(`type ${typed}`, () => typeInCell(typed), true);
    await act(`Tab after ${typed}`, () => pressTo('Tab', 4, c + 1));
  }
  await act('type a date', () => typeInCell('March 2, 2024'), true);
  // Enter at the end of a row adds a row below.
  await press('End');
  await until(() => editor().selection.active.character === editor().document.lineAt(editor().selection.active.line).text.length, 'End');
  await act('Enter at the end of the row', () => pressTo('Enter', 5, 0));
  for (const [c, typed] of ['Reports', 'Green', 'Must', 'Di'].entries()) {
    await act(`type ${typed}`, () => typeInCell(typed), true);
    await act(`Tab after ${typed}`, () => pressTo('Tab', 5, c + 1));
    if (c === 1) await screenshot('table-editing.png', true); // mid-edit: the cursor in the new row's Priority cell
  }
  await act('type a date', () => typeInCell('2023-12-01'), true);
  await act('Shift+Tab', () => pressTo('Shift+Tab', 5, 3));
  assert.deepEqual(table(), [
    '| Feature | Status | Priority | Owner | Date          |',
    '| ------- | ------ | -------- | ----- | ------------- |',
    '| Login   | Red    | Must     | Ana   | 2024-03-10    |',
    '| Search  | Green  | Should   | Bo    | 2024-01-15    |',
    '| Export  | Orange | Optional | Cy    | March 2, 2024 |',
    '| Reports | Green  | Must     | Di    | 2023-12-01    |',
  ]);

  // The context menu inside the table has the Table submenu (Shift+F10, then Right to open it).
  await press('Shift+F10');
  await choose(MENU_ROWS, 'Table', 'ArrowRight');
  const submenu = await texts('.context-view .monaco-submenu .action-label');
  assert.ok(submenu.includes('Move column left'), `the Table submenu: ${JSON.stringify(submenu)}`);
  await screenshot('table-editing-menu.png', true);
  await press('Escape', 'Escape');
  await sync();

  const step = async (title: string, done: () => boolean): Promise<void> =>
    act(title, async () => {
      await palette(`Release Pages: Table: ${title}`);
      await until(done, title);
    });
  // The cursor is in the Owner column: move it left of Priority, then delete it.
  await step('Move column left', () => header()[2] === 'Owner');
  assert.deepEqual(header(), ['Feature', 'Status', 'Owner', 'Priority', 'Date']);
  assert.deepEqual(column(2), ['Ana', 'Bo', 'Cy', 'Di']);
  await step('Delete column', () => header().length === 4);
  assert.deepEqual(header(), ['Feature', 'Status', 'Priority', 'Date']);

  // Sort by the date column (dates as dates, whatever their shape), then by status, descending.
  await act('Tab', () => pressTo('Tab', 5, 3));
  await step('Sort rows by this column (ascending)', () => column(0).join() === 'Reports,Search,Export,Login');
  // The cursor moved with its row (Reports, now first); to its Status cell.
  await act('Shift+Tab', () => pressTo('Shift+Tab', 2, 2));
  await pressTo('Alt+ArrowDown', 3, 2);
  await pressTo('Alt+ArrowUp', 2, 2);
  await act('Shift+Tab', () => pressTo('Shift+Tab', 2, 1));
  await step('Sort rows by this column (descending)', () => column(0).join() === 'Login,Export,Reports,Search');
  assert.deepEqual(column(1), ['Red', 'Orange', 'Green', 'Green']);
  await screenshot('table-editing-sorted.png');

  // Back to the empty page with Ctrl+Z: each table action is exactly one undo step (typing may be several).
  for (let i = history.length - 1; i >= 0; i--) {
    const { before, what, typing } = history[i];
    for (let presses = 1; ; presses++) {
      const now = text();
      await press('Control+Z');
      await until(() => text() !== now, `Ctrl+Z changes the page (undoing ${what})`);
      if (text() === before) break;
      assert.ok(typing && presses < 20, `undoing "${what}" took more than one undo step; after one the page is:\n${text()}`);
    }
  }
  assert.equal(text(), start);
}

async function keysElsewhere(): Promise<void> {
  const start = '# Keys\n\nPlain text line.\n\nName,Status\nLogin,Green\n';
  await openPage(KEYS_PAGE, start);

  // CSV to table: the lines selected with Shift+Down, converted from the Command Palette.
  await goTo(5, 1, false);
  await press('Shift+ArrowDown', 'Shift+ArrowDown');
  await until(() => editor().selection.end.line === 6 && editor().selection.start.line === 4, 'the CSV lines selected');
  await palette('Release Pages: Table: Convert CSV/TSV selection to table');
  await until(() => table().length === 3, 'the CSV converted to a table');
  assert.deepEqual(table(), ['| Name  | Status |', '| ----- | ------ |', '| Login | Green  |']);
  const page = text();

  // Table to CSV: the table at the cursor on the clipboard.
  await goTo(7, 3);
  await vscode.env.clipboard.writeText('');
  await palette('Release Pages: Table: Copy table as CSV');
  const csv = await poll(
    () => vscode.env.clipboard.readText(),
    (c) => c !== '',
    'the table copied as CSV',
  );
  assert.deepEqual(
    csv.split(/\r?\n/).filter((l) => l !== ''),
    ['Name,Status', 'Login,Green'],
  );

  // Inside the table: Enter anywhere but a row's end, and Shift+Enter, keep their meaning (a line break, no row).
  await goTo(7, 1);
  await press('Enter');
  await until(() => editor().document.lineCount === page.split('\n').length + 1, 'Enter at the start of a row');
  assert.equal(editor().document.lineAt(6).text, '', 'Enter at the start of a row breaks the line');
  await undoTo(page, 'Enter at the start of a row');
  await goTo(7, 19);
  await press('Shift+Enter');
  await until(() => editor().document.lineCount === page.split('\n').length + 1, 'Shift+Enter at the end of a row');
  assert.equal(editor().document.lineAt(7).text.trim(), '', 'Shift+Enter adds no row');
  await undoTo(page, 'Shift+Enter');

  // Outside a table: Tab indents, Enter breaks the line, Alt+Down moves the line.
  await goTo(3, 1, false);
  await press('Tab');
  await until(() => /^\s+Plain text line\.$/.test(editor().document.lineAt(2).text), 'Tab outside a table indents');
  await undoTo(page, 'Tab outside a table');
  await goTo(3, 17, false);
  await press('Enter');
  await until(() => editor().document.lineCount === page.split('\n').length + 1, 'Enter outside a table');
  await undoTo(page, 'Enter outside a table');
  await goTo(3, 1, false);
  await press('Alt+ArrowDown');
  await until(() => editor().document.lineAt(3).text === 'Plain text line.', 'Alt+Down outside a table moves the line');
  await undoTo(page, 'Alt+Down outside a table');

  // The context menu: the Table submenu inside a table only; outside it, with a selection, the conversion.
  await goTo(7, 3);
  assert.ok((await contextMenu()).includes('Table'), 'the Table submenu inside a table');
  await goTo(3, 1, false);
  assert.ok(!(await contextMenu()).includes('Table'), 'no Table submenu outside a table');
  await press('Shift+End');
  await until(() => !editor().selection.isEmpty, 'a selection outside the table');
  assert.ok((await contextMenu()).includes('Convert CSV/TSV selection to table'), 'the conversion for a selection');

  // The setting off: inside the table Tab, Enter and Alt+Down do what they do elsewhere.
  await setKeys(false);
  await goTo(7, 3);
  await press('Tab');
  await until(() => text() !== page, 'Tab with the setting off');
  assert.ok(!atCell(2, 1), 'Tab did not move to the next cell');
  assert.match(editor().document.lineAt(6).text, /^\| {2,}/, 'Tab indented the cell');
  await undoTo(page, 'Tab with the setting off');
  await goTo(7, 19);
  await press('Enter');
  await until(() => editor().document.lineCount === page.split('\n').length + 1, 'Enter with the setting off');
  assert.equal(editor().document.lineAt(7).text.trim(), '', 'Enter with the setting off adds no row');
  await undoTo(page, 'Enter with the setting off');
  await goTo(7, 3);
  await press('Alt+ArrowUp');
  await until(() => editor().document.lineAt(5).text === '| Login | Green  |', 'Alt+Up with the setting off moves the line');
  await undoTo(page, 'Alt+Up with the setting off');
  await setKeys(undefined);
  await goTo(7, 3);
  await pressTo('Tab', 2, 1);
}
