// The status preview of other projects' schedules, in code-server (VS Code 1.139.1) + headless Chromium:
// a Kubernetes release page (its timeline: every milestone, owners) and cert-manager's supported
// releases (per-version phase table: release bars on one axis, today marked). Each page is opened, its
// preview opened with the keybinding, the expected sections checked, and a screenshot taken in the
// light theme (test-results/); the README's go to docs/images/ when missing or with --update-docs-images.
// Prints `N passed, N failed`.
// Usage: npm run build && node out/test/integration/runSchedulePreview.js [page.md] [--update-docs-images]
import { copyFileSync, cpSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
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

/** A page from test/fixtures/projects/release/, the day its preview counts from, and what must show. */
const PAGES = [
  {
    file: 'kubernetes-1.29.md',
    asOf: '2023-11-15',
    title: 'Kubernetes 1.29 Release Information',
    ready: '.rp-timeline-section .rp-ms-item',
    minItems: 35,
    shot: 'schedule-preview-kubernetes.png',
  },
  {
    file: 'cert-manager-supported-releases.md',
    asOf: '2025-06-01',
    title: 'Supported Releases',
    ready: '.rp-gantt-row',
    minItems: 20,
    shot: 'schedule-preview-support-policy.png',
  },
] as const;

const session = new Session();
const checks = new Checks();

function preview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

async function screenshot(page: Page, root: string, file: string): Promise<void> {
  await page.mouse.move(5, 995); // no hover tooltips in the picture
  const shot = join(testResultsDir(), file);
  await page.screenshot({ path: shot });
  const size = statSync(shot).size;
  if (size < 20_000) throw new Error(`screenshot ${file} is only ${size} bytes`);
  console.log(`      ${shot.slice(root.length + 1)}: ${(size / 1024).toFixed(0)} KiB`);
  const target = join(root, 'docs', 'images', file);
  if (!existsSync(target) || process.argv.includes('--update-docs-images')) {
    mkdirSync(join(root, 'docs', 'images'), { recursive: true });
    copyFileSync(shot, target);
    console.log(`      updated ${target.slice(root.length + 1)}`);
  }
}

/** One page in a fresh workbench: open it, open its preview, check the sections, take the screenshot. */
async function showPage(root: string, p: (typeof PAGES)[number]): Promise<void> {
  const install = await prerequisites('schedule preview');
  if (!install) throw new Error('prerequisites missing');
  const box = (session.sandbox = createSandbox([]));
  cpSync(join(root, 'test', 'fixtures', 'projects', 'release', p.file), join(box.workspace, p.file));
  writeUserSettings(box, { 'editor.minimap.enabled': false, 'workbench.colorTheme': 'Light 2026', 'releasePages.preview.asOf': p.asOf });
  const server = (session.server = await startCodeServer(install, box, {
    logFile: join(testResultsDir(), 'code-server-schedule-preview.log'),
    smokeTestDriver: true,
  }));
  const browser = (session.browser = await launchBrowser(box, { width: 1600, height: 1000 }));
  const { page } = browser;
  const view = preview(page);
  try {
    await checks.check(`${p.file}: the workbench opens the page`, async () => {
      await page.goto(
        workbenchUrl(server, box.workspace, [
          ['extensionDevelopmentPath', remoteUri(server, root)],
          ['skipWelcome', 'true'],
          ['skipReleaseNotes', 'true'],
        ]),
        { timeout: 120_000 },
      );
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('.explorer-folders-view').getByText(p.file).click({ timeout: 60_000 });
      await page.locator('.tabs-container .tab.active').filter({ hasText: p.file }).waitFor({ timeout: 15_000 });
    });
    await checks.check(`${p.file}: the preview shows ${p.ready} (at least ${p.minItems})`, async () => {
      await page.keyboard.press('Control+B'); // room for the dashboard: hide the side bar
      await page
        .locator('.editor-instance .view-lines')
        .first()
        .click({ position: { x: 40, y: 10 } });
      await pollUntil(
        'the status preview',
        async () => {
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+Shift+R');
          return (await page.locator('.tab').filter({ hasText: 'Status:' }).count()) > 0 ? true : undefined;
        },
        60_000,
        2_000,
      );
      await view.locator('h1.rp-title').filter({ hasText: p.title }).waitFor({ timeout: 30_000 });
      const n = await view.locator(p.ready).count();
      if (n < p.minItems) throw new Error(`${n} items of ${p.ready}`);
      await screenshot(page, root, p.shot);
    });
  } catch {
    await page.screenshot({ path: join(testResultsDir(), 'schedule-preview-failure.png') }).catch(() => undefined);
  } finally {
    await session.close();
  }
}

async function main(): Promise<number> {
  const root = repoRoot();
  if (!existsSync(join(root, 'dist', 'preview.js'))) {
    console.log('ERROR: dist/preview.js is missing: run `npm run build` first\n0 passed, 1 failed');
    return 1;
  }
  if (!(await prerequisites('schedule preview'))) return EXIT_SKIP;
  const only = process.argv.find((a) => a.endsWith('.md')); // one page by its file name
  for (const p of PAGES) if (!only || only === p.file) await showPage(root, p);
  console.log(`${checks.passed} passed, ${checks.failed} failed`);
  return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
}

runMain('runSchedulePreview', main, () => session.close());
