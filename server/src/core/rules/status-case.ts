import { readValue } from '../model/values';
import { featureCells, statusVocabulary } from './feature-cells';
import type { Rule } from './rule';
import { declaredValueCells } from './schema-cells';

export const rule: Rule = {
  meta: {
    id: 'status-case',
    description: 'A known status written in the wrong case (`red - in progress`).',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    const known = statusVocabulary(ctx);
    const declared = declaredValueCells(ctx.page); // value-unknown's cells (a configured table declares their values)
    const cells = featureCells(ctx, 'status')
      .filter((cell) => !declared.has(cell))
      .map((cell) => ({ cell, known }));
    for (const m of ctx.page.plan) if (m.status) cells.push({ cell: m.status, known: ctx.config.planStatuses });
    for (const { cell, known: vocab } of cells) {
      const v = readValue(cell, vocab);
      if (v.state !== 'case') continue;
      ctx.report({
        range: v.range,
        message: `Status "${v.written}" should be written "${v.match}".`,
        fixes: [{ title: `Write "${v.match}"`, edits: [{ range: v.range, newText: v.match }], preferred: true }],
      });
    }
  },
};
