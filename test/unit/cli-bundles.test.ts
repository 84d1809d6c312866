// bin/release-pages.js runs `check` from dist/check.js (that command alone, for start-up) and every other
// command line from dist/cli.js: which bundle a run loaded, and that both check pages the same, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers/paths';
import { CLI, runCli, tempFolder } from '../helpers/cli-run';

const DIST = join(ROOT, 'dist');

/** The dist/ bundles a run of `release-pages args…` loaded (read from require.cache when it exits). */
function bundlesLoaded(args: readonly string[], cwd: string): { code: number | null; bundles: string[] } {
  const preload = join(cwd, '.preload.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeSync(2, '\\nBUNDLES ' + JSON.stringify(Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(DIST)}))) + '\\n'));\n`,
  );
  const r = spawnSync(process.execPath, ['--require', preload, CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  const line = /\nBUNDLES (.*)\n$/.exec(r.stderr);
  assert.ok(line, `the run reported its bundles: ${r.stderr.slice(-500)}`);
  const bundles = (JSON.parse(line[1]) as string[])
    .map((f) =>
      f
        .slice(DIST.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
  return { code: r.status, bundles };
}

test('check runs dist/check.js alone; every other command line runs dist/cli.js', () => {
  const dir = tempFolder({ 'page.md': '# oVirt 9.9 Release Management\n\n## Timeline\n\n- **GA**: 2030-01-15\n' });
  assert.deepEqual(bundlesLoaded(['check', 'page.md'], dir).bundles, ['check.js']);
  assert.deepEqual(bundlesLoaded(['check', '--help'], dir).bundles, ['check.js']);
  for (const args of [['--help'], ['--version'], ['report', 'page.md', '--format', 'json'], ['format', '--check', 'page.md'], ['lint']]) {
    assert.deepEqual(bundlesLoaded(args, dir).bundles, ['cli.js'], args.join(' '));
  }
});

test('the check bundle is the smaller: no other command, no manifest', () => {
  const check = statSync(join(DIST, 'check.js')).size;
  const cli = statSync(join(DIST, 'cli.js')).size;
  assert.ok(check < cli * 0.8, `check.js ${check} bytes, cli.js ${cli}`);
});

test('dist/check.js and dist/cli.js check pages the same (stylish, json, sarif; one thread and workers)', () => {
  const dir = tempFolder({ '.release-pages.yaml': 'rules:\n  date-format: error\n' });
  for (const folder of ['corpus', 'seeds']) {
    for (const f of readdirSync(join(FIXTURES, folder)))
      if (f.endsWith('.md') && f !== 'SOURCES.md') cpSync(join(FIXTURES, folder, f), join(dir, folder, f));
  }
  const full = (args: readonly string[]): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  for (const args of [
    ['check', '.', '--jobs', '1'],
    ['check', '.', '--jobs', '2', '--format', 'json'],
    ['check', '.', '--format', 'sarif'],
  ]) {
    const viaBin = runCli(args, dir);
    const viaCli = full(args);
    assert.ok(viaBin.stdout.length > 1000, `${args.join(' ')}: a real report`);
    assert.equal(viaBin.stdout, viaCli.stdout, args.join(' '));
    assert.equal(viaBin.stderr, viaCli.stderr, args.join(' '));
    assert.equal(viaBin.code, viaCli.code, args.join(' '));
  }
});
