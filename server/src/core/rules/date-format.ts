import { resolveSlash, toIso } from '../dates';
import { pageSlashOrder } from '../model/page-dates';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'date-format',
    description: 'A valid date not written `YYYY-MM-DD` (fix: ISO).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const order = pageSlashOrder(ctx.page);
    for (const d of ctx.page.dates) {
      const t = d.token;
      // Milestone plans date their milestones in prose (`Milestone 3 (December 21, 2007)`): not a format to enforce.
      if (d.context === 'plan' || t.kind !== 'date' || t.struck || t.format === 'iso' || t.format === 'iso-datetime' || t.year === null)
        continue;
      let ymd: { year: number; month: number; day: number } | null = { year: t.year, month: t.month, day: t.day };
      if (t.format === 'slash') {
        if (!t.slash || t.slash.order === 'none') continue;
        const effective = t.slash.order === 'both' ? (t.slash.a === t.slash.b ? 'dmy' : order) : t.slash.order;
        if (!effective) continue; // date-ambiguous reports it
        const r = resolveSlash(t, effective);
        ymd = r.kind === 'date' && r.year !== null ? { year: r.year, month: r.month, day: r.day } : null;
      }
      if (!ymd) continue;
      const iso = toIso(ymd.year, ymd.month, ymd.day);
      ctx.report({
        range: d.range,
        message: `Write the date "${t.text}" as ${iso} (YYYY-MM-DD).`,
        fixes: [{ title: `Write ${iso}`, edits: [{ range: d.range, newText: iso }], preferred: true }],
      });
    }
  },
};
