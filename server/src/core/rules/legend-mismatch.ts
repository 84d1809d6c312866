import { valueKey } from '../model/learned';
import type { CellRef, LearnedValue, LogicalRow } from '../model/page-model';
import { readValue } from '../model/values';
import { knownList } from './feature-cells';
import type { Rule } from './rule';

/** Whether `row` is the first row of the page that writes this cell's value, in any case (one finding per value, not per row). */
function firstUse(cell: CellRef, row: LogicalRow, learned: readonly LearnedValue[]): boolean {
  const key = valueKey.get(cell.text).toLowerCase();
  let first: LearnedValue | null = null;
  for (const v of learned) {
    if (v.value.toLowerCase() !== key) continue;
    if (!first || v.at[0] < first.at[0] || (v.at[0] === first.at[0] && v.at[1] < first.at[1])) first = v;
  }
  return first?.first === row;
}

export const rule: Rule = {
  meta: {
    id: 'legend-mismatch',
    description: "A value the configuration allows but the page's own legend (Feature Table Mapping) does not list (once per value).",
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    const legend = ctx.page.legend;
    if (!legend) return;
    const checks = [
      { column: 'status' as const, own: legend.statuses, config: ctx.config.statuses, what: 'status', learned: ctx.page.learned.statuses },
      {
        column: 'priority' as const,
        own: legend.priorities,
        config: ctx.config.priorities,
        what: 'priority',
        learned: ctx.page.learned.priorities,
      },
    ];
    for (const c of checks) {
      if (c.own.length === 0) continue;
      for (const table of ctx.page.tables) {
        const col = table.columns[c.column];
        if (!table.isFeatureTable || col === undefined) continue;
        for (const row of table.rows) {
          const cell = row.cells[col] as CellRef | undefined;
          if (row.malformed || !cell) continue;
          const v = readValue(cell, c.config);
          if (v.state !== 'ok' && v.state !== 'case') continue;
          if (readValue(cell, c.own).state !== 'unknown' || !firstUse(cell, row, c.learned)) continue;
          ctx.report({
            range: cell.range,
            message: `The page's own legend does not list the ${c.what} "${v.match}": it lists ${knownList(c.own)} (reported on the first row that writes "${valueKey.get(cell.text)}").`,
          });
        }
      }
    }
  },
};
