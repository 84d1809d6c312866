/// <reference types="mocha" />
// The status preview inside a real VS Code: the webview reports what it drew (read back from its DOM)
// through an internal command; the tests compare that with the model the core builds from the same text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { buildStatus, checkText } from '../../../server/src/core';
import { type PageStatus } from '../../../shared/status';
import type { RenderedSummary } from '../../../shared/preview-messages';
import type { PreviewSnapshot } from '../../../client/src/preview/panel';
import { waitForEvent, workspaceFile } from './helpers';

const SEED_000 = '000_015c11820e0fe26e.md';
const SEED_001 = '001_dc88aac92be68e04.md';
const AS_OF = '2013-06-10';

interface Inspection {
  previews: PreviewSnapshot[];
  lastDisposed: PreviewSnapshot | undefined;
}

const inspect = async (): Promise<Inspection> => await vscode.commands.executeCommand<Inspection>('_releasePages.preview.inspect');
const receive = async (message: unknown): Promise<boolean> =>
  await vscode.commands.executeCommand<boolean>('_releasePages.preview.receive', message);
const waitForRender = async (want: { version?: number; highlighted?: number; rows?: number; title?: string }): Promise<RenderedSummary> =>
  vscode.commands.executeCommand<RenderedSummary>('_releasePages.preview.waitForRender', want, 30_000);

function model(doc: vscode.TextDocument): PageStatus {
  return buildStatus(checkText(doc.getText()), { today: { year: 2013, month: 6, day: 10 } });
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('releasePages.preview'));
}

async function closePreviews(): Promise<void> {
  const tabs = previewTabs();
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  throw new Error(`"${needle}" is not in ${doc.uri.toString()}`);
}

suite('Release Pages: status preview', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('releasePages.preview').update('asOf', AS_OF, vscode.ConfigurationTarget.Global);
    doc = await vscode.workspace.openTextDocument(workspaceFile(SEED_000));
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  });

  suiteTeardown(async () => {
    await closePreviews();
    await vscode.workspace.getConfiguration('releasePages.preview').update('asOf', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the preview commands and the keybinding are contributed; the chord is free in the default keybindings', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['releasePages.openPreview', 'releasePages.openPreviewToSide', 'releasePages.togglePreviewLock'])
      assert.ok(commands.includes(c), c);
    const pkg = vscode.extensions.getExtension('release-pages.release-pages')?.packageJSON as {
      contributes: { keybindings: Array<{ command: string; key: string }> };
      activationEvents: string[];
    };
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:releasePages.preview'));
    const ours = pkg.contributes.keybindings.find((k) => k.command === 'releasePages.openPreviewToSide');
    assert.ok(ours);
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const defaults = vscode.window.activeTextEditor?.document;
    assert.ok(defaults && defaults.getText().includes('"key"'), 'the default keybindings document opened');
    const normalise = (k: string): string =>
      k
        .toLowerCase()
        .split(' ')
        .map((part) => part.split('+').sort().join('+'))
        .join(' ');
    const taken = [...defaults.getText().matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)]
      .filter((m) => normalise(m[1]) === normalise(ours.key) && m[2] !== ours.command)
      .map((m) => m[2]);
    assert.deepEqual(taken, [], `${ours.key} is also bound to ${taken.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('"Open Status Preview to the Side" opens the panel beside the page and draws the page\'s model', async () => {
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('releasePages.openPreviewToSide');
    await waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => previewTabs().length === 1, 'a status preview tab');
    const rendered = await waitForRender({ version: doc.version, title: 'OVirt 3.3 release-management' });
    const s = model(doc);
    assert.equal(previewTabs()[0]?.group.viewColumn, vscode.ViewColumn.Two, 'beside the editor');
    assert.equal(vscode.window.activeTextEditor?.document, doc, 'the editor keeps the focus');
    assert.equal(rendered.title, s.title);
    assert.equal(rendered.ga, s.ga?.date.iso);
    assert.equal(rendered.rows, s.features.length);
    assert.equal(rendered.totalRows, s.features.length);
    assert.deepEqual(rendered.tiles, {
      total: s.counts.total,
      green: s.counts.green,
      orange: s.counts.orange,
      red: s.counts.red,
      unset: s.counts.unset,
      must: s.mustNotGreen.length,
      overdue: s.overdue.length,
    });
    assert.deepEqual(
      rendered.teams,
      s.byTeam.map((g) => g.name ?? 'No team'),
    );
    assert.equal(rendered.milestones, s.milestones.length);
    assert.equal(rendered.criteria, s.criteria.length);
    assert.match(rendered.problems, new RegExp(`${s.problems.counts.error} errors · ${s.problems.counts.warning} warnings`));
    const snap = (await inspect()).previews[0];
    assert.equal(snap.title, `Status: ${SEED_000}`);
    assert.match(snap.nonce, /^[A-Za-z0-9+/]{24}$/);
  });

  test('an edit updates the panel (throttled, for the new document version)', async () => {
    const line = lineOf(doc, '[Instance Types]');
    const text = doc.lineAt(line).text;
    const at = text.indexOf('| Red ') + 2;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(line, at, line, at + 3), 'Green');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const rendered = await waitForRender({ version: doc.version });
    const s = model(doc);
    assert.equal(s.counts.green, 7, 'the model counts the new Green');
    assert.equal(rendered.tiles.green, s.counts.green);
    assert.equal(rendered.tiles.red, s.counts.red);
    assert.equal(rendered.version, doc.version);
  });

  test('a click on a row reveals its line in the editor; a line outside the document is refused', async () => {
    const line = lineOf(doc, '[Multiple Gateways]');
    const moved = waitForEvent(
      vscode.window.onDidChangeTextEditorSelection,
      () => vscode.window.activeTextEditor?.document === doc && vscode.window.activeTextEditor.selection.active.line === line,
      `the cursor on line ${line + 1}`,
    );
    assert.equal(await receive({ type: 'reveal', line }), true);
    await moved;
    // The visible ranges reach the extension host in their own event, after the selection's (the web worker host shows it).
    await waitForEvent(
      vscode.window.onDidChangeTextEditorVisibleRanges,
      () => vscode.window.activeTextEditor?.visibleRanges.some((r) => r.contains(new vscode.Position(line, 0))) === true,
      'the line scrolled into view',
    );
    const before = (await inspect()).previews[0].refused;
    assert.equal(await receive({ type: 'reveal', line: doc.lineCount + 5 }), false);
    assert.equal(await receive({ type: 'reveal', line: '12' }), false, 'a malformed message is ignored');
    assert.equal((await inspect()).previews[0].refused, before + 1);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, line, 'the refused reveal moved nothing');
  });

  test('moving the cursor in the editor highlights the matching row', async () => {
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const line = lineOf(doc, '[Network QoS]');
    editor.selection = new vscode.Selection(line, 5, line, 5);
    const rendered = await waitForRender({ highlighted: line });
    assert.equal(rendered.highlighted, line);
    const ga = model(doc).ga?.line ?? -1;
    editor.selection = new vscode.Selection(ga, 0, ga, 0);
    assert.equal((await waitForRender({ highlighted: ga })).highlighted, ga, 'the GA milestone is highlighted too');
  });

  test('the panel follows the active release page unless locked', async () => {
    const other = await vscode.workspace.openTextDocument(workspaceFile(SEED_001));
    await vscode.window.showTextDocument(other, vscode.ViewColumn.One);
    await waitForRender({ title: 'oVirt 3.4 release management' });
    assert.equal((await inspect()).previews[0].uri, other.uri.toString());
    await vscode.commands.executeCommand('releasePages.togglePreviewLock');
    assert.equal((await inspect()).previews[0].locked, true);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    // Barrier: a second preview of seed 000 renders after any follow the locked panel would have done.
    await vscode.commands.executeCommand('releasePages.openPreviewToSide');
    await waitForRender({ title: 'OVirt 3.3 release-management', version: doc.version });
    const { previews } = await inspect();
    assert.equal(previews.length, 2);
    const locked = previews.find((p) => p.locked);
    assert.equal(locked?.uri, other.uri.toString(), 'the locked panel still shows seed 001');
    assert.equal(locked.title, `[Locked] Status: ${SEED_001}`);
    assert.notEqual(previews[0].nonce, previews[1].nonce, 'each webview document has its own nonce');
  });

  test('closing the panel disposes it: no pending refresh, nothing posted afterwards', async () => {
    const locked = previewTabs().filter((t) => t.label.startsWith('[Locked]'));
    await vscode.window.tabGroups.close(locked);
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const line = lineOf(doc, '[Watchdog engine support]');
    await editor.edit((b) => b.insert(new vscode.Position(line, doc.lineAt(line).text.length), ' '));
    const pending = (await inspect()).previews.some((p) => p.uri === doc.uri.toString() && p.pendingRefresh);
    assert.ok(pending, 'the edit scheduled a refresh');
    await closePreviews();
    const after = await inspect();
    assert.deepEqual(after.previews, []);
    assert.equal(after.lastDisposed?.disposed, true);
    assert.equal(after.lastDisposed.pendingRefresh, false, 'dispose cancelled the scheduled refresh');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
