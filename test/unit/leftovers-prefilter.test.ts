/**
 * The pre-checks of model/leftovers.ts are sound: the leftovers found with them (before the memo, before
 * each form, before the date scanner) are those found by trying everything, and a value whose only content
 * is leftovers (`isLeftoverValue`) is never turned away. Checked on every line and cell of every fixture
 * page and on generated values mixing leftover forms with ordinary words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { computeLeftovers, isLeftoverValue, leftovers } from '../../server/src/core/model/leftovers';
import { FIXTURES, markdownUnder } from '../helpers/paths';

function same(text: string): void {
  assert.deepEqual(leftovers(text), computeLeftovers(text, false), JSON.stringify(text));
}

test('pre-check: the same leftovers as computing them, on every fixture line and cell', () => {
  let texts = 0;
  for (const page of markdownUnder(FIXTURES).map((f) => readFileSync(f, 'utf8'))) {
    for (const line of page.split('\n')) {
      same(line);
      for (const cell of line.split('|')) same(cell.trim());
      texts++;
    }
  }
  assert.ok(texts > 10_000, `${texts} lines`);
});

test('pre-check: generated values of leftover forms and words', () => {
  const parts = [
    'Green',
    'Must',
    'ana',
    'TBD',
    '\\1',
    '$1',
    '${2}',
    '{{ .Version }}',
    '{{< ref >}}',
    '<VERSION>',
    '[OWNER]',
    '{release_date}',
    '%VERSION%',
    '__TAG__',
    'X.Y.Z',
    'vX.Y',
    'x.y',
    '1.x',
    'TBD-XXX',
    'BZ#xxxxx',
    'YYYY-MM-DD',
    'yyyy-mm-dd',
    '2024-xx-xx',
    'dd/mm/yyyy',
    'mm/dd/yy',
    '2024-03-01',
    '<!-- c -->',
    '**',
    '`',
    ' ',
    'Nov',
    'Yes',
    // Mixed values only: lower-case and joined words, versions of letters, a link and its URL.
    '[release-date]',
    '<owner name>',
    '${tag}',
    '%Release_Version%',
    '__release_name__',
    'XX.XX.XX',
    'N.N',
    'x.y.z',
    '[Some page](Features/Some_Page)',
    '2024-XX-XX',
    'DD/MM/YYYY',
    '{{date}}',
    '$3',
  ];
  let seed = 7;
  const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), Math.floor(seed / 65536) % n);
  let whole = 0;
  for (let i = 0; i < 5_000; i++) {
    let text = '';
    // Half of the values from leftover forms (parts 4 to 24) and markup (26 to 29) only.
    const only = i % 2 === 0;
    for (let k = 1 + next(3); k > 0; k--) {
      const j = only ? (next(4) === 0 ? 26 + next(4) : 4 + next(21)) : next(parts.length);
      text += parts[j] + (next(3) === 0 ? ' ' : '');
    }
    same(text);
    const hits = computeLeftovers(text);
    if (hits.length > 0 && isLeftoverValue(text)) whole++;
  }
  assert.ok(whole > 100, `${whole} values made only of leftovers`);
  assert.equal(isLeftoverValue('\\1'), true);
  assert.equal(isLeftoverValue('<priority>'), true);
  assert.equal(isLeftoverValue('Green \\1'), false);
  assert.equal(isLeftoverValue('Green'), false);
});
