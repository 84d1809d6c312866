// `check --jobs N`: pages checked on worker threads give the same output, byte for byte, as one thread
// (the results put back in the pages' order), the same exit code, and the same messages on stderr.
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

test('--jobs 3 and --jobs 1: the same report (stylish, json, sarif), exit code and stderr', () => {
  const dir = wiki();
  for (const format of ['stylish', 'json', 'sarif']) {
    const one = runCli(['check', '.', '--jobs', '1', '--format', format], dir);
    const three = runCli(['check', '.', '--jobs', '3', '--format', format], dir);
    assert.ok(one.stdout.length > 1000, `${format}: a real report (${one.stdout.length} bytes)`);
    assert.equal(three.stdout, one.stdout, `${format}: the same report`);
    assert.equal(three.stderr, one.stderr, `${format}: the same messages`);
    assert.equal(three.code, one.code, `${format}: the same exit code`);
  }
  const quiet = runCli(['check', '.', '-j', '2', '--quiet'], dir);
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
