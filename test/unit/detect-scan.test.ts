// Detection before parsing (core/model/detect-scan.ts) against the full detection: a page the cheap scan
// rejects is never a release page by its model. Held on every fixture page, the same pages without their
// table lines (so that the words decide, not the pipes), the READMEs of node_modules (ordinary pages, the
// kind a folder check meets most) and the fuzzers' generated pages. The scan must also reject most
// READMEs without tables: a scan that always says "maybe" would hold the property and save nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Engine } from '../../server/src/core';
import { mayBeReleasePage } from '../../server/src/core/model/detect-scan';
import { page } from '../fuzz/pages';
import { budget, fuzzLabel, params } from '../helpers/fuzz';
import { FIXTURES } from '../helpers/paths';
import { nodeModulesReadmes } from '../helpers/readmes';

function markdownUnder(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) markdownUnder(p, out);
    else if (/\.(md|markdown)$/i.test(e.name)) out.push(p);
  }
  return out;
}

/** Whether the full detection (the page model's evidence) takes the page. */
function detected(text: string): boolean {
  return new Engine().check(text).page.isReleasePage;
}

/** Every page the scan rejects must be rejected by the full detection; returns how many were rejected. */
function holdOn(name: string, text: string): boolean {
  if (mayBeReleasePage(text)) return false;
  const page = new Engine().check(text).page;
  assert.equal(
    page.isReleasePage,
    false,
    `${name}: the cheap scan says "not a release page" but the model scores ${page.detection.score}: ${JSON.stringify(page.detection.evidence)}`,
  );
  return true;
}

test('fixture pages, and the same pages without their table lines: a rejected page is never a release page', () => {
  const files = markdownUnder(FIXTURES).filter((f) => !f.includes('__snapshots__'));
  assert.ok(files.length > 100, `${files.length} fixture pages`);
  let rejected = 0;
  let releasePages = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (holdOn(f, text)) rejected++;
    if (detected(text)) releasePages++;
    const withoutTables = text
      .split('\n')
      .filter((l) => !l.includes('|'))
      .join('\n');
    if (holdOn(`${f} (without table lines)`, withoutTables)) rejected++;
  }
  assert.ok(releasePages > 50, `${releasePages} release pages among the fixtures`);
  assert.ok(rejected > 0, 'some fixture pages are rejected by the scan');
});

test('READMEs of node_modules: a rejected page is never a release page, and most READMEs without tables are rejected', () => {
  const files = nodeModulesReadmes();
  assert.ok(files.length > 100, `${files.length} READMEs`);
  let rejected = 0;
  let withoutPipes = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (!text.includes('|')) withoutPipes++;
    if (holdOn(f, text)) rejected++;
  }
  assert.ok(rejected >= withoutPipes / 3, `${rejected} of ${files.length} READMEs rejected (${withoutPipes} without a |)`);
});

const RUNS = budget(300, 20_000);

test(`generated pages: a rejected page is never a release page (${fuzzLabel(RUNS, 'pages')})`, () => {
  fc.assert(
    fc.property(page, fc.boolean(), (text, dropTables) => {
      const t = dropTables
        ? text
            .split('\n')
            .filter((l) => !l.includes('|'))
            .join('\n')
        : text;
      holdOn('generated page', t);
    }),
    params(RUNS, 4100),
  );
});
