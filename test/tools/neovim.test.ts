// Debian's Neovim (headless) as the language server's client, configured with README's own block:
// it opens a seed page, waits for the diagnostics and writes what vim.diagnostic.get() holds; they must
// be the CLI's findings for the same page.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, LANGUAGE_SERVER, need, root, run, tempDir } from './lib/tools';

const SEED = join(root, 'test', 'fixtures', 'seeds', '000_015c11820e0fe26e.md');
const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

interface CliFinding {
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}
interface NvimDiagnostic {
  lnum: number;
  col: number;
  severity: number;
  message: string;
  source?: string;
  code?: string;
}

/** The Lua block README shows for Neovim 0.7+, the one a user copies into init.lua. */
function readmeBlock(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.startsWith('-- release-pages: Neovim 0.7+'));
  assert.ok(block, "README has no ```lua block starting with '-- release-pages: Neovim 0.7+'");
  return block;
}

// Polls (vim.wait) until the page has diagnostics, then writes them as JSON and quits.
const PROBE = `
local out = vim.env.PROBE_OUT
local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local items = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(items, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code })
end
local clients = {}
for _, c in pairs(vim.lsp.get_active_clients()) do table.insert(clients, c.name) end
vim.fn.writefile({ vim.fn.json_encode({ ok = ok, clients = clients, diagnostics = items }) }, out)
vim.cmd('qall!')
`;

test('Neovim (Debian) with README setup shows the CLI findings of a seed page', { timeout: 180_000 }, (t) => {
  need('nvim');
  const tmp = tempDir('nvim');
  t.after(tmp.dispose);
  // A fresh HOME and XDG folders: no user config, plugins or shada; the bin on PATH as after `npm install -g`.
  const bin = join(tmp.dir, 'bin');
  mkdirSync(bin);
  symlinkSync(LANGUAGE_SERVER, join(bin, 'release-pages-language-server'));
  const work = join(tmp.dir, 'work');
  mkdirSync(work);
  const page = join(work, 'release-management.md');
  writeFileSync(page, readFileSync(SEED));
  writeFileSync(join(tmp.dir, 'init.lua'), readmeBlock());
  writeFileSync(join(tmp.dir, 'probe.lua'), PROBE);
  const out = join(tmp.dir, 'diagnostics.json');
  const env = {
    ...process.env,
    HOME: tmp.dir,
    XDG_CONFIG_HOME: join(tmp.dir, 'config'),
    XDG_DATA_HOME: join(tmp.dir, 'data'),
    XDG_STATE_HOME: join(tmp.dir, 'state'),
    XDG_CACHE_HOME: join(tmp.dir, 'cache'),
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    PROBE_OUT: out,
  };
  const nvim = run(
    'nvim',
    ['--headless', '-n', '-i', 'NONE', '-u', join(tmp.dir, 'init.lua'), '-c', `luafile ${join(tmp.dir, 'probe.lua')}`, page],
    {
      cwd: work,
      env,
      timeoutMs: 120_000,
    },
  );
  assert.equal(nvim.status, 0, `nvim exited ${nvim.status ?? nvim.signal}: ${nvim.stdout}${nvim.stderr}`);
  const got = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; clients: string[]; diagnostics: NvimDiagnostic[] };
  assert.deepEqual(got.clients, ['release-pages'], 'the README block starts one client named release-pages');
  assert.ok(got.ok, 'no diagnostics within 60 s');

  const cli = run(process.execPath, [CLI, 'check', page, '--format', 'json'], { cwd: work });
  assert.equal(cli.status, 1, `the seed page has errors: ${cli.stderr}`);
  const findings = JSON.parse(cli.stdout) as CliFinding[];
  const lines = readFileSync(page, 'utf8').split(/\r?\n/);
  // Neovim holds byte columns; the CLI's are 1-based UTF-16 columns.
  const key = (line: number, col: number, severity: number, code: string | undefined, message: string): string =>
    `${line}:${col} ${severity} ${code ?? '-'} ${message}`;
  const expected = findings
    .map((f) =>
      key(f.line, Buffer.byteLength((lines[f.line - 1] ?? '').slice(0, f.column - 1)) + 1, SEVERITY[f.severity] ?? 0, f.rule, f.message),
    )
    .sort();
  const actual = got.diagnostics.map((d) => key(d.lnum + 1, d.col + 1, d.severity, d.code, d.message)).sort();
  assert.ok(expected.length > 0);
  assert.deepEqual(actual, expected);
});
