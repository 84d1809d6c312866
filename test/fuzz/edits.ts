/**
 * Random edits of real pages for the fuzz tests: insert generated text, delete, swap lines, cut a table in
 * half, grow a table, retype a cell, and the structural edits of a table (structural.ts: insert, delete,
 * paste or move rows, move a column, sort).
 */
import * as fc from 'fast-check';
import { date, noise, priority, status, table, timeline } from './pages';
import { structuralOp, type StructuralEdit } from './structural';

export type Op =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete' | 'swap' | 'cut' | 'grow' | 'blank-table'; at: number; n: number }
  | { kind: 'cell'; at: number; n: number; text: string }
  | { kind: 'structural'; edit: StructuralEdit };

export const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      noise,
      table,
      timeline,
      date.map((d) => `*   General availability: **${d}**`),
    ),
  }),
  fc.record({
    kind: fc.constantFrom('delete' as const, 'swap' as const, 'cut' as const, 'grow' as const, 'blank-table' as const),
    at: fc.nat(),
    n: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('cell' as const),
    at: fc.nat(),
    n: fc.nat(),
    text: fc.oneof(status, priority, date, fc.constantFrom('|', '\\|', '`a|b`', '')),
  }),
  structuralOp.map((edit) => ({ kind: 'structural' as const, edit })),
);

/** The index of a table line at or after `at` (wrapping), or -1. */
function tableLine(lines: readonly string[], at: number): number {
  for (let k = 0; k < lines.length; k++) {
    const i = (at + k) % lines.length;
    if (/^\s*\|.*\|\s*$/.test(lines[i]) && !/^\s*\|[\s:|-]+\|\s*$/.test(lines[i])) return i;
  }
  return -1;
}

export function applyOp(text: string, o: Op): string {
  if (o.kind === 'structural') return o.edit.apply(text);
  const lines = text.split('\n');
  const at = o.at % lines.length;
  switch (o.kind) {
    case 'insert':
      lines.splice(at, 0, ...o.text.split('\n'));
      break;
    case 'delete':
      lines.splice(at, Math.min(o.n, 5));
      break;
    case 'swap': {
      const j = (at + o.n) % lines.length;
      [lines[at], lines[j]] = [lines[j], lines[at]];
      break;
    }
    case 'cut': {
      const t = tableLine(lines, at);
      if (t >= 0) lines.splice(t, 0, '');
      break;
    }
    case 'blank-table': {
      const t = tableLine(lines, at);
      if (t >= 0) lines.splice(t, 1, '|');
      break;
    }
    case 'grow': {
      const t = tableLine(lines, at);
      if (t >= 0) lines.splice(t, 0, ...Array.from({ length: o.n * 2 }, (_, i) => lines[t].replace(/\d/, String(i % 10))));
      break;
    }
    case 'cell': {
      const t = tableLine(lines, at);
      if (t < 0) break;
      const cells = lines[t].split('|');
      const c = 1 + (o.n % Math.max(1, cells.length - 2));
      cells[c] = ` ${o.text} `;
      lines[t] = cells.join('|');
      break;
    }
  }
  return lines.join('\n');
}
