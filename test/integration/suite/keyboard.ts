// The suite's side of the keyboard driver (the launcher's side: lib/driver.ts): keys, typing, Command
// Palette entries and screenshots done by the launcher in the workbench page, as a user would.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DriverRequest } from '../lib/driver';

const DIR = process.env.RELEASE_PAGES_TEST_DRIVER;
let counter = 0;

/** True when the launcher drives the keyboard (code-server); other launchers skip keyboard suites. */
export const keyboardAvailable = (): boolean => DIR !== undefined && existsSync(DIR);

type Body = DriverRequest extends infer R ? (R extends DriverRequest ? Omit<R, 'id'> : never) : never;

async function ask(body: Body, timeoutMs = 120_000): Promise<string | undefined> {
  if (!DIR) throw new Error('no keyboard driver: run the suite with runCodeServer.js');
  const id = String(++counter).padStart(6, '0');
  const tmp = join(DIR, `request-${id}.tmp`);
  writeFileSync(tmp, JSON.stringify({ ...body, id }));
  renameSync(tmp, join(DIR, `request-${id}.json`));
  const done = join(DIR, `done-${id}.json`);
  const deadline = Date.now() + timeoutMs;
  // The answer is a file the launcher writes: wait for it to exist (checked every 20 ms).
  while (!existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`the keyboard driver did not answer ${JSON.stringify(body)} in ${timeoutMs} ms`);
    await new Promise<void>((resolve) => setTimeout(resolve, 20));
  }
  const answer = JSON.parse(readFileSync(done, 'utf8')) as { ok: boolean; error?: string; note?: string };
  rmSync(done);
  if (!answer.ok) throw new Error(`keyboard driver: ${answer.error ?? 'failed'} (${JSON.stringify(body)})`);
  return answer.note;
}

/** Presses keys (Playwright names: `Tab`, `Shift+Tab`, `Control+Z`, `Alt+ArrowDown`). */
export const press = async (...keys: string[]): Promise<void> => void (await ask({ action: 'press', keys }));
/** Types text character by character. */
export const typeText = async (text: string): Promise<void> => void (await ask({ action: 'type', text }));
/** Runs a Command Palette entry by its full title (`Release Pages: Table: Delete column`). */
export const palette = async (title: string): Promise<void> => void (await ask({ action: 'palette', title }));
/** Pastes as Ctrl+V would with this clipboard (`text/plain`, and `text/html` when given); resolves with what the event met. */
export const paste = (text: string, html?: string): Promise<string | undefined> => ask({ action: 'paste', text, html });
/** A screenshot of the workbench into test-results/ (and docs/images/ when `docs`). */
export const screenshot = async (file: string, docs = false): Promise<void> => void (await ask({ action: 'screenshot', file, docs }));
/** In the visible list or menu whose rows match `rows`, ArrowDown to the row labelled `label`, then presses `key` (null: none). */
export const choose = async (rows: string, label: string, key: string | null = 'Enter'): Promise<void> =>
  void (await ask({ action: 'choose', rows, label, key }));
/** The texts of the visible elements matching `selector`, waiting up to `waitMs` for one to show ([] when none does). */
export const texts = async (selector: string, waitMs = 10_000): Promise<string[]> =>
  JSON.parse((await ask({ action: 'texts', selector, waitMs })) ?? '[]') as string[];
