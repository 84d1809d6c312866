/// <reference types="mocha" />
// Table formatting inside a real VS Code: Format Document on a seed page, format on save, Format Selection
// (only the table under the selection), the two commands, and `releasePages.format.enable`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, EXTENSION_ID, waitForDiagnostics, workspaceFile } from './helpers';

const SEED_000 = '000_015c11820e0fe26e.md';
const TWO_TABLES = [
  '---',
  'category: release',
  '---',
  '# 9.9 Release Management',
  '',
  '|Feature|Status|',
  '|-|-|',
  '|Snapshots|red|',
  '',
  'Between the tables.',
  '',
  '|Team|Release priority|',
  '|:-:|--:|',
  '|Virt|must|',
  '',
].join('\n');

const GLOBAL = vscode.ConfigurationTarget.Global;

/** Pipe columns of a table line (escaped pipes skipped). */
function pipes(line: string): number[] {
  return [...line.matchAll(/(?<!\\)\|/g)].map((m) => m.index);
}

/** Pages this suite writes into the workspace (removed at the end, so later suites see the seeds only). */
const CREATED = new Set<string>();

async function openCopy(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = workspaceFile(name);
  CREATED.add(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const shown = waitForDiagnostics(uri, (ds) => ds.length > 0, { what: `the problems of ${name}` });
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  await shown;
  return doc;
}

/**
 * Turns `releasePages.format.enable` on or off and waits until the server has applied it: the server
 * (un)registers its formatting providers before it republishes diagnostics. So that the republish that
 * follows this change can be told apart, status-case findings are information while formatting is off.
 */
async function setFormatting(doc: vscode.TextDocument, enable: boolean): Promise<void> {
  const severity = enable ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const applied = waitForDiagnostics(doc.uri, (ds) => ds.some((d) => diagnosticCode(d) === 'status-case' && d.severity === severity), {
    what: `the server to apply releasePages.format.enable = ${enable}`,
  });
  const config = vscode.workspace.getConfiguration('releasePages');
  await config.update('format.enable', enable, GLOBAL);
  await config.update('rules', enable ? undefined : { 'status-case': 'information' }, GLOBAL);
  await applied;
}

suite('Release Pages: table formatting', () => {
  suiteSetup(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('defaultFormatter', EXTENSION_ID, GLOBAL, true);
    // Off and on again: once the server has applied `true`, its formatting providers are registered.
    const doc = await openCopy('format-warmup.md', TWO_TABLES);
    await setFormatting(doc, false);
    await setFormatting(doc, true);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', doc.uri, {
      tabSize: 2,
      insertSpaces: true,
    });
    assert.ok((edits ?? []).length > 0, 'the formatting provider is registered');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    for (const name of CREATED) await vscode.workspace.fs.delete(workspaceFile(name)).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('defaultFormatter', undefined, GLOBAL, true);
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('formatOnSave', undefined, GLOBAL, true);
    await vscode.workspace.getConfiguration('releasePages').update('format.enable', undefined, GLOBAL);
    await vscode.workspace.getConfiguration('releasePages').update('rules', undefined, GLOBAL);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Format Document aligns the tables of a seed page and changes no other line', async () => {
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(SEED_000)));
    const doc = await openCopy('format-seed.md', original);
    await vscode.commands.executeCommand('editor.action.formatDocument');
    const before = original.split('\n');
    const after = doc.getText().split('\n');
    assert.equal(after.length, before.length);
    let changed = 0;
    for (let i = 0; i < before.length; i++) {
      if (after[i] === before[i]) continue;
      changed++;
      assert.match(before[i], /^\|/, `line ${i + 1} changed but is no table line`);
    }
    assert.ok(changed > 10, `${changed} lines changed`);
    const header = after.findIndex((l) => l.startsWith('| Functional team'));
    assert.ok(header >= 0);
    // The second column (Feature) is 136 display columns wide, over `releasePages.format.maxColumnWidth`
    // (120 by default): the column before it lines up, and it is not padded.
    const head = pipes(after[header]).slice(0, 2);
    assert.deepEqual(pipes(after[header + 1]).slice(0, 2), head, 'delimiter row aligned with the header');
    assert.deepEqual(pipes(after[header + 2]).slice(0, 2), head, 'first row aligned with the header');
    assert.ok(!after[header + 1].includes('-'.repeat(121)), 'the wide column is not padded');
  });

  test('format on save formats the tables before the page is written', async () => {
    const doc = await openCopy('format-on-save.md', TWO_TABLES);
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('formatOnSave', true, GLOBAL, true);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(7, 1), 'VM '));
    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.equal(doc.isDirty, false);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri)).split('\n');
    assert.deepEqual(onDisk.slice(5, 8), ['| Feature      | Status |', '| ------------ | ------ |', '| VM Snapshots | red    |']);
    assert.deepEqual(onDisk.slice(11, 14), ['| Team | Release priority |', '| :--: | ---------------: |', '| Virt |             must |']);
    assert.equal(onDisk[9], 'Between the tables.');
  });

  test('Format Selection formats only the table under the selection', async () => {
    const doc = await openCopy('format-selection.md', TWO_TABLES);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(12, 1, 13, 2);
    await vscode.commands.executeCommand('editor.action.formatSelection');
    const lines = doc.getText().split('\n');
    assert.deepEqual(lines.slice(5, 8), ['|Feature|Status|', '|-|-|', '|Snapshots|red|'], 'the first table is untouched');
    assert.deepEqual(lines.slice(11, 14), ['| Team | Release priority |', '| :--: | ---------------: |', '| Virt |             must |']);
  });

  test('commands: Format table at cursor formats one table, Format all tables the others', async () => {
    const doc = await openCopy('format-commands.md', TWO_TABLES);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(6, 1, 6, 1);
    assert.equal(await vscode.commands.executeCommand('releasePages.formatTable'), true);
    let lines = doc.getText().split('\n');
    assert.deepEqual(lines.slice(5, 8), ['| Feature   | Status |', '| --------- | ------ |', '| Snapshots | red    |']);
    assert.equal(lines[11], '|Team|Release priority|');
    editor.selection = new vscode.Selection(9, 0, 9, 0);
    assert.equal(await vscode.commands.executeCommand('releasePages.formatTable'), false, 'no table at the cursor');
    assert.equal(await vscode.commands.executeCommand('releasePages.formatAllTables'), true);
    lines = doc.getText().split('\n');
    assert.equal(lines[11], '| Team | Release priority |');
    assert.equal(lines[5], '| Feature   | Status |');
  });

  test('releasePages.format.enable off: Release Pages is no Markdown formatter; the commands still work', async () => {
    const doc = await openCopy('format-disabled.md', TWO_TABLES);
    await setFormatting(doc, false);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', doc.uri, {
      tabSize: 2,
      insertSpaces: true,
    });
    assert.deepEqual(edits ?? [], []);
    assert.equal(await vscode.commands.executeCommand('releasePages.formatAllTables'), true);
    assert.equal(doc.getText().split('\n')[5], '| Feature   | Status |');
    await setFormatting(doc, true);
    const other = await openCopy('format-enabled-again.md', TWO_TABLES);
    const back = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', other.uri, {
      tabSize: 2,
      insertSpaces: true,
    });
    assert.ok((back ?? []).length > 0, 'the formatting provider is registered again');
  });
});
