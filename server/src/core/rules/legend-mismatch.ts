import { readValue } from '../model/values';
import { featureCells, knownList } from './feature-cells';
import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    id: 'legend-mismatch',
    description: "A value the configuration allows but the page's own legend (Feature Table Mapping) does not list.",
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    const legend = ctx.page.legend;
    if (!legend) return;
    const checks = [
      { column: 'status' as const, own: legend.statuses, config: ctx.config.statuses, what: 'status' },
      { column: 'priority' as const, own: legend.priorities, config: ctx.config.priorities, what: 'priority' },
    ];
    for (const c of checks) {
      if (c.own.length === 0) continue;
      for (const cell of featureCells(ctx, c.column)) {
        const v = readValue(cell, c.config);
        if (v.state !== 'ok' && v.state !== 'case') continue;
        if (readValue(cell, c.own).state === 'unknown') {
          ctx.report({
            range: cell.range,
            message: `The page's own legend does not list the ${c.what} "${v.match}": it lists ${knownList(c.own)}.`,
          });
        }
      }
    }
  },
};
