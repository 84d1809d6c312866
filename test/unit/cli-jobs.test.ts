// `check --jobs N`: pages checked on N threads (this one and N-1 workers, taking pages from one counter) give
// the same output, byte for byte, as one thread (the results put back in the pages' order), the same exit
// code, and the same messages on stderr; so does the default (the number of cores).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/paths';
import { runCli, tempFolder } from '../helpers/cli-run';

/** The corpus pages (49 real release pages) and the seeds, plus ordinary pages the cheap scan rejects, in nested folders. */
function wiki(): string {
  const dir = tempFolder({
    'notes/plain.md': '# Notes\n\nNothing to see.\n',
    'notes/readme.md': '# Widget\n\n## Install\n\nnpm install widget\n',
    '.release-pages.yaml': 'rules:\n  date-format: error\n',
  });
  for (const folder of ['corpus', 'seeds']) {
    for (const f of readdirSync(join(FIXTURES, folder)))
      if (f.endsWith('.md') && f !== 'SOURCES.md') cpSync(join(FIXTURES, folder, f), join(dir, folder, f));
  }
  return dir;
}

const HELPERS = { RELEASE_PAGES_PAGES_PER_HELPER: '4' };

test('--jobs 3, --jobs 2, the default and --jobs 1: the same report (stylish, json, sarif), exit code and stderr', () => {
  const dir = wiki();
  for (const format of ['stylish', 'json', 'sarif']) {
    const one = runCli(['check', '.', '--jobs', '1', '--format', format], dir);
    assert.ok(one.stdout.length > 1000, `${format}: a real report (${one.stdout.length} bytes)`);
    for (const jobs of [['--jobs', '3'], ['--jobs', '2'], []]) {
      // A helper per 4 files (the default waits for 100), so that these 60-odd pages are shared.
      const many = runCli(['check', '.', ...jobs, '--format', format], dir, { env: HELPERS });
      const what = `${format} ${jobs.join(' ') || 'default'}`;
      assert.equal(many.stdout, one.stdout, `${what}: the same report`);
      assert.equal(many.stderr, one.stderr, `${what}: the same messages`);
      assert.equal(many.code, one.code, `${what}: the same exit code`);
    }
  }
  const quiet = runCli(['check', '.', '-j', '2', '--quiet'], dir, { env: HELPERS });
  assert.equal(quiet.stdout, runCli(['check', '.', '--jobs=1', '--quiet'], dir).stdout);
});

test('--jobs must be a whole number of at least 1', () => {
  const dir = tempFolder({ 'x.md': '# x\n' });
  for (const bad of ['0', '-2', '1.5', 'many']) {
    const r = runCli(['check', '.', `--jobs=${bad}`], dir);
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, /--jobs must be a whole number of at least 1/);
  }
});
