// The server's workspace behaviour over stdio: workspace check of unopened files (with cancel), debounce,
// config files watched, multi-root workspaces, settings without a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { CheckFilesResult } from '../../shared/protocol';
import { pagesIn, readFixture } from '../helpers/paths';
import { checkText } from '../../server/src/core';
import { startServer } from '../helpers/lsp-client';

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');
const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md');

function codes(p: PublishDiagnosticsParams): Set<string> {
  return new Set(p.diagnostics.map((d) => String(d.code)));
}

test('checkFiles publishes diagnostics for files that are not open, skips open ones, counts pages and problems', async () => {
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    const open = 'file:///ws/open.md';
    await s.open(open, SEED1);
    const closed = s.nextDiagnostics('file:///ws/closed.md');
    const readme = s.nextDiagnostics('file:///ws/README.md');
    const files = [
      { uri: open, text: SEED0 },
      { uri: 'file:///ws/closed.md', text: SEED0 },
      { uri: 'file:///ws/README.md', text: '# Tool\n\nUsage.\n' },
    ];
    const r = await s.connection.sendRequest<CheckFilesResult>('releasePages/checkFiles', { files });
    assert.deepEqual(r, {
      checked: 2,
      skippedOpen: 1,
      pages: 1,
      filesWithProblems: 1,
      problems: (await closed).diagnostics.length,
      cancelled: false,
    });
    assert.ok(codes(await closed).has('date-invalid'));
    assert.deepEqual((await readme).diagnostics, []);
  } finally {
    await s.stop();
  }
});

test('checkFiles shows progress (begin, reports, end) when the client has work-done progress; READMEs are not modelled', async () => {
  const s = await startServer({ validate: { debounceMs: 0 } }, null, undefined, {}, { window: { workDoneProgress: true } });
  try {
    const created: unknown[] = [];
    s.connection.onRequest('window/workDoneProgress/create', (p: unknown) => {
      created.push(p);
      return null;
    });
    const kinds: string[] = [];
    s.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
      kinds.push(p.value.kind);
    });
    const files = [
      ...Array.from({ length: 6 }, (_, i) => ({ uri: `file:///ws/page-${i}.md`, text: SEED0 })),
      { uri: 'file:///ws/README.md', text: '# Tool\n\n## Install\n\nnpm install tool\n' },
    ];
    const r = await s.connection.sendRequest<CheckFilesResult>('releasePages/checkFiles', { files });
    assert.equal(r.checked, 7);
    assert.equal(r.pages, 6);
    assert.equal(created.length, 1, 'one progress for the run');
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'), kinds.join(' '));
    assert.equal(kinds.at(-1), 'end');
  } finally {
    await s.stop();
  }
});

test("checkFiles on worker threads: diagnostics published in the files' order, each the same as the open page's", async () => {
  // The 12 smallest real pages that are release pages and an ordinary one: at least 4 pages per core, so the Node server
  // checks them on worker threads (node/parallel.ts, as `check --jobs`) on a machine of 2 or 3 cores; with
  // one core it checks them on its own thread, and the test holds as well.
  const pages = pagesIn('corpus')
    .map((n) => ({ uri: `file:///ws/${n}`, text: readFixture('corpus', n) }))
    .filter((p) => checkText(p.text).isReleasePage)
    .sort((a, b) => a.text.length - b.text.length)
    .slice(0, 12);
  assert.equal(pages.length, 12);
  const files = [...pages, { uri: 'file:///ws/README.md', text: '# Tool\n\n## Install\n\nnpm install tool\n' }];
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    const order: string[] = [];
    // Generous waits: the machine may be busy, and what is tested is the order and the content.
    const published = files.map((f) =>
      s.nextDiagnostics(f.uri, undefined, 120_000).then((p) => {
        order.push(p.uri);
        return p;
      }),
    );
    const r = await s.connection.sendRequest<CheckFilesResult>('releasePages/checkFiles', { files });
    const fromWorkspace = await Promise.all(published);
    assert.deepEqual(
      order,
      files.map((f) => f.uri),
      "published in the files' order",
    );
    assert.equal(r.checked, files.length);
    assert.equal(r.pages, pages.length);
    assert.equal(
      r.problems,
      fromWorkspace.reduce((n, p) => n + p.diagnostics.length, 0),
    );
    assert.ok(r.filesWithProblems > 0 && r.problems >= r.filesWithProblems, `${r.problems} problems in ${r.filesWithProblems} files`);
    for (const [i, f] of files.entries()) {
      const open = await s.open(f.uri, f.text, undefined, 120_000);
      assert.deepEqual(fromWorkspace[i].diagnostics, open.diagnostics, f.uri);
    }
  } finally {
    await s.stop();
  }
});

test('checkFiles stops when cancelled', async () => {
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    const files = Array.from({ length: 300 }, (_, i) => ({ uri: `file:///ws/page-${i}.md`, text: SEED0 }));
    const source = new CancellationTokenSource();
    const pending = s.connection.sendRequest<CheckFilesResult>('releasePages/checkFiles', { files }, source.token);
    // Cancel once the server has checked the first file (its diagnostics arrive), not after a fixed delay.
    await s.nextDiagnostics('file:///ws/page-0.md', undefined, 120_000); // worker threads start first; the machine may be busy
    source.cancel();
    const outcome = await pending.then(
      (r) => r,
      (e: unknown) => e,
    );
    if (outcome instanceof ResponseError)
      assert.equal(outcome.code, -32800); // LSP RequestCancelled
    else {
      const r = outcome as CheckFilesResult;
      assert.equal(r.cancelled, true);
      assert.ok(r.checked < files.length, `${r.checked} checked`);
    }
  } finally {
    await s.stop();
  }
});

test('debounced: quick edits publish once, for the latest version only', async () => {
  const s = await startServer({ validate: { debounceMs: 150 } });
  try {
    const uri = 'untitled:Debounce';
    const seen: Array<number | undefined> = [];
    let validated4: () => void = () => undefined;
    const sawVersion4 = new Promise<void>((resolve) => (validated4 = resolve));
    s.connection.onNotification('releasePages/validated', (p: { uri: string; version: number }) => {
      if (p.uri !== uri) return;
      seen.push(p.version);
      if (p.version === 4) validated4();
    });
    await s.open(uri, SEED1, (p) => p.version === 1);
    const last = s.nextDiagnostics(uri, (p) => p.version === 4);
    const end = { line: 0, character: 0 };
    for (const version of [2, 3, 4]) {
      await s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: end, end }, text: ' ' }],
      });
    }
    assert.equal((await last).version, 4);
    await sawVersion4;
    // Version 1 may be checked twice: once when opened, once more if the settings read at start-up arrive
    // after the didOpen (they differ from the defaults, so open pages are checked again). 2 and 3 never.
    assert.deepEqual([...new Set(seen)], [1, 4], 'versions 2 and 3 were never checked');
  } finally {
    await s.stop();
  }
});

test('a config file written and announced (didChangeWatchedFiles) applies without a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-watch-'));
  const file = join(dir, 'release-management.md');
  writeFileSync(file, SEED0);
  const uri = pathToFileURL(file).toString();
  const s = await startServer({ validate: { debounceMs: 0 } }, pathToFileURL(dir).toString());
  try {
    assert.ok(codes(await s.open(uri, SEED0)).has('date-invalid'));
    const config = join(dir, '.release-pages.yaml');
    writeFileSync(config, 'rules:\n  date-invalid: off\n  link-target-space: off\n');
    const after = s.nextDiagnostics(uri, (p) => !codes(p).has('date-invalid'));
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(config).toString(), type: 1 }],
    });
    const c = codes(await after);
    assert.ok(!c.has('link-target-space') && c.has('table-cell-count'));
  } finally {
    await s.stop();
  }
});

test("multi-root: each folder's config file applies to its own pages; include globs are per folder", async () => {
  const root = mkdtempSync(join(tmpdir(), 'release-pages-multi-'));
  const a = join(root, 'a');
  const b = join(root, 'b');
  mkdirSync(join(a, 'notes'), { recursive: true });
  mkdirSync(b);
  writeFileSync(join(b, '.release-pages.yaml'), 'rules:\n  date-invalid: off\n');
  const uriA = pathToFileURL(join(a, 'page.md')).toString();
  const uriB = pathToFileURL(join(b, 'page.md')).toString();
  const notes = pathToFileURL(join(a, 'notes', 'plain.md')).toString();
  const folders = [
    { uri: pathToFileURL(a).toString(), name: 'a' },
    { uri: pathToFileURL(b).toString(), name: 'b' },
  ];
  const s = await startServer({ validate: { debounceMs: 0 }, include: ['notes/**/*.md'] }, null, folders);
  try {
    const da = s.nextDiagnostics(uriA);
    const db = s.nextDiagnostics(uriB);
    const dn = s.nextDiagnostics(notes);
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriA, languageId: 'markdown', version: 1, text: SEED0 },
    });
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriB, languageId: 'markdown', version: 1, text: SEED0 },
    });
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: notes, languageId: 'markdown', version: 1, text: '# Notes\n\n| Feature | Status |\n|---|---|\n| A | red |\n' },
    });
    assert.ok(codes(await da).has('date-invalid'));
    assert.ok(!codes(await db).has('date-invalid'));
    assert.ok(codes(await dn).has('status-case'), 'included by the folder-relative glob');
  } finally {
    await s.stop();
  }
});

test('multi-root: settings are read per folder (scopeUri) and each folder obeys its own, also after a change', async () => {
  const root = mkdtempSync(join(tmpdir(), 'release-pages-scoped-'));
  const folders = ['a', 'b'].map((name) => ({ uri: pathToFileURL(join(root, name)).toString(), name }));
  const [uriA, uriB] = folders.map((f) => `${f.uri}/page.md`);
  const scoped: Record<string, Record<string, unknown>> = {
    [folders[0].uri]: { rules: { 'date-invalid': 'off' } },
    [folders[1].uri]: { enable: true },
  };
  const asked: Array<string | undefined> = [];
  const settings = (scopeUri: string | undefined): Record<string, unknown> => {
    asked.push(scopeUri);
    return { validate: { debounceMs: 0 }, ...(scopeUri ? scoped[scopeUri] : {}) };
  };
  const s = await startServer(settings, null, folders);
  try {
    const [da, db] = await Promise.all([s.open(uriA, SEED0), s.open(uriB, SEED0)]);
    assert.ok(asked.includes(folders[0].uri) && asked.includes(folders[1].uri), 'each folder asked with its scopeUri');
    assert.ok(!codes(da).has('date-invalid'), 'folder a turns date-invalid off');
    assert.ok(codes(db).has('date-invalid'), 'folder b keeps it');
    // The folder setting changes: only that folder's pages follow.
    scoped[folders[1].uri] = { enable: false };
    const off = s.nextDiagnostics(uriB, (p) => p.diagnostics.length === 0);
    const again = s.nextDiagnostics(uriA);
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await off;
    const a2 = await again;
    assert.ok(a2.diagnostics.length > 0 && !codes(a2).has('date-invalid'), 'folder a re-checked with its own settings');
  } finally {
    await s.stop();
  }
});

test('statuses, priorities and enable take effect without a restart', async () => {
  const settings: Record<string, unknown> = { validate: { debounceMs: 0 } };
  const s = await startServer(settings);
  try {
    const uri = 'untitled:Settings';
    // Mostly the usual values, so the one P1 and the one Done are slips (a page's own consistent words are learned).
    const rows = '| A | Must | Green |\n| B | Should | Red |\n| C | P1 | Done |\n';
    const text = `# oVirt 9.9 Release Management\n\n| Feature | Release priority | Status |\n|---|---|---|\n${rows}`;
    assert.deepEqual([...codes(await s.open(uri, text))].sort(), ['priority-unknown', 'status-unknown']);
    Object.assign(settings, { statuses: ['Green', 'Red', 'Done'], priorities: ['Must', 'Should', 'P1'] });
    const clean = s.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { releasePages: settings } });
    await clean;
    Object.assign(settings, { statuses: ['Green'], enable: false });
    const off = s.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { releasePages: settings } });
    await off;
    settings.enable = true;
    const on = s.nextDiagnostics(uri, (p) => codes(p).has('status-unknown'));
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { releasePages: settings } });
    await on;
  } finally {
    await s.stop();
  }
});
