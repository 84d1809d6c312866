import { resolveSlash, toIso } from '../dates';
import { pageSlashOrder } from '../model/page-dates';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'date-ambiguous',
    description: 'A `D/M/YYYY` or `M/D/YYYY` date whose order the page does not settle (fixes: both readings).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    if (pageSlashOrder(ctx.page) !== null) return;
    for (const d of ctx.page.dates) {
      const t = d.token;
      if (t.kind !== 'date' || t.slash?.order !== 'both' || t.slash.a === t.slash.b) continue;
      const dmy = resolveSlash(t, 'dmy');
      const mdy = resolveSlash(t, 'mdy');
      if (dmy.kind !== 'date' || mdy.kind !== 'date' || t.year === null) continue;
      const a = toIso(t.year, dmy.month, dmy.day);
      const b = toIso(t.year, mdy.month, mdy.day);
      ctx.report({
        range: d.range,
        message: `"${t.text}" can be read as ${a} (day/month) or ${b} (month/day), and no other date on the page settles it.`,
        fixes: [
          { title: `Read as day/month: ${a}`, edits: [{ range: d.range, newText: a }] },
          { title: `Read as month/day: ${b}`, edits: [{ range: d.range, newText: b }] },
        ],
      });
    }
  },
};
