import { readValue } from '../model/values';
import { featureCells, knownList, statusVocabulary } from './feature-cells';
import { declares, judgeLearned } from './learned-values';
import type { Rule } from './rule';
import { declaredValueCells } from './schema-cells';

export const rule: Rule = {
  meta: {
    id: 'status-unknown',
    description:
      'A status that does not start with a known value (Red/Orange/Green, the page legend or config; milestone plans: Complete/In progress/…).',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    const known = statusVocabulary(ctx);
    const learning = !declares(ctx, 'status');
    // Cells of a column whose values a configured table declares are value-unknown's.
    const declared = declaredValueCells(ctx.page);
    for (const cell of featureCells(ctx, 'status')) {
      if (declared.has(cell)) continue;
      const v = readValue(cell, known);
      if (v.state !== 'unknown') continue;
      // Nothing declared: judged by the page's own usage (a consistent value is accepted, a slip a warning).
      const judged = learning ? judgeLearned(cell, 'status', ctx.page.learned.statuses, known) : null;
      if (judged?.kind === 'accepted') continue;
      if (judged?.kind === 'slip') ctx.report({ range: cell.range, message: judged.message, severity: 'warning' });
      else ctx.report({ range: cell.range, message: `Unknown status "${v.value}": start the cell with ${knownList(known)}.` });
    }
    for (const m of ctx.page.plan) {
      if (!m.status) continue;
      const v = readValue(m.status, ctx.config.planStatuses);
      if (v.state === 'unknown') {
        ctx.report({ range: m.status.range, message: `Unknown milestone status "${v.value}": use ${knownList(ctx.config.planStatuses)}.` });
      }
    }
  },
};
