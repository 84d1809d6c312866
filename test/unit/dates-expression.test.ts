// The date scanner runs a faster form of its expression than the one written (core/dates/scan.ts): the groups
// numbered instead of named, letters in both cases instead of the `i` flag, a first-character look-ahead in
// front, and a pre-test (MAY_GIVE_TOKEN) that skips
// values no match of which can give a token. Here the written expression (DATE_PATTERN, `i`, named groups, nothing
// in front) is the reference: at every position where either matches, both match the same text with the same
// captures, on every line and table cell of the fixture pages and on generated text; and every match that
// gives a draft (a token before its markup is read) is in a value the pre-test lets through, and every
// placeholder draft in a value mayHoldPlaceholder lets through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DATE_FLAGS, DATE_PATTERN, MAY_GIVE_TOKEN, mayHoldPlaceholder, runDateSource } from '../../server/src/core/dates/scan';
import { draftFor } from '../../server/src/core/dates/scan-drafts';
import { bothCases, G, type Groups } from '../../server/src/core/dates/scan-groups';
import { maskNonDates } from '../../server/src/core/dates/markup';
import { budget, fuzzLabel, params } from '../helpers/fuzz';
import { FIXTURES, markdownUnder } from '../helpers/paths';

const WRITTEN = new RegExp(DATE_PATTERN, 'gi');
const DATE_SOURCE = runDateSource();
const RUN = new RegExp(DATE_SOURCE, DATE_FLAGS);

interface Tally {
  texts: number;
  matches: number;
  drafts: number;
  skipped: number;
  placeholders: number;
}

const tally = (): Tally => ({ texts: 0, matches: 0, drafts: 0, skipped: 0, placeholders: 0 });

/** Every match of `re` in `text`, one per position where it matches (the next search starts one after the last match's start). */
function everyMatch(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    re.lastIndex = m.index + 1;
  }
  return out;
}

/** `text` masked as the scanner masks it: the written and the run expression agree; the pre-test holds. */
function agree(text: string, what: string, t: Tally): void {
  const masked = maskNonDates(text);
  const written = everyMatch(WRITTEN, masked);
  const run = everyMatch(RUN, masked);
  const where = `${what}: ${JSON.stringify(text)}`;
  assert.deepEqual(
    run.map((m) => [m.index, ...m]),
    written.map((m) => [m.index, ...m]),
    where,
  );
  const mayGive = MAY_GIVE_TOKEN.test(masked);
  t.texts++;
  if (!mayGive) t.skipped++;
  for (const m of written) {
    t.matches++;
    const g: Groups = m;
    const bodyStart = m.index + (g[G.pre]?.length ?? 0);
    // `whole` true: a weekday and a day alone counts as a date wherever it is (the most drafts).
    const draft = draftFor(g, masked.slice(bodyStart, m.index + m[0].length), true);
    if (draft === null) continue;
    t.drafts++;
    assert.ok(mayGive, `${where}: "${m[0]}" gives a draft but the pre-test skips the value`);
    if (draft.kind !== 'placeholder') continue;
    t.placeholders++;
    assert.ok(mayHoldPlaceholder(text), `${where}: "${m[0]}" is a placeholder but mayHoldPlaceholder turns the value away`);
  }
}

test('the run expression has the groups of the written one and no other capture', () => {
  assert.equal(new RegExp(`${DATE_SOURCE}|`).exec('')?.length, new RegExp(`${DATE_PATTERN}|`).exec('')?.length);
  const m = RUN.exec('on Tuesday 5th - Friday 8th March 2024');
  RUN.lastIndex = 0;
  assert.equal(m?.[G.wd], 'Tuesday');
  assert.equal(m[G.wd2], 'Friday');
  assert.equal(m[G.do], 'th');
  assert.equal(m[G.dy], '2024');
});

test('bothCases writes each letter outside a class in both cases and copies classes and escapes', () => {
  assert.equal(bothCases('ab?[a-cX](?:Q|\\d\\u00e9\\x41)(?<=x)'), '[aA][bB]?[a-cX](?:[qQ]|\\d\\u00e9\\x41)(?<=[xX])');
  assert.throws(() => bothCases('(?<year>\\d{4})'), /named group/);
});

test('run expression = written expression, and the pre-test holds, on every fixture line and cell', () => {
  const t = tally();
  for (const file of markdownUnder(FIXTURES)) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      agree(line, file, t);
      if (line.includes('|')) for (const cell of line.split('|')) agree(cell, file, t);
    }
  }
  assert.ok(t.drafts > 5000, `${t.drafts} drafts`);
  assert.ok(t.placeholders > 50, `${t.placeholders} placeholders`);
  assert.ok(t.skipped > t.texts / 4, `${t.skipped} of ${t.texts} texts skipped by the pre-test`);
});

const PIECES = [
  ...['02:00', '9:30', ' ', '  ', '\t', '\u00a0', ',', '.', '-', '\u2013', ' to ', ' until ', ' through ', 'on ', 'of '],
  ...['UTC', 'CEST', 'Z', '+01:00', 'Tuesday', 'tue', 'Thurs', 'FRI', 'sun.', 'Mon,', 'monitor', 'Sunday', 'decide', 'Mayday'],
  ...['1', '5', '12', '23', '31', '2024', '13', 'st', 'nd', 'rd', 'th', 'June', 'jun', 'Sept', 'March', 'may', 'Dec.', 'MAR'],
  ...['2024-03-04', '2012-Aug-08', '2019/09/30', '15/7/2013', '2020.11.18', 'Q3', 'q4', '{{date}}', '{{', '}}', '$1', '\\1'],
  ...['yyyy-mm-dd', 'YYYY-MM-DD', 'dd/mm/yyyy', 'd/m/yy', 'xxxx-xx-xx', '2019-xx-xx', 'yyyy', 'x', 'y', 'd', 'm', '/'],
  ...['[x](http://a/2024-01-02)', 'a@b.c', '<!-- 1 -->', '`2024`', '(', ')', '(Fri)', '~~', '<s>', '**', 'TBD', '\u00e9', '\u65e5'],
  ...['\u017fept', 'Ju\u0131y', 'DEC', 'Q\u0130', 'SEPT', 'wEd', 'JUNE', 'AUG.'],
];

const RUNS = budget(20_000, 500_000);

test(`run expression = written expression, and the pre-test holds, on generated text (${fuzzLabel(RUNS)})`, () => {
  const pieces = tally();
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (p) => agree(p.join(''), 'pieces', pieces)),
    params(RUNS),
  );
  const chars = tally();
  // Both cases of the letters dates start with, and the characters that fold to an ASCII letter with the `u` flag (\u017f \u212a \u0131 \u0130).
  const char = fc.constantFrom(
    ...'0123456789adfjmnoqstwxyADFJMNOQSTWXYhruecHRUEC -/.,:{}$\\\t*_<>[]()@\u00a0\u2013\u017f\u212a\u0131\u0130',
  );
  fc.assert(
    fc.property(fc.array(char, { maxLength: 30 }), (cs) => agree(cs.join(''), 'characters', chars)),
    params(RUNS, 1),
  );
  assert.ok(pieces.drafts > RUNS / 10 && pieces.skipped > RUNS / 10, `pieces: ${JSON.stringify(pieces)}`);
  assert.ok(pieces.placeholders > RUNS / 20, `pieces: ${JSON.stringify(pieces)}`);
  assert.ok(chars.drafts > RUNS / 200 && chars.skipped > RUNS / 10, `characters: ${JSON.stringify(chars)}`);
});
