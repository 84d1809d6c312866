// The whole test run (`npm test` = build, then this): the static checks (typecheck, lint, format), unit tests
// (with coverage of server/src, shared and client/src), LSP tests, the integration suites in a real
// VS Code (its Node extension host, then its web worker extension host), the status preview, the package and the packaged .vsix. Prints each stage's result and,
// last, one line `N passed, N failed[, N skipped]`. A stage that cannot run here is SKIPPED loudly and
// makes the run fail unless RELEASE_PAGES_ALLOW_SKIP=1.
// Debian packages a stage needs (Chromium, code-server's build headers, Neovim, pre-commit) are installed
// first, in one apt-get run, when this user may (root or password-less sudo); else that stage is SKIPPED
// with the command to run.
// Usage: node out/scripts/test.js [static] [unit] [lsp] [tools] [integration] [web] [preview] [vsix]   (no argument: all, in this order)
//        node out/scripts/test.js --update   (`npm run test:update`: rewrite the snapshots, never in CI; review the diff)
//        node out/scripts/test.js --no-coverage unit   (about a third faster: V8's precise coverage slows the code it counts)
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumNeeds } from '../test/integration/lib/codeServer';
import { isInstalled } from '../test/integration/lib/install';
import { ensurePackages, missingPackages, NATIVE_BUILD_NEEDS, PrerequisiteError, type SystemNeed } from '../test/integration/lib/system';
import { EXIT_SKIP, repoRoot, runCommand, runMain } from '../test/integration/lib/util';
import { TOOLS_NEEDS } from '../test/tools/lib/tools';
import { coverageLine, summariseCoverage } from './coverage';

interface StageResult {
  stage: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note: string;
  stageSkipped?: string;
}

const root = repoRoot();
const allowSkip = process.env.RELEASE_PAGES_ALLOW_SKIP === '1';
/** The sources whose coverage the unit stage reports. */
const COVERED = (path: string): boolean => /^(server\/src|shared|client\/src)\//.test(path);
let coverage = '';
const measureCoverage = !process.argv.includes('--no-coverage');

function findFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? findFiles(p, pattern) : pattern.test(name) ? [p] : [];
    })
    .sort();
}

/** Counts from node:test's TAP summary (`# pass N`, `# fail N`, `# cancelled N`, `# skipped N`, `# todo N`). */
export function parseTap(tap: string): { passed: number; failed: number; skipped: number } | undefined {
  const count = (key: string): number | undefined => {
    const m = new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap);
    return m ? Number(m[1]) : undefined;
  };
  const pass = count('pass');
  const fail = count('fail');
  if (pass === undefined || fail === undefined) return undefined;
  return { passed: pass, failed: fail + (count('cancelled') ?? 0), skipped: (count('skipped') ?? 0) + (count('todo') ?? 0) };
}

/** The last `N passed, N failed[, N skipped]` line a harness printed. */
export function parseSummary(output: string): { passed: number; failed: number; skipped: number } | undefined {
  const all = [...output.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/gm)];
  const m = all.at(-1);
  return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number((m[3] as string | undefined) ?? 0) } : undefined;
}

function banner(text: string): void {
  const bar = '='.repeat(Math.min(100, text.length + 4));
  console.log(`\n${bar}\n  ${text}\n${bar}`);
}

/** Prints the coverage line, the least covered files and the source files no test loaded. */
function reportCoverage(dir: string, stage: string): void {
  const summary = summariseCoverage(dir, root, COVERED);
  coverage = coverageLine(summary);
  const files = [...summary.perFile].map(([f, l]) => ({ f, pct: (100 * l.covered) / l.total })).sort((a, b) => a.pct - b.pct);
  const sources = ['server/src', 'shared', 'client/src'].flatMap((d) =>
    findFiles(join(root, d), /\.ts$/).map((p) =>
      p
        .slice(root.length + 1)
        .split('\\')
        .join('/'),
    ),
  );
  const unloaded = sources.filter((p) => !summary.perFile.has(p) && !p.endsWith('.d.ts'));
  console.log(
    `${coverage}  (${summary.files} files of server/src, shared, client/src reached by the ${stage} tests, ${summary.processes} processes)`,
  );
  console.log(
    `least covered: ${files
      .slice(0, 5)
      .map((x) => `${x.f} ${x.pct.toFixed(0)}%`)
      .join(', ')}`,
  );
  console.log(
    `not loaded by any ${stage} test (${unloaded.length}; type-only modules and barrels have no code of their own): ${unloaded.join(', ') || 'none'}`,
  );
}

interface NodeTestOptions {
  coverage?: boolean;
  env?: NodeJS.ProcessEnv;
  only?: (bundle: string) => boolean;
  /** Test files run at once (node --test-concurrency); default: node's own. */
  concurrency?: number;
}

async function nodeTestStage(stage: string, dir: string, options: NodeTestOptions = {}): Promise<StageResult> {
  const start = Date.now();
  const files = findFiles(join(root, 'out', 'test', dir), /\.test\.js$/).filter(
    (f) => !options.only || options.only(readFileSync(f, 'utf8')),
  );
  if (files.length === 0) {
    console.log(`WARNING: ${stage}: no test files in out/test/${dir}/ (test/${dir}/*.test.ts) — nothing to run`);
    return { stage, passed: 0, failed: 0, skipped: 0, seconds: 0, note: 'no test files (warning)' };
  }
  const tmp = mkdtempSync(join(tmpdir(), 'release-pages-tap-'));
  const tapFile = join(tmp, 'report.tap');
  // V8 coverage of every process (the test files and the CLI and servers they start), read after the run.
  const env = { ...process.env, ...options.env, ...(options.coverage ? { NODE_V8_COVERAGE: join(tmp, 'coverage') } : {}) };
  try {
    const run = await runCommand(
      process.execPath,
      [
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tapFile}`,
        // Two test files at a time: many wait on the CLI or a server they started (node's default on
        // 2 cores is one at a time).
        ...(options.concurrency ? [`--test-concurrency=${options.concurrency}`] : []),
        ...files,
      ],
      { cwd: root, echo: true, env },
    );
    if (options.coverage) reportCoverage(join(tmp, 'coverage'), stage);
    const counts = existsSync(tapFile) ? parseTap(readFileSync(tapFile, 'utf8')) : undefined;
    const seconds = (Date.now() - start) / 1000;
    if (!counts) return { stage, passed: 0, failed: 1, skipped: 0, seconds, note: `node --test exited ${run.code} without a summary` };
    const failed = counts.failed === 0 && run.code !== 0 ? 1 : counts.failed;
    return { stage, ...counts, failed, seconds, note: `${files.length} file(s), node --test exit ${run.code}` };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs a harness program that ends with `N passed, N failed`; exit 77 means it cannot run here. */
async function harnessStage(stage: string, command: string, args: readonly string[]): Promise<StageResult> {
  const start = Date.now();
  const run = await runCommand(command, args, { cwd: root, echo: true });
  const seconds = (Date.now() - start) / 1000;
  if (run.code === EXIT_SKIP) {
    const reason = /SKIPPED: (?:[^—\n]* — )?(.*(?:\n {2}.*)*)/.exec(run.output)?.[1] ?? 'cannot run on this machine';
    return { stage, passed: 0, failed: 0, skipped: 1, seconds, note: 'skipped', stageSkipped: reason };
  }
  const counts = parseSummary(run.output);
  if (!counts) return { stage, passed: 0, failed: 1, skipped: 0, seconds, note: `exit ${run.code} without a summary line` };
  let failed = counts.failed;
  if (run.code !== 0 && failed === 0) failed = 1;
  if (counts.passed + failed === 0) failed = 1; // ran no test
  return { stage, ...counts, failed, seconds, note: `exit ${run.code}` };
}

/** A static check counted as one test: passes when the command exits 0. */
async function checkTest(stage: string, command: string, args: readonly string[]): Promise<StageResult> {
  const start = Date.now();
  const run = await runCommand(command, args, { cwd: root, echo: true });
  const ok = run.code === 0;
  return { stage, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds: (Date.now() - start) / 1000, note: `exit ${run.code}` };
}

/** The Debian packages a stage needs and why, in words for the one line that installs them. */
function stageNeeds(stage: string): { needs: SystemNeed[]; why: string } {
  if (stage === 'tools') return { needs: [...TOOLS_NEEDS], why: 'the pre-commit and Neovim tests' };
  if (!['integration', 'web', 'preview', 'vsix'].includes(stage)) return { needs: [], why: '' };
  // The headers only matter while code-server is not installed yet (its native modules are built once).
  const build = isInstalled() ? [] : NATIVE_BUILD_NEEDS;
  return {
    needs: [...chromiumNeeds(), ...build],
    why: build.length ? "Chromium for the workbench, headers to build code-server's native modules" : 'Chromium for the workbench',
  };
}

/**
 * Installs what the stages need in one apt-get run (one printed line), where this user may. Returns
 * the stages that cannot run, each with the reason and the command that fixes it.
 */
function prepareSystem(stages: readonly string[]): Map<string, string> {
  const blocked = new Map<string, string>();
  const wanted = stages.map((s) => ({ stage: s, ...stageNeeds(s) })).filter((w) => missingPackages(w.needs).length > 0);
  if (wanted.length === 0) return blocked;
  const whys = [...new Set(wanted.map((w) => w.why))];
  try {
    ensurePackages(
      wanted.flatMap((w) => w.needs),
      `${wanted.map((w) => w.stage).join(', ')}: ${whys.join('; ')}`,
    );
  } catch (e) {
    if (!(e instanceof PrerequisiteError)) throw e;
    console.log(`[system] ${e.message}`);
    for (const w of wanted) if (missingPackages(w.needs).length) blocked.set(w.stage, e.message);
  }
  return blocked;
}

/** Installs code-server when missing (setup-vscode), then runs a launcher; SKIPPED when code-server cannot be installed here. */
async function withCodeServer(stage: string, launcher: string): Promise<StageResult[]> {
  const start = Date.now();
  const setup = await runCommand(process.execPath, [join(root, 'out', 'scripts', 'setup-vscode.js')], { cwd: root, echo: true });
  const seconds = (Date.now() - start) / 1000;
  if (setup.code === EXIT_SKIP) {
    const reason = /SKIPPED: (?:[^—\n]* — )?(.*(?:\n {2}.*)*)/.exec(setup.output)?.[1] ?? 'code-server cannot be installed here';
    return [{ stage, passed: 0, failed: 0, skipped: 1, seconds, note: 'skipped', stageSkipped: reason }];
  }
  if (setup.code !== 0) return [{ stage, passed: 0, failed: 1, skipped: 0, seconds, note: `setup-vscode failed (exit ${setup.code})` }];
  return [await harnessStage(stage, process.execPath, [launcher])];
}

const STAGES: Record<string, () => Promise<StageResult[]>> = {
  static: async () => [
    await checkTest('typecheck', 'npm', ['run', '--silent', 'typecheck']),
    await checkTest('lint', process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']),
    await checkTest('format', process.execPath, [
      join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
      '--check',
      '**/*.{ts,mjs}',
    ]),
  ],
  unit: async () => [await nodeTestStage('unit', 'unit', { coverage: measureCoverage, concurrency: 2 })],
  lsp: async () => [await nodeTestStage('lsp', 'lsp')],
  // The GitHub Action's entry script, the pre-commit hooks (Debian's pre-commit) and Neovim (Debian's) as a client.
  tools: async () => [await nodeTestStage('tools', 'tools')],
  integration: async () => withCodeServer('integration', join(root, 'out', 'test', 'integration', 'run.js')),
  // The suites that apply in a browser, in the web worker extension host (as on vscode.dev, github.dev).
  web: async () => withCodeServer('web', join(root, 'out', 'test', 'integration', 'runWeb.js')),
  // The status preview driven like a user (clicks, keyboard, window reload) in code-server; then its
  // Changes section and a feature's history over a real Git history of a renamed page.
  preview: async () => [
    await harnessStage('preview', process.execPath, [join(root, 'out', 'test', 'integration', 'runPreview.js')]),
    await harnessStage('changes preview', process.execPath, [join(root, 'out', 'test', 'integration', 'runChangesPreview.js')]),
  ],
  vsix: async () => {
    const pack = await harnessStage('package', 'npm', ['run', '--silent', 'package']);
    if (pack.failed > 0 || !pack.passed) return [pack];
    return [pack, await harnessStage('vsix', process.execPath, [join(root, 'out', 'test', 'integration', 'runVsix.js')])];
  },
};

runMain('test', async () => {
  const wanted = process.argv.slice(2).filter((a) => a !== '--no-coverage');
  if (wanted.includes('--update')) {
    // Only the tests that hold snapshots (their bundle reads UPDATE_SNAPSHOTS), which then rewrite them.
    if (process.env.CI) {
      console.error(`--update: snapshots are never written in CI (CI=${process.env.CI})`);
      return 2;
    }
    const r = await nodeTestStage('update', 'unit', {
      env: { UPDATE_SNAPSHOTS: process.env.UPDATE_SNAPSHOTS || '1' },
      only: (b) => b.includes('UPDATE_SNAPSHOTS'),
    });
    console.log(`${r.passed} passed, ${r.failed} failed; review the snapshots with \`git diff test/fixtures\` before committing`);
    return r.failed ? 1 : 0;
  }
  const unknown = wanted.filter((w) => !(w in STAGES));
  if (unknown.length) {
    console.error(`unknown stage(s): ${unknown.join(', ')}; stages: ${Object.keys(STAGES).join(', ')}`);
    return 2;
  }
  const stages = wanted.length ? wanted : Object.keys(STAGES);
  const results: StageResult[] = [];
  const started = Date.now();
  const blocked = prepareSystem(stages);
  for (const name of stages) {
    banner(`stage: ${name}`);
    const reason = blocked.get(name);
    if (reason) {
      console.log(`SKIPPED: ${name} — ${reason}`);
      results.push({ stage: name, passed: 0, failed: 0, skipped: 1, seconds: 0, note: 'skipped', stageSkipped: reason });
      continue;
    }
    results.push(...(await STAGES[name]())); // every name is a stage: checked above
  }

  banner('summary');
  for (const r of results) {
    console.log(
      `${r.stage.padEnd(14)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${r.seconds.toFixed(1).padStart(6)} s  ${r.note}`,
    );
  }
  for (const r of results.filter((x) => x.stageSkipped)) {
    banner(`SKIPPED: ${r.stage} — ${r.stageSkipped}`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const skipped = results.reduce((n, r) => n + r.skipped, 0);
  const stageSkips = results.filter((r) => r.stageSkipped).length;
  if (coverage) console.log(coverage);
  console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (stageSkips && !allowSkip) console.log(`${stageSkips} stage(s) skipped: failing the run (set RELEASE_PAGES_ALLOW_SKIP=1 to allow)`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed > 0 || (stageSkips > 0 && !allowSkip) ? 1 : 0;
});
