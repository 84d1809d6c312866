import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inferSlashOrder, resolveSlash, scanDates, toIso, type DateToken } from '../../server/src/core/dates';

function fixturesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'test', 'fixtures');
    if (existsSync(join(candidate, 'corpus'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'test', 'fixtures');
}

/** The values of the front matter (`key: value` lines between `---` lines at the top) and the index of the first line after it. */
function frontMatterOf(lines: readonly string[]): { values: string[]; next: number } {
  const values: string[] = [];
  let i = 0;
  if (lines[0] === '---') {
    for (i = 1; i < lines.length && lines[i] !== '---'; i++) {
      const m = /^[A-Za-z_]+:\s*(.*)$/.exec(lines[i] ?? '');
      if (m?.[1]) values.push(m[1]);
    }
    i++;
  }
  return { values, next: i };
}

/** The trimmed cells of a table row line (unescaped pipes split it; the outer pipes open and close it). */
function rowCells(line: string): string[] {
  const parts = line.trim().split(/(?<!\\)\|/);
  if (parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1]?.trim() === '') parts.pop();
  return parts.map((p) => p.trim());
}

/** Table cells (GFM: from a row with pipes to the next blank line; a line without pipes is a one-cell row) and bullet values. */
function valuesOf(page: string): { cells: string[]; bullets: string[]; frontMatter: string[] } {
  const lines = page.split(/\r\n|\n|\r/);
  const cells: string[] = [];
  const bullets: string[] = [];
  const { values: frontMatter, next } = frontMatterOf(lines);
  let i = next;
  let inTable = false;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*$/.test(line)) {
      inTable = false;
      continue;
    }
    if (/^\s*\|/.test(line)) inTable = true;
    if (inTable) {
      if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line)) continue;
      if (!line.includes('|')) {
        cells.push(line.trim());
        continue;
      }
      cells.push(...rowCells(line));
      continue;
    }
    const b = /^\s*[*+-]\s+([^*\n]*?\S)\s*:?\s*((?:\*\*|\*').*)$/.exec(line);
    if (b?.[2]) bullets.push(b[2]);
  }
  return { cells, bullets, frontMatter };
}

function sweep(dir: string): { counts: Record<string, number>; formats: Record<string, number>; notable: string[] } {
  const counts: Record<string, number> = { values: 0, date: 0, invalid: 0, placeholder: 0, unset: 0, struck: 0, weekday: 0 };
  const formats: Record<string, number> = {};
  const notable: string[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()) {
    if (name === 'SOURCES.md') continue;
    const { cells, bullets, frontMatter } = valuesOf(readFileSync(join(dir, name), 'utf8'));
    for (const value of [...cells, ...bullets, ...frontMatter]) {
      counts.values++;
      const tokens = scanDates(value);
      for (const t of tokens) {
        assert.equal(value.slice(t.start, t.end), t.text);
        counts[t.kind] = (counts[t.kind] ?? 0) + 1;
        if (t.struck) counts.struck++;
        if (t.weekday) counts.weekday++;
        if (t.format) formats[t.format] = (formats[t.format] ?? 0) + 1;
        if (t.kind === 'invalid' || t.kind === 'placeholder' || (t.format !== 'iso' && t.format !== null)) {
          notable.push(`${name}: ${t.kind} ${t.format ?? '-'} ${t.text}${t.reason ? ` (${t.reason})` : ''}`);
        }
      }
    }
  }
  return { counts, formats, notable };
}

test('corpus sweep: every table cell, bullet value and front-matter value', () => {
  const { counts, formats, notable } = sweep(join(fixturesDir(), 'corpus'));
  console.log('corpus counts', JSON.stringify(counts), JSON.stringify(formats));
  console.log(notable.join('\n'));
  assert.deepEqual(counts, CORPUS_COUNTS);
  assert.deepEqual(formats, CORPUS_FORMATS);
});

test('seed sweep', () => {
  const { counts, formats, notable } = sweep(join(fixturesDir(), 'seeds'));
  console.log('seed counts', JSON.stringify(counts), JSON.stringify(formats));
  console.log(notable.join('\n'));
  assert.deepEqual(counts, SEED_COUNTS);
  assert.deepEqual(formats, SEED_FORMATS);
});

// Pinned after checking by hand against VOCABULARY.txt (c): 460 iso + 4 iso-datetime are the ISO dates of table
// cells (struck history on continuation lines included), timeline bullets and front matter; the 26 others of the
// vocabulary's 490 sit in link texts and `ETA:` prose. 16 month-day, 7 slash, 4 year-mon-day, 2 month-day-year,
// 10 `\1` + 2 `2019-xx-xx` placeholders, 97 struck, 15 weekday annotations, as listed there. Unset: empty
// cells of every table (test-day tables mostly), `?`, `Now`, `N/A`, `-`.
const CORPUS_COUNTS: Record<string, number> = {
  values: 3825,
  date: 493,
  invalid: 0,
  placeholder: 12,
  unset: 1058,
  struck: 97,
  weekday: 15,
};
const CORPUS_FORMATS: Record<string, number> = {
  iso: 460,
  'month-day': 16,
  slash: 7,
  'month-day-year': 2,
  'iso-datetime': 4,
  'year-mon-day': 4,
};
// Seeds: 000 has 8 slash dates (two ambiguous 1/7/2013, one impossible 31/06/2013), 001 six `\1`, 002 the
// month-year `November 2011` (precision month), 003 a date-time.
const SEED_COUNTS: Record<string, number> = { values: 333, date: 27, invalid: 1, placeholder: 6, unset: 83, struck: 0, weekday: 0 };
const SEED_FORMATS: Record<string, number> = { iso: 18, slash: 8, 'month-year': 1, 'iso-datetime': 1 };

test('slash order of the real pages', () => {
  const fixtures = fixturesDir();
  const slashOf = (path: string): DateToken[] =>
    readFileSync(join(fixtures, path), 'utf8')
      .split('\n')
      .flatMap((l) => scanDates(l))
      .filter((t) => t.slash);
  const seed = slashOf('seeds/000_015c11820e0fe26e.md');
  assert.deepEqual(
    seed.map((t) => t.slash?.order),
    ['both', 'both', 'dmy', 'dmy', 'dmy', 'dmy', 'dmy', 'none'],
  );
  assert.equal(inferSlashOrder(seed), 'dmy');
  assert.deepEqual(
    seed.map((t) => toIso(resolveSlash(t, 'dmy').year ?? 0, resolveSlash(t, 'dmy').month, resolveSlash(t, 'dmy').day)),
    ['2013-07-01', '2013-07-01', '2013-06-16', '2013-05-31', '2013-05-31', '2013-05-30', '2013-06-20', '2013-06-31'],
  );
  assert.equal(inferSlashOrder(slashOf('corpus/release__3.3__release-management.html.md')), 'dmy');
});
