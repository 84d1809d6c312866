import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'table-cell-count',
    description: 'A table row with more or fewer cells than its header (stray pipes, lost cells).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    for (const t of ctx.page.tables) {
      if (t.headerInferred && !t.isDateTable) continue;
      const expected = t.header.length;
      for (const row of t.rows) {
        if (!row.malformed) continue;
        const first = row.lines[0];
        const last = row.lines[row.lines.length - 1];
        const n = row.cells.length;
        // No line numbers in the message: a slice of rows moved by an edit above keeps its findings, moved
        // by range only, so a message must not depend on where the row is.
        const joined = row.lines.length > 1 ? ` (${row.lines.length} lines joined)` : '';
        const hint = n > expected ? ': a stray `|` splits a cell, or a cell needs `\\|`' : ': a cell is missing';
        ctx.report({
          range: { start: { line: first, character: 0 }, end: { line: last, character: ctx.page.lines[last].text.length } },
          message: `Row has ${n} cell${n === 1 ? '' : 's'}${joined}; the header has ${expected}${hint}.`,
        });
      }
    }
  },
};
