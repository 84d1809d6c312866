import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFixture } from '../helpers/paths';
import { startServer } from '../helpers/lsp-client';
import { buildStatus, checkText } from '../../server/src/core';
import { isPageStatus } from '../../shared/status';
import type { PageStatusResult } from '../../shared/protocol';

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');
const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md');

test('the built server publishes diagnostics for an opened seed page, updates them on change and clears them on close', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-lsp-'));
  const file = join(dir, 'release-management.md');
  writeFileSync(file, SEED1);
  const uri = pathToFileURL(file).toString();
  const s = await startServer({ validate: { debounceMs: 0 } }, pathToFileURL(dir).toString());
  try {
    const d1 = await s.open(uri, SEED1);
    assert.equal(d1.version, 1);
    assert.equal(d1.diagnostics.length, 6);
    for (const d of d1.diagnostics) {
      assert.equal(d.source, 'release-pages');
      assert.equal(d.code, 'date-placeholder');
      assert.match(d.codeDescription?.href ?? '', /docs\/rules\/date-placeholder\.md$/);
    }
    // Replace the first placeholder with a real date: one diagnostic goes away.
    const at = d1.diagnostics[0].range;
    const second = s.nextDiagnostics(uri, (p) => p.version === 2);
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: at, text: '2014-03-20' }],
    });
    const d2 = await second;
    assert.equal(d2.diagnostics.length, 5);
    const summary = await s.connection.sendRequest<{ isReleasePage: boolean; kind: string; warnings: number }>('releasePages/pageSummary', {
      uri,
    });
    assert.deepEqual([summary.isReleasePage, summary.kind, summary.warnings], [true, 'release-management', 5]);
    const cleared = s.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  } finally {
    await s.stop();
  }
});

test('fix-all returns non-overlapping edits that fix the fixable findings', async () => {
  const uri = 'untitled:Untitled-1';
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    const d = await s.open(uri, SEED0);
    assert.ok(d.diagnostics.some((x) => x.code === 'status-case'));
    const r = await s.connection.sendRequest<{ version: number; edits: Array<{ range: { start: { line: number } }; newText: string }> }>(
      'releasePages/fixAll',
      { uri },
    );
    assert.equal(r.version, 1);
    assert.ok(r.edits.length >= 10);
    assert.ok(r.edits.some((e) => e.newText === 'Red'));
    const only = await s.connection.sendRequest<{ edits: Array<{ newText: string }> }>('releasePages/fixAll', {
      uri,
      rule: 'priority-case',
    });
    assert.deepEqual(only.edits.map((e) => e.newText).sort(), ['Must', 'Should']);
  } finally {
    await s.stop();
  }
});

test('settings take effect without a restart: a rule turned off disappears', async () => {
  const uri = 'untitled:Untitled-2';
  const settings: Record<string, unknown> = { validate: { debounceMs: 0 } };
  const s = await startServer(settings);
  try {
    assert.equal((await s.open(uri, SEED1)).diagnostics.length, 6);
    settings.rules = { 'date-placeholder': 'off' };
    const after = s.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { releasePages: settings } });
    await after;
  } finally {
    await s.stop();
  }
});

test('a non-release Markdown page gets an empty diagnostics list', async () => {
  const uri = 'untitled:README';
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    assert.deepEqual((await s.open(uri, '# Readme\n\n| a | Status |\n|---|---|\n| x | red |\n')).diagnostics, []);
  } finally {
    await s.stop();
  }
});

test('problems in a config file are published on that file, and cleared once it is fixed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-lsp-config-'));
  const page = join(dir, 'page.md');
  const config = join(dir, '.release-pages.yaml');
  writeFileSync(page, SEED1);
  writeFileSync(config, 'rules:\n  date-placeholdr: off\n');
  const uri = pathToFileURL(page).toString();
  const configUri = pathToFileURL(config).toString();
  const s = await startServer({ validate: { debounceMs: 0 } }, pathToFileURL(dir).toString());
  try {
    const bad = s.nextDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: SEED1 } });
    const d = await bad;
    assert.equal(d.diagnostics[0].range.start.line, 1);
    const message = d.diagnostics[0].message;
    assert.match(typeof message === 'string' ? message : message.value, /Unknown rule "date-placeholdr"/);
    writeFileSync(config, 'rules:\n  date-placeholder: off\n');
    const cleared = s.nextDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    const none = s.nextDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await cleared;
    await none;
  } finally {
    await s.stop();
  }
});

test("the status request gives the preview the page's status model, with the problems counted, not listed", async () => {
  const uri = 'untitled:Untitled-status';
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    const d = await s.open(uri, SEED0);
    const r = await s.connection.sendRequest<PageStatusResult>('releasePages/pageStatus', { uri, today: '2013-06-10' });
    assert.equal(r.version, 1);
    assert.ok(isPageStatus(r.status));
    const own = buildStatus(checkText(SEED0), { today: { year: 2013, month: 6, day: 10 } });
    assert.deepEqual(r.status, { ...own, problems: { counts: own.problems.counts, items: [] } });
    const c = r.status.problems.counts;
    assert.equal(c.error + c.warning + c.information + c.hint, d.diagnostics.length);
    assert.ok(own.problems.items.length > 0);
  } finally {
    await s.stop();
  }
});
