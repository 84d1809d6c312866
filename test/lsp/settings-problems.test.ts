/**
 * `releasePages.tables` entries that cannot be read are left out and said: a warning naming the entry and
 * its problem (once per distinct set of problems), each in the server's log; the entries that read apply.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../helpers/lsp-client';

const BROKEN = [
  { name: 'Broken', columns: { A: 'nope' } },
  { name: 'Components', columns: { Component: 'text', Health: { type: 'status', values: ['Fine: green', 'Bad: red'] } } },
];
const FIXED = [BROKEN[1]];
const PAGE = '# Release 1.0\n\n| Component | Health |\n|---|---|\n| API | Fine |\n| UI | Meh |\n';

test('an unreadable releasePages.tables entry is shown once, named; the readable ones apply', async () => {
  let tables: unknown = BROKEN;
  let asked: () => void = () => undefined;
  let warned: () => void = () => undefined;
  const s = await startServer(() => {
    asked();
    return { validate: { debounceMs: 0 }, tables };
  });
  const warnings: string[] = [];
  const logged: string[] = [];
  s.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => {
    if (m.type !== 2) return;
    warnings.push(m.message);
    warned();
  });
  s.connection.onNotification('window/logMessage', (m: { message: string }) => {
    logged.push(m.message);
  });
  try {
    const d = await s.open('file:///ws/a.md', PAGE);
    assert.deepEqual(
      d.diagnostics.filter((x) => x.code === 'value-unknown').map((x) => x.range.start.line),
      [5],
      'the readable declaration applies: "Meh" is not one of its values',
    );
    assert.deepEqual(warnings, [
      'Release Pages left out a setting it cannot read: releasePages.tables[0] "Broken": Unknown column type "nope": use date, date-range, status, priority, person, link, issue, percent, version, text.',
    ]);
    assert.ok(
      logged.some((l) => l.includes('releasePages.tables[0] "Broken"')),
      'the problem is in the log',
    );

    // The same settings again: nothing new to say. Fixed settings: nothing to say. Broken again: said
    // again. The server's messages come in order, so when the third change's warning has come, any
    // warning of the first two would have come before it.
    const change = async (): Promise<void> => {
      const answered = new Promise<void>((resolve) => (asked = resolve));
      await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await answered;
    };
    await change();
    tables = FIXED;
    await change();
    const third = new Promise<void>((resolve) => (warned = resolve));
    tables = [{ columns: {} }, { name: 'X', match: 'headers' }];
    await change();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no warning within 10 s')), 10_000)));
    await Promise.race([third, late]).finally(() => clearTimeout(timer));
    assert.equal(warnings.length, 2, 'unchanged problems and no problems are not shown');
    assert.match(
      warnings[1],
      /^Release Pages left out 2 settings it cannot read \(all in its output\)\. The first: releasePages\.tables\[0\]: /,
    );
  } finally {
    await s.stop();
  }
});

test("a folder's settings that are the user's (VS Code merges them into each folder's) are not said twice; a folder's own problem is named", async () => {
  const OWN = [{ name: 'Own', columns: { B: 'bogus' } }];
  const folders = [
    { uri: 'file:///ws/inherits', name: 'inherits' },
    { uri: 'file:///ws/own', name: 'own' },
  ];
  const s = await startServer(
    (scopeUri) => ({ validate: { debounceMs: 0 }, tables: scopeUri === 'file:///ws/own' ? OWN : BROKEN }),
    null,
    folders,
  );
  const warnings: string[] = [];
  let warned: () => void = () => undefined;
  const first = new Promise<void>((resolve) => (warned = resolve));
  s.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => {
    if (m.type !== 2) return;
    warnings.push(m.message);
    warned();
  });
  try {
    await s.open('file:///ws/inherits/a.md', PAGE);
    await first;
    assert.deepEqual(warnings, [
      'Release Pages left out 2 settings it cannot read (all in its output). The first: releasePages.tables[0] "Broken": Unknown column type "nope": use date, date-range, status, priority, person, link, issue, percent, version, text.',
    ]);
  } finally {
    await s.stop();
  }
});
