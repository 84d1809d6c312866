import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'table-interrupted',
    description:
      'Table rows cut off from their table by a blank line or a wrapped, indented line: they render as plain text; fix rejoins them.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const lines = ctx.page.lines;
    for (const o of ctx.page.orphanRows) {
      const n = o.lastLine - o.firstLine + 1;
      // One edit from the end of the table's last line to the end of the last cutting line: blank lines
      // go, wrapped text joins the row above with one space. Nothing else changes.
      let joined = '';
      let blankOnly = true;
      for (let l = o.blankFrom; l <= o.blankTo; l++) {
        const text = lines[l].text;
        if (text.trim() !== '') {
          blankOnly = false;
          joined += ` ${text.trim()}`;
        }
      }
      const startChar = blankOnly ? lines[o.tableEnd].text.length : lines[o.tableEnd].text.trimEnd().length;
      const edit = {
        range: { start: { line: o.tableEnd, character: startChar }, end: { line: o.blankTo, character: lines[o.blankTo].text.length } },
        newText: joined,
      };
      const cause = blankOnly
        ? `The blank line at line ${o.blankFrom + 1}${lines[o.blankFrom].text.length ? ' (it holds only spaces)' : ''} ends the table above`
        : `Line ${o.blankFrom + 1} is indented (a wrapped cell), which ends the table above`;
      ctx.report({
        range: {
          start: { line: blankOnly ? o.firstLine : o.blankFrom, character: 0 },
          end: { line: o.lastLine, character: lines[o.lastLine].text.length },
        },
        message: `${cause}, so ${n === 1 ? 'this row renders' : `these ${n} rows render`} as plain text.`,
        fixes: [
          {
            title: blankOnly ? 'Remove the blank line so the rows rejoin the table' : 'Join the wrapped line so the rows rejoin the table',
            edits: [edit],
            preferred: true,
          },
        ],
      });
    }
  },
};
