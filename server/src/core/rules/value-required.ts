import { isUnsetCell } from '../model/values';
import type { Rule } from './rule';
import { columnName, schemaCells } from './schema-cells';

export const rule: Rule = {
  meta: {
    id: 'value-required',
    description: 'An empty or unset cell (`?`, `TBD`) in a column a configured table declares `required: true`.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    for (const c of schemaCells(ctx.page)) {
      if (!c.column.required || !isUnsetCell(c.cell.text)) continue;
      const shown = c.cell.text === '' ? 'empty' : `"${c.cell.text}"`;
      const range = c.cell.text === '' ? { start: c.cell.range.start, end: c.cell.range.start } : c.cell.range;
      ctx.report({ range, message: `Required column ${columnName(c)} is ${shown}.` });
    }
  },
};
