import type { TextEdit } from '../types';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'table-interrupted',
    description: 'Table rows cut off from their table by a blank line or a wrapped, indented line: they render as plain text; fix rejoins them.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const lines = ctx.page.lines;
    for (const o of ctx.page.orphanRows) {
      const n = o.lastLine - o.firstLine + 1;
      const edits: TextEdit[] = [];
      let blankOnly = true;
      for (let l = o.blankFrom; l <= o.blankTo; l++) {
        const prevEnd = { line: l - 1, character: lines[l - 1].text.length };
        const text = lines[l].text;
        if (text.trim() === '') edits.push({ range: { start: prevEnd, end: { line: l, character: text.length } }, newText: '' });
        else {
          blankOnly = false;
          const lead = text.length - text.trimStart().length;
          edits.push({ range: { start: { line: l - 1, character: lines[l - 1].text.trimEnd().length }, end: { line: l, character: lead } }, newText: ' ' });
        }
      }
      const cause = blankOnly
        ? `the blank line at line ${o.blankFrom + 1}${lines[o.blankFrom].text.length ? ' (it holds only spaces)' : ''} ends the table above`
        : `the indented line ${o.blankFrom + 1} (a wrapped cell) ends the table above`;
      ctx.report({
        range: { start: { line: blankOnly ? o.firstLine : o.blankFrom, character: 0 }, end: { line: o.lastLine, character: lines[o.lastLine].text.length } },
        message: `${cause[0].toUpperCase()}${cause.slice(1)}, so ${n === 1 ? 'this row renders' : `these ${n} rows render`} as plain text.`,
        fixes: [{ title: blankOnly ? 'Remove the blank line so the rows rejoin the table' : 'Join the wrapped line so the rows rejoin the table', edits, preferred: true }],
      });
    }
  },
};
