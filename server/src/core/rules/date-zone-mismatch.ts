import { formatUtc, utcInstant } from '../dates';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'date-zone-mismatch',
    description:
      'The two halves of a dual-zone time that are not the same instant (`02:00 UTC Friday 9th February 2024 / 18:00 PDT Thursday 8th February 2024`).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    for (const d of ctx.page.dates) {
      const a = d.token;
      const b = a.zonePair;
      const ia = utcInstant(a);
      const ib = b ? utcInstant(b) : null;
      if (!b || ia === null || ib === null || ia === ib) continue;
      const hours = Math.abs(ia - ib) / 60;
      ctx.report({
        range: { start: d.range.start, end: d.posAt(b.end - a.start) },
        message: `"${a.text}" is ${formatUtc(ia)} but "${b.text}" is ${formatUtc(ib)}: ${hours} hour${hours === 1 ? '' : 's'} apart.`,
      });
    }
  },
};
