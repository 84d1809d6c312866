import { codeSpanPipes } from '../model/inline';
import type { TableModel } from '../model/page-model';
import type { Rule } from './rule';

type TableRow = TableModel['parsed']['rows'][number];

export const rule: Rule = {
  meta: {
    id: 'table-code-pipe',
    description: 'A `|` inside a code span in a table row: GFM splits the cell there and the code span breaks (fix: escape it).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const checkRow = (row: TableRow, isHeader: boolean): void => {
      const text = ctx.page.lines[row.line].text;
      if (!text.includes('`')) return;
      const pipes = codeSpanPipes(text);
      if (pipes.length === 0) return;
      const range = { start: { line: row.line, character: pipes[0] }, end: { line: row.line, character: pipes[pipes.length - 1] + 1 } };
      const what = pipes.length === 1 ? 'A `|` inside a code span splits' : `${pipes.length} \`|\` inside code spans split`;
      if (isHeader) {
        // Escaping a header pipe removes a column: the delimiter row and the other rows must change too.
        ctx.report({
          range,
          message: `${what} the header cell (GFM splits cells at every unescaped \`|\`): write \`\\|\` and remove a delimiter cell per escaped pipe.`,
        });
        return;
      }
      ctx.report({
        range,
        message: `${what} the cell (GFM splits cells at every unescaped \`|\`, also in code): write \`\\|\`, which the table renders as \`|\`.`,
        fixes: [
          {
            title: 'Escape the | in the code span as \\|',
            edits: pipes.map((p) => ({
              range: { start: { line: row.line, character: p }, end: { line: row.line, character: p } },
              newText: '\\',
            })),
            preferred: true,
          },
        ],
      });
    };
    for (const t of ctx.page.tables) {
      const header = t.parsed.header;
      if (t.parsed.kind !== 'gfm' || !header) continue;
      // The header once per table, the rows wherever they are checked.
      ctx.tableWide(t, () => checkRow(header, true));
      for (const row of t.parsed.rows) checkRow(row, false);
    }
  },
};
