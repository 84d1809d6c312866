// The date checks on real pages of other projects (test/fixtures/projects, ground truth in expected.json):
// every recorded mistake of a date rule is reported at its line, and the weekday, range and zone rules
// say nothing else. Pages are checked with `force` (the CLI's `--all`): detection is another concern.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Engine, type Finding } from '../../server/src/core';

function projectsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'test', 'fixtures', 'projects');
    if (existsSync(join(candidate, 'expected.json'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'test', 'fixtures', 'projects');
}

interface Mistake {
  line: number;
  rule: string;
  text: string;
}

/** Rules that must report nothing but the recorded mistakes (their findings are never a matter of style). */
const EXACT_RULES = new Set(['weekday-mismatch', 'date-zone-mismatch', 'date-range-order']);

/**
 * Wrong ordinals on the pages that expected.json does not list (it records schedule mistakes, not
 * spelling); each checked by hand against the page: `21th`, `8nd`, `22th`, `29nd`, `26nd`.
 */
const ORDINAL_TYPOS = [
  'release/cluster-api-1.10.md:12 21th',
  'release/cluster-api-1.10.md:21 8nd',
  'release/cluster-api-1.10.md:23 22th',
  'release/cluster-api-1.10.md:24 22th',
  'release/cluster-api-1.12.md:10 29nd',
  'release/cluster-api-1.12.md:11 29nd',
  'release/kubernetes-1.26.md:71 21th',
  'release/kubernetes-1.28.md:44 26nd',
  'release/kubernetes-1.28.md:71 26nd',
  'release/kubernetes-1.28.md:78 26nd',
  'release/kubernetes-1.32.md:76 22th',
];

function pages(dir: string): string[] {
  return ['release', 'other'].flatMap((sub) =>
    existsSync(join(dir, sub))
      ? readdirSync(join(dir, sub))
          .filter((f) => f.endsWith('.md'))
          .map((f) => `${sub}/${f}`)
      : [],
  );
}

function check(dir: string, page: string): { text: string; findings: readonly Finding[] } {
  const text = readFileSync(join(dir, page), 'utf8').replace(/^\uFEFF/, '');
  return { text, findings: new Engine().check(text, { force: true }).findings };
}

test('every recorded mistake is reported by its rule at its line; no other weekday, range or zone finding', () => {
  const dir = projectsDir();
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Partial<Record<string, { mistakes?: Mistake[] }>>;
  const missing: string[] = [];
  const extra: string[] = [];
  const typos: string[] = [];
  let recorded = 0;
  let total = 0;
  for (const page of pages(dir)) {
    // Every mistake a person found, whatever its rule: a date rule's or a schedule rule's.
    const mistakes = expected[page]?.mistakes ?? [];
    total += mistakes.length;
    const { text, findings } = check(dir, page);
    const lines = text.split(/\r?\n/);
    for (const m of mistakes) {
      const found = findings.some((f) => f.rule === m.rule && f.range.start.line + 1 === m.line);
      if (!found) missing.push(`${page}:${m.line} ${m.rule} ${m.text}`);
      else recorded++;
    }
    for (const f of findings) {
      const line = f.range.start.line + 1;
      if (f.rule === 'date-ordinal') {
        const word = /\d+[a-z]{2}$/i.exec((lines[line - 1] ?? '').slice(0, f.range.end.character))?.[0] ?? '';
        typos.push(`${page}:${line} ${word}`);
      }
      if (EXACT_RULES.has(f.rule) && !mistakes.some((m) => m.rule === f.rule && m.line === line))
        extra.push(`${page}:${line} ${f.rule} ${f.message}`);
    }
  }
  assert.deepEqual(missing, [], 'recorded mistakes not reported');
  assert.deepEqual(extra, [], 'findings that are no recorded mistake');
  assert.deepEqual(typos, ORDINAL_TYPOS);
  assert.equal(recorded, total, 'every recorded mistake reported');
  assert.ok(total >= 29, `expected.json lists ${total} mistakes`);
});

test('the non-schedule pages: no weekday, range, zone or ordinal finding even when checked anyway', () => {
  const dir = projectsDir();
  for (const page of pages(dir).filter((p) => p.startsWith('other/'))) {
    const { findings } = check(dir, page);
    const dateFindings = findings.filter((f) => EXACT_RULES.has(f.rule) || f.rule === 'date-ordinal');
    assert.deepEqual(
      dateFindings.map((f) => `${f.range.start.line + 1} ${f.rule}`),
      [],
      page,
    );
  }
});
