import { editDistance } from '../model/inline';
import type { Rule } from './rule';

const KEYWORDS = ['MUST', 'SHOULD', 'MAY'];

export const rule: Rule = {
  meta: {
    id: 'criteria-keyword',
    description: 'A bold release-criteria keyword that is not MUST, SHOULD or MAY (`**MUTS**:`).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const c of ctx.page.criteria) {
      if (KEYWORDS.includes(c.keyword)) continue;
      const near = KEYWORDS.map((k) => ({ k, d: editDistance(c.keyword, k, 2) }))
        .filter((x) => x.d <= 2)
        .sort((a, b) => a.d - b.d);
      // Only near-misses of a keyword: a bold label such as **NOTE**: is not a misspelt criterion.
      if (near.length === 0) continue;
      ctx.report({
        range: c.keywordRange,
        message: `"${c.keyword}" is not a criteria keyword: use MUST, SHOULD or MAY.`,
        fixes: near.map((x, i) => ({ title: `Write ${x.k}`, edits: [{ range: c.keywordRange, newText: x.k }], preferred: i === 0 })),
      });
    }
  },
};
