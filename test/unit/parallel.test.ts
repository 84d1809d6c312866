// The CLI's threads (node/parallel.ts, `startHelpers`): the main thread and its helper workers take the pages
// from one shared counter; every page is checked once, its outcome equal to a one-thread check's, and a helper
// that fails or exits ends the run with an error instead of a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, Engine } from '../../server/src/core';
import { checkTask, helpersFor, MIN_PAGES_PER_HELPER, startHelpers, type PageOutcome, type PageTask } from '../../server/src/node/parallel';
import { FIXTURES, pagesIn, ROOT } from '../helpers/paths';
import { tempFolder } from '../helpers/cli-run';

/** The built CLI bundle: its entry runs the check worker in a worker thread made by node/parallel.ts. */
const SCRIPT = join(ROOT, 'dist', 'cli.js');

function corpusTasks(): PageTask[] {
  return pagesIn('corpus').map((f, index) => ({
    index,
    text: readFileSync(join(FIXTURES, 'corpus', f), 'utf8'),
    config: DEFAULT_CONFIG,
    force: false,
    exclude: false,
  }));
}

/** Blocks this thread until `done()` (polling every few ms), failing after `ms`. */
function blockUntil(done: () => boolean, ms: number): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('the helper took no page in time');
    Atomics.wait(cell, 0, 0, 5);
  }
}

const byIndex = (outcomes: readonly PageOutcome[]): PageOutcome[] => [...outcomes].sort((a, b) => a.index - b.index);

test('helpersFor: none for one thread or fewer pages than a helper needs, at most jobs - 1', () => {
  assert.equal(MIN_PAGES_PER_HELPER, 100, 'the default (the unit tests run without RELEASE_PAGES_PAGES_PER_HELPER)');
  assert.equal(helpersFor(1000, 1), 0);
  assert.equal(helpersFor(3, 2), 0);
  assert.equal(helpersFor(49, 2), 0, 'the corpus: one thread');
  assert.equal(helpersFor(200, 2), 1);
  assert.equal(helpersFor(250, 8), 2);
  assert.equal(helpersFor(2000, 4), 3);
});

test('the main thread and a helper share the pages: each checked once, the outcomes of one thread', async () => {
  const tasks = corpusTasks();
  const engine = new Engine();
  const expected = tasks.map((t) => checkTask(new Engine(), t));
  const pool = startHelpers(1, SCRIPT);
  const here: number[] = [];
  // The main thread's first page waits until the helper has taken every other page: both threads surely worked.
  const outcomes = await pool.run(tasks, (task) => {
    if (here.length === 0) blockUntil(() => pool.taken() >= tasks.length, 60_000);
    here.push(task.index);
    return checkTask(engine, task);
  });
  assert.equal(here.length, 1, 'the main thread checked the page it took first');
  assert.equal(outcomes.length, tasks.length);
  assert.deepEqual(
    byIndex(outcomes).map((o) => o.index),
    tasks.map((t) => t.index),
    'every page once',
  );
  assert.deepEqual(byIndex(outcomes), expected, 'the same outcomes as one thread, findings and all');
  const biggest = tasks.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  assert.equal(here[0], biggest.index, 'the biggest page is taken first');
});

test('a run of a few pages ends with every page, whichever thread took them', async () => {
  const tasks = corpusTasks().slice(0, 3);
  const engine = new Engine();
  const pool = startHelpers(1, SCRIPT);
  const outcomes = await pool.run(tasks, (task) => checkTask(engine, task));
  assert.deepEqual(
    byIndex(outcomes).map((o) => o.index),
    [0, 1, 2],
  );
  assert.equal(pool.taken(), 3);
});

test('a helper that fails or exits holding a page rejects the run (no hang)', async () => {
  // Stand-ins for a helper that breaks: each takes a page from the shared counter, then throws or exits.
  const takeOne = "require('node:worker_threads').parentPort.on('message', (m) => { Atomics.add(m.next, 0, 1); ";
  const dir = tempFolder({
    'throws.js': `${takeOne}throw new Error('broken helper'); });\n`,
    'exits.js': `${takeOne}process.exit(3); });\n`,
  });
  for (const [script, message] of [
    ['throws.js', /broken helper/],
    ['exits.js', /a check worker stopped \(exit code 3\)/],
  ] as const) {
    const tasks = corpusTasks().slice(0, 8);
    const engine = new Engine();
    const pool = startHelpers(1, join(dir, script));
    let waited = false;
    const run = pool.run(tasks, (task) => {
      if (!waited) blockUntil(() => pool.taken() >= 2, 60_000); // the helper holds a page the main thread will never check
      waited = true;
      return checkTask(engine, task);
    });
    await assert.rejects(run, message, script);
  }
});
