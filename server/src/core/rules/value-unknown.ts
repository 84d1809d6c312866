import { listed } from '../lines';
import { readValue } from '../model/values';
import type { Rule } from './rule';
import { columnName, schemaCells } from './schema-cells';

/** The declared values of a column as one array per column (the value readers memoise by array). */
const KNOWN = new WeakMap<object, string[]>();

export const rule: Rule = {
  meta: {
    id: 'value-unknown',
    description: 'A value that is not one of the values a configured table column declares (`tables:` … `values:`).',
    defaultSeverity: 'error',
    fixable: true,
  },
  check(ctx) {
    for (const c of schemaCells(ctx.page)) {
      const values = c.column.values;
      if (values === null) continue;
      let known = KNOWN.get(values);
      if (!known) KNOWN.set(values, (known = values.map((v) => v.value)));
      const v = readValue(c.cell, known);
      if (v.state === 'case') {
        ctx.report({
          range: v.range,
          message: `"${v.written}" should be written "${v.match}" in ${columnName(c)}.`,
          severity: 'warning',
          fixes: [{ title: `Write "${v.match}"`, edits: [{ range: v.range, newText: v.match }], preferred: true }],
        });
      } else if (v.state === 'unknown') {
        ctx.report({
          range: c.cell.range,
          message: `Unknown value "${v.value}" in ${columnName(c)}: start the cell with ${listed(known, 12)}.`,
        });
      }
    }
  },
};
