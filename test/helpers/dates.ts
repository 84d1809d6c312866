/** Shared by the date tests: the one token a value holds. */
import assert from 'node:assert/strict';
import { type DateToken, scanDates } from '../../server/src/core/dates';

/** The single token of a value, with its main fields. */
export function one(value: string): DateToken {
  const tokens = scanDates(value);
  assert.equal(tokens.length, 1, `one token in ${JSON.stringify(value)}: ${JSON.stringify(tokens)}`);
  const t = tokens[0];
  assert.ok(t);
  return t;
}

export function ymd(t: DateToken): [number | null, number, number] {
  return [t.year, t.month, t.day];
}
