// A full disk never truncates a page (issue 14, item 1): on a real tmpfs with too little room for the
// new content, `check --fix`, `format` and `report -o` leave every file byte for byte as it was, leave
// no temp or lock file, exit 2 and name each file with "no space left" (never "fixed N problems").
// Every fixture page kind is used: the corpus, the seeds, the small pages (BOM, CRLF, …) and UTF-16
// pages, all first fixed/formatted on a roomy disk to know which of them the command really rewrites.
// Mounting needs root: see test/helpers/privileged.ts.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePage } from '../../server/src/cli/write';
import { FIXTURES, pagesIn, readFixture } from '../helpers/paths';
import { fillLeaving, mountTmpfs, requireRoot, runCli, unmount, type Run } from '../helpers/privileged';

const FILLER = 'filler.bin';

/** Every fixture page under a name of its own, plus the seed in UTF-16 LE and BE. */
function fixturePages(): Map<string, Buffer> {
  const pages = new Map<string, Buffer>();
  for (const folder of ['corpus', 'seeds', 'pages']) {
    for (const name of pagesIn(folder)) pages.set(`${folder}__${name}`, readFileSync(join(FIXTURES, folder, name)));
  }
  const seed = readFixture('seeds', '000_015c11820e0fe26e.md');
  pages.set('utf16le__seed.md', encodePage({ bom: true, encoding: 'utf16le' }, seed));
  pages.set('utf16be__seed.md', encodePage({ bom: true, encoding: 'utf16be' }, seed));
  return pages;
}

function put(dir: string, pages: ReadonlyMap<string, Buffer>): void {
  for (const [name, bytes] of pages) writeFileSync(join(dir, name), bytes);
}

const roomyRuns = new Map<string, Map<string, number>>();

/** Runs `args` on a roomy disk: which pages it rewrites, and their new sizes (once per command). */
function rewrittenOnRoomyDisk(args: readonly string[], pages: ReadonlyMap<string, Buffer>): Map<string, number> {
  const known = roomyRuns.get(args.join(' '));
  if (known) return known;
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-roomy-'));
  put(dir, pages);
  const r = runCli([...args, dir], dir);
  assert.notEqual(r.code, 2, `on a roomy disk the command succeeds: ${r.stderr}`);
  const changed = new Map<string, number>();
  for (const [name, bytes] of pages) {
    const after = readFileSync(join(dir, name));
    if (!after.equals(bytes)) changed.set(name, after.length);
  }
  roomyRuns.set(args.join(' '), changed);
  return changed;
}

function assertNothingLost(r: Run, dir: string, pages: ReadonlyMap<string, Buffer>, expectFailed: Iterable<string>): void {
  assert.equal(r.code, 2, `exit 2 on a full disk; stderr:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /fixed \d+ problem/, 'no success is reported');
  for (const name of expectFailed) {
    const file = join(dir, name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(
      r.stderr,
      new RegExp(
        `^release-pages: ${file}: not written: no space left on the device \\(ENOSPC\\) while [a-z ]+; the file is unchanged$`,
        'm',
      ),
      name,
    );
  }
  for (const [name, bytes] of pages) assert.ok(readFileSync(join(dir, name)).equals(bytes), `${name} is byte for byte as it was`);
  assert.deepEqual(readdirSync(dir).sort(), [...pages.keys(), FILLER].sort(), 'no temp file or lock file is left');
}

/** A tmpfs with `pages` on it and `leave` blocks free, for `body`; always unmounted. */
function onFullDisk(
  t: TestContext,
  pages: ReadonlyMap<string, Buffer>,
  leave: number,
  body: (dir: string, blockSize: number) => void,
): void {
  const bytes = [...pages.values()].reduce((n, b) => n + b.length, 0);
  const dir = mountTmpfs(t, Math.ceil(bytes / 1024) + 4 * pages.size + 256);
  if (dir === null) return;
  try {
    put(dir, pages);
    body(dir, fillLeaving(dir, FILLER, leave));
  } finally {
    unmount(dir);
  }
}

for (const [command, args] of [
  ['check --fix', ['check', '--fix', '--all']],
  ['format', ['format', '--all']],
] as const) {
  test(`${command} on a full disk: every fixture page it would rewrite is left as it was, exit 2, one "no space left" line per page`, (t) => {
    if (!requireRoot(t, 'mounting a small tmpfs (a full disk)')) return;
    const pages = fixturePages();
    const changed = rewrittenOnRoomyDisk(args, pages);
    assert.ok(changed.size >= 10, `the command rewrites fixture pages (${changed.size}) on a roomy disk`);
    for (const kind of ['corpus__', 'seeds__', 'pages__'])
      assert.ok(
        [...changed.keys()].some((n) => n.startsWith(kind)),
        `a ${kind} page is rewritten`,
      );
    onFullDisk(t, pages, 0, (dir) => assertNothingLost(runCli([...args, dir], dir), dir, pages, changed.keys()));
  });

  test(`${command} with some room, less than the new page: the write comes up short and is refused, nothing truncated`, (t) => {
    if (!requireRoot(t, 'mounting a small tmpfs (a full disk)')) return;
    const pages = fixturePages();
    const changed = rewrittenOnRoomyDisk(args, pages);
    // 2 blocks free (one may go to the lock file): pages whose new content needs 3 or more are written in part.
    const big = new Map([...pages].filter(([name]) => (changed.get(name) ?? 0) > 3 * 4096));
    assert.ok(big.size >= 5, `pages over 12 KiB are rewritten (${big.size})`);
    onFullDisk(t, big, 2, (dir) => assertNothingLost(runCli([...args, dir], dir), dir, big, big.keys()));
  });
}

test('the reported case: a 39,683-byte page on a 64 KiB tmpfs is not cut to 24,576 bytes by check --fix or format', (t) => {
  const name = 'releases__3.3__release-management.md';
  const bytes = readFileSync(join(FIXTURES, 'corpus', name));
  assert.equal(bytes.length, 39_683);
  const dir = mountTmpfs(t, 64);
  if (dir === null) return;
  try {
    const page = join(dir, 'page.md');
    copyFileSync(join(FIXTURES, 'corpus', name), page);
    for (const args of [['check', '--fix'], ['format']]) {
      const r = runCli([...args, page], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          `^release-pages: ${page}: not written: no space left on the device \\(ENOSPC\\) while writing the temp file; the file is unchanged$`,
          'm',
        ),
      );
      assert.doesNotMatch(r.stderr, /fixed \d+ problems|1 file reformatted/);
      assert.ok(readFileSync(page).equals(bytes), `${args.join(' ')}: the page is byte for byte as it was`);
      assert.deepEqual(readdirSync(dir), ['page.md']);
    }
  } finally {
    unmount(dir);
  }
});

test('report -o on a full disk: an existing report is left as it was, a new one is not created; exit 2 with the reason', (t) => {
  const sources = [
    join(FIXTURES, 'corpus', 'releases__4.2__release-management.md'),
    join(FIXTURES, 'seeds', '000_015c11820e0fe26e.md'),
    join(FIXTURES, 'pages', 'crlf.md'),
  ];
  const old = Buffer.from("<!doctype html><title>last week's report</title>\n");
  const pages = new Map([['old.html', old]]);
  onFullDisk(t, pages, 0, (dir) => {
    for (const source of sources) {
      for (const [out, existed] of [
        [join(dir, 'old.html'), true],
        [join(dir, 'new.html'), false],
      ] as const) {
        const r = runCli(['report', '--all', source, '-o', out], dir);
        assert.equal(r.code, 2, r.stderr);
        const escaped = out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        assert.match(
          r.stderr,
          new RegExp(
            `^release-pages: ${escaped}: not written: no space left on the device \\(ENOSPC\\) while [a-z ]+${existed ? '; the file is unchanged' : ''}$`,
            'm',
          ),
        );
        assert.doesNotMatch(r.stderr, /wrote/);
      }
      assert.ok(readFileSync(join(dir, 'old.html')).equals(old));
      assert.deepEqual(readdirSync(dir).sort(), [FILLER, 'old.html']);
    }
  });
  // The same report fits on a roomy disk (so the failure above is the disk's).
  const roomy = mkdtempSync(join(tmpdir(), 'release-pages-roomy-'));
  const r = runCli(['report', '--all', sources[0] ?? '', '-o', join(roomy, 'new.html')], roomy);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(statSync(join(roomy, 'new.html')).size > old.length);
});
