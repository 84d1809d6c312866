/**
 * Pages checked on worker threads: `check --jobs N` in the CLI and the workspace check of the Node
 * language server. The bundle that starts the workers (dist/cli.js, dist/server.js) is also their script:
 * its entry starts `runCheckWorker` when it runs in a worker made here. Each worker keeps one Engine and
 * takes the next page when it has answered the last, so a big page does not hold back the others; each
 * answer names its page, so the caller can put them back in the pages' order. Findings cross the thread
 * as plain data (rule, severity, message, range, fixes).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import { Engine, findingCount, severest, type CheckOptions, type Finding, type ResolvedConfig } from '../core';

/** Fewer pages than this are checked on the main thread: starting a worker costs more than they do. */
export const MIN_PAGES_PER_WORKER = 4;

const WORKER_TAG = 'release-pages-check-worker';

/** node:worker_threads, required when workers are started or a worker starts (not by every run). */
function threads(): typeof WorkerThreads {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:worker_threads') as typeof WorkerThreads;
}

export interface PageTask {
  index: number;
  text: string;
  config: ResolvedConfig;
  force: boolean;
  exclude: boolean;
  /** Send at most this many findings, the most severe (the editor shows 1,000); all when absent. */
  limit?: number;
}

export interface PageOutcome {
  index: number;
  /** The findings (the `limit` most severe when there were more). */
  findings: Finding[];
  /** How many findings the page has. */
  total: number;
  isReleasePage: boolean;
  /** Rules that threw on the page (each once), in the order they failed. */
  ruleErrors: Array<{ rule: string; message: string }>;
}

/**
 * The default of --jobs: the cores Node may use but one, which the main thread keeps (it reads the files,
 * hands them out and writes the results). Measured on 2 cores (`npm run bench:wiki`, a quiet machine): two
 * workers beside the main thread were 15–25 % slower than one thread on every data set.
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1);
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
  const result = engine.check(task.text, options);
  const total = findingCount(result);
  const kept = task.limit !== undefined && total > task.limit ? severest(result, task.limit) : result.findings;
  return { index: task.index, findings: kept.map(plain), total, isReleasePage: result.isReleasePage, ruleErrors };
}

/** Whether this thread is a check worker started by `checkInWorkers`. */
export function isCheckWorker(): boolean {
  // The worker's argv names the tag (so the main thread need not load node:worker_threads to know it is none).
  if (!process.argv.includes(WORKER_TAG)) return false;
  const { isMainThread, workerData } = threads();
  return !isMainThread && (workerData as { tag?: unknown } | null)?.tag === WORKER_TAG;
}

/** The worker's loop: a task in, its outcome out, until the port closes. */
export function runCheckWorker(): void {
  const port = threads().parentPort;
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
function startWorker(script: string): WorkerThreads.Worker {
  const { Worker } = threads();
  const options = { workerData: { tag: WORKER_TAG }, argv: [WORKER_TAG], stdout: false, stderr: false };
  const loader = join(dirname(script), '..', 'bin', 'load-bundle.js');
  if (!existsSync(loader)) return new Worker(script, options);
  return new Worker(`require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(script)});`, { ...options, eval: true });
}

export interface WorkerRunOptions {
  /** Called with each outcome as it comes (in the order of the answers). */
  onOutcome?: (outcome: PageOutcome) => void;
  /** Asked after each answer: true stops the workers, and the run ends with the outcomes so far. */
  cancelled?: () => boolean;
}

/**
 * Checks `tasks` on `workers` worker threads running `script` (the CLI's or the server's bundle); the
 * outcomes in the order of their answers (each names its task's index). A worker that fails (an exception
 * outside a rule) rejects the whole run; the workers are stopped whatever the end.
 */
export function checkInWorkers(
  tasks: readonly PageTask[],
  workers: number,
  script: string,
  options: WorkerRunOptions = {},
): Promise<PageOutcome[]> {
  const outcomes: PageOutcome[] = [];
  let next = 0;
  let settled = false;
  return new Promise((resolve, reject) => {
    const pool: WorkerThreads.Worker[] = [];
    const stop = (): void => {
      settled = true;
      for (const w of pool) void w.terminate();
    };
    const feed = (w: WorkerThreads.Worker): void => {
      if (next >= tasks.length) return;
      try {
        w.postMessage(tasks[next++]);
      } catch (e) {
        // A task that cannot be copied to the thread (DataCloneError) ends the run like a worker's failure.
        stop();
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    if (tasks.length === 0) {
      resolve(outcomes);
      return;
    }
    for (let i = 0; i < Math.max(1, Math.min(workers, tasks.length)); i++) {
      const w = startWorker(script);
      pool.push(w);
      w.on('message', (o: PageOutcome) => {
        if (settled) return;
        outcomes.push(o);
        options.onOutcome?.(o);
        if (outcomes.length === tasks.length || options.cancelled?.() === true) {
          stop();
          resolve(outcomes);
        } else feed(w);
      });
      w.on('error', (e) => {
        if (settled) return;
        stop();
        reject(e);
      });
      feed(w);
    }
  });
}
