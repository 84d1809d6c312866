/** Shared by the tests of findings moved with their rows or columns (moved-columns, moved-rows). */
import assert from 'node:assert/strict';
import { Engine, type Finding } from '../../server/src/core';
import { modelShape } from '../fuzz/model-shape';

/** Each finding as one line: range, rule, message and fixes. */
export const show = (fs: readonly Finding[]): string[] =>
  fs.map(
    (f) =>
      `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule} ${f.message} ${JSON.stringify(f.fixes)}`,
  );

/** Cells of a row split at unescaped pipes (the generated rows have no code spans). */
export function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1);
}

/** The table's lines from `header` on with column `from` moved to `to` in every row that has both. */
export function moveColumn(lines: string[], header: number, from: number, to: number): void {
  for (let l = header; l < lines.length && lines[l].startsWith('|'); l++) {
    const c = cells(lines[l]);
    if (c.length <= Math.max(from, to)) continue;
    const [x] = c.splice(from, 1);
    c.splice(to, 0, x);
    lines[l] = `|${c.join('|')}|`;
  }
}

/** The body rows [header + 2, end) of the table whose header is on `header`. */
export function bodyEnd(lines: readonly string[], header: number): number {
  let end = header + 2;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  return end;
}

/** Sorts the table's body by column `col` (stable), descending when `desc`. */
export function sortBy(lines: string[], header: number, col: number, desc: boolean): void {
  const end = bodyEnd(lines, header);
  const body = lines.slice(header + 2, end).map((l, i) => ({ l, i, k: (cells(l)[col] ?? '').trim() }));
  body.sort((x, y) => (desc ? y.k.localeCompare(x.k) : x.k.localeCompare(y.k)) || x.i - y.i);
  lines.splice(header + 2, body.length, ...body.map((x) => x.l));
}

/** Checks `text` with `engine` and a fresh Engine (model, findings, fixes when `readFixes`); returns how `engine` got its model. */
export function checkBoth(engine: Engine, text: string, label: string, readFixes = true): Engine['lastModel'] {
  const other = new Engine();
  assert.deepEqual(modelShape(engine.model(text)), modelShape(other.model(text)), `${label}: model`);
  const how = engine.lastModel;
  const mine = engine.check(text).findings;
  const fresh = other.check(text).findings;
  if (readFixes) assert.deepEqual(show(mine), show(fresh), label);
  else
    assert.deepEqual(
      mine.map((f) => `${JSON.stringify(f.range)} ${f.rule} ${f.message}`),
      fresh.map((f) => `${JSON.stringify(f.range)} ${f.rule} ${f.message}`),
      label,
    );
  return how;
}
