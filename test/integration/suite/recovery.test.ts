/// <reference types="mocha" />
// Runs inside a real VS Code: the language server process is killed (SIGKILL, as the OOM killer would);
// the LanguageClient starts a new one and the open page gets its diagnostics back. Both processes run with
// the V8 flags the client gives the server (shared/server-process.ts).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ServerInfo } from '../../../shared/protocol';
import { SERVER_EXEC_ARGV } from '../../../shared/server-process';
import { describeDiagnostics, diagnosticCode, waitForDiagnostics, workspaceFile } from './helpers';

const SEED_001 = '001_dc88aac92be68e04.md';

function hasPlaceholder(doc: vscode.TextDocument): (diagnostics: vscode.Diagnostic[]) => boolean {
  return (ds) => ds.some((d) => diagnosticCode(d) === 'date-placeholder' && doc.lineAt(d.range.start.line).text.includes('\\1'));
}

/** Asserts that the server process `pid` was started with the client's V8 flags (where /proc tells a process's command line). */
function assertServerFlags(pid: number): void {
  const file = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self/cmdline')) return;
  const args = readFileSync(file, 'utf8').split('\0');
  for (const flag of SERVER_EXEC_ARGV) assert.ok(args.includes(flag), `server ${pid} started without ${flag}: ${args.join(' ')}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

suite('Release Pages: the language server process dies', () => {
  test('killed with SIGKILL, the server is restarted and the open page gets its diagnostics back', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile(SEED_001));
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, hasPlaceholder(doc), { what: 'diagnostics before the crash' });
    const before = await vscode.commands.executeCommand<ServerInfo | undefined>('releasePages.serverInfo'); // what the command returned: checked
    assert.ok(
      before && typeof before.pid === 'number' && Number.isInteger(before.pid) && before.pid !== process.pid,
      `server info: ${JSON.stringify(before)}`,
    );
    const pid = before.pid;
    assert.ok(isAlive(pid));
    assertServerFlags(pid);

    let changes = 0;
    const counter = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString())) changes++;
    });
    try {
      process.kill(pid, 'SIGKILL');
      const diagnostics = await waitForDiagnostics(doc.uri, (ds) => changes > 0 && hasPlaceholder(doc)(ds), {
        timeoutMs: 60_000,
        onlyAfterChange: true,
        what: 'diagnostics from the restarted server',
      });
      assert.ok(hasPlaceholder(doc)(diagnostics), describeDiagnostics(diagnostics));
    } finally {
      counter.dispose();
    }
    const after = await vscode.commands.executeCommand<ServerInfo>('releasePages.serverInfo');
    assert.ok(typeof after.pid === 'number' && after.pid !== pid, `a new server process: ${JSON.stringify(after)}`);
    assert.equal(isAlive(pid), false);
    assert.ok(isAlive(after.pid));
    assertServerFlags(after.pid);
    // The new server answers edits too.
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineAt(
      doc
        .getText()
        .split('\n')
        .findIndex((l) => l.includes('\\1')),
    );
    const fixedOne = releasePagesCount(doc) - 1;
    await editor.edit((b) =>
      b.replace(
        new vscode.Range(line.range.start.line, line.text.indexOf('\\1'), line.range.start.line, line.text.indexOf('\\1') + 2),
        '2014-03-20',
      ),
    );
    await waitForDiagnostics(doc.uri, (ds) => ds.length === fixedOne, { what: 'diagnostics after an edit, from the new server' });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

function releasePagesCount(doc: vscode.TextDocument): number {
  return vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'release-pages').length;
}
