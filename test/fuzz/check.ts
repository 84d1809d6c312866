/** Shared assertions of the fuzz tests: a check that fails on a rule error or a hang, valid ranges, position mapping. */
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  type CheckOptions,
  type CheckResult,
  Engine,
  type Finding,
  lineStartsOf,
  offsetAt,
  type Position,
  type Range,
  splitLines,
  type TextEdit,
} from '../../server/src/core';

/** Per page: a hang guard, far above the milliseconds a generated page takes even on a loaded machine. */
export const PAGE_BOUND_MS = 5_000;

/** Checks `text`; a rule that throws or a check slower than the bound fails the property. */
export function strictCheck(engine: Engine, text: string, options: CheckOptions = {}): CheckResult {
  const errors: string[] = [];
  const t = performance.now();
  const result = engine.check(text, {
    ...options,
    onRuleError: (rule, e) => errors.push(`${rule}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  });
  const ms = performance.now() - t;
  assert.deepEqual(errors, [], 'a rule threw');
  assert.ok(ms < PAGE_BOUND_MS, `check took ${ms.toFixed(0)} ms`);
  return result;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** A range inside the document (end at most at the end of its line), start not after end. */
export function assertRangeIn(lineLengths: readonly number[], r: Range, what: string): void {
  assert.ok(before(r.start, r.end), `${what}: start after end ${JSON.stringify(r)}`);
  for (const p of [r.start, r.end]) {
    assert.ok(
      Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0,
      `${what}: bad position ${JSON.stringify(p)}`,
    );
    assert.ok(p.line < lineLengths.length, `${what}: line ${p.line} past the last line ${lineLengths.length - 1}`);
    assert.ok(
      p.character <= lineLengths[p.line],
      `${what}: character ${p.character} past the end of line ${p.line} (${lineLengths[p.line]})`,
    );
  }
}

/** Every finding and every fix edit lies inside the document; the edits of one fix do not overlap. */
export function assertFindingsValid(text: string, findings: readonly Finding[]): void {
  const lengths = splitLines(text).map((l) => l.text.length);
  for (const f of findings) {
    assert.ok(f.message.length > 0, `${f.rule}: empty message`);
    assertRangeIn(lengths, f.range, f.rule);
    for (const fix of f.fixes) {
      const edits = [...fix.edits].sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
      );
      edits.forEach((e, i) => {
        assertRangeIn(lengths, e.range, `${f.rule} fix "${fix.title}"`);
        if (i > 0) assert.ok(before(edits[i - 1].range.end, e.range.start), `${f.rule} fix "${fix.title}": overlapping edits`);
      });
    }
  }
}

/** Where `p` (a position in `oldText`) is in `newText`, the result of applying the non-overlapping `edits`. */
export function mapPosition(oldText: string, newText: string, edits: readonly TextEdit[], p: Position): Position {
  const oldStarts = lineStartsOf(oldText);
  const at = offsetAt(oldStarts, oldText, p);
  let offset = at;
  for (const e of edits) {
    const from = offsetAt(oldStarts, oldText, e.range.start);
    const to = offsetAt(oldStarts, oldText, e.range.end);
    if (to <= at && !(from === to && from === at)) offset += e.newText.length - (to - from);
  }
  const starts = lineStartsOf(newText);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Runs a property; a failure throws with the seed, the path, the shrunk counterexample and the error itself. */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, parameters: fc.Parameters<Ts>): void {
  const details = fc.check(property, parameters);
  if (!details.failed) return;
  const error = details.errorInstance;
  const cause = error instanceof Error ? (error.stack ?? error.message) : String(error);
  throw new Error(
    `${fc.defaultReportMessage(details) ?? 'property failed'}\n\nError: ${cause}\n\nReproduce with FUZZ_SEED=${details.seed} (path ${details.counterexamplePath ?? '?'})`,
  );
}
