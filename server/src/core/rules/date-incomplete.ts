import { inferYear, isValidDate, toIso } from '../dates';
import { releaseYear } from '../model/page-dates';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'date-incomplete',
    description: "A date without a year (`June 25th`); fix: the year of the page's release.",
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const year = releaseYear(ctx.page);
    const ga = ctx.page.gaDate?.token;
    const releaseMonth = ga && ga.year === year ? ga.month : undefined;
    for (const d of ctx.page.dates) {
      const t = d.token;
      if (t.kind !== 'date' || t.year !== null) continue;
      const y = year === null ? null : inferYear(t.month, t.day, { releaseYear: year, releaseMonth });
      const fixes =
        y !== null && isValidDate(y, t.month, t.day)
          ? [
              {
                title: `Write ${toIso(y, t.month, t.day)}`,
                edits: [{ range: d.range, newText: toIso(y, t.month, t.day) }],
                preferred: true,
              },
            ]
          : [];
      const hint = fixes.length ? ` (by the page's release date, ${y})` : '';
      ctx.report({ range: d.range, message: `"${t.text}" has no year${hint}.`, fixes });
    }
  },
};
