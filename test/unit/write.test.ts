// Safe writes of the CLI (`check --fix`, `format`): atomic, same bytes everywhere but the changed text,
// encoding, BOM, line endings, mode and symbolic links kept, nothing written when nothing changes, and
// refused (file untouched, no temp or lock file left) when the file changed since it was read, when
// another writer holds its lock, or when the temp file does not read back as written. Full disks and
// permissions: write-disk-full.test.ts, write-permissions.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePage, encodePage, PageWriteError, readPage, writePageAtomic } from '../../server/src/cli/write';
import { readFixture } from '../helpers/paths';
import { runCli, type Run } from '../helpers/privileged';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'release-pages-write-'));
}

const PAGE = '# oVirt 3.3 Release Management\r\n\r\n| Feature | Status |\r\n|---|---|\r\n| x | red |\r\n';

test('writes through a temp file and a rename: new inode, same mode, CRLF and BOM kept, no temp file left', () => {
  const dir = folder();
  const file = join(dir, 'page.md');
  writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE, 'utf8')]));
  chmodSync(file, 0o604);
  const inode = statSync(file).ino;
  const page = readPage(file);
  assert.equal(page.bom, true);
  assert.equal(page.text, PAGE);
  assert.equal(writePageAtomic(page, page.text.replace('| red |', '| Red |')), true);
  const after = readFileSync(file);
  assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(after.subarray(3).toString('utf8'), PAGE.replace('| red |', '| Red |'));
  assert.equal(statSync(file).mode & 0o777, 0o604);
  assert.notEqual(statSync(file).ino, inode, 'renamed over, not written in place');
  assert.deepEqual(readdirSync(dir), ['page.md']);
});

test('nothing changed: nothing written (same inode, same bytes)', () => {
  const dir = folder();
  const file = join(dir, 'page.md');
  writeFileSync(file, PAGE);
  const before = statSync(file);
  const page = readPage(file);
  assert.equal(writePageAtomic(page, page.text), false);
  assert.equal(statSync(file).ino, before.ino);
  assert.equal(statSync(file).mtimeMs, before.mtimeMs);
  assert.deepEqual(readdirSync(dir), ['page.md']);
});

test('a file changed on disk after it was read is not written: the other change survives', () => {
  const dir = folder();
  const file = join(dir, 'page.md');
  writeFileSync(file, PAGE);
  const page = readPage(file);
  writeFileSync(file, `${PAGE}edited by someone else\r\n`);
  assert.throws(
    () => writePageAtomic(page, page.text.replace('red', 'Red')),
    (e) => e instanceof PageWriteError && /changed on disk/.test(e.message),
  );
  assert.equal(readFileSync(file, 'utf8'), `${PAGE}edited by someone else\r\n`);
  assert.deepEqual(readdirSync(dir), ['page.md']);
});

test('a file changed while it is being written (between the temp file and the rename) is not replaced', () => {
  const dir = folder();
  const file = join(dir, 'page.md');
  writeFileSync(file, PAGE);
  const page = readPage(file);
  const edit = (): void => writeFileSync(file, 'saved by the editor meanwhile\n');
  assert.throws(() => writePageAtomic(page, page.text.replace('red', 'Red'), { beforeWrite: edit }), PageWriteError);
  assert.equal(readFileSync(file, 'utf8'), 'saved by the editor meanwhile\n');
  assert.deepEqual(readdirSync(dir), ['page.md'], 'the temp file is removed');
});

test('UTF-16 pages (LE and BE, with their BOM) are read as text and written back in UTF-16', () => {
  for (const encoding of ['utf16le', 'utf16be'] as const) {
    const dir = folder();
    const file = join(dir, 'page.md');
    const bytes = encodePage({ bom: true, encoding }, PAGE);
    assert.deepEqual([...bytes.subarray(0, 2)], encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
    writeFileSync(file, bytes);
    const page = readPage(file);
    assert.equal(page.encoding, encoding);
    assert.equal(page.text, PAGE);
    writePageAtomic(page, page.text.replace('red', 'Red'));
    const back = decodePage(file, readFileSync(file));
    assert.equal(back.encoding, encoding);
    assert.equal(back.text, PAGE.replace('red', 'Red'));
  }
});

test('bytes that are not valid UTF-8 (a Latin-1 page) are checked but never written back', () => {
  const dir = folder();
  const file = join(dir, 'page.md');
  const latin1 = Buffer.from('| Feature | Status |\n|---|---|\n| Zo\xeb | red |\n', 'latin1');
  writeFileSync(file, latin1);
  const page = readPage(file);
  assert.match(page.unwritable ?? '', /not valid UTF-8/);
  assert.throws(() => writePageAtomic(page, page.text.replace('red', 'Red')), /not valid UTF-8; not written/);
  assert.ok(readFileSync(file).equals(latin1));
});

test('a symbolic link stays a link: its target is written', () => {
  const dir = folder();
  const target = join(dir, 'real.md');
  const link = join(dir, 'link.md');
  writeFileSync(target, PAGE);
  symlinkSync('real.md', link);
  const page = readPage(link);
  writePageAtomic(page, page.text.replace('red', 'Red'));
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(readlinkSync(link), 'real.md');
  assert.equal(readFileSync(target, 'utf8'), PAGE.replace('red', 'Red'));
  assert.deepEqual(readdirSync(dir).sort(), ['link.md', 'real.md']);
});

// Concurrent writers (issue 14, item 5): two writers that read the same page cannot both report success
// while one update is lost. The race is forced with the hooks: writer B runs inside writer A's window
// between its last unchanged-on-disk check and its rename.

test("two writers from the same content, B inside A's window before the rename: exactly one succeeds, the file holds its text whole", () => {
  const dir = folder();
  const file = join(dir, 'page.md');
  writeFileSync(file, PAGE);
  const a = readPage(file);
  const b = readPage(file);
  const textA = a.text.replace('| red |', '| Red |');
  const textB = b.text.replace('| x |', '| feature x |');
  let bError: unknown = null;
  const wrote = writePageAtomic(a, textA, {
    beforeRename: () => {
      try {
        writePageAtomic(b, textB);
      } catch (e) {
        bError = e;
      }
    },
  });
  assert.equal(wrote, true);
  assert.ok(bError instanceof PageWriteError, 'B fails');
  assert.match(
    bError.message,
    new RegExp(
      `^not written: another release-pages \\(pid ${process.pid}\\) is writing it meanwhile \\(lock file \\.page\\.md\\.release-pages\\.lock;`,
    ),
  );
  assert.equal(readFileSync(file, 'utf8'), textA);
  assert.deepEqual(readdirSync(dir), ['page.md'], 'no temp or lock file left');
});

test("the same race with B a separate release-pages process: B exits 2 naming the lock, A's update is whole", () => {
  const dir = folder();
  const file = join(dir, 'page.md');
  const seed = readFixture('seeds', '000_015c11820e0fe26e.md');
  writeFileSync(file, seed);
  const a = readPage(file);
  const textA = `${a.text}\nappended by A\n`;
  let b: Run | null = null;
  assert.equal(writePageAtomic(a, textA, { beforeRename: () => (b = runCli(['check', '--fix', file], dir)) }), true);
  const rb = b as Run | null;
  assert.ok(rb);
  assert.equal(rb.code, 2, rb.stderr);
  assert.match(
    rb.stderr,
    new RegExp(`^release-pages: ${file}: not written: another release-pages \\(pid ${process.pid}\\) is writing it meanwhile`, 'm'),
  );
  assert.doesNotMatch(rb.stderr, /fixed \d+ problem/);
  assert.equal(readFileSync(file, 'utf8'), textA);
  assert.deepEqual(readdirSync(dir), ['page.md']);
});

test('two writers one after the other from the same content: the second fails "changed on disk meanwhile", the first\'s text stays', () => {
  const dir = folder();
  const file = join(dir, 'page.md');
  writeFileSync(file, PAGE);
  const a = readPage(file);
  const b = readPage(file);
  assert.equal(writePageAtomic(a, a.text.replace('red', 'Red')), true);
  assert.throws(
    () => writePageAtomic(b, b.text.replace('red', 'Green')),
    /^PageWriteError: not written: the file changed on disk meanwhile/,
  );
  assert.equal(readFileSync(file, 'utf8'), PAGE.replace('red', 'Red'));
  assert.deepEqual(readdirSync(dir), ['page.md']);
});

test('the same bytes in a new file (inode) or the same file touched (mtime) also count as changed on disk', () => {
  for (const change of ['replaced', 'touched'] as const) {
    const dir = folder();
    const file = join(dir, 'page.md');
    writeFileSync(file, PAGE);
    const page = readPage(file);
    const edit = (): void => {
      if (change === 'touched') {
        utimesSync(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
        return;
      }
      writeFileSync(join(dir, 'copy'), PAGE);
      renameSync(join(dir, 'copy'), file);
    };
    assert.throws(() => writePageAtomic(page, page.text.replace('red', 'Red'), { beforeWrite: edit }), /changed on disk meanwhile/, change);
    assert.equal(readFileSync(file, 'utf8'), PAGE);
    assert.deepEqual(readdirSync(dir), ['page.md']);
  }
});

test('a lock left by a process that is gone is taken over; a lock held by a live process is respected and kept', () => {
  const dir = folder();
  const file = join(dir, 'page.md');
  const lock = join(dir, '.page.md.release-pages.lock');
  writeFileSync(file, PAGE);
  const gone = spawnSync(process.execPath, ['-e', '']).pid; // exited: its pid is free (or reused: then the lock is respected)
  assert.ok(typeof gone === 'number');
  writeFileSync(lock, `${gone} ${hostname()}\n`);
  const page = readPage(file);
  assert.equal(writePageAtomic(page, page.text.replace('red', 'Red')), true);
  assert.deepEqual(readdirSync(dir), ['page.md'], 'the stale lock is removed');
  writeFileSync(lock, `${process.ppid} ${hostname()}\n`); // our parent: alive
  const again = readPage(file);
  assert.throws(
    () => writePageAtomic(again, again.text.replace('Red', 'Green')),
    new RegExp(`another release-pages \\(pid ${process.ppid}\\) is writing it meanwhile`),
  );
  assert.equal(readFileSync(file, 'utf8'), PAGE.replace('red', 'Red'));
  assert.equal(readFileSync(lock, 'utf8'), `${process.ppid} ${hostname()}\n`, "someone else's lock is left alone");
});

test('a temp file that does not read back as written (short, or other bytes) is not renamed over the page', () => {
  const cases: Array<[string, (tmp: string) => void, RegExp]> = [
    ['cut short', (tmp) => truncateSync(tmp, 10), /^not written: the temp file holds 10 of \d+ bytes$/],
    [
      'a byte changed',
      (tmp) =>
        writeFileSync(
          tmp,
          readFileSync(tmp).map((c, i) => (i === 3 ? c ^ 1 : c)),
        ),
      /^not written: the temp file reads back different bytes than were written$/,
    ],
  ];
  for (const [what, damage, message] of cases) {
    const dir = folder();
    const file = join(dir, 'page.md');
    writeFileSync(file, PAGE);
    const page = readPage(file);
    assert.throws(
      () => writePageAtomic(page, page.text.replace('red', 'Red'), { afterTempWritten: damage }),
      (e) => e instanceof PageWriteError && message.test(e.message),
      what,
    );
    assert.equal(readFileSync(file, 'utf8'), PAGE, what);
    assert.deepEqual(readdirSync(dir), ['page.md'], what);
  }
});

test('an empty lock (its writer died while making it) is taken over once it is old; a fresh one is respected', () => {
  const dir = folder();
  const file = join(dir, 'page.md');
  const lock = join(dir, '.page.md.release-pages.lock');
  writeFileSync(file, PAGE);
  writeFileSync(lock, '');
  const page = readPage(file);
  assert.throws(() => writePageAtomic(page, page.text.replace('red', 'Red')), /is writing it meanwhile/, 'a fresh empty lock');
  const old = new Date(Date.now() - 60_000);
  utimesSync(lock, old, old);
  assert.equal(writePageAtomic(page, page.text.replace('red', 'Red')), true);
  assert.deepEqual(readdirSync(dir), ['page.md'], 'the old empty lock is removed');
});

test('a page that is a FIFO is refused at once, never waited on', () => {
  const dir = folder();
  const fifo = join(dir, 'page.md');
  execFileSync('mkfifo', [fifo]);
  assert.throws(() => readPage(fifo), /not a regular file/);
});
