// Differential test: the line reader (core/markdown/line-read.ts) against remark-parse + remark-gfm. Every
// region read with the line reader must give the facts remark gives, and every page the same page model
// and findings as a page whose regions all go to remark (the engine's `alwaysParse`), on every fixture page
// (corpus, pages, seeds, collected projects), the fuzzers' pages and generated block soups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Engine, splitLines } from '../../server/src/core';
import { splitRegions } from '../../server/src/core/markdown/blocks';
import { parseRegion, type RegionReadOptions } from '../../server/src/core/markdown/region-read';
import { page } from '../fuzz/pages';
import { modelShape } from '../fuzz/model-shape';
import { budget, FUZZ_MODE, fuzzLabel, params } from '../helpers/fuzz';
import { FIXTURES, markdownUnder } from '../helpers/paths';
import { nodeModulesReadmes } from '../helpers/readmes';

interface Counts {
  regions: number;
  parsed: number;
  reasons: Map<string, number>;
}

/** Every Markdown region of `text` read both ways: the facts must be equal. Counts what still went to remark. */
function sameRegions(text: string, what: string, counts?: Counts): void {
  const lines = splitLines(text);
  for (const r of splitRegions(lines)) {
    if (r.kind !== 'markdown') continue;
    const rl = lines.slice(r.startLine, r.endLine + 1).map((l) => l.text);
    const reference = parseRegion(rl, r.startLine, { alwaysParse: true });
    const counting: RegionReadOptions = {
      onParse: (_t, why) => {
        if (!counts) return;
        counts.parsed++;
        const key = why ?? 'tables inside containers';
        counts.reasons.set(key, (counts.reasons.get(key) ?? 0) + 1);
      },
    };
    const read = parseRegion(rl, r.startLine, counting);
    if (counts) counts.regions++;
    assert.deepEqual(read, reference, `${what}: region at line ${r.startLine + 1}:\n${rl.slice(0, 20).join('\n')}`);
  }
}

/** The page model and the findings of `text`, line reader first and remark only. */
function samePage(text: string, what: string): void {
  const a = new Engine().check(text);
  const b = new Engine({ regions: { alwaysParse: true } }).check(text);
  assert.deepEqual(modelShape(a.page), modelShape(b.page), `${what}: page model`);
  assert.deepEqual(JSON.stringify(a.findings), JSON.stringify(b.findings), `${what}: findings`);
}

/** What still went to remark, for the test's diagnostics. */
function summary(c: Counts): string {
  const reasons = [...c.reasons].sort((a, b) => b[1] - a[1]).map(([why, n]) => `${why} ${n}`);
  return `${c.parsed} of ${c.regions} regions went to remark (${reasons.join(', ') || 'none'})`;
}

test('line reader = remark on every region and page of the fixtures (corpus, pages, seeds, projects)', (t) => {
  const counts: Counts = { regions: 0, parsed: 0, reasons: new Map() };
  const files = markdownUnder(FIXTURES);
  assert.ok(files.length > 150, `fixture pages found: ${files.length}`);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    sameRegions(text, f, counts);
    samePage(text, f);
  }
  // The point of the line reader: the great majority of real regions never reach remark.
  t.diagnostic(summary(counts));
  assert.ok(counts.parsed / counts.regions < 0.05, summary(counts));
});

const RUNS = budget(150, 10_000);

test(`line reader = remark on the fuzzers' pages (${fuzzLabel(RUNS, 'pages')})`, () => {
  fc.assert(
    fc.property(page, (text) => {
      sameRegions(text, 'generated page');
      samePage(text, 'generated page');
    }),
    params(RUNS),
  );
});

// Block soups: lines of list markers, indentation, headings, underlines, code, HTML, link definitions and
// task boxes in every order, the shapes where a block parser goes wrong.
const indent = fc.constantFrom('', '', ' ', '  ', '   ', '    ', '     ', '      ', '        ');
const marker = fc.constantFrom('', '', '', '- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. ', '-', '- - ', '1. - ', '-     ', '> ');
const content = fc.constantFrom(
  'text',
  'more text here',
  '# Heading',
  '## Heading ##',
  '### `code` heading',
  '===',
  '---',
  '- - -',
  '***',
  '```',
  '~~~',
  '<div>',
  '</div>',
  '<span>',
  '<!-- c -->',
  '<!--',
  '-->',
  '<?x',
  '?>',
  '[a]: /url',
  '[a]',
  '[ ] task',
  '[x] done item',
  '[ ] **bold**',
  '[ ]',
  'tail  ',
  'a | b',
  '|---|---|',
  '[^1]: note',
  '## [1.0.0] - 2024-01-02',
  '### [a](/url) heading',
  '# see [a](b) and [c]',
  '## ![i](x)',
  '## [a [b](c) ]',
  '## [a](b c)',
  '## [^1] note',
  '## [a][a] x',
  'setext [a](/u) [b]',
  '',
  '',
  '',
);
const soup = fc
  .array(fc.tuple(indent, marker, content), { minLength: 1, maxLength: 14 })
  .map((ls) => ls.map(([a, b, c]) => a + b + c).join('\n'));

test(`line reader = remark on generated block soups (${fuzzLabel(RUNS * 4, 'pages')})`, () => {
  fc.assert(
    fc.property(soup, (text) => sameRegions(text, 'block soup')),
    params(RUNS * 4),
  );
});

// Heading texts made of brackets, links, code spans and other markup, in a region with and without a link
// definition: the shapes the line reader reads itself (plain links, brackets that make no link) and their
// neighbours it must refuse.
const headingPiece = fc.constantFrom(
  '[',
  ']',
  '(',
  ')',
  '[a]',
  '[v1.2]',
  '[a](/u)',
  '[a b](https://x.y/z?q=1)',
  '[](u)',
  '[ a ](u)',
  '[a](<u>)',
  '[a](u "t")',
  '[a](u_v)',
  '![i](u)',
  '[^1]',
  '[a][]',
  '[a][b]',
  '`c`',
  '`[a](u)`',
  '**b**',
  '_e_',
  '\\[',
  '&amp;',
  '<b>',
  'www.x.com',
  ' ',
  '-',
  'text',
  '2024-01-02',
);
const headingLine = fc.tuple(fc.constantFrom('# ', '## ', '### '), fc.array(headingPiece, { minLength: 1, maxLength: 8 }));
const definition = fc.constantFrom('', '', '[a]: /url', '[v1.2]: https://x.y', '[^1]: note', 'text ]: not one');

test(`line reader = remark on headings with links and brackets (${fuzzLabel(RUNS * 4, 'pages')})`, () => {
  fc.assert(
    fc.property(fc.array(headingLine, { minLength: 1, maxLength: 4 }), definition, (headings, def) => {
      const lines = headings.map(([hashes, pieces]) => hashes + pieces.join(''));
      sameRegions([...lines, '', def].join('\n'), 'headings');
      sameRegions([lines.map((l) => l.replace(/^#+ /, '')).join(' '), '===', '', def].join('\n'), 'setext heading');
    }),
    params(RUNS * 4),
  );
});

// Hundreds of ordinary pages written by other people (2.5 MB): every region read both ways takes remark a
// while, so only `npm run fuzz` (RELEASE_PAGES_FUZZ=long) reads them.
// Defined only then: `npm test` reports no skipped test.
if (FUZZ_MODE === 'long')
  test('line reader = remark on every region of the READMEs of node_modules', (t) => {
    const counts: Counts = { regions: 0, parsed: 0, reasons: new Map() };
    for (const f of nodeModulesReadmes()) sameRegions(readFileSync(f, 'utf8'), f, counts);
    t.diagnostic(summary(counts));
    assert.ok(counts.regions > 1000, `regions read: ${counts.regions}`);
  });
