// One-test pre-checks in front of slower paths (a folder check's speed): each must say "nothing to do" only
// when the slow path would do nothing. terminalText's pre-check against its character definition on every
// UTF-16 code unit; maskNonDates' against its needle loop on every line of the fixture pages and on texts
// that hold each needle in either case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { terminalText, unsafe } from '../../server/src/cli/terminal';
import { MASKS, maskNonDates } from '../../server/src/core/dates/markup';
import { letterCount } from '../../server/src/core/model/schedule-columns';
import { FIXTURES, markdownUnder } from '../helpers/paths';

test('terminalText leaves a text alone exactly when it holds no unsafe character (every code unit)', () => {
  for (let c = 0; c <= 0xffff; c++) {
    const text = `a${String.fromCharCode(c)}b`;
    const kept = terminalText(text) === text;
    assert.equal(kept, !unsafe(c), `U+${c.toString(16).padStart(4, '0')}`);
  }
  assert.equal(terminalText('ok \u001b[2K\u202e done'), 'ok \\x1b[2K\\u202e done');
});

/** maskNonDates without its pre-check: every mask whose needle occurs (lower case). */
function slowMask(text: string): string {
  let out = text;
  const lower = text.toLowerCase();
  for (const { needle, re } of MASKS) if (lower.includes(needle)) out = out.replace(re, (m) => ' '.repeat(m.length));
  return out;
}

test('maskNonDates with its pre-check equals the needle loop on every fixture line and on each needle', () => {
  let lines = 0;
  let masked = 0;
  for (const file of markdownUnder(FIXTURES)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const fast = maskNonDates(line);
      assert.equal(fast, slowMask(line), line);
      lines++;
      if (fast !== line) masked++;
    }
  }
  assert.ok(lines > 10_000 && masked > 100, `${lines} lines, ${masked} masked`);
  for (const { needle } of MASKS) {
    for (const written of [needle, needle.toUpperCase()]) {
      for (const text of [`2024-01-02 ${written}2024-03-04 x@y.org`, `see ${written}example.com/2024-05-06`, `${written}`]) {
        assert.equal(maskNonDates(text), slowMask(text), text);
      }
    }
  }
});

test('letterCount counts what /\\p{L}/gu matches, astral letters once', () => {
  const texts = ['', '2024-01-02', 'Beta release', 'Émile Zoë – ünïcödé', '𝒜𝒷𝒸 and 𐐷', 'ß日本語テキスト', '12 :) —'];
  for (const file of markdownUnder(FIXTURES).slice(0, 200)) texts.push(...readFileSync(file, 'utf8').split('\n'));
  for (const t of texts) assert.equal(letterCount(t), (t.match(/\p{L}/gu) ?? []).length, t);
});
