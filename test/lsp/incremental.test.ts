/**
 * The server keeps each page as lines fed the editor's changes and checks them a slice at a time. These
 * tests prove it sees exactly the text the editor has (random incremental edits, CRLF included), that a
 * newer version is never kept waiting by an older check, and that requests are answered while a big
 * page is being checked (by the order of events, not by timing).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, lineStarts, splitLines } from '../../server/src/core';
import { pageDiagnostics } from '../../server/src/lsp/diagnostics';
import { prng } from '../../bench/generate';
import { generatePage } from '../../bench/generate';
import { readFixture } from '../helpers/paths';
import { startServer } from '../helpers/lsp-client';

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');

/** What a fresh engine says of the text, as the server would publish it. */
function expected(text: string): string[] {
  return pageDiagnostics(new Engine().check(text)).map(
    (d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`,
  );
}

test('random incremental edits (several per notification, CRLF and lone CR too) give the diagnostics of the edited text', async () => {
  const uri = 'untitled:incremental';
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    let text = SEED0.replace(/\n/g, (m, at: number) => (at % 7 === 0 ? '\r\n' : at % 11 === 0 ? '\r' : m));
    await s.open(uri, text);
    const rng = prng(21);
    const pieces = ['Green', 'red', '|', ' | ', '\n', '\r\n', '2013-06-31', '?', '', '## Heading\n', 'must'];
    for (let version = 2; version <= 41; version++) {
      const changes = [];
      for (let k = 0; k < 1 + Math.floor(rng() * 3); k++) {
        const lines = splitLines(text);
        const starts = lineStarts(lines);
        const line = Math.floor(rng() * lines.length);
        const a = Math.floor(rng() * (lines[line].text.length + 1));
        const b = Math.min(lines[line].text.length, a + Math.floor(rng() * 8));
        const endLine = rng() < 0.2 ? Math.min(lines.length - 1, line + 1) : line;
        const end = endLine === line ? b : Math.min(lines[endLine].text.length, Math.floor(rng() * 5));
        const inserted = pieces[Math.floor(rng() * pieces.length)];
        const from = starts[line] + a;
        const to = starts[endLine] + end;
        changes.push({ range: { start: { line, character: a }, end: { line: endLine, character: end } }, text: inserted });
        text = text.slice(0, from) + inserted + text.slice(to);
      }
      const published = s.nextDiagnostics(uri, (p) => p.version === version);
      await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      const got = (await published).diagnostics.map(
        (d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`,
      );
      assert.deepEqual(got, expected(text), `version ${version}: ${JSON.stringify(changes)}`);
    }
  } finally {
    await s.stop();
  }
});

test('a burst of edits: only the newest version is published, and it is right', async () => {
  const uri = 'untitled:burst';
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    const page = generatePage(3000, 4);
    await s.open(uri, page.text);
    const versions: number[] = [];
    let text = page.text;
    const last = 12;
    const done = s.nextDiagnostics(
      uri,
      (p) => {
        versions.push(p.version ?? -1);
        return p.version === last;
      },
      60_000,
    );
    for (let version = 2; version <= last; version++) {
      // Each edit adds a line at the top: the model is built again every time, the slow path.
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      text = `<!-- ${version} -->\n${text}`;
      await s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: `<!-- ${version} -->\n` }],
      });
    }
    const final = await done;
    assert.equal(final.diagnostics.length, expected(text).length);
    assert.ok(versions.length < last - 1, `stale versions were dropped (published: ${versions.join(', ')})`);
  } finally {
    await s.stop();
  }
});

test('a hover sent while a big page is checked for the first time is answered before that check ends', async () => {
  const uri = 'untitled:big';
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    const page = generatePage(20_000, 9);
    const events: string[] = [];
    const checked = s.open(uri, page.text, (p) => p.version === 1, 120_000).then(() => events.push('diagnostics'));
    const hover = s.connection
      .sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: page.middleLine, character: 3 } })
      .then(() => events.push('hover'));
    await Promise.all([checked, hover]);
    assert.deepEqual(events, ['hover', 'diagnostics']);
    // Once checked, the same hover has content.
    const h = await s.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: page.middleLine, character: page.text.split('\n')[page.middleLine].indexOf('| 2013') + 3 },
    });
    assert.ok(h === null || typeof h === 'object');
  } finally {
    await s.stop();
  }
});
