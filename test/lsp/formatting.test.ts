// Table formatting over stdio against the built server: document, range and command formatting, and the
// dynamic registration that `releasePages.format.enable` switches on and off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Registration, TextEdit, Unregistration } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type LspSession } from '../helpers/lsp-client';
import { ROOT, readFixture } from '../helpers/paths';
import { bigTablePage } from '../helpers/big-pages';

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');

const formatDocument = (s: LspSession, uri: string): Promise<TextEdit[]> =>
  s.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });

const apply = (text: string, edits: TextEdit[]): string => TextDocument.applyEdits(TextDocument.create('x:y', 'markdown', 1, text), edits);

test('document formatting aligns the tables of a release page and changes nothing else', async () => {
  const uri = 'untitled:fmt-1';
  // Seed 000's Feature column is 136 display columns wide: without a limit every pipe lines up.
  const s = await startServer({ validate: { debounceMs: 0 }, format: { maxColumnWidth: 0 } });
  try {
    await s.open(uri, SEED0);
    const edits = await formatDocument(s, uri);
    assert.ok(edits.length > 10, `${edits.length} edits`);
    const out = apply(SEED0, edits);
    const before = SEED0.split('\n');
    const after = out.split('\n');
    assert.equal(after.length, before.length);
    const changed = new Set(edits.map((e) => e.range.start.line));
    for (const e of edits) assert.equal(e.range.start.line, e.range.end.line, 'single-line edits');
    for (let i = 0; i < before.length; i++) if (!changed.has(i)) assert.equal(after[i], before[i]);
    for (const l of changed) assert.match(before[l], /^\|/, `line ${l + 1} is a table line`);
    // The header and a well-formed row now have their pipes at the same columns.
    const pipes = (line: string): number[] => [...line.matchAll(/(?<!\\)\|/g)].map((m) => m.index);
    assert.deepEqual(pipes(after[86]), pipes(after[84]));
    // Formatting the formatted text changes nothing.
    await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: out }] });
    assert.deepEqual(await formatDocument(s, uri), []);
  } finally {
    await s.stop();
  }
});

test('range formatting formats only the table under the selection; the command request works on any page', async () => {
  const uri = 'untitled:fmt-2';
  const page = '---\ncategory: release\n---\n# 9.9 Release Management\n\n|a|b|\n|-|-|\n|1|2|\n\ntext\n\n|c|\n|-|\n|3|\n';
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    await s.open(uri, page);
    const range = (a: number, b: number, endChar = 0): unknown => ({
      start: { line: a, character: 0 },
      end: { line: b, character: endChar },
    });
    const options = { tabSize: 2, insertSpaces: true };
    const inFirst = await s.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: range(6, 6, 3),
      options,
    });
    assert.deepEqual([...new Set(inFirst.map((e) => e.range.start.line))], [5, 6, 7]);
    const onText = await s.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: range(9, 10),
      options,
    });
    assert.deepEqual(onText, []);
    const both = await s.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: range(7, 13, 1),
      options,
    });
    assert.deepEqual([...new Set(both.map((e) => e.range.start.line))], [5, 6, 7, 11, 12, 13]);

    const atCursor = await s.connection.sendRequest<{ version: number; tables: number; edits: TextEdit[] }>('releasePages/formatTables', {
      uri,
      position: { line: 12, character: 1 },
    });
    assert.equal(atCursor.version, 1);
    assert.equal(atCursor.tables, 1);
    assert.equal(apply(page, atCursor.edits), page.replace('|c|\n|-|\n|3|', '| c   |\n| --- |\n| 3   |'));
    const none = await s.connection.sendRequest<{ tables: number; edits: TextEdit[] }>('releasePages/formatTables', {
      uri,
      position: { line: 9, character: 0 },
    });
    assert.deepEqual(none, { version: 1, tables: 0, edits: [] });
    const all = await s.connection.sendRequest<{ tables: number; edits: TextEdit[] }>('releasePages/formatTables', { uri });
    assert.equal(all.tables, 2);
  } finally {
    await s.stop();
  }
});

test('ordinary Markdown is not formatted as a document; format.enable off turns document formatting off', async () => {
  const readme = 'untitled:readme';
  const settings: Record<string, unknown> = { validate: { debounceMs: 0 } };
  const s = await startServer(settings);
  try {
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: readme, languageId: 'markdown', version: 1, text: '# Tool\n\n|a|b|\n|-|-|\n' },
    });
    assert.deepEqual(await formatDocument(s, readme), []);
    const cmd = await s.connection.sendRequest<{ tables: number; edits: TextEdit[] }>('releasePages/formatTables', { uri: readme });
    assert.equal(cmd.tables, 1);
    assert.ok(cmd.edits.length > 0, 'the explicit command formats any Markdown page');

    const uri = 'untitled:fmt-3';
    await s.open(uri, SEED0);
    assert.ok((await formatDocument(s, uri)).length > 0);
    settings.format = { enable: false };
    const republished = s.nextDiagnostics(uri);
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { releasePages: settings } });
    await republished; // the server re-read its settings
    assert.deepEqual(await formatDocument(s, uri), []);
  } finally {
    await s.stop();
  }
});

test('one formatting response stays proportional to the page (2,000 rows, one 100,000-character cell, default settings)', async () => {
  const uri = 'untitled:fmt-huge';
  const page = bigTablePage(2000, 100_000);
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    await s.open(uri, page, undefined, 60_000);
    const edits = await formatDocument(s, uri);
    // The response as JSON: each edit's range costs about 90 characters, the new text about a line of
    // the table; twice the page is a wide margin (measured about 1.2 times; without the column limit the
    // response was 94 MB, over 300 times the page).
    const size = JSON.stringify(edits).length;
    console.log(`formatting response: ${size} characters of JSON for a ${page.length}-character page, ${edits.length} edits`);
    assert.ok(size <= 2 * page.length, `response ${size} characters for a ${page.length}-character page`);
    const out = apply(page, edits);
    assert.ok(out.length <= 1.5 * page.length, `formatted page ${out.length} characters`);
  } finally {
    await s.stop();
  }
});

test('with dynamic registration the formatting providers follow releasePages.format.enable', async () => {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const settings: Record<string, unknown> = { format: { enable: true } };
  const events: string[] = [];
  const waiters: Array<{ event: string; resolve: () => void }> = [];
  const record = (event: string): void => {
    events.push(event);
    for (const w of waiters.filter((x) => x.event === event)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  const next = (event: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within 10 s; events: ${events.join(', ')}`)), 10_000);
      waiters.push({
        event,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  const ids = new Map<string, string>();
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
    for (const r of p.registrations)
      if (r.method.startsWith('textDocument/')) {
        ids.set(r.id, r.method);
        record(`register ${r.method}`);
      }
    return null;
  });
  connection.onRequest('client/unregisterCapability', (p: { unregisterations: Unregistration[] }) => {
    for (const u of p.unregisterations) if (ids.has(u.id)) record(`unregister ${u.method}`);
    return null;
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.listen();
  try {
    const registered = Promise.all([next('register textDocument/formatting'), next('register textDocument/rangeFormatting')]);
    const init = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { formatting: { dynamicRegistration: true }, rangeFormatting: { dynamicRegistration: true } },
      },
    });
    assert.equal(init.capabilities.documentFormattingProvider, undefined, 'no static formatting provider');
    assert.equal(init.capabilities.documentRangeFormattingProvider, undefined);
    await connection.sendNotification('initialized', {});
    await registered;

    const unregistered = Promise.all([next('unregister textDocument/formatting'), next('unregister textDocument/rangeFormatting')]);
    settings.format = { enable: false };
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await unregistered;

    const again = next('register textDocument/formatting');
    settings.format = { enable: true };
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await again;
    assert.deepEqual(
      events.filter((e) => e.endsWith('textDocument/formatting')),
      ['register textDocument/formatting', 'unregister textDocument/formatting', 'register textDocument/formatting'],
    );
  } finally {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  }
});
