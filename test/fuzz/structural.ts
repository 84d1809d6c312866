/**
 * Structural edits of a table, as the table commands and an editor make them: insert rows, delete rows,
 * paste a block of rows, move a row, move a column, sort the rows by a column. Each finds the table at or
 * after a line (wrapping) and changes only it; a page without a table is left as it is.
 */
import * as fc from 'fast-check';

export type StructuralKind = 'insertRows' | 'deleteRows' | 'pasteRows' | 'moveRow' | 'moveColumn' | 'sort';

export interface StructuralEdit {
  kind: StructuralKind;
  /** Where (a line of the page, wrapped) and how much: their meaning depends on the kind. */
  args: [number, number, number];
  apply(text: string): string;
}

const ROW = /^\s*\|/;

/** Lines [start, end) of the table block (lines starting with a pipe) at or after line `at`, wrapping; null when none has a body. */
function tableAt(lines: readonly string[], at: number): { header: number; end: number } | null {
  for (let k = 0; k < lines.length; k++) {
    const i = (at + k) % lines.length;
    if (!ROW.test(lines[i]) || !/^\s*\|?[\s:|-]+\|?\s*$/.test(lines[i + 1] ?? '') || !lines[i + 1].includes('-')) continue;
    if (i > 0 && ROW.test(lines[i - 1])) continue;
    let end = i + 2;
    while (end < lines.length && ROW.test(lines[end])) end++;
    if (end > i + 2) return { header: i, end };
  }
  return null;
}

/** Cells of a row between unescaped pipes (a code span's pipe splits too, as in GFM). */
function cells(line: string): string[] {
  const parts = line.trim().split(/(?<!\\)\|/);
  return parts.slice(1, parts.at(-1) === '' ? -1 : undefined);
}

function joinCells(cs: readonly string[]): string {
  return `|${cs.join('|')}|`;
}

function edit(
  kind: StructuralKind,
  args: [number, number, number],
  change: (lines: string[], t: { header: number; end: number }) => void,
): StructuralEdit {
  return {
    kind,
    args,
    apply(text) {
      const lines = text.split('\n');
      const t = tableAt(lines, args[0] % Math.max(1, lines.length));
      if (t) change(lines, t);
      return lines.join('\n');
    },
  };
}

/** The `kind` edit with its numbers (each wrapped to the table it finds). */
export function structuralEdit(kind: StructuralKind, at: number, a: number, b: number): StructuralEdit {
  const args: [number, number, number] = [at, a, b];
  switch (kind) {
    case 'insertRows':
      return edit(kind, args, (lines, t) => {
        const body = t.end - t.header - 2;
        const where = t.header + 2 + (a % body);
        const n = 1 + (b % 5);
        const row = cells(lines[where]);
        lines.splice(where, 0, ...Array.from({ length: n }, (_, i) => joinCells(row.map((c, j) => (j === 0 ? ` Inserted ${i} ` : c)))));
      });
    case 'deleteRows':
      return edit(kind, args, (lines, t) => {
        const body = t.end - t.header - 2;
        const where = t.header + 2 + (a % body);
        lines.splice(where, Math.min(1 + (b % 5), t.end - where));
      });
    case 'pasteRows':
      return edit(kind, args, (lines, t) => {
        const body = t.end - t.header - 2;
        const where = t.header + 2 + (a % (body + 1));
        const from = t.header + 2 + (b % body);
        lines.splice(where, 0, ...lines.slice(from, Math.min(t.end, from + 1 + (b % 100))));
      });
    case 'moveRow':
      return edit(kind, args, (lines, t) => {
        const body = t.end - t.header - 2;
        const i = t.header + 2 + (a % body);
        const j = t.header + 2 + (b % body);
        const [row] = lines.splice(i, 1);
        lines.splice(j, 0, row);
      });
    case 'moveColumn':
      return edit(kind, args, (lines, t) => {
        const width = cells(lines[t.header]).length;
        if (width < 2) return;
        const i = a % width;
        const j = b % width;
        for (let l = t.header; l < t.end; l++) {
          const cs = cells(lines[l]);
          if (cs.length <= Math.max(i, j)) continue;
          const [c] = cs.splice(i, 1);
          cs.splice(j, 0, c);
          lines[l] = joinCells(cs);
        }
      });
    case 'sort':
      return edit(kind, args, (lines, t) => {
        const col = a % Math.max(1, cells(lines[t.header]).length);
        const key = (l: string): string => (cells(l)[col] ?? '').trim();
        const body = lines.slice(t.header + 2, t.end).map((l, i) => ({ l, i, k: key(l) }));
        body.sort((x, y) => (b % 2 === 0 ? x.k.localeCompare(y.k) : y.k.localeCompare(x.k)) || x.i - y.i);
        lines.splice(t.header + 2, body.length, ...body.map((x) => x.l));
      });
  }
}

const KINDS: StructuralKind[] = ['insertRows', 'deleteRows', 'pasteRows', 'moveRow', 'moveColumn', 'sort'];

/** A fixed mixed sequence of `n` edits of the table whose header is on line `header` (deterministic). */
export function structuralEdits(header: number, n: number): StructuralEdit[] {
  return Array.from({ length: n }, (_, k) => structuralEdit(KINDS[k % KINDS.length], header, k * 7919 + 13, k * 104729 + 5));
}

/** A random structural edit anywhere in a page. */
export const structuralOp: fc.Arbitrary<StructuralEdit> = fc
  .tuple(fc.constantFrom(...KINDS), fc.nat(), fc.nat(), fc.nat())
  .map(([kind, at, a, b]) => structuralEdit(kind, at, a, b));
