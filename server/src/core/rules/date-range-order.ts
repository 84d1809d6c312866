import { dayNumber, toIso } from '../dates';
import { dayOf } from '../model/page-dates';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'date-range-order',
    description: 'A date range whose end comes before its start (`March 8–4, 2024`, `2024-03-08 to 2024-03-04`).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    for (const d of ctx.page.dates) {
      const t = d.token;
      const end = t.until;
      const start = end ? dayOf(ctx.page, t) : null;
      if (!end || !start) continue;
      const endYear = end.year ?? start.year;
      if (dayNumber(endYear, end.month, end.day) >= dayNumber(start.year, start.month, start.day)) continue;
      ctx.report({
        range: d.range,
        message: `The range "${t.text}" ends (${toIso(endYear, end.month, end.day)}) before it starts (${toIso(start.year, start.month, start.day)}).`,
      });
    }
  },
};
