// Editor capabilities of the built server over stdio: hover, completion, document symbols, code lens, code actions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CodeLens, CompletionItem, DocumentSymbol, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { applyFixGroups } from '../../server/src/core';
import { readFixture } from '../helpers/paths';
import { positionOf } from '../helpers/positions';
import { startServer, type LspSession } from '../helpers/lsp-client';

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md');
const URI = 'untitled:Seed-000';
let s: LspSession;

before(async () => {
  s = await startServer({ validate: { debounceMs: 0 } });
  await s.open(URI, SEED0);
});

after(async () => {
  await s.stop();
});

function request<T>(method: string, params: object): Promise<T> {
  return s.connection.sendRequest<T>(method, { textDocument: { uri: URI }, ...params });
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return applyFixGroups(text, [edits]).text;
}

test('initialize announces hover, completion, symbols, code lens and both code action kinds', async () => {
  const other = await startServer();
  try {
    const c = other.init.capabilities;
    assert.equal(c.hoverProvider, true);
    assert.ok(c.completionProvider?.triggerCharacters?.includes('|'));
    assert.ok(c.documentSymbolProvider);
    assert.ok(c.codeLensProvider);
    assert.deepEqual(typeof c.codeActionProvider === 'object' ? c.codeActionProvider.codeActionKinds : null, [
      'quickfix',
      'source.fixAll.releasePages',
    ]);
    assert.equal(
      typeof c.codeActionProvider === 'object' && c.codeActionProvider.resolveProvider,
      false,
      'a client that cannot resolve gets edits at once',
    );
  } finally {
    await other.stop();
  }
});

test('hover on a date, a status value and a milestone label', async () => {
  const date = await request<Hover>('textDocument/hover', { position: positionOf(SEED0, '2013-06-14', { offset: 2 }) });
  const text = (h: Hover): string => (typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
  assert.match(text(date), /\*\*2013-06-14\*\* · Friday/);
  assert.match(text(date), /17 days \(2\.4 weeks\) before GA/);
  assert.match(text(date), /days ago|In \d+ days|Today/);
  assert.deepEqual(date.range, { start: positionOf(SEED0, '2013-06-14'), end: positionOf(SEED0, '2013-06-14', { offset: 10 }) });
  const status = await request<Hover>('textDocument/hover', { position: positionOf(SEED0, 'Orange - In progress, ,', { offset: 2 }) });
  assert.match(text(status), /Status: Orange\*\* — Feature is in code base but not completed yet/);
  const label = await request<Hover>('textDocument/hover', { position: positionOf(SEED0, 'Test Day', { offset: 2 }) });
  assert.match(text(label), /\*\*Test Day\*\* · test day/);
  const none = await request<Hover | null>('textDocument/hover', { position: positionOf(SEED0, 'Tracker bug', { offset: 2 }) });
  assert.equal(none, null);
});

test('completion of statuses, priorities, milestone labels', async () => {
  const labels = async (needle: string, o: { lineMarker?: string; offset?: number }): Promise<string[]> =>
    (await request<CompletionItem[]>('textDocument/completion', { position: positionOf(SEED0, needle, o) })).map((i) => i.label);
  assert.deepEqual(await labels('Orange - In progress, ,', { offset: 2 }), ['Green', 'Orange', 'Red']);
  assert.deepEqual(await labels('must ', { lineMarker: 'Device Custom Properties', offset: 1 }), ['Must', 'Should', 'Optional']);
  assert.ok((await labels('RC Build', { offset: 2 })).includes('General availability'));
  const items = await request<CompletionItem[]>('textDocument/completion', {
    position: positionOf(SEED0, 'Orange - In progress, ,', { offset: 2 }),
  });
  assert.deepEqual(items[1].textEdit && 'range' in items[1].textEdit ? items[1].textEdit.newText : null, 'Orange');
  assert.equal(
    typeof items[0].documentation === 'object' ? items[0].documentation.value : '',
    'Feature is in code base and ready for testing.',
  );
});

test('completion of rule ids inside a disable comment', async () => {
  const uri = 'untitled:Directive';
  const text = `${SEED0}\n<!-- release-pages-disable-next-line `;
  await s.open(uri, text);
  const lines = text.split('\n');
  const items = await s.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri },
    position: { line: lines.length - 1, character: lines[lines.length - 1].length },
  });
  assert.ok(items.some((i) => i.label === 'date-format'));
  assert.ok(items.every((i) => /^[a-z]+(-[a-z]+)+$/.test(i.label)));
  await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('document symbols: timeline with milestones, features by team, criteria', async () => {
  const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', {});
  assert.deepEqual(
    symbols.map((x) => x.name),
    ['Timeline', 'Release criteria', 'Features Status Table'],
  );
  assert.deepEqual(symbols[0].children?.map((m) => `${m.name} (${m.detail})`).slice(0, 2), [
    'General availability (2013-07-01)',
    'Beta release (2013-05-31)',
  ]);
  assert.equal(symbols[2].children?.[0].name, 'Virt');
  assert.equal(symbols[2].children[0].children?.[0].name, 'RAM Snapshots');
  assert.equal(symbols[2].children[0].children[0].detail, 'Orange');
});

test('code lens above the features table', async () => {
  const lenses = await request<CodeLens[]>('textDocument/codeLens', {});
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0].range.start.line, 84);
  assert.equal(lenses[0].command?.title, '36 features: 6 Green · 16 Orange · 12 Red · 2 not set — 11 Must not Green');
  assert.equal(lenses[0].command.command, 'releasePages.showTableSummary');
  assert.deepEqual(lenses[0].command.arguments, [{ uri: URI, startLine: 84, endLine: 121, revealLine: 86 }]);
});

test('code actions: the quick fix (preferred) changes only its text; fix all of a rule; disable for this line', async () => {
  const at = positionOf(SEED0, 'red - in progress');
  const range = { start: at, end: { line: at.line, character: at.character + 3 } };
  const actions = await request<CodeAction[]>('textDocument/codeAction', { range, context: { diagnostics: [] } });
  const fix = actions.find((a) => a.title === 'Write "Red"');
  assert.ok(fix?.isPreferred);
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.diagnostics?.[0].code, 'status-case');
  const edits = fix.edit?.changes?.[URI] ?? [];
  assert.deepEqual(edits, [{ range, newText: 'Red' }]);
  const all = actions.find((a) => a.title === 'Fix all status-case problems in this file');
  assert.equal(all?.edit?.changes?.[URI].length, 6);
  const disable = actions.find((a) => a.title === 'Disable status-case for this line');
  const edited = apply(SEED0, disable?.edit?.changes?.[URI] ?? []);
  assert.match(edited.split('\n')[at.line], /<!-- release-pages-disable-line status-case --> \|\s*$/);
});

test('a client that resolves code actions (VS Code) gets the fix-all actions without edits, and their edits when it resolves them', async () => {
  const other = await startServer({ validate: { debounceMs: 0 } }, null, undefined, {
    codeAction: { resolveSupport: { properties: ['edit'] } },
  });
  try {
    const provider = other.init.capabilities.codeActionProvider;
    assert.equal(typeof provider === 'object' && provider.resolveProvider, true);
    await other.open(URI, SEED0);
    const at = positionOf(SEED0, 'red - in progress');
    const range = { start: at, end: { line: at.line, character: at.character + 3 } };
    const actions = await other.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range,
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions.find((a) => a.title === 'Write "Red"')?.edit?.changes?.[URI], [{ range, newText: 'Red' }]);
    const all = actions.find((a) => a.title === 'Fix all status-case problems in this file');
    assert.ok(all && all.edit === undefined && all.data !== undefined);
    assert.equal(all.diagnostics?.length, 6);
    const resolved = await other.connection.sendRequest<CodeAction>('codeAction/resolve', all);
    assert.equal(resolved.edit?.changes?.[URI].length, 6);
    assert.ok(resolved.edit.changes[URI].every((e) => /^(Red|Green|Orange)$/.test(e.newText)));
    const [fixAll] = await other.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.ok(fixAll.edit === undefined && fixAll.diagnostics === undefined, 'more than ten findings: none listed');
    const fixedAll = await other.connection.sendRequest<CodeAction>('codeAction/resolve', fixAll);
    const eager = await request<CodeAction[]>('textDocument/codeAction', { range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(fixedAll.edit, eager[0].edit);
  } finally {
    await other.stop();
  }
});

test('source.fixAll.releasePages (for editor.codeActionsOnSave) fixes every fixable finding', async () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const actions = await request<CodeAction[]>('textDocument/codeAction', { range, context: { diagnostics: [], only: ['source.fixAll'] } });
  assert.deepEqual(
    actions.map((a) => a.kind),
    ['source.fixAll.releasePages'],
  );
  const fixed = apply(SEED0, actions[0].edit?.changes?.[URI] ?? []);
  const uri = 'untitled:Fixed';
  const rules = new Set((await s.open(uri, fixed)).diagnostics.map((d) => String(d.code)));
  for (const r of ['status-case', 'priority-case', 'date-format', 'link-target-space']) assert.ok(!rules.has(r), r);
  assert.ok(rules.has('date-invalid') && rules.has('table-cell-count'), 'problems without a fix remain');
  await s.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('an ordinary Markdown document gets no hover, symbols, lenses or actions', async () => {
  const uri = 'untitled:Readme';
  await s.open(uri, '# Readme\n\nReleased 2013-05-31.\n');
  const td = { textDocument: { uri } };
  assert.equal(await s.connection.sendRequest('textDocument/hover', { ...td, position: { line: 2, character: 12 } }), null);
  assert.deepEqual(await s.connection.sendRequest('textDocument/documentSymbol', td), []);
  assert.deepEqual(await s.connection.sendRequest('textDocument/codeLens', td), []);
  await s.connection.sendNotification('textDocument/didClose', td);
});
