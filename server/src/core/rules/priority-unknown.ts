import { readValue } from '../model/values';
import { featureCells, knownList, priorityVocabulary } from './feature-cells';
import { declares, judgeLearned } from './learned-values';
import type { Rule } from './rule';
import { declaredValueCells } from './schema-cells';

export const rule: Rule = {
  meta: {
    id: 'priority-unknown',
    description: 'A release priority that is not Must/Should/Optional (or the page legend/config).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    const known = priorityVocabulary(ctx);
    const learning = !declares(ctx, 'priority');
    // Cells of a column whose values a configured table declares are value-unknown's.
    const declared = declaredValueCells(ctx.page);
    for (const cell of featureCells(ctx, 'priority')) {
      if (declared.has(cell)) continue;
      const v = readValue(cell, known);
      if (v.state !== 'unknown') continue;
      // Nothing declared: judged by the page's own usage (a consistent value is accepted, a slip a warning).
      const judged = learning ? judgeLearned(cell, 'priority', ctx.page.learned.priorities, known) : null;
      if (judged?.kind === 'accepted') continue;
      if (judged?.kind === 'slip') ctx.report({ range: cell.range, message: judged.message, severity: 'warning' });
      else ctx.report({ range: cell.range, message: `Unknown priority "${v.value}": use ${knownList(known)}.` });
    }
  },
};
