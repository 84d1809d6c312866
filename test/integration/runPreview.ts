// The status preview as a user meets it, in code-server (VS Code 1.139.1) + headless Chromium: opens
// seed 000, opens the preview with its keybinding, clicks a row (the editor reveals the line), moves
// the cursor (the row lights up), filters and sorts, reloads the window (the panel comes back with its
// filter), and takes screenshots in the light, dark and high contrast themes (test-results/); the
// README's two go to docs/images/ when missing or with --update-docs-images. Prints `N passed, N failed`.
// Usage: npm run build && node out/test/integration/runPreview.js [--update-docs-images]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  createSandbox,
  launchBrowser,
  prerequisites,
  remoteUri,
  Session,
  startCodeServer,
  testResultsDir,
  workbenchUrl,
  writeUserSettings,
} from './lib/codeServer';
import { Checks, EXIT_SKIP, pollUntil, repoRoot, runMain } from './lib/util';
import { cursorLine, exactRow, focusEditor, previewFrame, runCommand, screenshot } from './lib/workbench';

const PAGE = '000_015c11820e0fe26e.md';
const AS_OF = '2013-06-10';
/** Two shots per theme (the dashboard's top, the table at the cursor); `docs` says which go to docs/images/. */
const THEMES = [
  { label: 'Light 2026', body: 'vscode-light', file: 'status-preview-light.png', docs: { top: true, table: false } },
  { label: 'Dark 2026', body: 'vscode-dark', file: 'status-preview-dark.png', docs: { top: false, table: true } },
  { label: 'Dark High Contrast', body: 'vscode-high-contrast', file: 'status-preview-hc.png', docs: { top: false, table: false } },
] as const;

const session = new Session();
const checks = new Checks();
const check = <T>(what: string, fn: () => Promise<T>): Promise<T> => checks.check(what, fn);

async function goToLine(page: Page, line: number): Promise<void> {
  await focusEditor(page);
  await page.locator('.editor-group-container.active .tab.active').filter({ hasText: PAGE }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}`); // Go to Line's prompt starts with ':'
  await page.keyboard.press('Enter');
  await pollUntil(`the cursor on line ${line}`, async () => ((await cursorLine(page)) === line ? true : undefined), 10_000, 100);
}

/** Preferences: Color Theme, then the theme by its label. */
async function setTheme(page: Page, label: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill(label);
  await exactRow(page, label).click({ timeout: 10_000 });
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

async function main(): Promise<number> {
  const root = repoRoot();
  if (!existsSync(join(root, 'dist', 'preview.js'))) {
    console.log('ERROR: dist/preview.js is missing: run `npm run build` first\n0 passed, 1 failed');
    return 1;
  }
  const install = await prerequisites('preview');
  if (!install) return EXIT_SKIP;
  console.log(`VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}); the extension from ${root}`);
  const box = (session.sandbox = createSandbox());
  writeUserSettings(box, { 'editor.minimap.enabled': false, 'workbench.colorTheme': THEMES[0].label, 'releasePages.preview.asOf': AS_OF });
  const out = testResultsDir();
  const server = (session.server = await startCodeServer(install, box, {
    logFile: join(out, 'code-server-preview.log'),
    smokeTestDriver: true,
  }));
  const browser = (session.browser = await launchBrowser(box, { width: 1600, height: 1000 }));
  const { page } = browser;
  const url = workbenchUrl(server, box.workspace, [
    ['extensionDevelopmentPath', remoteUri(server, root)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  const view = previewFrame(page);
  try {
    await check('the workbench opens seed 000', async () => {
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('.explorer-folders-view').getByText(PAGE).click({ timeout: 60_000 });
      await page.locator('.tabs-container .tab.active').filter({ hasText: PAGE }).waitFor({ timeout: 15_000 });
      await page
        .locator('.editor-instance .view-lines')
        .filter({ hasText: 'OVirt 3.3 release-management' })
        .first()
        .waitFor({ timeout: 15_000 });
    });

    await check('Ctrl+K Ctrl+Shift+R opens the status preview beside the page', async () => {
      await page.keyboard.press('Control+B'); // room for the dashboard: hide the side bar
      await page
        .locator('.editor-instance .view-lines')
        .first()
        .click({ position: { x: 40, y: 10 } });
      await pollUntil(
        'the Release Pages commands (the extension activated)',
        async () => {
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+Shift+R');
          return (await view
            .locator('h1.rp-title')
            .count()
            .catch(() => 0)) > 0 || (await page.locator('.tab').filter({ hasText: 'Status:' }).count()) > 0
            ? true
            : undefined;
        },
        60_000,
        2_000,
      );
      await page
        .locator('.tab')
        .filter({ hasText: `Status: ${PAGE}` })
        .waitFor({ timeout: 30_000 });
      await view.locator('h1.rp-title').filter({ hasText: 'OVirt 3.3 release-management' }).waitFor({ timeout: 30_000 });
      const rows = await view.locator('.rp-features tbody tr[data-line]').count();
      if (rows !== 36) throw new Error(`the table shows ${rows} features, the page has 36`);
      const ga = await view.locator('.rp-fact-ga').innerText();
      if (!/2013-07-01/.test(ga) || !/21 days to GA/.test(ga)) throw new Error(`GA fact: ${ga}`);
    });

    await check('clicking a feature row reveals its line in the editor', async () => {
      await view.locator('.rp-features tr[data-line]').filter({ hasText: 'Multiple Gateways' }).click();
      await pollUntil('the cursor on line 100', async () => ((await cursorLine(page)) === 100 ? true : undefined), 10_000, 100);
    });

    await check('moving the cursor in the editor highlights the matching row', async () => {
      await goToLine(page, 110);
      await view.locator('.rp-features tr.rp-current').filter({ hasText: 'oVirt scheduler' }).waitFor({ timeout: 10_000 });
    });

    await check('a milestone in the timeline list reveals its line', async () => {
      await view.locator('.rp-ms-list button').filter({ hasText: 'RC Build' }).click();
      await pollUntil('the cursor on line 26', async () => ((await cursorLine(page)) === 26 ? true : undefined), 10_000, 100);
    });

    await check('filters and sort: "gluster management" keeps 2 rows; sorting by target puts the earliest first', async () => {
      await view.locator('.rp-filters input[type="search"]').fill('gluster management');
      await pollUntil(
        '2 rows',
        async () => ((await view.locator('.rp-features tbody tr[data-line]').count()) === 2 ? true : undefined),
        10_000,
        100,
      );
      await view.locator('.rp-features th button[data-sort="target"]').click();
      const first = await view.locator('.rp-features tbody tr[data-line]').first().innerText();
      if (!first.includes('2013-05-31')) throw new Error(`first row after sorting by target: ${first}`);
    });

    await check('after a window reload the panel is restored, with its filter', async () => {
      // Developer: Reload Window, as a user would: the workbench saves its state (the panel's too) first.
      const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await page
        .locator('.tab')
        .filter({ hasText: `Status: ${PAGE}` })
        .waitFor({ timeout: 60_000 });
      await page
        .locator('.tab')
        .filter({ hasText: `Status: ${PAGE}` })
        .click();
      await view.locator('h1.rp-title').filter({ hasText: 'OVirt 3.3 release-management' }).waitFor({ timeout: 60_000 });
      const value = await view.locator('.rp-filters input[type="search"]').inputValue();
      const rows = await view.locator('.rp-features tbody tr[data-line]').count();
      if (value !== 'gluster management' || rows !== 2) throw new Error(`after the reload: filter "${value}", ${rows} rows`);
      await view.locator('.rp-filters button').filter({ hasText: 'Clear filters' }).click();
      await view.locator('.rp-features th button[data-sort="target"]').click(); // descending
      await view.locator('.rp-features th button[data-sort="target"]').click(); // page order
      await pollUntil(
        '36 rows',
        async () => ((await view.locator('.rp-features tbody tr[data-line]').count()) === 36 ? true : undefined),
        10_000,
        100,
      );
    });

    for (const theme of THEMES) {
      await check(`screenshots in ${theme.label}: the dashboard's top, and the features table at the cursor`, async () => {
        if (theme !== THEMES[0]) await setTheme(page, theme.label);
        await view.locator(`body.${theme.body}`).waitFor({ state: 'attached', timeout: 30_000 });
        await goToLine(page, 22); // General availability: the milestone lights up in the timeline
        await view.locator('.rp-ms-item.rp-current').filter({ hasText: 'General availability' }).waitFor({ timeout: 10_000 });
        await view.locator('h1.rp-title').evaluate((h) => h.ownerDocument.defaultView?.scrollTo(0, 0));
        await screenshot(page, root, theme.file, theme.docs.top);
        await goToLine(page, 96); // a feature row: the table scrolls to it and lights it up
        await view.locator('.rp-features tr.rp-current').filter({ hasText: 'Normalized ovirtmgmt' }).waitFor({ timeout: 10_000 });
        await screenshot(page, root, theme.file.replace('.png', '-table.png'), theme.docs.table);
      });
    }
  } catch {
    await page.screenshot({ path: join(out, 'preview-failure.png') }).catch(() => undefined);
    console.log('  (remaining checks not run; screenshot test-results/preview-failure.png, log test-results/code-server-preview.log)');
  }
  console.log(`${checks.passed} passed, ${checks.failed} failed`);
  return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
}

runMain('runPreview', main, () => session.close());
