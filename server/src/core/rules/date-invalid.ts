import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'date-invalid',
    description:
      'A date that cannot exist or is malformed (`2013-06-31`, `31/06/2013`, `April 31, 2009`, `2013-13-01`), front matter included.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    for (const d of ctx.page.dates) {
      const t = d.token;
      const impossibleSlash = t.kind === 'date' && t.slash?.order === 'none';
      if (t.kind !== 'invalid' && !impossibleSlash) continue;
      ctx.report({ range: d.range, message: `Invalid date "${t.text}"${t.reason ? `: ${t.reason}` : ''}.` });
    }
  },
};
