import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'date-ordinal',
    description: 'A day with the wrong ordinal suffix (`23th March 2024`, `1th`); fix: the right one (`23rd`).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const d of ctx.page.dates) {
      const t = d.token;
      const typo = t.ordinalTypo;
      if (!typo || t.kind === 'unset' || t.kind === 'placeholder') continue;
      const range = { start: d.posAt(typo.start - t.start), end: d.posAt(typo.end - t.start) };
      const number = /\d+$/.exec(t.text.slice(0, typo.start - t.start))?.[0] ?? '';
      ctx.report({
        range,
        message: `"${number}${typo.text}" should be written "${number}${typo.correct}".`,
        fixes: [{ title: `Write ${number}${typo.correct}`, edits: [{ range, newText: typo.correct }], preferred: true }],
      });
    }
  },
};
