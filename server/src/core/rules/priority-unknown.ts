import { readValue } from '../model/values';
import { featureCells, knownList, priorityVocabulary } from './feature-cells';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'priority-unknown',
    description: 'A release priority that is not Must/Should/Optional (or the page legend/config).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    const known = priorityVocabulary(ctx);
    for (const cell of featureCells(ctx, 'priority')) {
      const v = readValue(cell, known);
      if (v.state === 'unknown') ctx.report({ range: cell.range, message: `Unknown priority "${v.value}": use ${knownList(known)}.` });
    }
  },
};
