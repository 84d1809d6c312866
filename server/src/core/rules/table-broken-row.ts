import type { TextEdit } from '../findings';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'table-broken-row',
    description: 'A table row continued on the next physical line (each line renders as its own row); fix joins it.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const lines = ctx.page.lines;
    for (const t of ctx.page.tables) {
      for (const row of t.rows) {
        if (row.continuationLines.length === 0) continue;
        const edits: TextEdit[] = row.continuationLines.map((l) => {
          const prev = l - 1;
          const lead = /^[ \t]*/.exec(lines[l].text)![0].length;
          return {
            range: { start: { line: prev, character: lines[prev].text.trimEnd().length }, end: { line: l, character: lead } },
            newText: ' ',
          };
        });
        const first = row.lines[0];
        const last = row.continuationLines[row.continuationLines.length - 1];
        ctx.report({
          range: { start: { line: first, character: 0 }, end: { line: last, character: lines[last].text.length } },
          message: `This row continues on ${row.continuationLines.length === 1 ? 'the next line' : `${row.continuationLines.length} more lines`}; each line renders as a separate row.`,
          fixes: [{ title: 'Join the row onto one line', edits, preferred: true }],
        });
      }
    }
  },
};
