/**
 * `check --jobs N`: pages checked on worker threads. The CLI bundle is also the worker's script (cli.ts
 * starts `runCheckWorker` when it runs in a worker made here). Each worker keeps one Engine and takes
 * the next page when it has answered the last, so a big page does not hold back the others; the
 * answers are put back in the pages' order, so the output is the same as with `--jobs 1`.
 * Findings cross the thread as plain data (rule, severity, message, range, fixes).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Engine, type CheckOptions, type Finding, type ResolvedConfig } from '../core';

/** Fewer pages than this are checked on the main thread: starting a worker costs more than they do. */
export const MIN_PAGES_PER_WORKER = 4;

const WORKER_TAG = 'release-pages-check-worker';

export interface PageTask {
  index: number;
  text: string;
  config: ResolvedConfig;
  force: boolean;
  exclude: boolean;
}

export interface PageOutcome {
  index: number;
  findings: Finding[];
  /** Rules that threw on the page (each once), in the order they failed. */
  ruleErrors: Array<{ rule: string; message: string }>;
}

/** The default of --jobs: the cores Node may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** How many workers check `pages` pages with `jobs` allowed: none (the main thread) for a few pages. */
export function workersFor(pages: number, jobs: number): number {
  if (jobs <= 1) return 0;
  return Math.min(jobs, Math.floor(pages / MIN_PAGES_PER_WORKER));
}

/** A finding as plain data (its fixes read now), so that it crosses a thread whole. */
function plain(f: Finding): Finding {
  return { rule: f.rule, severity: f.severity, message: f.message, range: f.range, fixes: f.fixes };
}

/** Checks one page with `engine`: the worker's job, and the main thread's for `--jobs 1` comparisons in tests. */
export function checkTask(engine: Engine, task: PageTask): PageOutcome {
  const ruleErrors: PageOutcome['ruleErrors'] = [];
  const options: CheckOptions = {
    config: task.config,
    force: task.force,
    exclude: task.exclude,
    onRuleError: (rule, e) => {
      if (!ruleErrors.some((r) => r.rule === rule)) ruleErrors.push({ rule, message: e instanceof Error ? e.message : String(e) });
    },
  };
  return { index: task.index, findings: engine.check(task.text, options).findings.map(plain), ruleErrors };
}

/** Whether this thread is a check worker started by `checkInWorkers`. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { tag?: unknown } | null)?.tag === WORKER_TAG;
}

/** The worker's loop: a task in, its outcome out, until the port closes. */
export function runCheckWorker(): void {
  const port = parentPort;
  if (!port) return;
  const engine = new Engine();
  port.on('message', (task: PageTask) => {
    port.postMessage(checkTask(engine, task));
  });
}

/**
 * A worker running `script`; through bin/load-bundle.js when it is there (as the CLI's bin loads it), so
 * that the worker uses the compiled code the main thread's run kept instead of compiling the bundle again.
 */
function startWorker(script: string): Worker {
  const options = { workerData: { tag: WORKER_TAG }, stdout: false, stderr: false };
  const loader = join(dirname(script), '..', 'bin', 'load-bundle.js');
  if (!existsSync(loader)) return new Worker(script, options);
  return new Worker(`require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(script)});`, { ...options, eval: true });
}

/**
 * Checks `tasks` on `workers` worker threads running `script` (the CLI bundle); the outcomes in the
 * order of their answers (each names its task's index). A worker that fails (an exception outside a rule) rejects the whole run.
 */
export function checkInWorkers(tasks: readonly PageTask[], workers: number, script: string): Promise<PageOutcome[]> {
  const outcomes: PageOutcome[] = [];
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const stop = (): void => {
      for (const w of pool) void w.terminate();
    };
    const feed = (w: Worker): void => {
      if (next < tasks.length) w.postMessage(tasks[next++]);
    };
    for (let i = 0; i < workers; i++) {
      const w = startWorker(script);
      pool.push(w);
      w.on('message', (o: PageOutcome) => {
        outcomes.push(o);
        done++;
        if (done === tasks.length) {
          stop();
          resolve(outcomes);
        } else feed(w);
      });
      w.on('error', (e) => {
        stop();
        reject(e);
      });
      feed(w);
    }
  });
}
