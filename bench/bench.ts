/**
 * `npm run bench` — our engine against its peers on the same synthetic release pages, plus the language
 * server round trip. Each subject runs in its own child process (its peak RSS is its own), one at a
 * time. Prints the tables and writes bench/results/latest.{json,md}.
 *
 *   npm run bench                 100, 1,000, 10,000 and 50,000 rows (~10 min on 2 idle cores)
 *   npm run bench -- --quick      100 and 1,000 rows, LSP at 1,000 rows
 *   npm run bench -- --profile    CPU profiles of the incremental re-check and of the server (10,000 rows)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/helpers/paths';
import { buildCore, removeCore, type CoreBundle } from './core';
import { RESULT_PREFIX, type ChildPlan, type ChildResult } from './harness';
import { responsiveness, roundTrip, type LspRoundTrip, type Responsiveness } from './lsp';
import { runProfiles } from './profile';
import { structural, type StructuralResult } from './structural-edits';
import { evaluateTargets, LABELS, render, type Results, type SubjectId, type SubjectResult } from './report';
import { median, ms, rowsLabel } from './stats';

interface Spec {
  id: SubjectId;
  file: string;
  op: string;
}

const SPECS: Spec[] = [
  { id: 'ours-check', file: 'subject-ours.js', op: 'check' },
  { id: 'ours-incremental', file: 'subject-ours.js', op: 'incremental' },
  { id: 'ours-format', file: 'subject-ours.js', op: 'format' },
  { id: 'ours-format-cold', file: 'subject-ours.js', op: 'format-cold' },
  { id: 'ours-status', file: 'subject-ours.js', op: 'status' },
  { id: 'ours-history', file: 'subject-ours.js', op: 'history' },
  { id: 'markdownlint', file: 'peer-markdownlint.js', op: 'lint' },
  { id: 'remark', file: 'peer-remark.js', op: 'parse' },
  { id: 'markdown-it', file: 'peer-markdown-it.js', op: 'parse' },
  { id: 'scan', file: 'peer-scan.js', op: 'scan' },
];

/** Runs per size when a subject is fast enough; slower ones get fewer (see plan()). */
const DEFAULTS: Record<number, { warmup: number; runs: number }> = {
  100: { warmup: 5, runs: 20 },
  1000: { warmup: 3, runs: 15 },
  10000: { warmup: 2, runs: 10 },
  50000: { warmup: 1, runs: 5 },
};
/** Time one child may spend running its subject (warm-up included). */
const BUDGET_MS: Record<number, number> = { 100: 8_000, 1000: 15_000, 10000: 30_000, 50000: 60_000 };
/** At 50,000 rows, a subject whose one run is expected to exceed this is skipped (smaller pages always run). */
const SKIP_MS = 60_000;
const SKIP_FROM_ROWS = 50_000;

const OUT = join(ROOT, 'out', 'bench');
const RESULTS = join(ROOT, 'bench', 'results');

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Expected ms of one run, from the medians at smaller sizes (growth exponent from the last two, 1…2). */
function estimate(done: readonly SubjectResult[], id: SubjectId, rows: number): number | null {
  const pts = done
    .filter((s) => s.subject === id && s.state === 'ok' && s.medianMs !== null && s.rows < rows)
    .sort((a, b) => a.rows - b.rows);
  const last = pts.at(-1);
  if (!last || last.medianMs === null) return null;
  const prev = pts.at(-2);
  let exp = 1.2;
  if (prev?.medianMs) exp = Math.min(2, Math.max(1, Math.log(last.medianMs / prev.medianMs) / Math.log(last.rows / prev.rows)));
  return last.medianMs * (rows / last.rows) ** exp;
}

function plan(done: readonly SubjectResult[], spec: Spec, rows: number): { warmup: number; runs: number; est: number | null } | string {
  const base = spec.id === 'ours-incremental' ? { warmup: 5, runs: 20 } : (DEFAULTS[rows] ?? { warmup: 1, runs: 3 });
  const est = estimate(done, spec.id, rows);
  if (est === null || est * (base.warmup + base.runs) <= BUDGET_MS[rows]) return { ...base, est };
  if (est > SKIP_MS && rows >= SKIP_FROM_ROWS)
    return `skipped: one run would take ~${Math.round(est / 1000)} s (> ${SKIP_MS / 1000} s), estimated from the smaller pages`;
  const warmup = est < 2_000 ? 1 : 0;
  return { warmup, runs: Math.max(1, Math.min(base.runs, Math.floor(BUDGET_MS[rows] / est) - warmup)), est };
}

/** What a child that died said: its error's line (`RangeError: Maximum call stack size exceeded`), else its last lines. */
function failure(stderr: string): string {
  const lines = stderr.trim().split('\n');
  return lines.find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? lines.slice(-3).join(' ');
}

function runChild(spec: Spec, p: ChildPlan, timeoutMs: number): Promise<ChildResult | string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', join(OUT, spec.file), JSON.stringify(p)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line) resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
      else if (signal === 'SIGKILL') resolve(`failed: killed after ${Math.round(timeoutMs / 1000)} s`);
      else resolve(`failed (exit ${code}): ${failure(stderr).slice(0, 300)}`);
    });
  });
}

function empty(spec: Spec, rows: number, state: SubjectResult['state'], note: string): SubjectResult {
  return {
    subject: spec.id,
    rows,
    bytes: null,
    state,
    note,
    warmup: 0,
    times: [],
    cpu: [],
    medianMs: null,
    cpuMedianMs: null,
    firstMs: null,
    peakRssKb: null,
    baseRssKb: null,
    info: {},
  };
}

async function measure(done: SubjectResult[], spec: Spec, rows: number, core: CoreBundle): Promise<SubjectResult> {
  const p = plan(done, spec, rows);
  if (typeof p === 'string') return empty(spec, rows, 'skipped', p);
  const timeout = Math.min(600_000, Math.max(120_000, 3 * (p.est ?? 0) * (p.warmup + p.runs)));
  const r = await runChild(
    spec,
    { op: spec.op, rows, warmup: p.warmup, runs: p.runs, core: core.path, budgetMs: BUDGET_MS[rows] },
    timeout,
  );
  if (typeof r === 'string') return empty(spec, rows, 'failed', r);
  if (r.na) return { ...empty(spec, rows, 'n/a', r.na), bytes: r.bytes };
  return {
    subject: spec.id,
    rows,
    bytes: r.bytes,
    state: 'ok',
    note: '',
    warmup: r.warmupDone ?? p.warmup,
    times: r.times,
    cpu: r.cpu ?? [],
    medianMs: median(r.times),
    cpuMedianMs: r.cpu?.length ? median(r.cpu) : null,
    firstMs: r.first ?? null,
    peakRssKb: r.peakRssKb,
    baseRssKb: r.baseRssKb,
    info: r.info ?? {},
  };
}

function machine(start: number[]): Results['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? '?',
    node: process.version,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    loadavgStart: start,
    loadavgEnd: os.loadavg(),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  mkdirSync(RESULTS, { recursive: true });
  if (args.includes('--profile')) {
    const rowsArg = args.find((a) => a.startsWith('--rows='));
    const core = await buildCore();
    try {
      await runProfiles(rowsArg ? Number(rowsArg.slice(7)) : 10_000, core);
    } finally {
      removeCore(core);
    }
    return;
  }
  const t0 = Date.now();
  const loadStart = os.loadavg();
  log(`load average ${loadStart.map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  const core = await buildCore();
  try {
    await benchmark(quick, core, t0, loadStart);
  } finally {
    removeCore(core);
  }
}

async function benchmark(quick: boolean, core: CoreBundle, t0: number, loadStart: number[]): Promise<void> {
  const notes: string[] = [];
  for (const [part, p] of Object.entries(core.parts)) {
    log(`core: ${part} ${p.module ?? `n/a (${p.note})`}`);
    if (!p.module) notes.push(`${part}: n/a (${p.note})`);
  }
  const sizes = quick ? [100, 1000] : [100, 1000, 10000, 50000];
  const subjects: SubjectResult[] = [];
  for (const rows of sizes) {
    for (const spec of SPECS) {
      const r = await measure(subjects, spec, rows, core);
      subjects.push(r);
      log(
        `${rowsLabel(rows).padStart(6)} rows  ${LABELS[spec.id].padEnd(36)} ${r.state === 'ok' ? `${ms(r.medianMs)} ms (${r.times.length} runs)` : `${r.state} ${r.note}`}`,
      );
      if (r.state === 'skipped' || r.state === 'failed') notes.push(`${rowsLabel(rows)} rows, ${LABELS[spec.id]}: ${r.note}`);
    }
  }
  const lsp: LspRoundTrip[] = [];
  for (const rows of quick ? [1000] : [1000, 10000, 50000]) {
    const l = await roundTrip(rows, 20, rows >= 50_000 ? 2 : 3);
    lsp.push(l);
    log(`${rowsLabel(rows).padStart(6)} rows  LSP didChange → publishDiagnostics ${ms(median(l.times))} ms (open ${ms(l.openMs)} ms)`);
  }
  const structuralResults: StructuralResult[] = [];
  for (const rows of quick ? [1000] : [10000, 50000]) {
    const s = await structural(rows, rows >= 50_000 ? 10 : 15, 3);
    structuralResults.push(s);
    log(
      `${rowsLabel(rows).padStart(6)} rows  structural edits (median ms): ${Object.entries(s.times)
        .map(([k, t]) => `${k} ${ms(median(t))}`)
        .join(', ')}`,
    );
  }
  let resp: Responsiveness | null = null;
  if (!quick) {
    resp = await responsiveness(50_000, 3);
    log(`50,000 rows  ${resp.method} during a cold check: ${resp.latencies.map(ms).join(', ')} ms`);
  }
  const partial: Omit<Results, 'targets'> = {
    date: new Date().toISOString(),
    quick,
    machine: machine(loadStart),
    sizes,
    core: core.parts,
    subjects,
    lsp,
    responsiveness: resp,
    structural: structuralResults,
    elapsedS: (Date.now() - t0) / 1000,
    notes,
  };
  const results: Results = { ...partial, targets: evaluateTargets(partial) };
  const text = render(results);
  process.stdout.write(`\n${text}`);
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS, 'latest.md'), text);
  log(`\nwrote bench/results/latest.json and bench/results/latest.md`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
