import { isUnsetCell } from '../model/values';
import { featureCells } from './feature-cells';
import type { Rule } from './rule';

const COLUMNS = [
  { key: 'status', name: 'Status' },
  { key: 'priority', name: 'Release priority' },
  { key: 'target', name: 'Target date' },
  { key: 'owner', name: 'Owner' },
] as const;

/**
 * `Now` is read as "no date" (dates/markup.ts: a dashboard cannot place it on a day), but in a Target date
 * an author writes it on purpose: the feature is due now or already in. It is a value, not a gap to fill,
 * so this rule does not report it.
 */
function isDeliberate(text: string): boolean {
  return /^\s*(?:\*\*|__|\*|_)?now(?:\*\*|__|\*|_)?\s*$/i.test(text);
}

export const rule: Rule = {
  meta: {
    id: 'value-unset',
    description: 'A feature with `?`, `TBD` or nothing in Status, Priority, Target date or Owner.',
    defaultSeverity: 'information',
    fixable: false,
  },
  check(ctx) {
    for (const { key, name } of COLUMNS) {
      for (const cell of featureCells(ctx, key)) {
        if (!isUnsetCell(cell.text) || (key === 'target' && isDeliberate(cell.text))) continue;
        const shown = cell.text === '' ? 'empty' : `"${cell.text}"`;
        const range = cell.text === '' ? { start: cell.range.start, end: cell.range.start } : cell.range;
        ctx.report({ range, message: `${name} is ${shown}.` });
      }
    }
  },
};
