import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'table-delimiter-first',
    description: 'A table that starts with its delimiter row: not a GFM table, it renders as text (fix: add or move the header).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const eol = ctx.page.lines.find((l) => l.eol !== '')?.eol ?? '\n';
    for (const t of ctx.page.tables) {
      if (t.parsed.kind !== 'delimiter-first') continue;
      const d = t.parsed.delimiterLine;
      const line = ctx.page.lines[d];
      const range = { start: { line: d, character: 0 }, end: { line: d, character: line.text.length } };
      const indent = /^\s*/.exec(line.text)![0];
      let fix;
      if (!t.headerInferred && t.rows.length + 1 <= t.parsed.rows.length) {
        // The header was written as the first body row: move the delimiter row below it.
        const headerLine = t.parsed.rows[0].line;
        const h = ctx.page.lines[headerLine];
        fix = {
          title: 'Move the delimiter row below the header row',
          edits: [
            {
              range: { start: { line: d, character: 0 }, end: { line: headerLine, character: h.text.length } },
              newText: `${h.text}${eol}${line.text}`,
            },
          ],
          preferred: true,
        };
      } else {
        const header = t.isDateTable ? ['Date', 'Milestone'] : t.header.map((_, i) => `Column ${i + 1}`);
        const width = Math.max(header.length, t.rows[0]?.cells.length ?? 0);
        while (header.length < width) header.push(`Column ${header.length + 1}`);
        fix = {
          title: `Insert a header row: | ${header.join(' | ')} |`,
          edits: [{ range: { start: range.start, end: range.start }, newText: `${indent}| ${header.join(' | ')} |${eol}` }],
          preferred: true,
        };
      }
      ctx.report({
        range,
        message: 'This table starts with its delimiter row, so it is not a table: it renders as a paragraph of text.',
        fixes: [fix],
      });
    }
  },
};
