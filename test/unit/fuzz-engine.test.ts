// Property-based fuzzing of the engine over generated release pages (fast-check; budget and seed from
// test/helpers/fuzz.ts: `npm run fuzz` runs many more). A failure prints the seed and the shrunk page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  applyFixGroups,
  codeActions,
  completionsAt,
  DEFAULT_CONFIG,
  documentSymbols,
  Engine,
  fixAllEdits,
  fixAllGroups,
  hoverAt,
  splitLines,
  tableSummaries,
} from '../../server/src/core';
import { buildStatus } from '../../server/src/core';
import { renderDashboard } from '../../shared/status';
import { assertFindingsValid, assertProperty, mapPosition, strictCheck } from '../fuzz/check';
import { page } from '../fuzz/pages';
import { budget, fuzzLabel, params } from '../helpers/fuzz';

const TODAY = { year: 2014, month: 3, day: 1 };

// Cases per property (short: `npm test`, long: `npm run fuzz`); a page takes 5-25 ms.
const PAGES = budget(1_000, 100_000);
const FIX_PAGES = budget(150, 10_000);
const FIX_ALL_PAGES = budget(100, 2_500);

function report(name: string, runs: number, started: number, extra = ''): void {
  console.log(`fuzz ${name}: ${fuzzLabel(runs, 'generated pages')}, ${((performance.now() - started) / 1000).toFixed(1)} s${extra}`);
}

test(`fuzz: the engine and the editor features never throw nor hang on generated pages (${fuzzLabel(PAGES, 'pages')})`, () => {
  const started = performance.now();
  let findings = 0;
  let releasePages = 0;
  assertProperty(
    fc.property(page, fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }), (text, force, spots) => {
      const engine = new Engine();
      const r = strictCheck(engine, text, { force });
      assertFindingsValid(text, r.findings);
      findings += r.findings.length;
      if (!r.isReleasePage) return;
      releasePages++;
      // What the server computes on every keystroke besides diagnostics.
      const lines = splitLines(text);
      documentSymbols(r.page, DEFAULT_CONFIG);
      tableSummaries(r.page, DEFAULT_CONFIG, 16_000, r.findings);
      const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].text.length } };
      for (const a of codeActions({ page: r.page, findings: r.findings, range: whole }))
        if ('fixAll' in a) fixAllEdits(text, r.findings, a.fixAll.rule);
      for (const [a, b] of spots) {
        const line = a % lines.length;
        const p = { line, character: b % (lines[line].text.length + 1) };
        hoverAt(r.page, p, { config: DEFAULT_CONFIG, today: 16_000 });
        completionsAt(r.page, p, DEFAULT_CONFIG);
      }
      const html = renderDashboard(buildStatus(r, { today: TODAY, config: DEFAULT_CONFIG }), { interactive: true });
      assert.equal(typeof html, 'string');
    }),
    params(PAGES),
  );
  report('engine', PAGES, started, `; ${releasePages} release pages, ${findings} findings`);
});

test(`fuzz: every fix of a finding edits only at or next to it, and re-checking no longer reports it (${fuzzLabel(FIX_PAGES, 'pages')})`, () => {
  const started = performance.now();
  let fixesTried = 0;
  assertProperty(
    fc.property(page, fc.nat(), (text, which) => {
      const engine = new Engine();
      const r = strictCheck(engine, text, { force: true });
      const fixable = r.findings.filter((f) => f.fixes.length > 0);
      // Up to three findings per page (rotating which ones), every fix each of them offers.
      for (let k = 0; k < Math.min(3, fixable.length); k++) {
        const f = fixable[(which + k) % fixable.length];
        for (const fix of f.fixes) {
          // A fix edits where its finding is, or next to it (a header inserted above, the blank line that cut a table).
          for (const e of fix.edits)
            assert.ok(
              e.range.start.line >= f.range.start.line - 2 && e.range.end.line <= f.range.end.line + 1,
              `${f.rule}: fix "${fix.title}" edits lines ${e.range.start.line}-${e.range.end.line}, the finding is on ${f.range.start.line}-${f.range.end.line}`,
            );
          const applied = applyFixGroups(text, [fix.edits]);
          assert.equal(applied.applied, 1, `${f.rule}: fix "${fix.title}" not applied`);
          assert.notEqual(applied.text, text, `${f.rule}: fix "${fix.title}" changes nothing`);
          fixesTried++;
          const again = strictCheck(engine, applied.text, { force: true });
          assertFindingsValid(applied.text, again.findings);
          const at = mapPosition(text, applied.text, fix.edits, f.range.start);
          const still = again.findings.filter(
            (g) => g.rule === f.rule && g.range.start.line === at.line && g.range.start.character === at.character,
          );
          assert.deepEqual(
            still.map((g) => g.message),
            [],
            `${f.rule} at ${f.range.start.line}:${f.range.start.character} still reported after fix "${fix.title}"`,
          );
        }
      }
    }),
    params(FIX_PAGES, 1),
  );
  report('fixes', FIX_PAGES, started, `; ${fixesTried} fixes applied and re-checked`);
});

test(`fuzz: fix-all converges (a few passes) and never breaks the page (${fuzzLabel(FIX_ALL_PAGES, 'pages')})`, () => {
  const started = performance.now();
  assertProperty(
    fc.property(page, (text) => {
      const engine = new Engine();
      let current = text;
      let r = strictCheck(engine, current, { force: true });
      for (let pass = 0; pass < 10; pass++) {
        const groups = fixAllGroups(r.findings);
        if (groups.length === 0) break;
        const next = applyFixGroups(current, groups);
        if (next.text === current) break;
        current = next.text;
        r = strictCheck(engine, current, { force: true });
        assertFindingsValid(current, r.findings);
      }
      // Fixes never add or remove line breaks of another kind: every line ending of the result was in the page.
      const eols = new Set(
        splitLines(text)
          .map((l) => l.eol)
          .filter(Boolean),
      );
      for (const l of splitLines(current)) if (l.eol && eols.size) assert.ok(eols.has(l.eol), `a fix introduced ${JSON.stringify(l.eol)}`);
    }),
    params(FIX_ALL_PAGES, 2),
  );
  report('fix-all', FIX_ALL_PAGES, started);
});
