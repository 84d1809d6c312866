import { weekdayName, weekdayOf } from '../dates';
import { dayOf } from '../model/page-dates';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'weekday-mismatch',
    description: 'A weekday that does not match its date (`2021-03-09 (Mon)` is a Tuesday).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const d of ctx.page.dates) {
      const t = d.token;
      const ymd = t.weekday ? dayOf(ctx.page, t) : null;
      if (!ymd || !t.weekday) continue;
      const actual = weekdayOf(ymd.year, ymd.month, ymd.day);
      if (actual === t.weekday.day) continue;
      const full = weekdayName(actual);
      const written = t.weekday.text.replace(/^[(,\s]+|[)\s]+$/g, '');
      const replacement = written.length <= 3 ? full.slice(0, 3) : full;
      const offset = t.weekday.text.indexOf(written);
      const from = t.weekday.start - t.start + offset;
      const range = { start: d.posAt(from), end: d.posAt(from + written.length) };
      ctx.report({
        range,
        message: `${t.text} is a ${full}, not "${written}".`,
        fixes: [{ title: `Write ${replacement}`, edits: [{ range, newText: replacement }], preferred: true }],
      });
    }
  },
};
