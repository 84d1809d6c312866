// Writes respect permissions and owners (issue 14, item 5): a read-only page (mode 0444) is not written,
// also by root; a page the user may not write, or whose owner a replacement would change, is not
// replaced even when its folder is writable (the CLI run as `nobody`); the owner and mode are kept where
// the write is allowed. Each refusal: exit 2, one line naming the file, the file byte for byte as it was,
// no temp or lock file left. Running as another user needs root: see test/helpers/privileged.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixture } from '../helpers/paths';
import { asNobody, cannotRun, requireRoot, runCli } from '../helpers/privileged';

const SEED = readFixture('seeds', '000_015c11820e0fe26e.md'); // has fixes and a table to format
const NOBODY = 65534;

function folder(mode = 0o700): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-perm-'));
  chmodSync(dir, mode);
  return dir;
}

function page(dir: string, name: string, mode: number, uid?: number): string {
  const file = join(dir, name);
  writeFileSync(file, SEED);
  if (uid !== undefined) chownSync(file, uid, uid);
  chmodSync(file, mode);
  return file;
}

function assertUntouched(file: string, uid: number, mode: number): void {
  const st = statSync(file);
  assert.equal(readFileSync(file, 'utf8'), SEED, `${file} is byte for byte as it was`);
  assert.equal(st.uid, uid, 'owner kept');
  assert.equal(st.mode & 0o7777, mode, 'mode kept');
}

test('a read-only page (0444) is written by neither check --fix nor format, nor a 0444 report by report -o (also as root): exit 2', () => {
  const dir = folder();
  const file = page(dir, 'page.md', 0o444);
  const uid = statSync(file).uid;
  for (const args of [['check', '--fix'], ['format']]) {
    const r = runCli([...args, file], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`^release-pages: ${file}: not written: the file is read-only \\(mode 0444\\)$`, 'm'));
    assert.doesNotMatch(r.stderr, /fixed \d+ problem|1 file reformatted/);
    assertUntouched(file, uid, 0o444);
  }
  const report = join(dir, 'report.html');
  writeFileSync(report, 'kept\n');
  chmodSync(report, 0o444);
  const r = runCli(['report', file, '-o', report], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, new RegExp(`^release-pages: ${report}: not written: the file is read-only \\(mode 0444\\)$`, 'm'));
  assert.equal(readFileSync(report, 'utf8'), 'kept\n');
  assert.deepEqual(readdirSync(dir).sort(), ['page.md', 'report.html']);
  // The same page made writable is fixed (the refusal above is the mode's).
  chmodSync(file, 0o644);
  const ok = runCli(['check', '--fix', file], dir);
  assert.match(ok.stderr, /fixed \d+ problems/);
  assert.notEqual(readFileSync(file, 'utf8'), SEED);
  assert.equal(statSync(file).mode & 0o7777, 0o644);
});

test("as another user (nobody), in a folder it may write: a root page is never replaced and stays root's; its own page is fixed", (t) => {
  if (!requireRoot(t, 'running the CLI as nobody')) return;
  const prefix = asNobody();
  if (!prefix) return void cannotRun(t, 'neither setpriv nor runuser is installed');
  const dir = folder(0o777);
  const closed = page(dir, 'root-0644.md', 0o644, 0); // nobody may not write it
  const open = page(dir, 'root-0666.md', 0o666, 0); // nobody may write it, but a replacement would be nobody's
  const own = page(dir, 'nobody.md', 0o640, NOBODY);
  for (const args of [['check', '--fix'], ['format']]) {
    const r1 = runCli([...args, closed], dir, prefix);
    assert.equal(r1.code, 2, r1.stderr);
    assert.match(
      r1.stderr,
      new RegExp(`^release-pages: ${closed}: not written: no permission to write it \\(owner uid 0, group gid 0, mode 0644\\)$`, 'm'),
    );
    assertUntouched(closed, 0, 0o644);
    const r2 = runCli([...args, open], dir, prefix);
    assert.equal(r2.code, 2, r2.stderr);
    assert.match(
      r2.stderr,
      new RegExp(
        `^release-pages: ${open}: not written: it belongs to uid 0 gid 0 and a replacement written by uid ${NOBODY} would belong to uid ${NOBODY} gid ${NOBODY} \\(the owner cannot be kept\\)$`,
        'm',
      ),
    );
    assertUntouched(open, 0, 0o666);
    assert.doesNotMatch(r1.stderr + r2.stderr, /fixed \d+ problem|1 file reformatted/);
    assert.deepEqual(readdirSync(dir).sort(), ['nobody.md', 'root-0644.md', 'root-0666.md'], 'no temp or lock file left');
  }
  // Control: nobody can run the CLI here and write its own page (so the refusals above are the owner's).
  const r = runCli(['check', '--fix', own], dir, prefix);
  assert.match(r.stderr, /nobody\.md: fixed \d+ problems/, r.stderr);
  assert.notEqual(readFileSync(own, 'utf8'), SEED);
  assert.equal(statSync(own).uid, NOBODY);
  assert.equal(statSync(own).mode & 0o7777, 0o640);
});

test("root fixing another user's page keeps that owner, group and mode", (t) => {
  if (!requireRoot(t, 'giving a page to nobody')) return;
  const dir = folder(0o755);
  const file = page(dir, 'page.md', 0o604, NOBODY);
  const r = runCli(['check', '--fix', file], dir);
  assert.match(r.stderr, /fixed \d+ problems/, r.stderr);
  const st = statSync(file);
  assert.notEqual(readFileSync(file, 'utf8'), SEED);
  assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [NOBODY, NOBODY, 0o604]);
});
