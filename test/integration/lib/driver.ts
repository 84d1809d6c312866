// The launcher's side of the keyboard driver: a suite running in the extension host cannot press keys,
// so it writes a request file (keys to press, text to type, a Command Palette entry to run, a screenshot
// to take) into a folder the launcher watches; the launcher does it in the workbench page with
// Playwright, exactly as a user at the keyboard would, and writes a done file. Suites: suite/keyboard.ts.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** One request of a suite (the files `request-<id>.json`); the answer is `done-<id>.json` with `{ ok, error? }`. */
export type DriverRequest =
  | { id: string; action: 'press'; keys: string[] }
  | { id: string; action: 'type'; text: string }
  | { id: string; action: 'palette'; title: string }
  | { id: string; action: 'paste'; text: string; html?: string }
  | { id: string; action: 'screenshot'; file: string; docs: boolean }
  /** Waits for a visible list or menu (`rows`), presses ArrowDown until the row labelled `label` has the focus, then `key` (null: none). */
  | { id: string; action: 'choose'; rows: string; label: string; key: string | null }
  /** The texts of the visible elements matching `selector` (a JSON array in the note); `[]` when none shows up in `waitMs`. */
  | { id: string; action: 'texts'; selector: string; waitMs: number };

export interface DriverOptions {
  /** Where screenshots go (test-results/). */
  results: string;
  /** The repository's docs/images: screenshots asked for the docs are copied there when missing or with `--update-docs-images`. */
  docsImages: string;
}

/** The quick pick row whose label is exactly `label`. */
function exactRow(page: Page, label: string): ReturnType<Page['locator']> {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
}

/** Does a request; some answer with a note for the suite (what the paste event met). */
async function perform(page: Page, r: DriverRequest, options: DriverOptions): Promise<string | void> {
  switch (r.action) {
    case 'press':
      for (const key of r.keys) await page.keyboard.press(key);
      return;
    case 'type':
      await page.keyboard.type(r.text);
      return;
    case 'paste':
      // What Ctrl+V delivers to the focused editor: a paste event carrying the clipboard's data (headless
      // Chromium has no system clipboard for Ctrl+V to read, so the event is dispatched with the data).
      return page.evaluate(`(() => {
        const data = new DataTransfer();
        data.setData('text/plain', ${JSON.stringify(r.text)});
        ${r.html === undefined ? '' : `data.setData('text/html', ${JSON.stringify(r.html)});`}
        const active = document.activeElement;
        const target = active && active !== document.body ? active : document.querySelector('.editor-group-container.active .monaco-editor .native-edit-context, .editor-group-container.active .monaco-editor textarea');
        if (!target) return 'no editor input to paste into';
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        target.dispatchEvent(event);
        return 'pasted into ' + target.tagName + '.' + target.className + (event.defaultPrevented ? ' (handled)' : ' (not handled)') + ', data ' + (event.clipboardData ? event.clipboardData.types.join('+') : 'none');
      })()`); // runs in the page
    case 'palette': {
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${r.title}`); // the text typed at once: a loaded machine types a long title slowly
      // Enter once the entry is the focused (first) row: keys only, as a user would.
      await exactRow(page, r.title).and(page.locator('.monaco-list-row.focused')).waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    }
    case 'choose': {
      const rows = page.locator(r.rows);
      await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
      const labels = await rows.allInnerTexts();
      const index = labels.findIndex((l) => l.split('\n')[0].trim() === r.label);
      if (index < 0) throw new Error(`no row "${r.label}" among ${JSON.stringify(labels)}`);
      // Keys only, as a user would: down to the row, then its key. The focus is read from the DOM.
      for (let presses = 0; presses <= labels.length + 1; presses++) {
        const focused = await rows.evaluateAll((els) =>
          els.findIndex((e) => e.classList.contains('focused') || e.querySelector('.focused') !== null || e.matches(':focus-within')),
        );
        if (focused === index) {
          if (r.key !== null) await page.keyboard.press(r.key);
          return;
        }
        await page.keyboard.press('ArrowDown');
      }
      throw new Error(`the row "${r.label}" never had the focus (rows ${JSON.stringify(labels)})`);
    }
    case 'texts': {
      const found = page.locator(r.selector);
      await found
        .first()
        .waitFor({ state: 'visible', timeout: r.waitMs })
        .catch(() => undefined);
      return JSON.stringify((await found.allInnerTexts()).map((t) => t.trim()));
    }
    case 'screenshot': {
      await page.mouse.move(5, 795); // no hover in the picture
      const shot = join(options.results, r.file);
      await page.screenshot({ path: shot });
      const size = statSync(shot).size;
      if (size < 20_000) throw new Error(`screenshot ${r.file} is only ${size} bytes`);
      const target = join(options.docsImages, r.file);
      if (r.docs && (!existsSync(target) || process.argv.includes('--update-docs-images'))) {
        mkdirSync(options.docsImages, { recursive: true });
        copyFileSync(shot, target);
        console.log(`  updated docs/images/${r.file}`);
      }
      return;
    }
  }
}

/** Serves a suite's requests from `dir` one at a time until `stop()`; returns the stopper. */
export function serveDriver(page: Page, dir: string, options: DriverOptions): { stop(): Promise<void> } {
  mkdirSync(dir, { recursive: true });
  const state = { stopped: false };
  const loop = (async (): Promise<void> => {
    while (!state.stopped) {
      const next = readdirSync(dir)
        .filter((f) => f.startsWith('request-') && f.endsWith('.json'))
        .sort()[0];
      if (!next) {
        await new Promise<void>((resolve) => setTimeout(resolve, 30));
        continue;
      }
      const file = join(dir, next);
      const request = JSON.parse(readFileSync(file, 'utf8')) as DriverRequest;
      rmSync(file);
      let answer: { ok: boolean; error?: string; note?: string };
      try {
        const note = await perform(page, request, options);
        answer = note ? { ok: true, note } : { ok: true };
      } catch (e) {
        answer = { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
      const tmp = join(dir, `done-${request.id}.tmp`);
      writeFileSync(tmp, JSON.stringify(answer));
      renameSync(tmp, join(dir, `done-${request.id}.json`));
    }
  })();
  return {
    stop: async () => {
      state.stopped = true;
      await loop;
    },
  };
}
