/**
 * Detection on real pages of other projects: every page of test/fixtures/projects/expected.json gets the
 * class expected (schedule → a release kind; support-policy → `support-policy` or a release kind; other →
 * `other`), the `other` pages get no error and no warning, and neither do the READMEs and CHANGELOGs of
 * this project's own dependencies (read where they are in node_modules, with the default configuration,
 * as `release-pages check` reads a folder).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, type CheckResult } from '../../server/src/core';
import { FIXTURES, ROOT } from '../helpers/paths';

type PageClass = 'schedule' | 'support-policy' | 'other';

interface ExpectedPage {
  file: string;
  class: PageClass;
}

const PROJECTS = join(FIXTURES, 'projects');
const CLASSES: readonly string[] = ['schedule', 'support-policy', 'other'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** expected.json: either `{ "<file>": { "class": … } }` or `[{ "file" | "path": …, "class": … }]`, possibly under `pages`. */
function readExpected(): ExpectedPage[] {
  const raw: unknown = JSON.parse(readFileSync(join(PROJECTS, 'expected.json'), 'utf8'));
  const body = isRecord(raw) && 'pages' in raw ? raw.pages : raw;
  const entries: Array<[string, unknown]> = Array.isArray(body)
    ? body.map((e): [string, unknown] => [isRecord(e) ? String(e.file ?? e.path ?? '') : '', e])
    : isRecord(body)
      ? Object.entries(body)
      : [];
  return entries.map(([file, e]) => {
    const cls = isRecord(e) ? e.class : e;
    assert.ok(file !== '' && typeof cls === 'string' && CLASSES.includes(cls), `expected.json entry ${file}: class ${String(cls)}`);
    return { file, class: cls as PageClass };
  });
}

/**
 * Schedules whose dates the model does not read yet (their date forms are another branch's work): detected
 * as `other` until then. The test fails when one of them starts being detected: take it off this list.
 */
const DATES_NOT_READ_YET: ReadonlyMap<string, string> = new Map<string, string>([]);

function check(engine: Engine, text: string): CheckResult {
  return engine.check(text);
}

function problems(r: CheckResult): string[] {
  return r.findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule} ${f.message}`);
}

function why(r: CheckResult): string {
  const d = r.page.detection;
  return `score ${d.score}: ${d.evidence.map((e) => `${e.weight > 0 ? '+' : ''}${e.weight} ${e.why}`).join('; ') || 'no evidence'}`;
}

test('projects: every collected page is detected as its expected class', () => {
  const engine = new Engine();
  const wrong: string[] = [];
  for (const page of readExpected()) {
    const r = check(engine, readFileSync(join(PROJECTS, page.file), 'utf8'));
    const kind = r.page.kind;
    const waiting = DATES_NOT_READ_YET.get(page.file);
    if (waiting !== undefined) {
      if (kind !== 'other') wrong.push(`${page.file}: detected as ${kind} now: take it off DATES_NOT_READ_YET (${waiting})`);
      continue;
    }
    const ok =
      page.class === 'other'
        ? kind === 'other'
        : page.class === 'support-policy'
          ? kind !== 'other'
          : kind !== 'other' && kind !== 'support-policy';
    if (!ok) wrong.push(`${page.file}: expected ${page.class}, got ${kind} (${why(r)})`);
    if (page.class === 'other') for (const p of problems(r)) wrong.push(`${page.file}:${p}`);
  }
  assert.deepEqual(wrong, []);
});

/** Every README and CHANGELOG at the top of a package folder in node_modules (scoped packages too). */
function dependencyDocs(): string[] {
  const top = join(ROOT, 'node_modules');
  const packages: string[] = [];
  for (const name of readdirSync(top)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) for (const sub of readdirSync(join(top, name))) packages.push(join(top, name, sub));
    else packages.push(join(top, name));
  }
  const docs: string[] = [];
  for (const dir of packages) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // a file, or a broken link
    }
    for (const n of names)
      if (/^(?:readme|changelog|history|changes)(?:\.md|\.markdown)$/i.test(n) && statSync(join(dir, n)).isFile()) docs.push(join(dir, n));
  }
  return docs.sort();
}

test('dependencies: the READMEs and CHANGELOGs in node_modules are not release pages and get no problems', () => {
  const docs = dependencyDocs();
  assert.ok(docs.length >= 100, `only ${docs.length} READMEs and CHANGELOGs found in node_modules`);
  const engine = new Engine();
  const started = performance.now();
  const wrong: string[] = [];
  for (const file of docs) {
    const r = check(engine, readFileSync(file, 'utf8'));
    const rel = file.slice(ROOT.length + 1);
    if (r.page.kind !== 'other') wrong.push(`${rel}: taken as ${r.page.kind} (${why(r)})`);
    for (const p of problems(r)) wrong.push(`${rel}:${p}`);
  }
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`# ${docs.length} dependency READMEs and CHANGELOGs checked in ${ms} ms\n`);
  assert.deepEqual(wrong, []);
});
