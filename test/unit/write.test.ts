// Safe writes of the CLI (`check --fix`, `format`): atomic, same bytes everywhere but the changed text,
// encoding, BOM, line endings, mode and symbolic links kept, nothing written when nothing changes, and
// refused (file untouched, no temp file left) when the file changed since it was read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePage, encodePage, PageWriteError, readPage, writePageAtomic } from '../../server/src/cli/write';

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
  assert.throws(() => writePageAtomic(page, page.text.replace('red', 'Red')), (e) => e instanceof PageWriteError && /changed on disk/.test(e.message));
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
