// The built server over stdio with hostile configuration files in the workspace: it never reads a device
// or a pipe, never leaves the workspace through `extends`, reads each file of a chain once per change,
// and answers within a time bound with its peak memory (VmHWM, measured by Linux) below a bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { ServerInfo } from '../../shared/protocol';
import { startServer, type LspSession } from '../helpers/lsp-client';

/** How long the first diagnostics of a page may take, and the peak memory a case may add to the server. */
const ANSWER_MS = 10_000;
const RSS_BOUND_KB = 100 * 1024;

const PAGE = `---
title: 4.2 Release Management
category: release
---

# oVirt 4.2 Release Management

## Features

| Feature | Owner | Release priority | Status |
|---|---|---|---|
${Array.from({ length: 200 }, (_, i) => `| Feature ${i} | owner | Must | ${i % 2 ? 'Green' : `Unknown${i}`} |`).join('\n')}
`;

/** A diagnostic's message as text (the server sends strings). */
const text = (d: { message: string | { value: string } }): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** The server's peak resident memory in KB (Linux), or null where /proc is not there. */
function peakKb(pid: number): number | null {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(status, 'utf8'));
  return m ? Number(m[1]) : null;
}

interface Served {
  s: LspSession;
  dir: string;
  page: string;
  peak0: number | null;
}

/** A workspace folder (a project, with `.git`) holding page.md and `files`, and a server started on it. */
async function serve(files: Record<string, string>, setup: (dir: string) => void = () => undefined): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-lsp-config-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'page.md'), PAGE);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  setup(dir);
  const s = await startServer({ validate: { debounceMs: 0 } }, pathToFileURL(dir).toString());
  // The server answers a request before any page is open: its memory after start-up is the reference.
  await s.connection.sendRequest<ServerInfo>('releasePages/serverInfo');
  return { s, dir, page: pathToFileURL(join(dir, 'page.md')).toString(), peak0: peakKb(s.process.pid!) };
}

/** Stops the server; one that does not answer (the old code stuck on a pipe) is killed. */
async function done(x: Served): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<'stuck'>((resolve) => (timer = setTimeout(() => resolve('stuck'), 5_000)));
  const outcome = await Promise.race([x.s.stop().then(() => 'stopped' as const), stuck]);
  clearTimeout(timer);
  if (outcome === 'stuck') x.s.process.kill('SIGKILL');
}

/** Opens the page and waits for its diagnostics and for the configuration file's problem; checks time, memory and that the server still answers. */
async function openBounded(
  x: Served,
  configFile: string,
  problem: RegExp,
): Promise<{ page: PublishDiagnosticsParams; config: PublishDiagnosticsParams }> {
  const configUri = pathToFileURL(configFile).toString();
  const config = x.s.nextDiagnostics(configUri, (p) => p.diagnostics.some((d) => problem.test(text(d))), ANSWER_MS);
  const t = performance.now();
  const page = await x.s.open(x.page, PAGE, undefined, ANSWER_MS);
  const result = { page, config: await config };
  assert.ok(performance.now() - t < ANSWER_MS, `took ${(performance.now() - t).toFixed(0)} ms`);
  await x.s.connection.sendRequest<ServerInfo>('releasePages/serverInfo');
  const peak = peakKb(x.s.process.pid!);
  if (peak !== null && x.peak0 !== null) assert.ok(peak - x.peak0 < RSS_BOUND_KB, `peak RSS grew from ${x.peak0} KB to ${peak} KB`);
  return result;
}

for (const device of ['/dev/zero', '/dev/urandom']) {
  test(`server: extends ${device} is refused at its position; the page is checked, memory stays bounded`, async () => {
    const x = await serve({ '.release-pages.yaml': `rules:\n  value-unset: off\nextends: ${device}\n` });
    try {
      const { page, config } = await openBounded(x, join(x.dir, '.release-pages.yaml'), /outside the workspace/);
      assert.ok(page.diagnostics.some((d) => d.code === 'status-unknown'));
      const d = config.diagnostics.find((p) => /outside the workspace/.test(text(p)))!;
      assert.deepEqual(d.range.start, { line: 2, character: 9 });
      assert.match(text(d), /allow more with the setting releasePages\.config\.allowExtends/);
    } finally {
      await done(x);
    }
  });
}

test('server: extends a FIFO in the workspace does not hang the server (the pipe is never opened)', async () => {
  const x = await serve({ '.release-pages.yaml': 'extends: ./base.fifo\n' }, (dir) =>
    assert.equal(spawnSync('mkfifo', [join(dir, 'base.fifo')]).status, 0, 'mkfifo is needed'),
  );
  try {
    await openBounded(x, join(x.dir, '.release-pages.yaml'), /"\.\/base\.fifo" is not a regular file/);
  } finally {
    await done(x);
  }
});

test('server: an extends diamond of 20 levels is resolved once, not on every keystroke', async () => {
  const files: Record<string, string> = {
    '.release-pages.yaml': 'extends: d0.yaml\nrules:\n  no-such-rule: off\n',
    'd20.yaml': 'statuses: [Green, Orange, Red]\n',
  };
  for (let i = 0; i < 20; i++) files[`d${i}.yaml`] = `extends: [d${i + 1}.yaml, d${i + 1}.yaml]\n`;
  const x = await serve(files);
  try {
    await openBounded(x, join(x.dir, '.release-pages.yaml'), /Unknown rule "no-such-rule"/);
    const t = performance.now();
    for (let version = 2; version <= 11; version++) {
      const next = x.s.nextDiagnostics(x.page, (p) => p.version === version, ANSWER_MS);
      await x.s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: x.page, version },
        contentChanges: [{ text: PAGE.replace('Feature 1 ', `Feature 1 v${version} `) }],
      });
      await next;
    }
    const perEdit = (performance.now() - t) / 10;
    assert.ok(perEdit < 1_000, `an edit took ${perEdit.toFixed(0)} ms`);
  } finally {
    await done(x);
  }
});

test('server: 8,000 statuses check in linear time, edit after edit', async () => {
  const statuses = Array.from({ length: 8000 }, (_, i) => `S${i}`);
  const x = await serve({
    '.release-pages.yaml': `statuses: [Green, ${statuses.join(', ')}]\nrules:\n  status-case:\n    statuses: [${[...statuses].reverse().join(', ')}, Green]\n  bad-rule: off\n`,
  });
  try {
    const { page } = await openBounded(x, join(x.dir, '.release-pages.yaml'), /Unknown rule "bad-rule"/);
    const unknown = page.diagnostics.filter((d) => d.code === 'status-unknown');
    assert.equal(unknown.length, 100);
    assert.ok(text(unknown[0]).length < 300, 'the message lists a few values, not 8,000');
    const t = performance.now();
    for (let version = 2; version <= 6; version++) {
      const next = x.s.nextDiagnostics(x.page, (p) => p.version === version, ANSWER_MS);
      await x.s.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: x.page, version },
        contentChanges: [{ text: PAGE.replace('Unknown0 ', `Unknown0${version}`) }],
      });
      await next;
    }
    const perEdit = (performance.now() - t) / 5;
    assert.ok(perEdit < 1_000, `an edit took ${perEdit.toFixed(0)} ms`);
  } finally {
    await done(x);
  }
});

test('server: a 5,000-file extends chain stops at 32 files with a problem naming the chain', async () => {
  const files: Record<string, string> = { '.release-pages.yaml': 'extends: chain/c0.yaml\n' };
  for (let i = 0; i < 5000; i++) files[`chain/c${i}.yaml`] = `extends: c${i + 1}.yaml\n`;
  const x = await serve(files);
  try {
    const { config } = await openBounded(x, join(x.dir, 'chain', 'c30.yaml'), /goes deeper than 32 files/);
    assert.match(
      text(config.diagnostics[0]),
      /\.release-pages\.yaml → chain\/c0\.yaml → .* → chain\/c31\.yaml; chain\/c31\.yaml is not read\./,
    );
  } finally {
    await done(x);
  }
});

test('server: extends /etc/passwd (outside the workspace) is refused and nothing of it is published', async () => {
  const x = await serve({ '.release-pages.yaml': 'extends: [/etc/passwd, base.yaml]\n' }, (dir) =>
    symlinkSync('/etc/passwd', join(dir, 'base.yaml')),
  );
  try {
    const { config } = await openBounded(x, join(x.dir, '.release-pages.yaml'), /is a symbolic link to a file outside the workspace/);
    assert.equal(config.diagnostics.length, 2);
    assert.match(text(config.diagnostics[0]), /"\/etc\/passwd" is outside the workspace/);
    assert.doesNotMatch(JSON.stringify(config), /root|nologin|daemon/);
  } finally {
    await done(x);
  }
});

test('server: a configuration file that is a symbolic link loop is reported on that file, not ignored', async () => {
  const x = await serve({}, (dir) => {
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    symlinkSync('loop-a', join(dir, '.release-pages.yaml'));
  });
  try {
    const { config } = await openBounded(x, join(x.dir, '.release-pages.yaml'), /is a symbolic link loop/);
    assert.deepEqual(config.diagnostics[0].range.start, { line: 0, character: 0 });
  } finally {
    await done(x);
  }
});

test('server: releasePages.config.allowExtends lets extends name a file outside the workspace', async () => {
  const shared = mkdtempSync(join(tmpdir(), 'release-pages-shared-'));
  writeFileSync(join(shared, 'base.yaml'), 'rules:\n  status-unknown: off\n');
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-lsp-allow-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.release-pages.yaml'), `extends: ${join(shared, 'base.yaml')}\n`);
  const uri = pathToFileURL(join(dir, 'page.md')).toString();
  const refused = await startServer({ validate: { debounceMs: 0 } }, pathToFileURL(dir).toString());
  try {
    assert.ok((await refused.open(uri, PAGE)).diagnostics.some((d) => d.code === 'status-unknown'));
  } finally {
    await refused.stop();
  }
  const allowed = await startServer({ validate: { debounceMs: 0 }, config: { allowExtends: [shared] } }, pathToFileURL(dir).toString());
  try {
    assert.ok(
      !(await allowed.open(uri, PAGE, (p) => !p.diagnostics.some((d) => d.code === 'status-unknown'))).diagnostics.some(
        (d) => d.code === 'status-unknown',
      ),
    );
  } finally {
    await allowed.stop();
  }
});
