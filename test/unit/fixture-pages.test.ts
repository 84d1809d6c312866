/**
 * Fixture pages: small release pages in test/fixtures/pages, each showing a few cases, with the
 * expected findings marked inline. For every page this test
 *
 * 1. checks the page (BOM stripped, as editors and the CLI do) and compares the multiset of
 *    (line, rule) of the findings with the markers;
 * 2. applies every preferred fix (`fixAllGroups` + `applyFixGroups`) until nothing changes (at most
 *    10 passes) and compares the result with `pages/__snapshots__/<name>.fixed.md`, byte for byte, BOM
 *    and line endings included. A missing snapshot is written. UPDATE_SNAPSHOTS=1 rewrites the snapshots
 *    of pages whose findings match their markers, except HAND_CORRECTED ones; UPDATE_SNAPSHOTS=all
 *    rewrites every snapshot;
 * 3. re-checks the fixed text: no finding whose fix `fixAllGroups` would apply may remain, except the
 *    conflicts listed in KNOWN_CONFLICTS;
 * 4. checks that the first fixing pass changes no line outside the lines of the findings it fixed
 *    (see `allowedLines` for the few rules whose fix must touch a neighbouring line).
 *
 * Markers (HTML comments, invisible when rendered):
 * - `<!-- expect: rule-a, rule-b -->` on the line where the findings start (repeat an id to expect it
 *   twice on that line); inside a table the marker goes in the row's last cell;
 * - `<!-- expect-next-line: rule -->` at the end of the line before, for lines that cannot hold a
 *   marker (a delimiter row, a `Milestone N (…)` plan heading);
 * - `<!-- expect-prev-line: rule -->` for the one line that has no line before: the opening `---` of
 *   the front matter (used as a YAML comment on line 2).
 * A line without a marker must produce no finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { applyFixGroups, Engine, type Finding, type Fix, fixAllGroups, lineStartsOf, offsetAt, RULES, RULES_BY_ID, selectFixEdits, type SourceLine, splitLines, type TextEdit } from '../../server/src/core';

/**
 * Findings that may remain after fixing although they have a preferred fix, because their fix
 * conflicts with another one (page → rule ids). Empty: every conflict so far resolves in a later pass.
 */
const KNOWN_CONFLICTS: Readonly<Record<string, readonly string[]>> = {};

/**
 * Snapshots written by hand: they hold what fixing should produce, not what the engine produced when
 * they were written (a fix that also rewrites a title or a code span, a header that should read
 * `| Column 1 | Column 2 |`, a finding that should not exist or should have a fix). UPDATE_SNAPSHOTS=1
 * leaves them alone so the expectation is not overwritten by the behaviour it describes.
 */
const HAND_CORRECTED: ReadonlySet<string> = new Set([
  'code-and-html', 'date-ambiguous', 'link-target-space', 'readme-dated-bullets', 'struck-values', 'table-delimiter-first',
]);

const MAX_PASSES = 10;
const BOM = '\uFEFF';
const UPDATE = process.env.UPDATE_SNAPSHOTS ?? '';

function fixturesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'test', 'fixtures');
    if (existsSync(join(candidate, 'pages'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'test', 'fixtures');
}

const PAGES = join(fixturesDir(), 'pages');
const SNAPSHOTS = join(PAGES, '__snapshots__');

interface Page {
  name: string;
  /** File contents as read (BOM included). */
  raw: string;
  bom: boolean;
  /** Text without the BOM: what the engine checks. */
  text: string;
}

function loadPages(): Page[] {
  return readdirSync(PAGES)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(PAGES, f), 'utf8');
      const bom = raw.startsWith(BOM);
      return { name: f.replace(/\.md$/, ''), raw, bom, text: bom ? raw.slice(1) : raw };
    });
}

// ---- markers ----

const MARKER = /<!--\s*expect(-next-line|-prev-line)?\s*:\s*([\s\S]*?)\s*-->/g;

/** Expected rule ids per 0-based line, from the markers. */
function expectedFindings(lines: readonly SourceLine[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  lines.forEach((l, i) => {
    for (const m of l.text.matchAll(MARKER)) {
      const target = m[1] === '-next-line' ? i + 1 : m[1] === '-prev-line' ? i - 1 : i;
      const ids = m[2].split(',').map((s) => s.trim()).filter(Boolean);
      out.set(target, [...(out.get(target) ?? []), ...ids]);
    }
  });
  return out;
}

function foundByLine(findings: readonly Finding[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const f of findings) out.set(f.range.start.line, [...(out.get(f.range.start.line) ?? []), f]);
  return out;
}

function where(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** A readable list of the lines whose expected and found rule ids differ (empty when they agree). */
function markerDiff(lines: readonly SourceLine[], findings: readonly Finding[]): string[] {
  const expected = expectedFindings(lines);
  const found = foundByLine(findings);
  const all = [...new Set([...expected.keys(), ...found.keys()])].sort((a, b) => a - b);
  const out: string[] = [];
  for (const line of all) {
    const exp = [...(expected.get(line) ?? [])].sort();
    const got = (found.get(line) ?? []).map((f) => f.rule).sort();
    if (exp.join() === got.join()) continue;
    const text = lines[line]?.text ?? '(no such line)';
    out.push(`  line ${line + 1}: expected [${exp.join(', ')}] got [${got.join(', ')}]\n      | ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`);
    for (const f of found.get(line) ?? []) out.push(`      ${f.rule} @${where(f)}: ${f.message}`);
  }
  return out;
}

// ---- fixing ----

/** The fix `fixAllGroups` applies for a finding (its preferred fix, or its only fix). */
function autoFix(f: Finding): Fix | undefined {
  return f.fixes.find((x) => x.preferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined);
}

interface FixRun {
  text: string;
  passes: number;
  converged: boolean;
}

/** Applies all auto-fixes until the text stops changing; one engine throughout, as in an editor. */
function fixUntilStable(engine: Engine, text: string): FixRun {
  const { text: fixed, passes, converged } = engine.fixAll(text, {}, MAX_PASSES);
  return { text: fixed, passes, converged };
}

/**
 * Lines a finding's fix may change. A fix changes the lines of its finding, except:
 * - table-delimiter-first: moving the delimiter row below the header changes the header line after it;
 * - table-interrupted: the fix removes the blank (or joins the indented) lines between the table and
 *   the cut rows, and so touches the table's last line.
 */
function allowedLines(f: Finding, lines: readonly SourceLine[]): [number, number] {
  const { start, end } = f.range;
  switch (f.rule) {
    case 'table-delimiter-first':
      return [start.line, start.line + 1];
    case 'table-interrupted': {
      let k = start.line - 1;
      while (k > 0 && (lines[k].text.trim() === '' || /^( {4,}|\t)/.test(lines[k].text))) k--;
      return [k, end.line];
    }
    default:
      return [start.line, end.line];
  }
}

/** Problems of the first fixing pass: edits outside their finding's lines, changed lines without a fixed finding. */
function firstPassProblems(text: string, findings: readonly Finding[]): string[] {
  const lines = splitLines(text);
  const groups = fixAllGroups(findings);
  const applied = new Set<TextEdit>(selectFixEdits(text, groups));
  const out = applyFixGroups(text, groups).text;
  const problems: string[] = [];
  const allowed = new Set<number>();
  for (const f of findings) {
    const fix = autoFix(f);
    if (!fix || !fix.edits.every((e) => applied.has(e))) continue;
    const [a, b] = allowedLines(f, lines);
    for (let l = a; l <= b; l++) allowed.add(l);
    for (const e of fix.edits) {
      // An edit that starts at the very end of a line's text only removes that line's ending.
      const first = e.range.start.character >= (lines[e.range.start.line]?.text.length ?? 0) && e.range.end.line > e.range.start.line
        ? e.range.start.line + 1
        : e.range.start.line;
      if (first < a || e.range.end.line > b) {
        problems.push(`  ${f.rule} (finding at line ${f.range.start.line + 1}) edits lines ${first + 1}-${e.range.end.line + 1}, outside lines ${a + 1}-${b + 1}: ${JSON.stringify(e.newText)}`);
      }
    }
  }
  // Every other line must be byte-identical (with its line ending) at its shifted position.
  const starts = lineStartsOf(text);
  const spans = [...applied].map((e) => ({ from: offsetAt(starts, text, e.range.start), to: offsetAt(starts, text, e.range.end), len: e.newText.length }));
  lines.forEach((l, i) => {
    if (allowed.has(i)) return;
    const ls = starts[i];
    const le = ls + l.text.length + l.eol.length;
    if (spans.some((s) => (s.from < le && s.to > ls) || (s.from === s.to && s.from > ls && s.from < le))) {
      problems.push(`  line ${i + 1} is changed by a fix but has no fixed finding: ${JSON.stringify(l.text)}`);
      return;
    }
    let mapped = ls;
    for (const s of spans) if (s.to <= ls) mapped += s.len - (s.to - s.from);
    const now = out.slice(mapped, mapped + (le - ls));
    if (now !== text.slice(ls, le)) problems.push(`  line ${i + 1} changed: ${JSON.stringify(text.slice(ls, le))} → ${JSON.stringify(now)}`);
  });
  return problems;
}

function eolKinds(text: string): Set<string> {
  return new Set(splitLines(text).map((l) => l.eol).filter((e) => e !== ''));
}

/** The first lines where two texts differ, for a readable snapshot failure. */
function textDiff(expected: string, actual: string): string {
  const a = splitLines(expected);
  const b = splitLines(actual);
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 12; i++) {
    const x = a[i] ? JSON.stringify(a[i].text + a[i].eol) : '(none)';
    const y = b[i] ? JSON.stringify(b[i].text + b[i].eol) : '(none)';
    if (x !== y) out.push(`  line ${i + 1}:\n    snapshot: ${x}\n    fixed:    ${y}`);
  }
  return out.join('\n');
}

function lineRuleMultiset(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line}:${f.rule}`).sort();
}

// ---- tests ----

const pages = loadPages();

test('fixture pages exist and every marker names a registered rule', () => {
  assert.ok(pages.length >= 25, `expected at least 25 fixture pages in ${PAGES}, found ${pages.length}`);
  const unknown: string[] = [];
  for (const p of pages) {
    for (const [line, ids] of expectedFindings(splitLines(p.text))) {
      for (const id of ids) if (!RULES_BY_ID.has(id)) unknown.push(`${p.name}.md line ${line + 1}: ${id}`);
    }
  }
  assert.deepEqual(unknown, [], `markers name unknown rules:\n${unknown.join('\n')}`);
});

test('every registered rule is expected somewhere in the fixture pages', () => {
  const seen = new Set<string>();
  for (const p of pages) for (const ids of expectedFindings(splitLines(p.text)).values()) ids.forEach((id) => seen.add(id));
  const missing = RULES.map((r) => r.meta.id).filter((id) => !seen.has(id));
  assert.deepEqual(missing, [], `rules without a positive fixture: ${missing.join(', ')}`);
});

test('every fixture page starts (after its front matter) with a one-line comment saying what it tests', () => {
  const bad: string[] = [];
  for (const p of pages) {
    const lines = splitLines(p.text);
    let i = 0;
    if (lines[0]?.text === '---') {
      i = 1;
      while (i < lines.length && lines[i].text !== '---') i++;
      i++;
    }
    if (!/^<!--.*-->$/.test(lines[i]?.text ?? '')) bad.push(`${p.name}.md line ${i + 1}`);
  }
  assert.deepEqual(bad, [], `pages without a leading description comment:\n${bad.join('\n')}`);
});

for (const page of pages) {
  test(`fixture page ${page.name}.md`, async (t) => {
    const lines = splitLines(page.text);

    await t.test('findings match the markers', () => {
      const ruleErrors: string[] = [];
      const { findings } = new Engine().check(page.text, { onRuleError: (rule, e) => ruleErrors.push(`${rule}: ${String(e)}`) });
      assert.deepEqual(ruleErrors, [], `rules threw:\n${ruleErrors.join('\n')}`);
      const diff = markerDiff(lines, findings);
      assert.ok(diff.length === 0, `${page.name}.md: findings differ from the markers (lines 1-based):\n${diff.join('\n')}`);
    });

    await t.test('first fixing pass changes only the fixed lines', () => {
      const { findings } = new Engine().check(page.text);
      const problems = firstPassProblems(page.text, findings);
      assert.ok(problems.length === 0, `${page.name}.md:\n${problems.join('\n')}`);
    });

    await t.test('fixing everything matches the snapshot and leaves no fixable finding', () => {
      const engine = new Engine();
      const run = fixUntilStable(engine, page.text);
      assert.ok(run.converged, `${page.name}.md: fixing did not converge in ${MAX_PASSES} passes`);
      assert.ok(!run.text.includes(BOM), `${page.name}.md: fixing inserted a BOM`);
      const before = eolKinds(page.text);
      const strange = [...eolKinds(run.text)].filter((e) => !before.has(e));
      assert.deepEqual(strange, [], `${page.name}.md: fixing introduced line endings ${JSON.stringify(strange)} (page uses ${JSON.stringify([...before])})`);

      const fixed = (page.bom ? BOM : '') + run.text;
      const snap = join(SNAPSHOTS, `${page.name}.fixed.md`);
      const rewrite = UPDATE === 'all'
        || (UPDATE === '1' && !HAND_CORRECTED.has(page.name) && markerDiff(lines, new Engine().check(page.text).findings).length === 0);
      if (rewrite || !existsSync(snap)) {
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(snap, fixed, 'utf8');
      } else {
        const want = readFileSync(snap);
        const got = Buffer.from(fixed, 'utf8');
        assert.ok(want.equals(got), `${page.name}.md: fixed text differs from ${snap} (UPDATE_SNAPSHOTS=1 rewrites it):\n${textDiff(want.toString('utf8'), fixed)}`);
      }

      // A fresh engine (no region cache) must see the same as the editor-like one, and nothing fixable may remain.
      const fresh = new Engine().check(run.text).findings;
      assert.deepEqual(lineRuleMultiset(engine.check(run.text).findings), lineRuleMultiset(fresh), `${page.name}.md: cached and fresh engines disagree on the fixed text`);
      const allowedLeft = KNOWN_CONFLICTS[page.name] ?? [];
      const left = fresh.filter((f) => autoFix(f) && !allowedLeft.includes(f.rule));
      assert.deepEqual(left.map((f) => `${f.rule} @${where(f)}: ${f.message}`), [], `${page.name}.md: fixable findings remain after fixing`);
    });
  });
}

test('CRLF page: same findings and same fixes as with LF line endings', () => {
  const page = pages.find((p) => p.name === 'crlf');
  assert.ok(page, 'crlf.md is missing');
  assert.ok(!/(?<!\r)\n/.test(page.text), 'crlf.md must use CRLF line endings only');
  const lf = page.text.replace(/\r\n/g, '\n');
  assert.deepEqual(lineRuleMultiset(new Engine().check(page.text).findings), lineRuleMultiset(new Engine().check(lf).findings));
  const fixedCrlf = fixUntilStable(new Engine(), page.text).text;
  const fixedLf = fixUntilStable(new Engine(), lf).text;
  assert.equal(fixedCrlf, fixedLf.replace(/\n/g, '\r\n'));
});

test('BOM page: the engine also tolerates an unstripped BOM', () => {
  const page = pages.find((p) => p.name === 'bom');
  assert.ok(page?.bom, 'bom.md must start with a BOM');
  assert.deepEqual(lineRuleMultiset(new Engine().check(page.raw).findings), lineRuleMultiset(new Engine().check(page.text).findings));
});
