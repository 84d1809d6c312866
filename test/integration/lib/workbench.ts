// Driving code-server's workbench like a user (playwright-core over Chromium), shared by the launchers
// that look at the status preview: open a page from the Explorer, open its preview with the keybinding,
// run a command from the palette, move the cursor, take a screenshot (and keep the README's copy).
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { remoteUri, testResultsDir, workbenchUrl, type CodeServer } from './codeServer';
import { pollUntil } from './util';

/** The preview's document: the webview iframe, then its active frame. */
export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

/** Opens the workbench on `folder` with the extension under development, then `file` from the Explorer. */
export async function openPage(page: Page, server: CodeServer, root: string, folder: string, file: string): Promise<void> {
  const url = workbenchUrl(server, folder, [
    ['extensionDevelopmentPath', remoteUri(server, root)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  await page.goto(url, { timeout: 120_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.explorer-folders-view').getByText(file, { exact: true }).click({ timeout: 60_000 });
  await page.locator('.tabs-container .tab.active').filter({ hasText: file }).waitFor({ timeout: 15_000 });
}

/** Hides the side bar and opens the status preview beside the page with Ctrl+K Ctrl+Shift+R, then waits for its title. */
export async function openPreview(page: Page, title: string): Promise<FrameLocator> {
  const view = previewFrame(page);
  await page.keyboard.press('Control+B'); // room for the dashboard: hide the side bar
  await focusEditor(page);
  await pollUntil(
    'the status preview (the extension activated)',
    async () => {
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+Shift+R');
      return (await page.locator('.tab').filter({ hasText: 'Status:' }).count()) > 0 ? true : undefined;
    },
    60_000,
    2_000,
  );
  await view.locator('h1.rp-title').filter({ hasText: title }).waitFor({ timeout: 30_000 });
  return view;
}

/** The cursor's line from the status bar. */
export async function cursorLine(page: Page): Promise<number | undefined> {
  const text = await page
    .locator('[id="status.editor.selection"]')
    .innerText()
    .catch(() => '');
  const m = /Ln (\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Focuses the page's editor (first group) and waits until the keyboard focus is in it: keys pressed
 * while the webview has the focus travel through it asynchronously, so the next key must wait.
 */
export async function focusEditor(page: Page): Promise<void> {
  await pollUntil(
    "the keyboard focus in the page's editor",
    async () => {
      await page.keyboard.press('Control+1');
      const inEditor = "document.activeElement?.closest('.editor-group-container.active .monaco-editor') != null"; // runs in the page
      return page.waitForFunction(inEditor, undefined, { timeout: 2_000 }).then(
        () => true,
        () => undefined,
      );
    },
    15_000,
    0,
  );
}

/** The quick pick row whose label is exactly `label` (not one that merely contains it). */
export function exactRow(page: Page, label: string): ReturnType<Page['locator']> {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
}

/** Runs a command from the Command Palette (focus in the page's editor group first). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await exactRow(page, title).click({ timeout: 10_000 });
}

/**
 * A screenshot of the whole workbench into test-results/; with `docs`, also into docs/images/ when it
 * is missing there or the run was given `--update-docs-images`.
 */
export async function screenshot(page: Page, root: string, file: string, docs: boolean): Promise<void> {
  await page.mouse.move(5, 995); // no hover tooltips in the picture
  const shot = join(testResultsDir(), file);
  await page.screenshot({ path: shot });
  const size = statSync(shot).size;
  if (size < 20_000) throw new Error(`screenshot ${file} is only ${size} bytes`);
  console.log(`      ${shot.slice(root.length + 1)}: ${(size / 1024).toFixed(0)} KiB`);
  const target = join(root, 'docs', 'images', file);
  if (docs && (!existsSync(target) || process.argv.includes('--update-docs-images'))) {
    mkdirSync(join(root, 'docs', 'images'), { recursive: true });
    copyFileSync(shot, target);
    console.log(`      updated ${target.slice(root.length + 1)}`);
  }
}
