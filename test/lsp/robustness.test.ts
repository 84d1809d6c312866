// The built server over stdio: pages of virtual workspaces are checked without any configuration lookup,
// JavaScript configuration next to a page never runs, and the server reports its process id (the
// crash-recovery integration test kills that process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerInfo } from '../../shared/protocol';
import { startServer } from '../helpers/lsp-client';
import { readFixture } from '../helpers/paths';

const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md');

test('a vscode-vfs:// page is checked, and no configuration file on the local disk is looked up for it', async () => {
  // The same path on the local disk holds a config that would silence every finding of the page.
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-vfs-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, '.release-pages.yaml'), 'rules:\n  date-placeholder: off\n');
  const local = pathToFileURL(join(dir, 'docs', 'page.md')).toString();
  const virtual = `vscode-vfs://github/owner/repo${new URL(local).pathname}`;
  const s = await startServer({ validate: { debounceMs: 0 } }, 'vscode-vfs://github/owner/repo', [
    { uri: 'vscode-vfs://github/owner/repo', name: 'repo' },
  ]);
  try {
    const d = await s.open(virtual, SEED1);
    assert.equal(d.diagnostics.filter((x) => x.code === 'date-placeholder').length, 6, 'the local config was not applied');
    // The same text as a local file does pick the config up (the control case).
    assert.equal((await s.open(local, SEED1)).diagnostics.length, 0);
    const edited = s.nextDiagnostics(virtual, (p) => p.version === 2);
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: virtual, version: 2 },
      contentChanges: [{ text: `${SEED1}\n| a | b |\n|---|\n` }],
    });
    assert.ok((await edited).diagnostics.length >= 6);
  } finally {
    await s.stop();
  }
});

test('a .release-pages.js next to an open page never runs in the server', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-lsp-trust-'));
  const marker = join(dir, 'pwned');
  writeFileSync(
    join(dir, '.release-pages.js'),
    `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { rules: { 'date-placeholder': 'off' } };\n`,
  );
  const uri = pathToFileURL(join(dir, 'page.md')).toString();
  writeFileSync(join(dir, 'page.md'), SEED1);
  const s = await startServer({ validate: { debounceMs: 0 } }, pathToFileURL(dir).toString());
  try {
    assert.equal((await s.open(uri, SEED1)).diagnostics.length, 6);
    assert.equal(existsSync(marker), false);
  } finally {
    await s.stop();
  }
});

test('releasePages/serverInfo returns the server process id', async () => {
  const s = await startServer();
  try {
    const info = await s.connection.sendRequest<ServerInfo>('releasePages/serverInfo');
    assert.equal(info.pid, s.process.pid);
    assert.ok(info.uptimeMs >= 0);
  } finally {
    await s.stop();
  }
});
