/**
 * `npm run bench -- --profile [--rows=N]`: CPU profiles (node --cpu-prof) of our incremental re-check
 * in-process and of the language server during didChange round trips, restricted to the measured
 * window, summarised as the functions with the most self time. Profiles stay in bench/results/profiles/,
 * the summary in bench/results/profile-<rows>.md.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../test/helpers/paths';
import type { CoreBundle } from './core';
import { RESULT_PREFIX, type ChildResult } from './harness';
import { roundTrip } from './lsp';
import { markdownTable, median, ms } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The source module of a line of an esbuild bundle (esbuild marks each module with `// path/to/file.ts`). */
const modules = new Map<string, Array<{ line: number; file: string }>>();
function moduleOf(url: string, line: number): string | null {
  if (!url.startsWith('file://')) return null;
  let marks = modules.get(url);
  if (!marks) {
    marks = [];
    try {
      readFileSync(fileURLToPath(url), 'utf8')
        .split('\n')
        .forEach((l, i) => {
          const m = /^\/\/ ((?:server|client|test|bench|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(l);
          if (m && marks) marks.push({ line: i, file: m[1] });
        });
    } catch {
      // not readable: no module names
    }
    modules.set(url, marks);
  }
  let found: string | null = null;
  for (const m of marks) {
    if (m.line > line) break;
    found = m.file;
  }
  return found;
}

export interface Hotspot {
  fn: string;
  where: string;
  selfMs: number;
  share: number;
}

/** Self time per function within [fromUs, toUs] (the whole profile when the window does not overlap it). */
export function hotspots(
  profile: CpuProfile,
  window: [number, number] | null,
  top = 15,
): { total: number; windowed: boolean; rows: Hotspot[]; modules: Hotspot[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const windowed = window !== null && window[0] < profile.endTime && window[1] > profile.startTime;
  const self = new Map<string, { fn: string; where: string; us: number }>();
  const perModule = new Map<string, number>();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (windowed && (t < window[0] || t > window[1])) continue;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const mod = url
      ? (moduleOf(url, lineNumber)?.replace(/^node_modules\//, '') ?? basename(url))
      : functionName.startsWith('(')
        ? functionName
        : '(V8 builtins, JSON, RegExp)';
    const where = url ? `${mod} (${basename(url)}:${lineNumber + 1})` : '';
    perModule.set(mod, (perModule.get(mod) ?? 0) + dt);
    const key = `${functionName}@${where}`;
    const e = self.get(key) ?? { fn: functionName || '(anonymous)', where, us: 0 };
    e.us += dt;
    self.set(key, e);
    total += dt;
  }
  const rows = [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: e.us / 1000, share: total ? e.us / total : 0 }));
  const modules = [...perModule]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([m, us]) => ({ fn: m, where: '', selfMs: us / 1000, share: total ? us / total : 0 }));
  return { total: total / 1000, windowed, rows, modules };
}

function table(h: ReturnType<typeof hotspots>): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  return [
    markdownTable(
      ['function', 'where', 'self ms', 'share'],
      h.rows.map((r) => [r.fn, r.where, ms(r.selfMs), pct(r.share)]),
      [false, false, true, true],
    ),
    '',
    markdownTable(
      ['module (self time)', 'self ms', 'share'],
      h.modules.map((r) => [r.fn, ms(r.selfMs), pct(r.share)]),
      [false, true, true],
    ),
  ].join('\n');
}

function newest(dir: string, since: number, prefix: string): string | null {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).mtimeMs >= since);
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0] ?? null;
}

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

export async function runProfiles(rows: number, core: CoreBundle): Promise<void> {
  const dir = join(ROOT, 'bench', 'results', 'profiles');
  mkdirSync(dir, { recursive: true });

  // 1. The incremental re-check in-process (the subject-ours `incremental` op), 40 measured edits; no
  //    --expose-gc, so collections in the profile are the engine's own.
  const name = `incremental-${rows}.cpuprofile`;
  const plan = { op: 'incremental', rows, warmup: 5, runs: 40, core: core.path };
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${dir}`,
        `--cpu-prof-name=${name}`,
        join(ROOT, 'out', 'bench', 'subject-ours.js'),
        JSON.stringify(plan),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let s = '';
    child.stdout.on('data', (d: Buffer) => (s += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(s) : reject(new Error(`profiled child exited ${code}`))));
  });
  const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  const r = line ? (JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult) : null;
  const win =
    r?.info && typeof r.info.windowStartUs === 'number' && typeof r.info.windowEndUs === 'number'
      ? ([r.info.windowStartUs, r.info.windowEndUs] as [number, number])
      : null;
  const inc = hotspots(JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile, win);
  const report: string[] = [];
  const print = (text: string): void => {
    report.push(text);
    process.stdout.write(text);
  };
  print(
    `\nIncremental re-check, ${rows} rows, one-cell edit (median ${ms(r ? median(r.times) : null)} ms under the profiler; ${inc.windowed ? 'measured edits only' : 'whole process'}, ${ms(inc.total)} ms sampled):\n\n${table(inc)}\n`,
  );

  // 2. The server during didChange → publishDiagnostics round trips (JSON-RPC, TextDocument, publishing included).
  const since = Date.now();
  const before = nowUs();
  const lsp = await roundTrip(rows, 30, 3, dir);
  const file = newest(dir, since, 'server-');
  if (!file) {
    print('\n(no server profile was written)\n');
    writeFileSync(join(dir, '..', `profile-${rows}.md`), report.join(''));
    return;
  }
  const srv = hotspots(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, lsp.windowUs ?? [before, nowUs()]);
  print(
    `\nServer during didChange → publishDiagnostics, ${rows} rows (median ${ms(median(lsp.times))} ms under the profiler; ${srv.windowed ? 'measured edits only' : 'whole process'}, ${ms(srv.total)} ms sampled):\n\n${table(srv)}\n\nProfiles: ${join(dir, name)}, ${file} (open in Chrome DevTools or VS Code).\n`,
  );
  writeFileSync(join(dir, '..', `profile-${rows}.md`), report.join(''));
}
