/// <reference types="mocha" />
// Only in the web worker extension host: that it is one, that the server is the web worker's, and that
// configuration files (read by the client through vscode.workspace.fs) are obeyed, `extends` included.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServerInfo } from '../../../shared/protocol';
import { diagnosticCode, EXTENSION_ID, waitForDiagnostics, workspaceFile } from '../suite/helpers';

const SEED_001 = '001_dc88aac92be68e04.md';

suite('Release Pages in the browser (web worker extension host)', () => {
  test('the extension runs in the web worker: its browser entry started the language server in a web worker', async () => {
    // The test runner itself may run in another extension host (VS Code picks it): the server's answer is the proof.
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    if (!ext.isActive) await ext.activate();
    const info = await vscode.commands.executeCommand<ServerInfo>('releasePages.serverInfo');
    assert.equal(info.host, 'web', `only dist/web/client.js starts a web worker server: ${JSON.stringify(info)}`);
    assert.equal(info.pid, null);
    const runner = typeof (globalThis as { process?: unknown }).process === 'undefined' ? 'the web worker' : 'a Node extension host';
    console.log(`[release-pages-test] the tests run in ${runner}; the extension's server: ${JSON.stringify(info)}`);
  });

  test('a .release-pages.yaml (and the base its extends names) found through vscode.workspace.fs is obeyed, and a change to it too', async () => {
    const dir = workspaceFile('configured');
    const page = vscode.Uri.joinPath(dir, 'page.md');
    const config = vscode.Uri.joinPath(dir, '.release-pages.yaml');
    const base = workspaceFile('web-base.yaml');
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.copy(workspaceFile(SEED_001), page, { overwrite: true });
    await vscode.workspace.fs.writeFile(base, new TextEncoder().encode('rules:\n  date-placeholder: hint\n'));
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('extends: ../web-base.yaml\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(page);
      await vscode.window.showTextDocument(doc);
      const placeholder = (ds: vscode.Diagnostic[]): boolean => ds.some((d) => diagnosticCode(d) === 'date-placeholder');
      const only =
        (severity: vscode.DiagnosticSeverity) =>
        (ds: vscode.Diagnostic[]): boolean =>
          placeholder(ds) && ds.every((d) => diagnosticCode(d) !== 'date-placeholder' || d.severity === severity);
      // date-placeholder at the severity the base gives it (hint; its default is warning).
      await waitForDiagnostics(doc.uri, only(vscode.DiagnosticSeverity.Hint), { what: 'date-placeholder as a hint (from the base)' });
      // The configuration file changes: the rule is back at error.
      await vscode.workspace.fs.writeFile(
        config,
        new TextEncoder().encode('extends: ../web-base.yaml\nrules:\n  date-placeholder: error\n'),
      );
      const after = await waitForDiagnostics(doc.uri, only(vscode.DiagnosticSeverity.Error), {
        what: 'date-placeholder as an error after the configuration changed',
      });
      assert.ok(placeholder(after));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await vscode.workspace.fs.delete(base);
    }
  });
});
