// End-to-end check of the packaged extension, as a user would meet it: installs the .vsix from
// `npm run package` into a fresh code-server (no extensionDevelopmentPath), opens a release page with
// Quick Open, opens the Problems panel from the status bar and waits for a release-pages diagnostic.
// Saves test-results/problems-panel.png (1280x800) and, when missing or with --update-docs-image (or
// RELEASE_PAGES_UPDATE_DOCS_IMAGE=1), docs/images/problems-panel.png. Prints `N passed, N failed`.
// Usage: npm run package && node out/test/integration/runVsix.js [--update-docs-image]
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  createSandbox,
  installExtension,
  launchBrowser,
  prerequisites,
  Session,
  startCodeServer,
  testResultsDir,
  workbenchUrl,
} from './lib/codeServer';
import { Checks, EXIT_SKIP, lastLines, pollUntil, repoRoot, runMain } from './lib/util';
import { vsixPath } from './lib/vsix';

const PAGE = 'ovirt-3.4-release-management.md';
const EXTENSION_FOLDER = /^release-pages\.release-pages-\d/;

const session = new Session();
/** Dependent checks: a failed one stops the run (later checks depend on it). */
const checks = new Checks();
const check = <T>(what: string, fn: () => Promise<T>): Promise<T> => checks.check(what, fn);

async function main(): Promise<number> {
  const root = repoRoot();
  const vsix = vsixPath(root);
  if (!existsSync(vsix)) {
    console.log(`ERROR: ${vsix} is missing: run \`npm run package\` first\n0 passed, 1 failed`);
    return 1;
  }
  const install = await prerequisites('vsix');
  if (!install) return EXIT_SKIP;
  console.log(
    `VS Code ${install.vscodeVersion} (code-server ${install.codeServerVersion}); package ${vsix.slice(root.length + 1)} (${(statSync(vsix).size / 1024).toFixed(1)} KiB)`,
  );
  const box = (session.sandbox = createSandbox([['001_dc88aac92be68e04.md', PAGE]]));
  const out = testResultsDir();
  try {
    await check('the .vsix installs offline with code-server --install-extension', async () => {
      const result = await installExtension(install, box, vsix, join(out, 'vsix-install.log'));
      if (result.code !== 0) throw new Error(`exit ${result.code}\n${lastLines(result.output, 20)}`);
      const folders = readdirSync(box.extensions).filter((f) => EXTENSION_FOLDER.test(f));
      if (folders.length !== 1)
        throw new Error(`expected one release-pages folder in the extensions dir, found: ${readdirSync(box.extensions).join(', ')}`);
      if (!existsSync(join(box.extensions, folders[0] ?? '', 'dist', 'server.js')))
        throw new Error('installed extension has no dist/server.js');
    });

    const server = (session.server = await startCodeServer(install, box, {
      logFile: join(out, 'code-server-vsix.log'),
      smokeTestDriver: false,
    }));
    const browser = (session.browser = await launchBrowser(box, { width: 1280, height: 800 }));
    const { page } = browser;
    await check('the workbench loads the workspace', async () => {
      await page.goto(workbenchUrl(server, box.workspace));
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('.explorer-folders-view').getByText(PAGE).waitFor({ state: 'visible', timeout: 60_000 });
    });

    await check(`Quick Open (Ctrl+P) opens ${PAGE} in an editor`, async () => {
      await page.locator('.explorer-folders-view').click(); // focus the workbench, not the page body
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(PAGE);
      await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: PAGE }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active').filter({ hasText: PAGE }).waitFor({ timeout: 15_000 });
      await page
        .locator('.editor-instance .view-lines')
        .filter({ hasText: 'oVirt 3.4 release management' })
        .first()
        .waitFor({ timeout: 15_000 });
    });

    const problems = page.locator('[id="status.problems"]');
    await check("the status bar counts the page's problems (the extension activated)", async () => {
      const label = await pollUntil(
        'a non-zero problem count on the status bar',
        async () => {
          const text = `${(await problems.getAttribute('aria-label')) ?? ''} ${await problems.innerText()}`;
          return (text.match(/\d+/g) ?? []).some((n) => Number(n) > 0) ? text : undefined;
        },
        60_000,
        250,
      );
      console.log(`      status bar: ${label.replace(/\s+/g, ' ').trim()}`);
    });

    await check('clicking the problems item shows a release-pages date-placeholder diagnostic in the Problems panel', async () => {
      // Room for the full messages in the screenshot: hide the side bar (Ctrl+B, focus is in the editor).
      await page.keyboard.press('Control+B');
      await page.locator('[id="workbench.parts.sidebar"]').waitFor({ state: 'hidden', timeout: 10_000 });
      await problems.click();
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible', timeout: 15_000 });
      await panel.locator('.monaco-list-row').filter({ hasText: 'date-placeholder' }).first().waitFor({ timeout: 30_000 });
      const text = await panel.innerText();
      if (!text.includes('release-pages'))
        throw new Error(`the Problems panel does not name the source release-pages:\n${text.slice(0, 500)}`);
    });

    await check('screenshot of the Problems panel', async () => {
      await page.mouse.move(640, 790); // no hover tooltips in the picture
      await page
        .locator('.markers-panel .monaco-list-row')
        .filter({ hasText: 'date-placeholder' })
        .first()
        .waitFor({ state: 'visible', timeout: 5_000 });
      const shot = join(out, 'problems-panel.png');
      await page.screenshot({ path: shot });
      const size = statSync(shot).size;
      if (size < 10_000) throw new Error(`screenshot is only ${size} bytes`);
      console.log(`      ${shot.slice(root.length + 1)}: ${(size / 1024).toFixed(0)} KiB`);
      // The committed copy is only rewritten on request (or when missing): every run's PNG differs a little.
      const docsImage = join(root, 'docs', 'images', 'problems-panel.png');
      if (!existsSync(docsImage) || process.argv.includes('--update-docs-image') || process.env.RELEASE_PAGES_UPDATE_DOCS_IMAGE === '1') {
        mkdirSync(dirname(docsImage), { recursive: true });
        copyFileSync(shot, docsImage);
        console.log(`      updated ${docsImage.slice(root.length + 1)}`);
      }
    });
  } catch {
    await session.browser?.page.screenshot({ path: join(out, 'vsix-failure.png') }).catch(() => undefined);
    console.log(`  (remaining checks not run; screenshot test-results/vsix-failure.png, logs in test-results/)`);
    if (checks.failed === 0) checks.failed++;
  }
  console.log(`${checks.passed} passed, ${checks.failed} failed`);
  return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
}

runMain('runVsix', main, () => session.close());
