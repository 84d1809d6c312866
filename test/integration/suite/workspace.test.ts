/// <reference types="mocha" />
// Workspace-wide behaviour inside a real VS Code: fix all on save, the workspace check of closed files,
// settings and config files that apply without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, releasePagesDiagnostics, waitForDiagnostics, waitForEvent, workspaceFile } from './helpers';
import type { CheckFilesResult } from '../../../shared/protocol';

const SEED_000 = '000_015c11820e0fe26e.md';

/** What the workspace-check command returns: the server's result plus the number of files sent. */
interface Summary extends CheckFilesResult {
  files: number;
}

function has(rule: string): (ds: vscode.Diagnostic[]) => boolean {
  return (ds) => ds.some((d) => diagnosticCode(d) === rule);
}

async function seedBytes(): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(workspaceFile(SEED_000));
}

suite('Release Pages: fix all on save', () => {
  const editorConfig = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });

  teardown(async () => {
    await editorConfig().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
  });

  test('editor.codeActionsOnSave with source.fixAll.releasePages fixes the page when it is saved', async () => {
    await editorConfig().update(
      'codeActionsOnSave',
      { 'source.fixAll.releasePages': 'explicit' },
      vscode.ConfigurationTarget.Workspace,
      true,
    );
    // In a multi-root workspace the value goes to the .code-workspace file: wait until it reads back.
    const wanted = (): boolean =>
      editorConfig().get<Record<string, string>>('codeActionsOnSave')?.['source.fixAll.releasePages'] === 'explicit';
    await waitForEvent(vscode.workspace.onDidChangeConfiguration, wanted, 'editor.codeActionsOnSave to apply');
    const uri = workspaceFile('fix-on-save.md');
    await vscode.workspace.fs.writeFile(uri, await seedBytes());
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri, has('status-case'), { what: 'status-case problems' });
    const checked = waitForDiagnostics(uri, has('status-case'), { what: 'the edited version checked', onlyAfterChange: true });
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), '\n')));
    await checked; // the save participant then gets its fixes at once, within VS Code's time limit for it
    let saves = 0;
    const counter = vscode.workspace.onDidSaveTextDocument((d) => {
      if (d.uri.toString() === uri.toString()) saves++;
    });
    try {
      // An explicit save, as Ctrl+S does: the save participants run the code actions first.
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitForEvent(vscode.workspace.onDidSaveTextDocument, () => saves > 0 && !doc.isDirty, 'the page to be saved', 30_000);
    } finally {
      counter.dispose();
    }
    // The extension host may hear of the save before it hears of the fix's edits made just before it.
    const fixed = (): boolean => !doc.getText().includes('| red - in progress');
    await waitForEvent(vscode.workspace.onDidChangeTextDocument, fixed, 'the fixes to reach the document');
    const text = doc.getText();
    assert.ok(!text.includes('| red - in progress'), 'status case fixed');
    assert.ok(!text.includes('| must '), 'priority case fixed');
    assert.ok(text.includes('| Red - in progress'));
    assert.ok(text.includes('31/06/2013'), 'a problem without a fix stays');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(onDisk, text);
    await waitForDiagnostics(uri, (ds) => !has('status-case')(ds) && !has('priority-case')(ds) && has('date-invalid')(ds), {
      what: 'fixed problems to go',
    });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});

suite('Release Pages: check all release pages in the workspace', () => {
  const closed = (): vscode.Uri => workspaceFile('closed/closed-page.md');

  suiteSetup(async () => {
    await vscode.workspace.fs.createDirectory(workspaceFile('closed'));
    await vscode.workspace.fs.writeFile(closed(), await seedBytes());
    await vscode.workspace.fs.createDirectory(workspaceFile('node_modules/pkg'));
    await vscode.workspace.fs.writeFile(workspaceFile('node_modules/pkg/release-management.md'), await seedBytes());
  });

  test('findings for a closed file appear in Problems', async () => {
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed().toString()), 'the page is not open');
    const summary = await vscode.commands.executeCommand<Summary>('releasePages.checkWorkspace', { silent: true });
    assert.equal(summary.cancelled, false);
    assert.ok(summary.files >= 3 && summary.checked >= 1 && summary.pages >= 1, JSON.stringify(summary));
    const ds = await waitForDiagnostics(closed(), has('date-invalid'), { what: 'problems of the closed page' });
    assert.ok(ds.length > 50);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed().toString()), 'still not open');
    assert.deepEqual(releasePagesDiagnostics(workspaceFile('node_modules/pkg/release-management.md')), [], 'node_modules is skipped');
  });

  test('a cancelled check stops before sending files', async () => {
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    const summary = await vscode.commands.executeCommand<Summary>('releasePages.checkWorkspace', { silent: true, cancel: source.token });
    source.dispose();
    assert.equal(summary.cancelled, true);
    assert.equal(summary.checked, 0);
  });
});

suite('Release Pages: settings and config files without a reload', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(workspaceFile(SEED_000));
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, has('table-cell-count'), { what: "the seed page's problems" });
  });

  test('releasePages.rules: a rule turned off disappears, and comes back', async () => {
    const config = vscode.workspace.getConfiguration('releasePages');
    await config.update('rules', { 'table-cell-count': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(doc.uri, (ds) => !has('table-cell-count')(ds) && has('date-invalid')(ds), {
        what: 'table-cell-count to go',
      });
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(doc.uri, has('table-cell-count'), { what: 'table-cell-count to come back' });
  });

  test('releasePages.statuses: a status the settings allow is no longer unknown', async () => {
    // Mostly the usual statuses, so the one "Done" is a slip against them (a page's own consistent words are learned).
    const text = '# oVirt 9.9 Release Management\n\n| Feature | Status |\n|---|---|\n| A | Green |\n| B | Red |\n| C | Done |\n';
    const page = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(page);
    await waitForDiagnostics(page.uri, has('status-unknown'), { what: 'status-unknown' });
    const config = vscode.workspace.getConfiguration('releasePages');
    await config.update('statuses', ['Green', 'Orange', 'Red', 'Done'], vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(page.uri, (ds) => !has('status-unknown')(ds), { what: 'status-unknown to go' });
    } finally {
      await config.update('statuses', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('a .release-pages.yaml written next to the page applies at once, and its removal too', async () => {
    await vscode.window.showTextDocument(doc);
    const file = workspaceFile('.release-pages.yaml');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('rules:\n  date-invalid: off\n'));
    try {
      await waitForDiagnostics(doc.uri, (ds) => !has('date-invalid')(ds) && has('table-cell-count')(ds), { what: 'date-invalid to go' });
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await waitForDiagnostics(doc.uri, has('date-invalid'), { what: 'date-invalid to come back' });
  });
});

suite('Release Pages: a multi-root workspace whose folders disagree', () => {
  /** The second folder the launcher opened: its `.vscode/settings.json` turns `date-invalid` off. */
  const secondFolder = (): vscode.WorkspaceFolder => {
    const folder = vscode.workspace.workspaceFolders?.[1];
    if (!folder) throw new Error('the launcher must open a workspace of two folders');
    return folder;
  };

  test("each folder's settings apply to its own pages (seed 000 in both folders, two answers)", async () => {
    const first = await vscode.workspace.openTextDocument(workspaceFile(SEED_000));
    const second = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(secondFolder().uri, 'other-folder.md'));
    // Both are copies of seed 000 (earlier suites may have edited the first one's features table since).
    assert.equal(
      vscode.workspace.getConfiguration('releasePages', second.uri).get<Record<string, string>>('rules')?.['date-invalid'],
      'off',
      'VS Code reads the folder setting',
    );
    await vscode.window.showTextDocument(second);
    await vscode.window.showTextDocument(first);
    await waitForDiagnostics(first.uri, has('date-invalid'), { what: 'date-invalid in the first folder' });
    const ds = await waitForDiagnostics(second.uri, (d) => d.length > 0 && !has('date-invalid')(d), {
      what: 'the second folder’s page checked without date-invalid',
    });
    assert.ok(has('table-cell-count')(ds), 'the other rules still run there');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
