// Over 300 lines: one test per hostile configuration case of issue 14, each with its time and memory bounds.
// Configuration files are read within bounds (SECURITY.md, "What it reads"): devices, pipes and files
// outside the project are never read, `extends` is walked once per file with depth and file limits, a
// file's lines are never echoed whole, thousands of statuses cost linear time. The CLI runs as a child
// process with a timeout (a hang fails the test) and reports its peak memory; the loader and the core are
// also driven in-process. Time bounds are CPU time (test/helpers/cpu-time.ts), not wall time: another
// process's work on a shared machine must not fail them; the hang guard alone is wall time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatus, checkText, DEFAULT_CONFIG, mergeConfig, parseConfigText, tableSummaries } from '../../server/src/core';
import { ConfigLoader, type ConfigScope } from '../../server/src/node/config-loader';
import { ROOT } from '../helpers/paths';
import { readUsage, USAGE_HOOK_SOURCE, withCpuTime } from '../helpers/cpu-time';

const CLI = join(ROOT, 'bin', 'release-pages.js');
/** A hang guard for the child process: far above what a bounded run needs. */
const TIMEOUT_MS = 30_000;
/** What a bounded run may take (starting node included), and the peak memory it may add to a plain run. */
const TIME_BOUND_MS = 8_000;
const RSS_BOUND_KB = 100 * 1024;

const PAGE = `---
title: 4.2 Release Management
category: release
---

# oVirt 4.2 Release Management

## Features

| Feature | Owner | Release priority | Status |
|---|---|---|---|
${Array.from({ length: 300 }, (_, i) => `| Feature ${i} | owner${i % 7} | Must | ${i % 3 === 0 ? 'Green' : i % 3 === 1 ? `S${i}` : `Unknown${i}`} |`).join('\n')}
`;

/** A project folder (with `.git`, so it is the project root) holding a page and the given files. */
function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-config-bounds-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'page.md'), PAGE);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Prints the process's peak RSS and CPU time on stderr when it exits: the child's usage, measured by itself. */
const RSS_HOOK = join(mkdtempSync(join(tmpdir(), 'release-pages-rss-')), 'rss.js');
writeFileSync(RSS_HOOK, USAGE_HOOK_SOURCE);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** CPU time of the child (wall time would measure the machine's load). */
  ms: number;
  rssKb: number;
}

function run(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, ['--require', RSS_HOOK, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  // Both null when the process could not be started, whatever the types say.
  const stdout = r.stdout as string | null;
  const stderr = r.stderr as string | null;
  const usage = readUsage(stderr ?? '');
  return { code: r.status, stdout: stdout ?? '', stderr: usage.rest, ms: usage.cpuMs, rssKb: usage.rssKb };
}

let baseline: number | null = null;
/** Peak RSS of a plain check of the same page (no configuration), measured once. */
function baselineKb(): number {
  if (baseline === null) {
    const r = run(['check', 'page.md'], project());
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    baseline = r.rssKb;
  }
  return baseline;
}

/** The run finished on its own (not killed), within the time and memory bounds, with exit 2 and no stack trace. */
function assertBounded(r: Run, what: string): void {
  assert.notEqual(r.code, null, `${what}: killed after ${TIMEOUT_MS} ms (a hang)`);
  assert.ok(r.ms < TIME_BOUND_MS, `${what}: took ${r.ms.toFixed(0)} ms`);
  assert.ok(r.rssKb - baselineKb() < RSS_BOUND_KB, `${what}: peak RSS ${r.rssKb} KB, a plain run ${baselineKb()} KB`);
  assert.equal(r.code, 2, `${what}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at |RangeError|TypeError/, `${what}: a stack trace`);
}

test('CLI: extends /dev/zero or /dev/urandom is refused (outside the project), and never read even when allowed', () => {
  for (const device of ['/dev/zero', '/dev/urandom']) {
    const dir = project({ '.release-pages.yaml': `extends: ${device}\n` });
    const refused = run(['check', 'page.md'], dir);
    assertBounded(refused, device);
    assert.match(refused.stderr, new RegExp(`\\.release-pages\\.yaml:1:10: \`extends\` "${device}" is outside the workspace`));
    const allowed = run(['check', 'page.md', '--allow-extends', '/dev'], dir);
    assertBounded(allowed, `${device} allowed`);
    assert.match(allowed.stderr, /is not a regular file \(a device, pipe or socket is never read\)/);
    // A link inside the project that points at the device is followed only to be refused.
    symlinkSync(device, join(dir, 'base.yaml'));
    writeFileSync(join(dir, '.release-pages.yaml'), 'extends: base.yaml\n');
    const linked = run(['check', 'page.md'], dir);
    assertBounded(linked, `${device} through a link`);
    assert.match(linked.stderr, /`extends` "base\.yaml" is a symbolic link to a file outside the workspace/);
  }
});

test('CLI: extends a FIFO inside the project does not hang: the pipe is never opened', () => {
  const dir = project({ '.release-pages.yaml': 'rules:\n  date-format: off\nextends: [./base.fifo]\n' });
  const made = spawnSync('mkfifo', [join(dir, 'base.fifo')]);
  assert.equal(made.status, 0, 'mkfifo is needed for this test');
  const r = run(['check', 'page.md'], dir);
  assertBounded(r, 'FIFO');
  assert.match(r.stderr, /\.release-pages\.yaml:3:11: `extends` "\.\/base\.fifo" is not a regular file/);
  // The rest of the file still applies.
  assert.doesNotMatch(r.stdout, /date-format/);
});

test('CLI: an extends diamond of 20 levels is read once per file (linear, not 2^20)', () => {
  const files: Record<string, string> = {
    '.release-pages.yaml': 'extends: d0.yaml\n',
    'd20.yaml': 'statuses: [Green, Orange, Red, Done]\n',
  };
  for (let i = 0; i < 20; i++)
    files[`d${i}.yaml`] = `extends: [d${i + 1}.yaml, d${i + 1}.yaml]\nrules:\n  value-unset: ${i % 2 ? 'hint' : 'warning'}\n`;
  const dir = project(files);
  const r = run(['check', 'page.md', '--format', 'json'], dir);
  assert.notEqual(r.code, null, 'killed: a hang');
  assert.ok(r.ms < TIME_BOUND_MS, `took ${r.ms.toFixed(0)} ms`);
  assert.ok(r.rssKb - baselineKb() < RSS_BOUND_KB, `peak RSS ${r.rssKb} KB`);
  assert.equal(r.stderr, '');
  // In-process: 21 files read, each once, and the result is the one of the old depth-first reading.
  const loader = new ConfigLoader(undefined, scope(dir));
  const { value: loaded, ms } = withCpuTime(() => loader.forPage(join(dir, 'page.md')));
  assert.ok(ms < 2_000, `took ${ms.toFixed(0)} ms of CPU`);
  assert.equal(loaded.files.length, 22);
  assert.equal(new Set(loaded.files).size, 22);
  assert.deepEqual(loaded.config.statuses, ['Green', 'Orange', 'Red', 'Done']);
  assert.equal(loaded.config.rules['value-unset'].severity, 'warning');
});

test('CLI: a 5,000-file extends chain stops at 32 files with a message naming the chain, no stack overflow', () => {
  const files: Record<string, string> = { '.release-pages.yaml': 'extends: c0.yaml\n', 'c5000.yaml': 'rules:\n  date-format: off\n' };
  for (let i = 0; i < 5000; i++) files[`chain/c${i}.yaml`] = `extends: c${i + 1}.yaml\n`;
  files['.release-pages.yaml'] = 'extends: chain/c0.yaml\n';
  const dir = project(files);
  const r = run(['check', 'page.md'], dir);
  assertBounded(r, '5,000-file chain');
  assert.match(
    r.stderr,
    /chain\/c30\.yaml:1:10: `extends` goes deeper than 32 files: \.release-pages\.yaml → chain\/c0\.yaml → chain\/c1\.yaml → … \(27 more\) → chain\/c29\.yaml → chain\/c30\.yaml → chain\/c31\.yaml; chain\/c31\.yaml is not read\./,
  );
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
});

test('CLI: extends an absolute path outside the project (/etc/passwd) is refused: nothing of the file appears', () => {
  const secret = readFileSync('/etc/passwd', 'utf8');
  const dir = project({ '.release-pages.yaml': 'extends: /etc/passwd\n' });
  const r = run(['check', 'page.md'], dir);
  assertBounded(r, '/etc/passwd');
  assert.match(
    r.stderr,
    /`extends` "\/etc\/passwd" is outside the workspace: `extends` may name only files inside .* \(allow more with --allow-extends\)\./,
  );
  for (const line of secret.split('\n').filter((l) => l.length > 3)) {
    const field = line.split(':')[0];
    assert.ok(!r.stderr.includes(`"${field}:`) && !r.stdout.includes(line), `echoed: ${line}`);
  }
  // The same through a relative path and through a link inside the project.
  writeFileSync(join(dir, '.release-pages.yaml'), `extends: ${'../'.repeat(30)}etc/passwd\n`);
  assert.match(run(['check', 'page.md'], dir).stderr, /is outside the workspace/);
  symlinkSync('/etc/passwd', join(dir, 'base.yaml'));
  writeFileSync(join(dir, '.release-pages.yaml'), 'extends: base.yaml\n');
  const linked = run(['check', 'page.md'], dir);
  assertBounded(linked, 'link to /etc/passwd');
  assert.match(linked.stderr, /is a symbolic link to a file outside the workspace/);
  assert.doesNotMatch(linked.stderr, /root/);
});

test('CLI: a configuration file that is a symbolic link loop, or a dangling link, is reported on that file', () => {
  const dir = project();
  symlinkSync('loop-b', join(dir, 'loop-a'));
  symlinkSync('loop-a', join(dir, 'loop-b'));
  symlinkSync('loop-a', join(dir, '.release-pages.yaml'));
  const loop = run(['check', 'page.md'], dir);
  assertBounded(loop, 'symlink loop');
  assert.match(loop.stderr, /\.release-pages\.yaml:1:1: Configuration file \.release-pages\.yaml is a symbolic link loop\./);
  const sub = project({ 'docs/page.md': PAGE, 'docs/.release-pages.yaml': 'extends: [missing.yaml, dangling.yaml, loop.yaml]\n' });
  symlinkSync('nowhere.yaml', join(sub, 'docs', 'dangling.yaml'));
  symlinkSync('loop.yaml', join(sub, 'docs', 'loop.yaml'));
  const bases = run(['check', 'docs/page.md'], sub);
  assertBounded(bases, 'unreadable bases');
  assert.match(bases.stderr, /docs\/\.release-pages\.yaml:1:11: `extends` "missing\.yaml" not found\./);
  assert.match(bases.stderr, /docs\/\.release-pages\.yaml:1:25: `extends` "dangling\.yaml" is a dangling symbolic link/);
  assert.match(bases.stderr, /docs\/\.release-pages\.yaml:1:40: `extends` "loop\.yaml" is a symbolic link loop\./);
});

test('CLI: a configuration file over 1 MB is not read (a clear problem), and 8,000 statuses check in linear time', () => {
  const big = project({ '.release-pages.yaml': `statuses: [${'Green, '.repeat(200_000)}Red]\n` });
  const r = run(['check', 'page.md'], big);
  assertBounded(r, 'over 1 MB');
  assert.match(r.stderr, /Configuration file \.release-pages\.yaml is larger than 1 MB \(\d+ bytes\): not read\./);
  const statuses = Array.from({ length: 8000 }, (_, i) => `S${i}`);
  const many = project({ '.release-pages.yaml': `statuses: [Green, ${statuses.join(', ')}]\n` });
  const checked = run(['check', 'page.md', '--format', 'json'], many);
  assert.notEqual(checked.code, null, 'killed: a hang');
  assert.ok(checked.ms < TIME_BOUND_MS, `took ${checked.ms.toFixed(0)} ms`);
  const findings = JSON.parse(checked.stdout) as Array<{ rule: string; message: string }>;
  const unknown = findings.filter((f) => f.rule === 'status-unknown');
  assert.equal(unknown.length, 100);
  // A finding names the first values and how many more, not 8,000 of them.
  assert.match(unknown[0].message, /start the cell with Green, S0, S1, .*, S10, … \(7989 more\)\.$/);
});

test('8,000 statuses: the rules, the status model and the code lens take linear time (in-process)', () => {
  const statuses = ['Green', 'Orange', 'Red', ...Array.from({ length: 8000 }, (_, i) => `S${i}`)];
  const config = mergeConfig(DEFAULT_CONFIG, { statuses, rules: { 'status-case': { options: { statuses: [...statuses].reverse() } } } });
  const round = (cfg: typeof config, i: number): number => {
    const since = process.cpuUsage();
    const r = checkText(PAGE.replace('Feature 0 ', `Feature 0 ${i}`), { config: cfg });
    buildStatus(r, { config: cfg, today: { year: 2024, month: 1, day: 1 } });
    assert.equal(tableSummaries(r.page, cfg, 0).length, 1);
    if (cfg === config) assert.equal(r.findings.filter((f) => f.rule === 'status-unknown').length, 100);
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  // The fastest of five rounds each (the machine may be busy, other test files run beside this one): with
  // 8,000 statuses, and with the three default ones. Quadratic handling took about 14 s per check; the
  // bound is far from both that and linear time, so load alone cannot fail it.
  const fastest = (cfg: typeof config): number => Math.min(...[0, 1, 2, 3, 4, 5].map((i) => round(cfg, i)).slice(1));
  const many = fastest(config);
  const plain = fastest(DEFAULT_CONFIG);
  assert.ok(
    many < 10 * plain + 250,
    `a check took ${many.toFixed(0)} ms with 8,000 statuses, ${plain.toFixed(0)} ms with the default statuses`,
  );
});

test('unknown keys are shown capped and escaped, never a whole foreign line', () => {
  const line = `root:$6$${'x'.repeat(200)}:19000:0:99999:7:::`;
  const { problems } = parseConfigText(`${line}: 1\n"a\\u202Eb\\nc": 2\n`);
  assert.equal(problems.length, 2);
  assert.equal(problems[0].message, `Unknown setting "${line.slice(0, 40)}…".`);
  assert.equal(problems[1].message, 'Unknown setting "a\\u202eb\\nc".');
  const rules = parseConfigText(`rules:\n  ${'y'.repeat(500)}: off\n`).problems;
  assert.ok(rules[0].message.length < 80, rules[0].message);
});

function scope(dir: string): ConfigScope {
  return { roots: [dir], allow: [], projectRoot: 'outside', allowHint: 'the setting' };
}

test('a load is reused while its files are unchanged, and read again when one of them changes (no watcher needed)', () => {
  const dir = project({ '.release-pages.yaml': 'extends: shared/base.yaml\n', 'shared/base.yaml': 'statuses: [Green, Done]\n' });
  const loader = new ConfigLoader(undefined, scope(dir));
  const page = join(dir, 'page.md');
  const first = loader.forPage(page);
  assert.deepEqual(first.config.statuses, ['Green', 'Done']);
  assert.equal(loader.forPage(page), first, 'the same load, not resolved again');
  writeFileSync(join(dir, 'shared', 'base.yaml'), 'statuses: [Green, Finished]\n');
  const later = new Date(Date.now() + 5_000);
  utimesSync(join(dir, 'shared', 'base.yaml'), later, later);
  const second = loader.forPage(page);
  assert.notEqual(second, first);
  assert.deepEqual(second.config.statuses, ['Green', 'Finished']);
  // A cycle is still reported, at the `extends` entry that closes it.
  writeFileSync(join(dir, 'shared', 'base.yaml'), 'statuses: [Green]\nextends: ../.release-pages.yaml\n');
  utimesSync(join(dir, 'shared', 'base.yaml'), new Date(Date.now() + 10_000), new Date(Date.now() + 10_000));
  const cyclic = loader.forPage(page);
  assert.deepEqual(
    cyclic.problems.map((p) => [p.file, p.line, p.column, p.message]),
    [[join(dir, 'shared', 'base.yaml'), 1, 9, '`extends` makes a cycle: .release-pages.yaml → shared/base.yaml → .release-pages.yaml']],
  );
});

test('the bytes of a load are bounded before reading: past 8 MB no later base is opened, also a small one', () => {
  // Ten bases of 0.9 MB each (mostly comment lines: cheap to parse), then a small one: 8 MB is spent after the eighth.
  const filler = `${'#'.repeat(99)}\n`.repeat(9_000);
  const files: Record<string, string> = {};
  const names: string[] = [];
  for (let i = 0; i < 10; i++) {
    files[`b${i}.yaml`] = `${filler}statuses: [Green, S${i}]\n`;
    names.push(`b${i}.yaml`);
  }
  files['small.yaml'] = 'priorities: [Must, Nice]\n';
  files['.release-pages.yaml'] = `extends: [${[...names, 'small.yaml'].join(', ')}]\n`;
  const dir = project(files);
  const loaded = new ConfigLoader(undefined, scope(dir)).forPage(join(dir, 'page.md'));
  const over = loaded.problems.filter((p) => p.message.includes('together'));
  assert.equal(over.length, 1, JSON.stringify(loaded.problems.map((p) => p.message)));
  assert.ok(!loaded.files.some((f) => f.endsWith('small.yaml')), 'the small base after the limit is not read');
  assert.ok(!loaded.files.some((f) => f.endsWith('b9.yaml')));
  assert.deepEqual(loaded.config.priorities, DEFAULT_CONFIG.priorities);
});

test('a configuration listing thousands of missing bases is looked at up to a bound, with one problem', () => {
  const list = Array.from({ length: 5_000 }, (_, i) => `missing/${i}.yaml`).join(', ');
  const dir = project({ '.release-pages.yaml': `extends: [${list}]\n` });
  const loader = new ConfigLoader(undefined, scope(dir));
  const loaded = loader.forPage(join(dir, 'page.md'));
  // 1,000 entries looked at (each "not found") and one problem for the rest: 1,001 problems, 100 shown.
  assert.equal(loaded.problems.length, 101);
  assert.equal(loaded.problems[100].message, '901 more problems in this file are not shown.');
});
