// The README's animated capture, made from real VS Code frames: code-server (VS Code 1.139.1) + headless
// Chromium open a release page, the date of its GA row is replaced by typing a date whose weekday is
// wrong, the warning's squiggle and hover appear, the quick fix is picked from the light bulb menu, and
// the warning goes away. Each step is a screenshot of the editor area (1000×600); the frames become
// test-results/fix-a-date.gif (their PNGs in test-results/fix-a-date-frames/ for review), copied to
// docs/images/ when missing or with --update-docs-images. Prints `N passed, N failed`.
// Usage: npm run build && node out/test/integration/runCapture.js [--update-docs-images]   (npm run capture:readme)
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
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
import { encodeGif, type Frame } from './lib/gif';
import { Checks, EXIT_SKIP, pollUntil, repoRoot, runMain } from './lib/util';

const PAGE = 'orbit-4.2.md';
/** The GA row's date cell (1-based line and column of the date after the weekday) and what is typed over it. */
const CELL = { line: 17, column: 30, old: '2025-10-09', typed: '2025-10-10' } as const;
const FIX = 'Write Fri';
const GIF = 'fix-a-date.gif';
const MAX_BYTES = 1.5 * 1024 * 1024;
const CLIP = { width: 1000, height: 600 };
/** Milliseconds a typed character shows (about 9 frames a second while typing). */
const KEY_MS = 110;

const session = new Session();
const checks = new Checks();

class Recorder {
  readonly frames: Frame[] = [];
  constructor(
    private readonly page: Page,
    private readonly clip: { x: number; y: number; width: number; height: number },
  ) {}
  async shot(delayMs: number): Promise<void> {
    this.frames.push({ png: await this.page.screenshot({ clip: this.clip }), delayMs });
  }
}

/** The editor's squiggles of warnings (the decorations VS Code draws under a diagnostic's range). */
const squiggles = (page: Page): ReturnType<Page['locator']> => page.locator('.monaco-editor .squiggly-warning');

async function cursorAt(page: Page): Promise<string> {
  return page
    .locator('[id="status.editor.selection"]')
    .innerText()
    .catch(() => '');
}

async function main(): Promise<number> {
  const root = repoRoot();
  const install = await prerequisites('README capture');
  if (!install) return EXIT_SKIP;
  console.log(`VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}); the extension from ${root}`);
  const box = (session.sandbox = createSandbox([]));
  cpSync(join(root, 'test', 'integration', 'capture', PAGE), join(box.workspace, PAGE));
  writeUserSettings(box, {
    'workbench.colorTheme': 'Light 2026',
    'editor.minimap.enabled': false,
    'editor.cursorBlinking': 'solid', // the caret in every frame
    'editor.fontSize': 15,
    'editor.stickyScroll.enabled': false,
    'editor.lightbulb.enabled': 'onCode',
    'breadcrumbs.enabled': false,
    'workbench.activityBar.location': 'hidden',
    'workbench.statusBar.visible': true,
    // The page is checked once the date is typed, not at each character: no squiggles of half-typed dates.
    'releasePages.validate.debounceMs': 1500,
  });
  const out = testResultsDir();
  const server = (session.server = await startCodeServer(install, box, {
    logFile: join(out, 'code-server-capture.log'),
    smokeTestDriver: true,
  }));
  const browser = (session.browser = await launchBrowser(box, { width: 1010, height: 700 }));
  const { page } = browser;
  let recorder: Recorder | undefined;
  try {
    await checks.check('the workbench opens the page and the server checks it (code lens)', async () => {
      await page.goto(
        workbenchUrl(server, box.workspace, [
          ['extensionDevelopmentPath', remoteUri(server, root)],
          ['skipWelcome', 'true'],
          ['skipReleaseNotes', 'true'],
        ]),
        { timeout: 120_000 },
      );
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('.explorer-folders-view').getByText(PAGE).click({ timeout: 60_000 });
      await page.locator('.tabs-container .tab.active').filter({ hasText: PAGE }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Control+B'); // the editor gets the width: hide the side bar
      await page.locator('.monaco-editor .codelens-decoration').first().waitFor({ timeout: 60_000 });
      const editor = await page.locator('.part.editor').boundingBox();
      if (!editor) throw new Error('no editor area');
      recorder = new Recorder(page, { x: Math.round(editor.x), y: Math.round(editor.y), ...CLIP });
    });
    const rec = (): Recorder => {
      if (!recorder) throw new Error('no recorder');
      return recorder;
    };
    await checks.check(`typing ${CELL.typed} over the GA date gives a weekday-mismatch squiggle`, async () => {
      await page.mouse.move(1005, 5);
      await page
        .locator('.editor-instance .view-lines')
        .first()
        .click({ position: { x: 200, y: 5 } });
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`:${CELL.line}:${CELL.column}`);
      await page.keyboard.press('Enter');
      await pollUntil(
        'the cursor in the date cell',
        async () => ((await cursorAt(page)).includes(`Ln ${CELL.line}, Col ${CELL.column}`) ? true : undefined),
        10_000,
      );
      await page.mouse.move(500, 300);
      await page.mouse.wheel(0, -2000); // the page from its first line (Go to Line may have scrolled it)
      await pollUntil(
        'the first line in view',
        async () => ((await page.locator('.margin-view-overlays .line-numbers').filter({ hasText: /^1$/ }).count()) > 0 ? true : undefined),
        10_000,
      );
      await page.mouse.move(1005, 5);
      await rec().shot(1500);
      for (let i = 0; i < CELL.old.length; i++) {
        await page.keyboard.press('Shift+ArrowRight');
        if (i % 3 === 2 || i === CELL.old.length - 1) await rec().shot(KEY_MS);
      }
      await rec().shot(500);
      for (const ch of CELL.typed) {
        await page.keyboard.type(ch);
        await rec().shot(KEY_MS);
      }
      await squiggles(page).first().waitFor({ state: 'visible', timeout: 30_000 });
      await rec().shot(1200);
    });
    await checks.check('the hover says what is wrong', async () => {
      const box = await squiggles(page).first().boundingBox();
      if (!box) throw new Error('the squiggle has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator('.monaco-hover').filter({ hasText: 'is a Friday' }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await rec().shot(3000);
    });
    await checks.check(`the quick fix "${FIX}" is applied and the squiggle goes`, async () => {
      await page.mouse.move(1005, 5);
      await page
        .locator('.monaco-hover')
        .first()
        .waitFor({ state: 'hidden', timeout: 10_000 })
        .catch(() => undefined);
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row').filter({ hasText: FIX }).first();
      await item.waitFor({ state: 'visible', timeout: 15_000 });
      await rec().shot(1000);
      await item.hover();
      await rec().shot(1200);
      await item.click();
      await pollUntil('no squiggle', async () => ((await squiggles(page).count()) === 0 ? true : undefined), 15_000);
      await page
        .locator('.view-lines')
        .filter({ hasText: `Fri ${CELL.typed}` })
        .first()
        .waitFor({ timeout: 10_000 });
      await rec().shot(3000);
    });
    await checks.check(`the GIF is under ${MAX_BYTES / 1024 / 1024} MB`, async () => {
      const frames = rec().frames;
      const dir = join(out, 'fix-a-date-frames');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      frames.forEach((f, i) => writeFileSync(join(dir, `${String(i).padStart(3, '0')}-${f.delayMs}ms.png`), f.png));
      const gif = encodeGif(frames);
      const file = join(out, GIF);
      await writeFile(file, gif.bytes);
      const kib = (gif.bytes.length / 1024).toFixed(0);
      console.log(
        `      ${file.slice(root.length + 1)}: ${gif.width}×${gif.height}, ${gif.frames} frames, ${(gif.durationMs / 1000).toFixed(1)} s, ${kib} KiB`,
      );
      if (gif.bytes.length > MAX_BYTES) throw new Error(`${kib} KiB`);
      const target = join(root, 'docs', 'images', GIF);
      if (!existsSync(target) || process.argv.includes('--update-docs-images')) {
        copyFileSync(file, target);
        console.log(`      updated ${target.slice(root.length + 1)}`);
      }
    });
  } catch {
    await page.screenshot({ path: join(out, 'capture-failure.png') }).catch(() => undefined);
  } finally {
    await session.close();
  }
  console.log(`${checks.passed} passed, ${checks.failed} failed`);
  return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
}

runMain('runCapture', main, () => session.close());
