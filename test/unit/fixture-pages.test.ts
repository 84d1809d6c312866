/**
 * Fixture pages: small release pages in test/fixtures/pages, each showing a few cases, with the
 * expected findings marked inline. For every page this test
 *
 * 1. checks the page (BOM stripped, as editors and the CLI do) and compares the multiset of
 *    (line, rule) of the findings with the markers;
 * 2. applies every preferred fix (`fixAllGroups` + `applyFixGroups`) until nothing changes (at most
 *    10 passes) and compares the result with `pages/__snapshots__/<name>.fixed.md`, byte for byte, BOM
 *    and line endings included. A missing or different snapshot fails. UPDATE_SNAPSHOTS=1 (`npm run
 *    test:update`; never in CI) rewrites the snapshots of pages whose findings match their markers,
 *    except HAND_CORRECTED ones; UPDATE_SNAPSHOTS=all rewrites every snapshot;
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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  DEFAULT_CONFIG,
  Engine,
  mergeConfig,
  parseConfigText,
  RULES,
  RULES_BY_ID,
  splitLines,
  type CheckOptions,
} from '../../server/src/core';
import {
  autoFix,
  eolKinds,
  expectedFindings,
  firstPassProblems,
  lineRuleMultiset,
  markerDiff,
  textDiff,
  where,
} from '../helpers/fixture-pages';
import { UPDATE_MODE, updating, writeSnapshot } from '../helpers/snapshot';

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
  'code-and-html',
  'date-ambiguous',
  'link-target-space',
  'readme-dated-bullets',
  'struck-values',
  'table-delimiter-first',
]);

const MAX_PASSES = 10;
const BOM = '\uFEFF';

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
  /** The page's options: its configuration when a `<name>.release-pages.yaml` lies beside it (table schemas). */
  options: CheckOptions;
}

/** The configuration beside a page (`<name>.release-pages.yaml`), read as the CLI reads one; none: the defaults. */
function optionsOf(name: string): CheckOptions {
  const file = join(PAGES, `${name}.release-pages.yaml`);
  if (!existsSync(file)) return {};
  const parsed = parseConfigText(readFileSync(file, 'utf8'), `${name}.release-pages.yaml`);
  assert.deepEqual(parsed.problems, [], file);
  return { config: mergeConfig(DEFAULT_CONFIG, parsed.config) };
}

function loadPages(): Page[] {
  return readdirSync(PAGES)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(PAGES, f), 'utf8');
      const bom = raw.startsWith(BOM);
      const name = f.replace(/\.md$/, '');
      return { name, raw, bom, text: bom ? raw.slice(1) : raw, options: optionsOf(name) };
    });
}

// ---- fixing ----

interface FixRun {
  text: string;
  passes: number;
  converged: boolean;
}

/** Applies all auto-fixes until the text stops changing; one engine throughout, as in an editor. */
function fixUntilStable(engine: Engine, text: string, options: CheckOptions = {}): FixRun {
  const { text: fixed, passes, converged } = engine.fixAll(text, options, MAX_PASSES);
  return { text: fixed, passes, converged };
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
      const { findings } = new Engine().check(page.text, {
        ...page.options,
        onRuleError: (rule, e) => ruleErrors.push(`${rule}: ${String(e)}`),
      });
      assert.deepEqual(ruleErrors, [], `rules threw:\n${ruleErrors.join('\n')}`);
      const diff = markerDiff(lines, findings);
      assert.ok(diff.length === 0, `${page.name}.md: findings differ from the markers (lines 1-based):\n${diff.join('\n')}`);
    });

    await t.test('first fixing pass changes only the fixed lines', () => {
      const { findings } = new Engine().check(page.text, page.options);
      const problems = firstPassProblems(page.text, findings);
      assert.ok(problems.length === 0, `${page.name}.md:\n${problems.join('\n')}`);
    });

    await t.test('fixing everything matches the snapshot and leaves no fixable finding', () => {
      const engine = new Engine();
      const run = fixUntilStable(engine, page.text, page.options);
      assert.ok(run.converged, `${page.name}.md: fixing did not converge in ${MAX_PASSES} passes`);
      assert.ok(!run.text.includes(BOM), `${page.name}.md: fixing inserted a BOM`);
      const before = eolKinds(page.text);
      const strange = [...eolKinds(run.text)].filter((e) => !before.has(e));
      assert.deepEqual(
        strange,
        [],
        `${page.name}.md: fixing introduced line endings ${JSON.stringify(strange)} (page uses ${JSON.stringify([...before])})`,
      );

      const fixed = (page.bom ? BOM : '') + run.text;
      const snap = join(SNAPSHOTS, `${page.name}.fixed.md`);
      const rewrite =
        updating() &&
        (UPDATE_MODE === 'all' ||
          (!HAND_CORRECTED.has(page.name) && markerDiff(lines, new Engine().check(page.text, page.options).findings).length === 0));
      const got = Buffer.from(fixed, 'utf8');
      if (rewrite && !(existsSync(snap) && readFileSync(snap).equals(got))) writeSnapshot(snap, got);
      else if (!rewrite) {
        assert.ok(
          existsSync(snap),
          `${page.name}.md: the snapshot ${snap} is missing: check the fixed text, then run \`npm run test:update\``,
        );
        const want = readFileSync(snap);
        assert.ok(
          want.equals(got),
          `${page.name}.md: fixed text differs from ${snap} (\`npm run test:update\` rewrites it, UPDATE_SNAPSHOTS=all also the hand-corrected ones):\n${textDiff(want.toString('utf8'), fixed)}`,
        );
      }

      // A fresh engine (no region cache) must see the same as the editor-like one, and nothing fixable may remain.
      const fresh = new Engine().check(run.text, page.options).findings;
      assert.deepEqual(
        lineRuleMultiset(engine.check(run.text, page.options).findings),
        lineRuleMultiset(fresh),
        `${page.name}.md: cached and fresh engines disagree on the fixed text`,
      );
      const allowedLeft = KNOWN_CONFLICTS[page.name] ?? [];
      const left = fresh.filter((f) => autoFix(f) && !allowedLeft.includes(f.rule));
      assert.deepEqual(
        left.map((f) => `${f.rule} @${where(f)}: ${f.message}`),
        [],
        `${page.name}.md: fixable findings remain after fixing`,
      );
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
