/**
 * Every finding on every real and fixture page, pinned: test/fixtures/{corpus,seeds,pages,projects/release,projects/other}/__snapshots__/findings.txt
 * hold one line per page (`FILE kind KIND`) and one line per finding (`FILE:LINE:COLUMN RULE MESSAGE`,
 * 1-based), as reviewed. A finding that appears, disappears, moves or reads differently, or a page whose
 * kind changes, fails here; `npm run test:update` rewrites the files (never in CI) for review.
 */
import { test } from 'node:test';
import { join } from 'node:path';
import { checkText } from '../../server/src/core';
import { FIXTURES, pagesIn, readFixture } from '../helpers/paths';
import { matchTextSnapshot } from '../helpers/snapshot';

const HEADER = (folder: string): string[] => [
  `# Every finding on the pages of test/fixtures/${folder}/ with the default configuration (BOM stripped, as`,
  '# editors and the CLI check them): `FILE kind KIND` per page, then `FILE:LINE:COLUMN RULE MESSAGE` per finding.',
  '# Pinned by test/unit/findings-snapshots.test.ts; rewritten by `npm run test:update`: review every change.',
];

/** A message on one line: line breaks and tabs written as `\n`, `\r`, `\t` (messages hold none today). */
const oneLine = (s: string): string => s.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');

function findingLines(folder: string, names: readonly string[], kinds: Record<string, number>): string[] {
  const out: string[] = [];
  for (const name of names) {
    const r = checkText(readFixture(folder, name).replace(/^\uFEFF/, ''));
    kinds[r.page.kind] = (kinds[r.page.kind] ?? 0) + 1;
    out.push(`${name} kind ${r.page.kind}`);
    for (const f of r.findings)
      out.push(`${name}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule} ${oneLine(f.message)}`);
  }
  return out;
}

for (const folder of ['corpus', 'seeds', 'pages', 'projects/release', 'projects/other']) {
  test(`${folder}: every finding and every page kind equal the reviewed snapshot`, () => {
    const names = pagesIn(folder);
    const kinds: Record<string, number> = {};
    const lines = findingLines(folder, names, kinds);
    console.log(`${folder}: ${names.length} pages, ${lines.length - names.length} findings, kinds ${JSON.stringify(kinds)}`);
    matchTextSnapshot(join(FIXTURES, folder, '__snapshots__', 'findings.txt'), `${[...HEADER(folder), ...lines].join('\n')}\n`);
  });
}
