import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'date-placeholder',
    description: 'A template leftover where a date belongs (`\\1`, `$1`, `2019-xx-xx`, `YYYY-MM-DD`, `{{…}}`).',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    for (const d of ctx.page.dates) {
      if (d.token.kind !== 'placeholder') continue;
      const what = d.label ? ` for "${d.label}"` : '';
      ctx.report({ range: d.range, message: `Template leftover "${d.token.text}" where a date belongs${what}: write the date, or TBD.` });
    }
  },
};
