import { readValue } from '../model/values';
import { featureCells, knownList, statusVocabulary } from './feature-cells';
import type { Rule } from './rule';

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
    for (const cell of featureCells(ctx, 'status')) {
      const v = readValue(cell, known);
      if (v.state === 'unknown') {
        ctx.report({ range: cell.range, message: `Unknown status "${v.value}": start the cell with ${knownList(known)}.` });
      }
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
