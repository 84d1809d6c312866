import { readValue } from '../model/values';
import { featureCells, priorityVocabulary } from './feature-cells';
import type { Rule } from './rule';
import { declaredValueCells } from './schema-cells';

export const rule: Rule = {
  meta: {
    id: 'priority-case',
    description: 'A known priority written in the wrong case (`must`).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const known = priorityVocabulary(ctx);
    const declared = declaredValueCells(ctx.page); // value-unknown's cells (a configured table declares their values)
    for (const cell of featureCells(ctx, 'priority')) {
      if (declared.has(cell)) continue;
      const v = readValue(cell, known);
      if (v.state !== 'case') continue;
      ctx.report({
        range: v.range,
        message: `Priority "${v.written}" should be written "${v.match}".`,
        fixes: [{ title: `Write "${v.match}"`, edits: [{ range: v.range, newText: v.match }], preferred: true }],
      });
    }
  },
};
