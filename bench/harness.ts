/**
 * The child side of the benchmark: one subject (one operation) per process, so its peak RSS is its own.
 * The parent passes a JSON plan as argv[2]; the child prints one `BENCH_RESULT {json}` line.
 * Every subject sees the same pages: warm-up runs use seeds 1001…, measured runs seeds 1…N.
 */
import { performance } from 'node:perf_hooks';
import { generatePage, type GeneratedPage } from './generate';

export interface ChildPlan {
  op: string;
  rows: number;
  warmup: number;
  runs: number;
  /** The core bundle built at run time (our subjects only). */
  core?: string;
  /**
   * Time the child may spend (warm-up included). Past it, warm-up stops early and measuring stops once
   * 3 runs are done (1 when a run takes more than a third of it). The parent does not know how fast a
   * peer is on this machine, under this load, before the first size.
   */
  budgetMs?: number;
}

export interface Measurement {
  /** Wall-clock milliseconds per measured run. */
  times: number[];
  /** CPU milliseconds (user + system, all threads) per measured run: less skewed by other load than wall time. */
  cpu?: number[];
  /** The first call in this fresh process (cold JIT), in ms. */
  first?: number;
  /** Warm-up runs actually done (the budget may cut them short). */
  warmupDone?: number;
  /** Why the subject could not be measured (e.g. the formatter is not built). */
  na?: string;
  info?: Record<string, string | number | boolean>;
}

export interface ChildResult extends Measurement {
  op: string;
  rows: number;
  /** UTF-8 size of the seed-1 page. */
  bytes: number;
  /** maxRSS after loading the subject's code, before the first page (KiB). */
  baseRssKb: number;
  /** maxRSS at the end: the peak of the whole process (KiB). */
  peakRssKb: number;
}

export const RESULT_PREFIX = 'BENCH_RESULT ';
export const WARMUP_SEED = 1001;

/** Keeps results alive so no work is optimised away. */
let sink = 0;
export function consume(v: unknown): void {
  if (v === null || v === undefined) return;
  sink = (sink + (typeof v === 'object' ? 1 : String(v).length)) | 0;
}

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export interface Sample {
  wall: number;
  cpu: number;
}

export function sample(fn: () => unknown): Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  consume(fn());
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Collects samples: warm-up runs count only for `first`. */
export class Samples {
  readonly times: number[] = [];
  readonly cpu: number[] = [];
  first: number | undefined;
  last = 0;
  warmups = 0;

  add(s: Sample, measured: boolean): void {
    this.first ??= s.wall;
    this.last = s.wall;
    if (!measured) {
      this.warmups++;
      return;
    }
    this.times.push(s.wall);
    this.cpu.push(s.cpu);
  }

  result(): Measurement {
    return { times: this.times, cpu: this.cpu, first: this.first, warmupDone: this.warmups };
  }
}

/** The runs to do: `plan.warmup` warm-ups then `plan.runs` measured runs, cut short by the budget. */
export function* schedule(plan: ChildPlan, samples: Samples): Generator<{ index: number; warm: boolean }> {
  const t0 = performance.now();
  const budget = plan.budgetMs ?? Infinity;
  for (let i = 0; i < plan.warmup; i++) {
    if (samples.last > budget / 4) break;
    yield { index: i, warm: true };
  }
  for (let i = 0; i < plan.runs; i++) {
    const over = performance.now() - t0 > budget;
    if (over && (i >= 3 || samples.last > budget / 3)) break;
    yield { index: i, warm: false };
  }
}

/** The page for a run: warm-up runs get other seeds than measured runs, so content caches cannot hit. */
export function pageFor(rows: number, run: number, warmup: boolean): GeneratedPage {
  return generatePage(rows, (warmup ? WARMUP_SEED : 1) + run);
}

/**
 * The common pattern: `prepare` (untimed) then `fn` (timed) on a fresh page per run.
 * `prepare` returns the argument of `fn`.
 */
export function measurePages<T>(
  plan: ChildPlan,
  prepare: (page: GeneratedPage) => T,
  fn: (prepared: T, page: GeneratedPage) => unknown,
): Measurement {
  const samples = new Samples();
  for (const { index, warm } of schedule(plan, samples)) {
    const page = pageFor(plan.rows, index, warm);
    const prepared = prepare(page);
    collectGarbage();
    samples.add(
      sample(() => fn(prepared, page)),
      !warm,
    );
  }
  return samples.result();
}

export type Op = (plan: ChildPlan) => Measurement | Promise<Measurement>;

function isPlan(v: unknown): v is ChildPlan {
  if (!v || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return typeof p.op === 'string' && typeof p.rows === 'number' && typeof p.warmup === 'number' && typeof p.runs === 'number';
}

/** Entry point of a subject file: runs the planned op and prints its result. */
export function runChild(ops: Record<string, Op>): void {
  const plan: unknown = JSON.parse(process.argv[2] ?? 'null');
  if (!isPlan(plan)) throw new Error(`bad plan: ${process.argv[2]}`);
  const op = ops[plan.op] as Op | undefined; // the name comes from the command line
  if (!op) throw new Error(`unknown op ${plan.op}; known: ${Object.keys(ops).join(', ')}`);
  const baseRssKb = process.resourceUsage().maxRSS;
  void Promise.resolve(op(plan)).then((m) => {
    const peakRssKb = process.resourceUsage().maxRSS;
    const bytes = Buffer.byteLength(generatePage(plan.rows, 1).text);
    const result: ChildResult = { ...m, op: plan.op, rows: plan.rows, bytes, baseRssKb, peakRssKb };
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  });
}
