import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type CheckResult, checkText, RULES } from '../../server/src/core';
import { pagesIn, readFixture } from '../helpers/paths';

const pages = pagesIn('corpus');
const results = new Map<string, CheckResult>();
function resultOf(name: string): CheckResult {
  let r = results.get(name);
  if (!r) results.set(name, (r = checkText(readFixture('corpus', name))));
  return r;
}

test('the corpus has the 49 real pages', () => {
  assert.equal(pages.length, 49);
});

test('every corpus page checks without throwing, and every finding names a registered rule', () => {
  const ids = new Set(RULES.map((r) => r.meta.id));
  for (const p of pages) {
    const r = resultOf(p);
    for (const f of r.findings) {
      assert.ok(ids.has(f.rule), `${p}: unknown rule ${f.rule}`);
      assert.ok(f.range.start.line <= f.range.end.line);
    }
  }
});

// Every finding and every page kind of the corpus is pinned in corpus/__snapshots__/findings.txt
// (test/unit/findings-snapshots.test.ts). Two pages that must never be taken for release pages:
test('the feature template and a feature page are not release pages', () => {
  for (const p of ['features__feature-template.md', 'features__engine__upgrademanager.html.md'])
    assert.equal(resultOf(p).page.kind, 'other', p);
});

/** VOCABULARY.txt defect categories that a rule covers, and the rules that may report them (`except`: entries judged not to be defects). */
const COVERED: Record<string, { rules: string[]; only?: RegExp; except?: RegExp }> = {
  'table: row continues on next physical line (broken row)': { rules: ['table-broken-row', 'table-interrupted'] },
  'table: wrong number of cells': { rules: ['table-cell-count', 'table-broken-row', 'table-interrupted'] },
  'broken-link: space in target (not a CommonMark link)': { rules: ['link-target-space'] },
  // Rows that GFM does not count as table rows (cut off by a blank or indented line) are reported by
  // table-interrupted: their values are not checked until the rows rejoin the table.
  // The test-day pages have no legend and their own statuses: a value they use consistently (twice or more)
  // is accepted by the learned vocabulary (rules/learned-values.ts); their one-off values are still reported.
  'unknown status (not Red/Orange/Green)': {
    rules: ['status-unknown', 'value-unset', 'table-cell-count', 'table-interrupted'],
    except:
      /^releases__3\.(4__test-day|5__testday)\.md:\d+: `Dev - Status: '(Under review|Best effort, may slip|code review \(90% complete\)|Done)'`$/,
  },
  'unknown priority (not Must/Should/Optional)': { rules: ['priority-unknown', 'value-unset'] },
  'date-without-year': { rules: ['date-incomplete'] },
  'table: delimiter row before header (not a GFM table)': { rules: ['table-delimiter-first'] },
  'template-leftover: \\1 backreference': { rules: ['date-placeholder'] },
  'template-leftover: YYYY-xx-xx placeholder date': { rules: ['date-placeholder'] },
  'table: stray pipe (extra empty cell)': { rules: ['table-cell-count', 'table-interrupted'] },
  'timeline: milestone dated before the previous row': { rules: ['timeline-order'] },
  'inconsistent-capitalisation: table values': {
    rules: ['status-case', 'priority-case', 'table-interrupted'],
    only: /^`(Priority|Status colour word):/,
  },
  'empty status cell (info)': { rules: ['value-unset', 'table-interrupted'] },
  'empty date cell (info)': { rules: ['value-unset'] },
};

test('each VOCABULARY defect a rule covers is found on every release page it occurs in', () => {
  const vocab = readFixture('corpus', 'VOCABULARY.txt').split('\n');
  let category: string | null = null;
  let checked = 0;
  let notRelease = 0;
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const line of vocab) {
    const head = /^### (.*) \(\d+\)$/.exec(line);
    if (head) {
      category = head[1];
      continue;
    }
    if (line.startsWith('## ')) category = null;
    const cover = category ? COVERED[category] : undefined;
    const entry = /^- ([\w.-]+\.md):(\d+): (.*)$/.exec(line);
    if (!cover || !entry || (cover.only && !cover.only.test(entry[3]))) continue;
    seen.add(category!);
    if (cover.except?.test(line.slice(2))) continue;
    const r = resultOf(entry[1]);
    if (!r.isReleasePage) {
      notRelease++;
      continue;
    }
    const l = Number(entry[2]) - 1;
    checked++;
    const hit = r.findings.some((f) => cover.rules.includes(f.rule) && f.range.start.line <= l && l <= f.range.end.line);
    if (!hit) missing.push(`${category}: ${entry[1]}:${entry[2]} ${entry[3].slice(0, 80)}`);
  }
  assert.deepEqual(
    [...Object.keys(COVERED)].filter((c) => !seen.has(c)),
    [],
    'every covered category was found in VOCABULARY.txt',
  );
  assert.deepEqual(missing, []);
  assert.ok(checked > 250, `checked ${checked} entries`);
  console.log(
    `VOCABULARY coverage: ${checked} defect entries found on release pages; ${notRelease} on pages that are not release pages (not checked)`,
  );
});
