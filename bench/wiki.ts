// Over 300 lines: one scenario end to end (data sets, subjects, runs, verdicts, the tables it prints) kept in
// one place so that what is measured and what is printed cannot drift apart.
/**
 * `npm run bench:wiki` (and the end of `npm run bench`) — the work people run: a folder of ordinary
 * pages, each tool as a whole process (start-up included), one after another, on the same files:
 *
 *   tiny      one small release page (start-up), against `node -e 0`
 *   corpus    the 49 real oVirt pages of test/fixtures/corpus
 *   projects  the real pages of other projects in test/fixtures/projects (when present)
 *   readmes   the READMEs of node_modules: ordinary pages, nearly none a release page (detection before parsing)
 *   wiki      a generated wiki of 2,000 pages: the corpus pages varied (years, versions, rows), in 20 folders
 *
 * Subjects: `release-pages check DIR` (worker threads, one per core) and with `--jobs 1`, markdownlint-cli2 (default rules), remark-cli (parse only, with
 * remark-gfm: `--tree-out --no-stdout`), and the floor (read every file, split table lines into cells).
 * Wall time by hrtime around each process, peak RSS from GNU time (`/usr/bin/time -f %M`).
 * Prints the tables, a summary of ours against the peers (the README's table) and the targets of the
 * real-wiki issue with a verdict each (MET / NOT MET) and the machine's load; writes bench/results/wiki.{json,md}.
 * Runs per subject follow the time one run takes (after a warm-up run): as many as fit in a few seconds,
 * at least one and at most the data set's cap, so a slow peer on the big wiki is not run five times. The
 * subjects of a data set run in rounds (each round runs each once), so a slow minute of the machine falls
 * on all of them alike.
 * `--quick`: a 200-page wiki, one run each (to try the script; the targets need the full run).
 *
 * Every subject runs without NODE_EXTRA_CA_CERTS: a machine that sets it (this one does, for its package proxy)
 * makes every Node process parse that bundle of certificates before it starts, about 50 ms that belong to neither
 * tool (none of them opens a connection) and that a user's machine or CI runner does not pay. The tiny data set
 * also times `node -e 0` with it, so the report shows what it costs; `--machine-env` runs every subject with the
 * environment as it is.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/helpers/paths';
import { prng } from './generate';
import { markdownTable, mb, median, ms, ratio } from './stats';

const TIME = '/usr/bin/time';
const NODE = process.execPath;
const CLI = join(ROOT, 'bin', 'release-pages.js');
const MARKDOWNLINT = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const REMARK = join(ROOT, 'node_modules', 'remark-cli', 'cli.js');
const REMARK_GFM = join(ROOT, 'node_modules', 'remark-gfm', 'index.js');
const FLOOR = join(ROOT, 'out', 'bench', 'wiki-floor.js');
const RESULTS = join(ROOT, 'bench', 'results');

interface Subject {
  id: 'node' | 'node, machine env' | 'ours' | 'ours --jobs 1' | 'markdownlint-cli2' | 'remark-cli' | 'floor';
  /** The command for a folder (run with the folder as working directory). */
  args(dir: string): string[];
  /** Exit codes that mean "ran to the end" (a linter exits 1 when it finds problems). */
  ok: readonly number[];
  /** The environment to run in, when not SUBJECT_ENV. */
  env?: NodeJS.ProcessEnv;
}

const SUBJECTS: Subject[] = [
  { id: 'ours', args: (dir) => [CLI, 'check', dir], ok: [0, 1] },
  { id: 'ours --jobs 1', args: (dir) => [CLI, 'check', dir, '--jobs', '1'], ok: [0, 1] },
  { id: 'markdownlint-cli2', args: () => [MARKDOWNLINT, '**/*.md'], ok: [0, 1] },
  { id: 'remark-cli', args: () => [REMARK, '.', '--use', REMARK_GFM, '--quiet', '--no-stdout', '--tree-out'], ok: [0] },
  { id: 'floor', args: (dir) => [FLOOR, dir], ok: [0] },
];
const NODE_ONLY: Subject = { id: 'node', args: () => ['-e', '0'], ok: [0] };

const MACHINE_ENV = process.argv.includes('--machine-env');
/** The variable left out of the subjects' environment (see the header), when this machine sets it. */
const LEFT_OUT = MACHINE_ENV ? undefined : process.env.NODE_EXTRA_CA_CERTS;
const SUBJECT_ENV: NodeJS.ProcessEnv = { ...process.env };
if (!MACHINE_ENV) delete SUBJECT_ENV.NODE_EXTRA_CA_CERTS;
/** `node -e 0` with the environment as it is, beside NODE_ONLY: what the left-out variable costs each process. */
const NODE_MACHINE_ENV: Subject = { id: 'node, machine env', args: () => ['-e', '0'], ok: [0], env: process.env };

interface DataSet {
  id: string;
  what: string;
  dir: string;
  pages: number;
  bytes: number;
  /** At most this many measured runs per subject (fewer when one run is slow: see `runsFor`). */
  runs: number;
  subjects: Subject[];
}

/** The measured runs of a subject whose warm-up took `warmupMs`: what fits in RUN_BUDGET_MS, at least 1, at most `cap`. */
export function runsFor(warmupMs: number, cap: number): number {
  return Math.max(1, Math.min(cap, Math.floor(RUN_BUDGET_MS / Math.max(1, warmupMs))));
}

/** The wall time the measured runs of one subject on one data set may take together (about). */
const RUN_BUDGET_MS = 8_000;

interface Measured {
  set: string;
  subject: Subject['id'];
  runs: number[];
  medianMs: number;
  minMs: number;
  peakRssKb: number | null;
  /** The 1-minute load average when the runs ended (the machine may be shared). */
  load: number;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(md|markdown)$/.test(f) && statSync(join(dir, f)).isFile())
    .sort();
}

/** Copies the pages (not SOURCES.md or snapshots) of a fixture folder into `to`. */
function copyPages(from: string, to: string): void {
  for (const f of markdownFiles(from)) {
    if (/(^|\/)(SOURCES|README)\.md$|__snapshots__/.test(f)) continue;
    mkdirSync(join(to, f, '..'), { recursive: true });
    cpSync(join(from, f), join(to, f));
  }
}

/** One corpus page varied: years shifted, release versions bumped, table rows duplicated or dropped. */
export function varyPage(text: string, i: number, random: () => number): string {
  const shift = i % 7;
  const bump = Math.floor(i / 49);
  const lines = text
    .replace(/\b(20[01]\d)\b/g, (y) => String(Number(y) + shift))
    .replace(/\b([34])\.(\d+)\b/g, (_, major: string, minor: string) => `${major}.${Number(minor) + bump}`)
    .split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const row = /^\|[^-]/.test(line) && !/^\|\s*:?-+/.test(line);
    if (row && random() < 0.08) continue;
    out.push(line);
    if (row && random() < 0.3) out.push(line.replace(/^\|\s*([^|]*?)\s*\|/, (_, first: string) => `| ${first} (${i}) |`));
  }
  return out.join('\n');
}

/** The README of each installed package (scoped ones too), as `NAME.md`: the ordinary pages a folder check meets. */
function copyReadmes(nodeModules: string, to: string): number {
  mkdirSync(to, { recursive: true });
  let n = 0;
  const packages = readdirSync(nodeModules).flatMap((name) =>
    name.startsWith('@') ? readdirSync(join(nodeModules, name)).map((sub) => `${name}/${sub}`) : name.startsWith('.') ? [] : [name],
  );
  for (const pkg of packages) {
    const from = join(nodeModules, pkg, 'README.md');
    if (!existsSync(from) || statSync(from).size > 1_000_000) continue;
    cpSync(from, join(to, `${pkg.replace('/', '__')}.md`));
    n++;
  }
  return n;
}

function generateWiki(corpus: string, to: string, pages: number): void {
  const sources = markdownFiles(corpus)
    .filter((f) => !/SOURCES\.md$/.test(f))
    .map((f) => readFileSync(join(corpus, f), 'utf8'));
  const random = prng(2000);
  for (let i = 0; i < pages; i++) {
    const dir = join(to, `section-${String(i % 20).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `page-${String(i).padStart(4, '0')}.md`), varyPage(sources[i % sources.length], i, random));
  }
}

function dataSet(id: string, what: string, dir: string, runs: number, subjects: Subject[]): DataSet {
  const files = markdownFiles(dir);
  const bytes = files.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  return { id, what, dir, pages: files.length, bytes, runs, subjects };
}

/** One whole process: wall milliseconds and peak RSS (KiB). */
function runOnce(subject: Subject, dir: string, rssFile: string): { ms: number; rssKb: number | null } {
  const useTime = existsSync(TIME);
  const [cmd, args] = useTime ? [TIME, ['-f', '%M', '-o', rssFile, NODE, ...subject.args(dir)]] : [NODE, subject.args(dir)];
  const start = process.hrtime.bigint();
  const env = subject.env ?? SUBJECT_ENV;
  const r = spawnSync(cmd, args, { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status === null || !subject.ok.includes(r.status))
    throw new Error(`${subject.id} in ${dir} exited ${r.status ?? r.signal}: ${r.stderr.toString().slice(0, 400)}`);
  const rss = useTime && existsSync(rssFile) ? Number(/(\d+)\s*$/.exec(readFileSync(rssFile, 'utf8'))?.[1]) : NaN;
  return { ms: elapsed, rssKb: Number.isFinite(rss) ? rss : null };
}

/** One subject's runs on a data set, being measured. */
interface Series {
  subject: Subject;
  runs: number[];
  peak: number | null;
  /** Measured runs still to make. */
  left: number;
  load: number;
}

/**
 * Every subject of `set` measured in rounds, each round running each subject once (after one warm-up
 * each: files in the page cache, compile caches filled), so that a slow minute of a shared machine falls
 * on all of them alike, not on whichever subject ran then (the ratios, and the tiny page's start-up
 * over `node -e 0`, compare neighbouring runs). `failed` gets a peer that cannot run here.
 */
function measureSet(set: DataSet, tmp: string, failed: (subject: Subject, e: unknown) => void): Measured[] {
  const rssFile = join(tmp, 'rss.txt');
  const series: Series[] = [];
  for (const subject of set.subjects) {
    let warmup: { ms: number; rssKb: number | null };
    try {
      warmup = runOnce(subject, set.dir, rssFile);
    } catch (e) {
      failed(subject, e);
      continue;
    }
    // A run longer than the whole budget is measured once: its warm-up is that run (start-up and cold caches are
    // a small share of it), so a peer that takes a minute on the big wiki is not run twice.
    const once = warmup.ms > RUN_BUDGET_MS;
    series.push({
      subject,
      runs: once ? [warmup.ms] : [],
      peak: once ? warmup.rssKb : null,
      left: once ? 0 : runsFor(warmup.ms, set.runs),
      load: os.loadavg()[0],
    });
  }
  while (series.some((x) => x.left > 0)) {
    for (const x of series) {
      if (x.left === 0) continue;
      const r = runOnce(x.subject, set.dir, rssFile);
      x.runs.push(r.ms);
      if (r.rssKb !== null) x.peak = Math.max(x.peak ?? 0, r.rssKb);
      x.left--;
      x.load = os.loadavg()[0];
    }
  }
  return series.map((x) => ({
    set: set.id,
    subject: x.subject.id,
    runs: x.runs,
    medianMs: median(x.runs),
    minMs: Math.min(...x.runs),
    peakRssKb: x.peak,
    load: x.load,
  }));
}

interface Target {
  what: string;
  limit: string;
  measured: string;
  verdict: 'MET' | 'NOT MET' | 'not measured';
}

function targets(results: readonly Measured[]): Target[] {
  const get = (set: string, subject: Subject['id']): Measured | undefined => results.find((r) => r.set === set && r.subject === subject);
  const atMost = (what: string, value: number | undefined, limit: number, unit: string): Target =>
    value === undefined
      ? { what, limit: `≤ ${limit} ${unit}`, measured: '–', verdict: 'not measured' }
      : { what, limit: `≤ ${ms(limit)} ${unit}`, measured: `${ms(value)} ${unit}`, verdict: value <= limit ? 'MET' : 'NOT MET' };
  const ours = get('corpus', 'ours')?.medianMs;
  const lint = get('corpus', 'markdownlint-cli2')?.medianMs;
  const speedup = ours !== undefined && lint !== undefined ? lint / ours : undefined;
  const tiny = get('tiny', 'ours')?.medianMs;
  const node = get('tiny', 'node')?.medianMs;
  return [
    atMost('49-page corpus, whole process', ours, 500, 'ms'),
    {
      what: '49-page corpus: markdownlint-cli2 ÷ ours',
      limit: '≥ 7×',
      measured: speedup === undefined ? '–' : ratio(lint, ours),
      verdict: speedup === undefined ? 'not measured' : speedup >= 7 ? 'MET' : 'NOT MET',
    },
    atMost(`${QUICK ? '200' : '2,000'}-page wiki, whole process`, get('wiki', 'ours')?.medianMs, 10_000, 'ms'),
    atMost('a tiny page: start-up over `node -e 0`', tiny !== undefined && node !== undefined ? tiny - node : undefined, 40, 'ms'),
  ];
}

/** Ours against the peers, one row per data set: the README's table (docs/performance.md explains it). */
function summary(sets: readonly DataSet[], results: readonly Measured[]): string {
  const get = (set: string, subject: Subject['id']): Measured | undefined => results.find((r) => r.set === set && r.subject === subject);
  return markdownTable(
    ['data set', 'pages', 'ours ms', 'ours --jobs 1 ms', 'markdownlint-cli2 ÷ ours', 'remark-cli ÷ ours', 'load'],
    sets.map((set) => {
      const ours = get(set.id, 'ours');
      return [
        set.id,
        String(set.pages),
        ms(ours?.medianMs),
        ms(get(set.id, 'ours --jobs 1')?.medianMs),
        ratio(get(set.id, 'markdownlint-cli2')?.medianMs, ours?.medianMs),
        ratio(get(set.id, 'remark-cli')?.medianMs, ours?.medianMs),
        ours ? ours.load.toFixed(1) : '–',
      ];
    }),
    [false, true, true, true, true, true, true],
  );
}

/** What the load says about the figures: with more runnable work than cores, the wall times measure the machine. */
function loadVerdict(load: number[][]): string {
  const cores = os.availableParallelism();
  const worst = Math.max(load[0][0], load[1][0]);
  return worst > cores
    ? `**Load average ${worst.toFixed(1)} on ${cores} cores: other work was running; these wall times measure the machine as much as the tools. Take the figures on a quiet machine.**`
    : `Load average at most ${worst.toFixed(1)} on ${cores} cores: a quiet machine.`;
}

function render(sets: readonly DataSet[], results: readonly Measured[], load: number[][], checks: readonly Target[]): string {
  const parts = [
    `# Real-wiki benchmark\n`,
    `${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · load average before ${load[0].map((l) => l.toFixed(2)).join(' ')}, after ${load[1].map((l) => l.toFixed(2)).join(' ')}${QUICK ? ' · --quick' : ''}\n`,
    `${loadVerdict(load)}\n`,
    `${environment(results)}\n`,
    "Each cell: median wall time of the whole process (start-up included) over the runs after one warm-up (runs: as many as fit in about 8 s, up to the data set's cap; a run over 8 s is measured once, without a warm-up), the subjects of a data set run in rounds (one run of each per round); peak RSS the largest of the runs.\n",
    '## Ours against the peers\n',
    `${summary(sets, results)}\n`,
  ];
  for (const set of sets) {
    const rows = results.filter((r) => r.set === set.id);
    const ours = rows.find((r) => r.subject === 'ours');
    parts.push(`## ${set.id}: ${set.what} (${set.pages} pages, ${Math.round(set.bytes / 1024)} KB, at most ${set.runs} runs)\n`);
    parts.push(
      markdownTable(
        ['subject', 'median ms', 'min ms', 'runs', 'peak RSS MB', 'time ÷ ours', 'load'],
        rows.map((r) => [
          r.subject,
          ms(r.medianMs),
          ms(r.minMs),
          String(r.runs.length),
          mb(r.peakRssKb),
          ratio(r.medianMs, ours?.medianMs),
          r.load.toFixed(1),
        ]),
        [false, true, true, true, true, true, true],
      ) + '\n',
    );
  }
  parts.push(`## Targets (${checks.filter((t) => t.verdict === 'MET').length} of ${checks.length} met)\n`);
  parts.push(
    markdownTable(
      ['target', 'limit', 'measured', 'verdict'],
      checks.map((t) => [t.what, t.limit, t.measured, t.verdict]),
    ) + '\n',
  );
  parts.push(`${aboveNode(results)}\n`);
  return parts.join('\n');
}

/** Not a target, for reading the ratio: both tools pay Node's own start (`node -e 0`), which is the larger share of ours. The corpus ratio without it. */
function aboveNode(results: readonly Measured[]): string {
  const get = (set: string, subject: Subject['id']): number | undefined =>
    results.find((r) => r.set === set && r.subject === subject)?.medianMs;
  const node = get('tiny', 'node');
  const ours = get('corpus', 'ours');
  const lint = get('corpus', 'markdownlint-cli2');
  if (node === undefined || ours === undefined || lint === undefined) return '';
  return (
    `Not a target: on the corpus, above \`node -e 0\` (${ms(node)} ms here, paid by both), markdownlint-cli2 takes ` +
    `${ms(lint - node)} ms and ours ${ms(ours - node)} ms: ${ratio(lint - node, ours - node)}.`
  );
}

/** Which environment the subjects ran in, and what this machine's NODE_EXTRA_CA_CERTS costs a process. */
function environment(results: readonly Measured[]): string {
  if (MACHINE_ENV)
    return `Subjects ran with the environment as it is (\`--machine-env\`): NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'not set'}.`;
  if (LEFT_OUT === undefined) return 'NODE_EXTRA_CA_CERTS is not set on this machine.';
  const get = (subject: Subject['id']): number | undefined => results.find((r) => r.set === 'tiny' && r.subject === subject)?.medianMs;
  const [bare, withIt] = [get('node'), get('node, machine env')];
  const cost = bare !== undefined && withIt !== undefined ? ` (\`node -e 0\` ${ms(withIt)} ms with it, ${ms(bare)} ms without)` : '';
  return (
    `Every subject ran without NODE_EXTRA_CA_CERTS, which this machine sets (\`${LEFT_OUT}\`): with it each Node process ` +
    `first parses that bundle of certificates${cost}, a cost that belongs to neither tool (none opens a connection) and that ` +
    'a machine without the variable does not pay. `--machine-env` keeps it.'
  );
}

const QUICK = process.argv.includes('--quick');

function main(): void {
  if (!existsSync(FLOOR)) throw new Error(`${FLOOR} is missing: run \`node scripts/build.mjs\` first`);
  const tmp = mkdtempSync(join(os.tmpdir(), 'release-pages-wiki-'));
  const load = [os.loadavg()];
  try {
    const corpus = join(tmp, 'corpus');
    copyPages(join(ROOT, 'test', 'fixtures', 'corpus'), corpus);
    const tiny = join(tmp, 'tiny');
    mkdirSync(tiny);
    writeFileSync(join(tiny, 'page.md'), '# oVirt 9.9 Release Management\n\n## Timeline\n\n- **GA**: 2030-01-15\n');
    const sets: DataSet[] = [
      dataSet('tiny', 'one small release page', tiny, QUICK ? 1 : 20, [
        NODE_ONLY,
        ...(LEFT_OUT !== undefined ? [NODE_MACHINE_ENV] : []),
        ...SUBJECTS.filter((s) => s.id !== 'ours --jobs 1'),
      ]),
      dataSet('corpus', 'the real oVirt pages', corpus, QUICK ? 1 : 5, SUBJECTS),
    ];
    const projects = join(ROOT, 'test', 'fixtures', 'projects');
    if (existsSync(projects)) {
      copyPages(projects, join(tmp, 'projects'));
      sets.push(dataSet('projects', 'real pages of other projects', join(tmp, 'projects'), QUICK ? 1 : 5, SUBJECTS));
    }
    const readmes = join(tmp, 'readmes');
    if (copyReadmes(join(ROOT, 'node_modules'), readmes) > 0)
      sets.push(
        dataSet('readmes', 'ordinary pages: the READMEs of node_modules (detection before parsing)', readmes, QUICK ? 1 : 3, SUBJECTS),
      );
    const wiki = join(tmp, 'wiki');
    generateWiki(corpus, wiki, QUICK ? 200 : 2000);
    sets.push(dataSet('wiki', 'generated from the corpus, varied', wiki, QUICK ? 1 : 3, SUBJECTS));
    const results: Measured[] = [];
    const skipped: string[] = [];
    for (const set of sets) {
      const failed = (subject: Subject, e: unknown): void => {
        // A peer that cannot run here (a package missing from node_modules) is reported, not fatal; ours must run.
        if (subject.id === 'ours' || subject.id === 'ours --jobs 1') throw e;
        const reason = (e instanceof Error ? e.message : String(e)).split('\n').find((l) => /Error/.test(l)) ?? String(e);
        log(`${set.id.padEnd(9)} ${subject.id.padEnd(18)} NOT RUN: ${reason.slice(0, 200)}`);
        skipped.push(`${set.id} · ${subject.id}: ${reason.slice(0, 200)}`);
      };
      for (const m of measureSet(set, tmp, failed)) {
        results.push(m);
        log(
          `${set.id.padEnd(9)} ${m.subject.padEnd(18)} ${ms(m.medianMs).padStart(8)} ms  ${mb(m.peakRssKb).padStart(4)} MB  load ${m.load.toFixed(1)}`,
        );
      }
    }
    load.push(os.loadavg());
    const checks = targets(results);
    const text =
      render(sets, results, load, checks) + (skipped.length > 0 ? `\n## Not run\n\n${skipped.map((x) => `- ${x}`).join('\n')}\n` : '');
    process.stdout.write(`\n${text}`);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(
      join(RESULTS, 'wiki.json'),
      `${JSON.stringify({ load, sets: sets.map(({ subjects, ...info }) => ({ ...info, subjects: subjects.map((x) => x.id) })), results, targets: checks }, null, 2)}\n`,
    );
    writeFileSync(join(RESULTS, 'wiki.md'), text);
    log('wrote bench/results/wiki.json and bench/results/wiki.md');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
