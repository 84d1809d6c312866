// The status preview of other projects' schedules, in code-server (VS Code 1.139.1) + headless Chromium:
// a Kubernetes release page (its timeline: every milestone, owners) and cert-manager's supported
// releases (per-version phase table: release bars on one axis, today marked). Each page is opened, its
// preview opened with the keybinding, the expected sections checked, and a screenshot taken in the
// light theme (test-results/); the README's go to docs/images/ when missing or with --update-docs-images.
// Prints `N passed, N failed`.
// Usage: npm run build && node out/test/integration/runSchedulePreview.js [page.md] [--update-docs-images]
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, launchBrowser, prerequisites, Session, startCodeServer, testResultsDir, writeUserSettings } from './lib/codeServer';
import { Checks, EXIT_SKIP, repoRoot, runMain } from './lib/util';
import { openPage, openPreview, screenshot } from './lib/workbench';

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
  try {
    await checks.check(`${p.file}: the workbench opens the page`, () => openPage(page, server, root, box.workspace, p.file));
    await checks.check(`${p.file}: the preview shows ${p.ready} (at least ${p.minItems})`, async () => {
      const view = await openPreview(page, p.title);
      const n = await view.locator(p.ready).count();
      if (n < p.minItems) throw new Error(`${n} items of ${p.ready}`);
      await screenshot(page, root, p.shot, true);
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
