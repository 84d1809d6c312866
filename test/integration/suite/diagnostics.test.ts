/// <reference types="mocha" />
// Runs inside a real VS Code (code-server or @vscode/test-electron) with the real `vscode` API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  diagnosticCode,
  EXTENSION_ID,
  releasePagesDiagnostics,
  waitForDiagnostics,
  waitForEvent,
  workspaceFile,
} from './helpers';

const SEED_001 = '001_dc88aac92be68e04.md';

function isPlaceholder(doc: vscode.TextDocument, d: vscode.Diagnostic): boolean {
  return diagnosticCode(d) === 'date-placeholder' && doc.lineAt(d.range.start.line).text.includes('\\1');
}

function hasPlaceholder(doc: vscode.TextDocument): (diagnostics: vscode.Diagnostic[]) => boolean {
  return (diagnostics) => diagnostics.some((d) => isPlaceholder(doc, d));
}

async function closeActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('Release Pages: diagnostics on a release page', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(workspaceFile(SEED_001));
    await vscode.window.showTextDocument(doc);
  });

  test('flags the **\\1** template placeholders with date-placeholder', async () => {
    assert.equal(doc.languageId, 'markdown');
    const diagnostics = await waitForDiagnostics(doc.uri, hasPlaceholder(doc), { what: 'a date-placeholder diagnostic' });
    const hits = diagnostics.filter((d) => isPlaceholder(doc, d));
    assert.ok(hits.length >= 1, describeDiagnostics(diagnostics));
    assert.ok(hits.every((d) => d.source === 'release-pages'));
    assert.ok(
      hits.some((d) => doc.getText(doc.lineAt(d.range.start.line).range).includes('**\\1**')),
      `no placeholder diagnostic on a line with **\\1**:\n${describeDiagnostics(hits)}`,
    );
  });

  test('the extension is active (activated by onLanguage:markdown)', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    assert.equal(extension.isActive, true);
    assert.equal(extension.packageJSON.name, 'release-pages');
  });

  test('releasePages.restartServer: diagnostics come back after the restart', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('releasePages.restartServer'));
    let changes = 0;
    const counter = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString())) changes++;
    });
    try {
      await vscode.commands.executeCommand('releasePages.restartServer');
      const diagnostics = await waitForDiagnostics(doc.uri, (ds) => changes > 0 && hasPlaceholder(doc)(ds), {
        what: 'diagnostics republished by the restarted server',
      });
      assert.ok(diagnostics.some((d) => isPlaceholder(doc, d)));
    } finally {
      counter.dispose();
    }
  });

  test('releasePages.showOutput reveals the Release Pages output channel', async () => {
    await vscode.commands.executeCommand('releasePages.showOutput');
    const isChannel = (d: vscode.TextDocument): boolean => d.uri.scheme === 'output' && d.uri.path.includes('Release Pages');
    await waitForEvent(
      vscode.workspace.onDidOpenTextDocument,
      () => vscode.workspace.textDocuments.some(isChannel),
      'the Release Pages output channel document',
    );
  });
});

suite('Release Pages: ordinary Markdown', () => {
  teardown(async () => {
    while (vscode.window.activeTextEditor?.document.isUntitled) await closeActiveEditor();
  });

  test('a README-like untitled document gets no release-pages diagnostics', async () => {
    const readme = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content:
        '# my-tool\n\nA small command-line tool.\n\n## Install\n\n    npm install my-tool\n\n## Usage\n\nReplace **\\1** in the template with your name, then run `my-tool`.\n',
    });
    await vscode.window.showTextDocument(readme);
    // Barrier: a release page opened after the README. The server validates documents in the order it
    // receives them, so once the barrier's diagnostics arrive, any for the README would have arrived too.
    const seed = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(SEED_001)));
    const barrier = await vscode.workspace.openTextDocument({ language: 'markdown', content: seed });
    await vscode.window.showTextDocument(barrier);
    await waitForDiagnostics(barrier.uri, hasPlaceholder(barrier), { what: "the barrier page's diagnostics" });
    assert.deepEqual(
      releasePagesDiagnostics(readme.uri).map((d) => `${diagnosticCode(d)}: ${d.message}`),
      [],
    );
  });
});
