// Differential test: the simple front matter reader (core/model/frontmatter-simple.ts) against `yaml`. Whatever
// the reader accepts must give exactly the fields `yaml` gives (keys, types, values, raw text, ranges), on the
// front matter of every fixture page and on generated front matter made of the shapes it reads, of near
// misses (numbers, nulls, booleans, indicators, comments, quotes, indentation) and of random characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { odd, readSimpleFrontMatter } from '../../server/src/core/model/frontmatter-simple';
import { parseWithYaml, type FrontMatter } from '../../server/src/core/model/frontmatter';
import { budget, fuzzLabel, params } from '../helpers/fuzz';
import { FIXTURES, markdownUnder } from '../helpers/paths';

/** The lines between a page's `---` lines, or null when it has no front matter. */
function frontMatterBody(text: string): string[] | null {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== '---') return null;
  const end = lines.indexOf('---', 1);
  return end < 0 ? null : lines.slice(1, end);
}

function viaYaml(body: readonly string[]): FrontMatter {
  return parseWithYaml({ startLine: 0, endLine: body.length + 1, fields: new Map(), errors: [] }, body.join('\n'), body);
}

/** Accepted ⇒ equal to yaml's reading (with no errors); returns whether it was accepted. */
function same(body: readonly string[], what: string): boolean {
  const simple = readSimpleFrontMatter(body);
  if (simple === null) return false;
  const reference = viaYaml(body);
  assert.deepEqual(reference.errors, [], `${what}: the reader accepted what yaml reports errors in:\n${body.join('\n')}`);
  assert.deepEqual([...simple.entries()], [...reference.fields.entries()], `${what}:\n${body.join('\n')}`);
  return true;
}

test('simple front matter reader = yaml on every fixture page', () => {
  let pages = 0;
  let accepted = 0;
  for (const file of markdownUnder(FIXTURES)) {
    const body = frontMatterBody(readFileSync(file, 'utf8'));
    if (!body) continue;
    pages++;
    if (same(body, file)) accepted++;
  }
  assert.ok(pages >= 49, `front matter found on ${pages} fixture pages`);
  // The reader must take most of them, or it saves nothing (the corpus: plain `key: value` lines and lists).
  assert.ok(accepted / pages > 0.7, `read ${accepted} of ${pages}`);
});

test('simple front matter reader: the shapes it reads, and the ones it must leave to yaml', () => {
  const cases: Array<[string[], boolean]> = [
    [['title: oVirt 4.5 Release', 'authors: sandrobonazzola'], true],
    [['title: Feature template', 'authors:', '  - acathrow', '  - danken', 'category: feature'], true],
    [['authors:', '- a', '- b'], true],
    [['wiki_revision_count: 3', 'wiki_last_updated: 2014-02-28', "q: 'x y'", 'd: "a: b"'], true],
    [['', 'a: b', '', 'c: d'], true],
    [['a: 1.5'], false],
    [['a: 007'], false],
    [['a: null'], false],
    [['a: ~'], false],
    [['a: True', 'b: false'], true],
    [['authors: a, b,', '  c, d', '  e', 'x: y'], true],
    [['a: 12', '  3'], true],
    [['a: b ', '  c'], false],
    [['a: b', '  # c'], false],
    [['a: "b', '  c"'], false],
    [['a: 0x1F'], false],
    [['a: .inf'], false],
    [['a: b # comment'], false],
    [['a: b: c'], false],
    [['a: b', 'a: c'], false],
    [['a: [1, 2]'], true],
    [['title: "K"', 'aliases: [ "/release" ]', 'weight: 98'], true],
    [['a: []', 'b: [ ]', "c: ['x', y z, 3, true]"], true],
    [['a: [x, ]'], false],
    [['a: [x: y]'], false],
    [['a: [[x]]'], false],
    [['a: ["x,y"]'], false],
    [['a: [x', '  y]'], false],
    [['a: [x] # c'], false],
    [['description: |', '  Information regarding', '  more!', 'x: y'], true],
    [['description: |', '  a', '', '    b', '', 'x: y'], true],
    [['d: |', '  a'], true],
    [['d: |', '  a', ''], true],
    [['d: |', '', '  a'], false],
    [['d: |', 'x: y'], false],
    [['d: |', '  a', ' b'], false],
    [['d: |-', '  a'], false],
    [['d: |2', '  a'], false],
    [['d: >', '  a'], true],
    [['author: >', '  Carol Valencia,', '  Kristin Martin', '', 'x: y'], true],
    [['d: >', '  a', '', '  b'], false],
    [['d: >', '  a ', '  b', 'e: |', '  c ', '', '  d  '], true],
    [['d: >', '  a', '    b'], false],
    [['d: >-', '  a'], false],
    [['a: &x b', 'c: *x'], false],
    [['a: >', '  folded'], true],
    [['a: "esc\\n"'], false],
    [['a: b', '  continued'], true],
    [['a:', '  - x', '', 'b: c'], false],
    [['a:', '  - x', '    - y'], false],
    [['a:', '  - x', '- y'], false],
    [['a: b\t'], false],
    [['a: b '], false],
    [['true: x'], false],
    [['a b: c'], false],
    [['a:'], false],
    [[''], false],
  ];
  for (const [body, accepted] of cases) {
    assert.equal(readSimpleFrontMatter(body) !== null, accepted, body.join('\\n'));
    same(body, 'case');
  }
});

const KEYS = ['title', 'authors', 'wiki_title', 'category', 'a', 'b-c', '_x', 'Null', 'TRUE', 'k1', 'date'];
const VALUES = [
  'oVirt 4.5',
  '3',
  '0',
  '007',
  '12345678901234567890',
  '1.5',
  '-1',
  '+1',
  '.5',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '-.Inf',
  '.NaN',
  'null',
  'Null',
  '~',
  'true',
  'False',
  'yes',
  'no',
  'on',
  '2014-02-28',
  '2014-02-28 10:00',
  'Category:OVirt 3.6',
  'a: b',
  'a #b',
  'a#b',
  'b:',
  '"quoted"',
  "'single'",
  '"a\\"b"',
  "'it''s'",
  '"',
  "'",
  '- x',
  '? x',
  ': x',
  '[a]',
  '{a}',
  '&a x',
  '*a',
  '!tag x',
  '|',
  '>',
  '%x',
  '@x',
  '`x`',
  'x,y',
  'a [b]',
  'é ü 中',
  'tab\there',
  ' lead',
  'trail ',
  'ends with quote"',
  '=',
  '<<',
  '',
];
const line = fc.oneof(
  fc
    .tuple(fc.constantFrom(...KEYS), fc.constantFrom(':', ': ', ':  ', ':\t'), fc.constantFrom(...VALUES))
    .map(([k, c, v]) => `${k}${c}${v}`),
  fc
    .tuple(fc.constantFrom('', ' ', '  ', '   '), fc.constantFrom('- ', '-', '-  '), fc.constantFrom(...VALUES))
    .map(([i, d, v]) => `${i}${d}${v}`),
  fc.constantFrom('', ' ', '#c', '---', '...', 'a:', 'authors:'),
  fc.string({ maxLength: 12 }),
);

/** Front matter of the shapes the reader takes (pairs, lists, empty lines), with some values it must refuse. */
const GOOD = [
  'true',
  'False',
  'oVirt 4.5',
  '3',
  '0',
  '42',
  '2014-02-28',
  'Category:OVirt 3.6',
  'a#b',
  '"quoted"',
  "'single'",
  'x,y',
  'é ü 中',
  '<<',
];
const entry = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...GOOD, ...VALUES),
      fc.array(fc.tuple(fc.constantFrom(' ', '  ', '   '), fc.constantFrom(...GOOD, ...VALUES)), { maxLength: 3 }),
    )
    .map(([v, more]) => (k: string) => [`${k}: ${v}`, ...more.map(([indent, m]) => `${indent}${m}`)]),
  fc.tuple(fc.constantFrom(...GOOD, ...VALUES), fc.boolean()).map(([v, blank]) => (k: string) => [...(blank ? [''] : []), `${k}: ${v}`]),
  fc
    .tuple(fc.constantFrom('', '  ', '    '), fc.array(fc.constantFrom(...GOOD, ...GOOD, ...VALUES), { minLength: 1, maxLength: 4 }))
    .map(([indent, items]) => (k: string) => [`${k}:`, ...items.map((v) => `${indent}- ${v}`)]),
);
/** A flow list's item: good ones and near misses. */
const FLOW_ITEM = [
  'a',
  'b c',
  '"/release"',
  "'x'",
  '3',
  'true',
  'null',
  '1.5',
  '"a,b"',
  'x:y',
  'a #b',
  '[a]',
  '{a}',
  '-1',
  '',
  ' ',
  '"a]"',
  "'it''s'",
];
const flowEntry = fc
  .tuple(fc.array(fc.constantFrom(...FLOW_ITEM), { maxLength: 4 }), fc.constantFrom(', ', ',', ' , '), fc.constantFrom('', ' '))
  .map(([items, comma, pad]) => (k: string) => [`${k}: [${pad}${items.join(comma)}${pad}]`]);
/** `key: |` and a block: lines indented alike or not, blank lines, lines of spaces, markup that is literal there. */
const BLOCK_LINE = [
  '  text',
  '  trail ',
  '  a  b',
  '  more: text',
  '  # not a comment',
  '    deeper',
  '  - item',
  '',
  '',
  ' one space',
  '   ',
  '\ttab',
  '  "q"',
];
const literalEntry = fc
  .tuple(fc.constantFrom('|', '|-', '|+', '|2', '>'), fc.array(fc.constantFrom(...BLOCK_LINE), { minLength: 1, maxLength: 5 }))
  .map(([head, lines]) => (k: string) => [`${k}: ${head}`, ...lines]);
const shaped = fc
  .array(fc.oneof(entry, entry, flowEntry, literalEntry), { minLength: 1, maxLength: 6 })
  .map((entries) => entries.flatMap((make, i) => make(i % 5 === 4 ? 'k0' : `k${i}`)));

const RUNS = budget(3000, 100_000);

test(`simple front matter reader = yaml on generated front matter (${fuzzLabel(RUNS)})`, () => {
  let accepted = 0;
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (body) => {
      if (same(body, 'generated')) accepted++;
    }),
    params(RUNS),
  );
  assert.ok(accepted > 0, 'some generated front matter is read by the reader');
  let shapedAccepted = 0;
  fc.assert(
    fc.property(shaped, (body) => {
      if (same(body, 'generated')) shapedAccepted++;
    }),
    params(RUNS, 1),
  );
  assert.ok(shapedAccepted > RUNS / 20, `${shapedAccepted} of ${RUNS} shaped front matters read by the reader`);
});

test('odd characters: every code unit, as defined (controls, C1, line separators, BOM, surrogates, U+FFFE/FFFF)', () => {
  for (let c = 0; c <= 0xffff; c++) {
    const want =
      c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c >= 0xfffe || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff);
    assert.equal(odd(`key: a${String.fromCharCode(c)}b`), want, `U+${c.toString(16)}`);
  }
  assert.equal(odd('title: plain ASCII'), false);
});
