// The status preview's Changes section and a feature's history strip, in code-server (VS Code 1.139.1)
// + headless Chromium, over a real Git repository made in the test workspace (test/helpers/page-history:
// four revisions of the oVirt 3.3 page, renamed before the last one). The built-in Git extension's API
// serves the revisions; the preview compares the editor's text with the base the user picks, and the
// History button draws one feature's status over every revision, across the rename. A screenshot of the
// section goes to test-results/ (and docs/images/ when missing or with --update-docs-images).
// Prints `N passed, N failed`.
// Usage: npm run build && node out/test/integration/runChangesPreview.js [--update-docs-images]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { createSandbox, launchBrowser, prerequisites, Session, startCodeServer, testResultsDir, writeUserSettings } from './lib/codeServer';
import { openPage, openPreview, screenshot } from './lib/workbench';
import { Checks, EXIT_SKIP, pollUntil, repoRoot, runMain } from './lib/util';
import { buildPageHistory } from '../helpers/page-history';

const PAGE = 'release-management.md';
const TITLE = 'oVirt 3.3 release-management';
const AS_OF = '2013-07-25';

const session = new Session();
const checks = new Checks();

/** The names listed under one group of the Changes section ("worse", "added", …). */
async function group(view: FrameLocator, cls: string): Promise<string[]> {
  return view.locator(`.rp-changes .rp-ch-${cls} .rp-ch-name`).allInnerTexts();
}

/** Waits until the Changes section's summary matches `summary`. */
async function summaryMatches(view: FrameLocator, summary: RegExp): Promise<string> {
  return pollUntil(
    `a changes summary matching ${summary}`,
    async () => {
      const text = await view
        .locator('.rp-changes .rp-ch-summary')
        .first()
        .innerText({ timeout: 1_000 })
        .catch(() => '');
      return summary.test(text) ? text : undefined;
    },
    60_000,
    250,
  );
}

async function main(): Promise<number> {
  const root = repoRoot();
  if (!existsSync(join(root, 'dist', 'preview.js'))) {
    console.log('ERROR: dist/preview.js is missing: run `npm run build` first\n0 passed, 1 failed');
    return 1;
  }
  const install = await prerequisites('changes preview');
  if (!install) return EXIT_SKIP;
  console.log(`VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}); the extension from ${root}`);
  const box = (session.sandbox = createSandbox([]));
  const commits = buildPageHistory(box.workspace);
  writeUserSettings(box, {
    'editor.minimap.enabled': false,
    'workbench.colorTheme': 'Light 2026',
    'releasePages.preview.asOf': AS_OF,
    'git.openRepositoryInParentFolders': 'never',
  });
  const server = (session.server = await startCodeServer(install, box, {
    logFile: join(testResultsDir(), 'code-server-changes.log'),
    smokeTestDriver: true,
  }));
  const { page } = (session.browser = await launchBrowser(box, { width: 1600, height: 1000 }));
  let view: FrameLocator | undefined;
  try {
    await checks.check('the workbench opens the renamed page and its preview', async () => {
      await openPage(page, server, root, box.workspace, PAGE);
      view = await openPreview(page, TITLE);
    });
    const v = (): FrameLocator => {
      if (!view) throw new Error('no preview');
      return view;
    };

    await checks.check('Changes since the previous revision (the default base): RAM Snapshots worse, Live merge added', async () => {
      await summaryMatches(v(), /1 feature worse, 1 added/);
      const worse = await group(v(), 'worse');
      const added = await group(v(), 'added');
      if (worse.join() !== 'RAM Snapshots' || added.join() !== 'Live merge')
        throw new Error(`worse: ${worse.join()}; added: ${added.join()}`);
      const marked = await v().locator('#rp-table tr[data-line]').filter({ hasText: 'RAM Snapshots' }).locator('.rp-ch-mark').count();
      if (marked < 1) throw new Error('the RAM Snapshots row of the features table is not marked');
    });

    await checks.check('the picker lists the tag and the commits made before the rename', async () => {
      const options = await v().locator('#rp-ch-base option').allInnerTexts();
      const hasTag = options.some((o) => o === 'Tag v3.3-plan');
      const first = options.some((o) => o.startsWith(commits[0].slice(0, 8)));
      if (!hasTag || !first) throw new Error(`options: ${options.join(' | ')}`);
    });

    await checks.check('picking the tag (before the rename) compares with it: 4 better, GA slipped 21 days', async () => {
      await v().locator('#rp-ch-base').selectOption('ref:v3.3-plan');
      await summaryMatches(v(), /4 better.*GA slipped 21 days/);
      const removed = await v().locator('.rp-changes .rp-ch-removed li').allInnerTexts();
      if (!removed.some((r) => r.includes('Gluster Swift Management'))) throw new Error(`removed: ${removed.join()}`);
      const moved = await v().locator('#rp-timeline .rp-ch-mark del').allInnerTexts();
      if (!moved.includes('2013-08-14')) throw new Error(`struck milestone dates: ${moved.join()}`);
    });

    await checks.check("RAM Snapshots' History: a status strip over every revision, across the rename", async () => {
      await v().locator('.rp-changes .rp-ch-worse [data-history-name="RAM Snapshots"]').first().click();
      const points = v().locator('#rp-ch-history .rp-hs-point');
      const n = await pollUntil('the history strip', async () => ((await points.count()) >= 4 ? points.count() : undefined), 30_000, 250);
      const dates = await v().locator('#rp-ch-history .rp-hs-date').allInnerTexts();
      if (!dates.some((d) => d.includes('2013-06-01')))
        throw new Error(`${n} points, dates: ${dates.join()} (the revisions before the rename are missing)`);
      await v()
        .locator('#rp-ch-history')
        .evaluate((el) => el.closest('section')?.scrollIntoView({ block: 'start' }));
      await screenshot(page, root, 'changes-preview.png', true);
    });
  } catch {
    await page.screenshot({ path: join(testResultsDir(), 'changes-preview-failure.png') }).catch(() => undefined);
    console.log(
      '  (remaining checks not run; screenshot test-results/changes-preview-failure.png, log test-results/code-server-changes.log)',
    );
  }
  console.log(`${checks.passed} passed, ${checks.failed} failed`);
  return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
}

runMain('runChangesPreview', main, () => session.close());
