import { dayNumber, toIso } from '../dates';
import { plainText } from '../model/inline';
import { dayOf } from '../model/page-dates';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'target-after-release',
    description: "A feature's target date after the page's general availability date.",
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    const ga = ctx.page.gaDate?.token;
    if (!ga || ga.year === null) return;
    const gaDay = dayNumber(ga.year, ga.month, ga.day);
    for (const table of ctx.page.tables) {
      const col = table.columns.target;
      if (!table.isFeatureTable || col === undefined) continue;
      const name = plainText(table.header[col]);
      const first = table.parsed.startLine;
      const last = table.parsed.endLine;
      for (const d of ctx.page.dates) {
        const t = d.token;
        const line = d.range.start.line;
        if (line < first || line > last || d.context !== 'table' || d.label !== name) continue;
        const ymd = t.struck ? null : dayOf(ctx.page, t);
        if (!ymd || dayNumber(ymd.year, ymd.month, ymd.day) <= gaDay) continue;
        ctx.report({
          range: d.range,
          message: `Target date ${toIso(ymd.year, ymd.month, ymd.day)} is after general availability (${toIso(ga.year, ga.month, ga.day)}).`,
        });
      }
    }
  },
};
