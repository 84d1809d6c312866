import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'frontmatter-syntax',
    description: 'Front matter YAML that does not parse.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    for (const e of ctx.page.frontMatter?.errors ?? []) {
      ctx.report({ range: e.range, message: `Front matter YAML: ${e.message}` });
    }
  },
};
