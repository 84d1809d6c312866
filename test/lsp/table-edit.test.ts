// Table editing over stdio against the built server: the `releasePages/tableEdit` request (an operation at
// a cell, a conversion, the preview's row order) and the `releasePages/tables` notification of table lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from '../helpers/lsp-client';
import { TableEditRequest, TablesNotification, type TableEditParams, type TableEditResult, type TablesParams } from '../../shared/protocol';

const apply = (text: string, edits: TextEdit[]): string => TextDocument.applyEdits(TextDocument.create('x:y', 'markdown', 1, text), edits);

const PAGE = '# Plan\n\n| Feature | Status |\n|---|---|\n| a | Red |\n| b | Green |\n\nText.\n\n> | x |\n> |---|\n> | 1 |\n';

test('tables notification after each check; tableEdit edits, cursor, notes, conversion, row order', async () => {
  const uri = 'untitled:table-edit-1';
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    const tables = new Promise<TablesParams>((resolve) =>
      s.connection.onNotification(TablesNotification.method, (p: TablesParams) => resolve(p)),
    );
    await s.open(uri, PAGE);
    assert.deepEqual(await tables, {
      uri,
      version: 1,
      tables: [
        [2, 5],
        [9, 11],
      ],
    });

    const edit = (op: TableEditParams['op'], line: number, character: number, args?: TableEditParams['args']) =>
      s.connection.sendRequest<TableEditResult | null>(TableEditRequest.method, {
        uri,
        version: 1,
        position: { line, character },
        op,
        args,
      } satisfies TableEditParams);
    const next = await edit('nextCell', 4, 2);
    assert.ok(next?.edits);
    assert.equal(next.version, 1);
    assert.deepEqual(next.cursor, { line: 4, character: 12 });
    assert.deepEqual(next.table, { start: 2, end: 5 });
    assert.equal(
      apply(PAGE, next.edits).split('\n').slice(2, 6).join('\n'),
      '| Feature | Status |\n| ------- | ------ |\n| a       | Red    |\n| b       | Green  |',
    );

    const sorted = await edit('sortAscending', 2, 12);
    assert.equal(sorted?.sortedAs, 'status');
    assert.match(apply(PAGE, sorted.edits ?? []), /\| b +\| Green +\|\n\| a +\| Red +\|/);

    assert.equal((await edit('deleteRow', 2, 2))?.note, 'The header row cannot be deleted.');
    assert.deepEqual(await edit('nextCell', 7, 1), { version: 1, edits: null, cursor: null }, 'not in a table');

    const csv = await edit('copyCsv', 10, 3);
    assert.equal(csv?.text, 'x\n1\n');

    const range = { start: { line: 7, character: 0 }, end: { line: 7, character: 5 } };
    const converted = await edit('convert', 7, 0, { text: 'A,B\n1,"2|3"', range });
    assert.equal(converted?.text, '| A   | B    |\n| --- | ---- |\n| 1   | 2\\|3 |');

    const reordered = await edit('reorderRows', 0, 0, { lines: [5, 4] });
    assert.match(apply(PAGE, reordered?.edits ?? []), /\| b +\| Green +\|\n\| a +\| Red +\|/);
  } finally {
    await s.stop();
  }
});
