/**
 * Pages checked on worker threads: `check` of a folder in the CLI and the workspace check of the Node
 * language server. The bundle that starts the workers (dist/cli.js, dist/server.js) is also their script:
 * its entry starts `runCheckWorker` when it runs in a worker made here. Each worker keeps one Engine.
 * Two ways to hand out the pages:
 * - the server's (`checkInWorkers`): its own thread stays free for the editor; each worker takes the next
 *   page when it has answered the last, so a big page does not hold back the others;
 * - the CLI's (`HelperPool`): the main thread checks pages too, beside its helpers, every thread taking the
 *   next page from one shared counter (work-stealing without a message per page), so the second core of a
 *   2-core machine works on pages instead of idling while the main thread hands them out.
 * Each answer names its page, so the caller can put them back in the pages' order. Findings cross the
 * thread as plain data (rule, severity, message, range, fixes).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import { Engine, findingCount, severest, type CheckOptions, type Finding, type ResolvedConfig } from '../core';

/** Fewer pages than this are checked on the main thread: starting a worker costs more than they do. */
export const MIN_PAGES_PER_WORKER = 4;
/**
 * The CLI starts one helper per this many pages that need a check. A worker costs ~70 ms of CPU to start on Node 20 before it
 * loads the bundle, and the main thread checks the 49 corpus pages in ~130 ms: measured on the shared 2-core
 * machine (load 3–5), a helper made the corpus 297 → 453 ms (the helper's start took the core the main
 * thread needed) and the 2,000-page wiki no faster; so only a big folder gets one. The tests lower it
 * (RELEASE_PAGES_PAGES_PER_HELPER) to run helpers on a few pages.
 */
export const MIN_PAGES_PER_HELPER = Math.max(1, Number(process.env.RELEASE_PAGES_PAGES_PER_HELPER) || 100);

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
 * The default of the CLI's --jobs (threads checking pages, the main thread included): the cores Node may
 * use. (Before the main thread checked pages itself, two workers beside an idle main thread were 15–25 %
 * slower than one thread on 2 cores.)
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The language server's workers: the cores but one, which its own thread keeps for the editor. */
export function serverJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** How many workers check `pages` pages with `jobs` allowed: none (the main thread) for a few pages. */
export function workersFor(pages: number, jobs: number): number {
  if (jobs <= 1) return 0;
  return Math.min(jobs, Math.floor(pages / MIN_PAGES_PER_WORKER));
}

/**
 * How many helpers (workers beside the main thread, which checks pages too) `jobs` threads want for
 * `pages` pages: none for fewer than MIN_PAGES_PER_HELPER, whose check is over about when a worker has started.
 */
export function helpersFor(pages: number, jobs: number): number {
  if (jobs <= 1) return 0;
  return Math.max(0, Math.min(jobs - 1, Math.floor(pages / MIN_PAGES_PER_HELPER)));
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

/** The CLI's message to a helper: every page of the run and the counter that hands them out. */
interface SharedTasks {
  tasks: readonly PageTask[];
  /** One Int32 over a SharedArrayBuffer: the index of the next page nobody has taken. */
  next: Int32Array;
}

function isShared(message: PageTask | SharedTasks): message is SharedTasks {
  return 'tasks' in message;
}

/** Takes the next page from the shared counter: its index, or -1 when every page is taken. */
function take(shared: SharedTasks): number {
  const i = Atomics.add(shared.next, 0, 1);
  return i < shared.tasks.length ? i : -1;
}

/**
 * The worker's loop: a task in, its outcome out, until the port closes (the server); or, given the run's
 * pages and their shared counter (the CLI), every page it can take, each outcome sent as it is made.
 */
export function runCheckWorker(): void {
  const port = threads().parentPort;
  if (!port) return;
  const engine = new Engine();
  port.on('message', (message: PageTask | SharedTasks) => {
    if (!isShared(message)) {
      port.postMessage(checkTask(engine, message));
      return;
    }
    for (let i = take(message); i >= 0; i = take(message)) port.postMessage(checkTask(engine, message.tasks[i]));
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

/**
 * The CLI's threads for one run: `helpers` workers started now, then `run` checks the pages on the main
 * thread and on the helpers at once. Start one with `startHelpers`; `stop` ends the workers (a run that checks nothing).
 */
export interface HelperPool {
  /**
   * Checks `tasks`: the main thread (`checkHere`, with its own Engine) and the helpers take pages from one
   * counter, the biggest first (the last page taken is a small one, so no thread waits long for another);
   * the outcomes in no particular order (each names its task's index). A helper that fails (an exception
   * outside a rule) or exits rejects the run; the helpers are stopped whatever the end.
   */
  run(tasks: readonly PageTask[], checkHere: (task: PageTask) => PageOutcome): Promise<PageOutcome[]>;
  /** How many pages of the run the threads have taken so far (0 before `run`). */
  taken(): number;
  stop(): void;
}

export function startHelpers(helpers: number, script: string): HelperPool {
  const pool: WorkerThreads.Worker[] = [];
  for (let i = 0; i < helpers; i++) pool.push(startWorker(script));
  const stop = (): void => {
    for (const w of pool) void w.terminate();
  };
  const next = new Int32Array(new SharedArrayBuffer(4));
  let count = 0;
  return {
    stop,
    taken: () => Math.min(Atomics.load(next, 0), count),
    run(tasks, checkHere) {
      // Biggest first; equal sizes keep their order.
      const order = tasks.map((t, i) => ({ t, i })).sort((a, b) => b.t.text.length - a.t.text.length || a.i - b.i);
      const shared: SharedTasks = { tasks: order.map((o) => o.t), next };
      count = tasks.length;
      const outcomes: PageOutcome[] = [];
      // Set from the helpers' events: the first failure, and how to end the run once the main thread is done.
      const state: { failure: Error | null; settle: (() => void) | null } = { failure: null, settle: null };
      const fail = (e: unknown): void => {
        state.failure ??= e instanceof Error ? e : new Error(String(e));
        state.settle?.();
      };
      for (const w of pool) {
        w.on('message', (o: PageOutcome) => {
          outcomes.push(o);
          if (outcomes.length === tasks.length) state.settle?.();
        });
        w.on('error', fail);
        w.on('exit', (code) => fail(new Error(`a check worker stopped (exit code ${code})`)));
        try {
          w.postMessage(shared);
        } catch (e) {
          fail(e); // a task that cannot be copied to the thread (DataCloneError) ends the run like a worker's failure
        }
      }
      // The main thread's share: synchronous, so the helpers' answers wait in the queue until it is done.
      try {
        for (let i = state.failure ? -1 : take(shared); i >= 0; i = take(shared)) outcomes.push(checkHere(shared.tasks[i]));
      } catch (e) {
        stop();
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
      return new Promise<PageOutcome[]>((resolve, reject) => {
        state.settle = (): void => {
          state.settle = null;
          for (const w of pool) w.removeAllListeners();
          stop();
          if (state.failure) reject(state.failure);
          else resolve(outcomes);
        };
        if (state.failure || outcomes.length === tasks.length) state.settle();
      });
    },
  };
}
