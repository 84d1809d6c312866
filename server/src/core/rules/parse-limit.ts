import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'parse-limit',
    description:
      'A block too large or nested too deeply to parse in time: it was read line by line, so its structure is only partly checked.',
    defaultSeverity: 'information',
    fixable: false,
  },
  check(ctx) {
    for (const d of ctx.page.degraded) {
      const first = ctx.page.lines[d.startLine].text;
      ctx.report({
        range: { start: { line: d.startLine, character: 0 }, end: { line: d.startLine, character: Math.min(first.length, 200) } },
        message: `Lines ${d.startLine + 1}–${d.endLine + 1} were read line by line, not parsed (${d.reason}): headings and list items are found, other Markdown structure in them is not checked.`,
      });
    }
  },
};
