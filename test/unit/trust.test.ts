// Workspace trust: configuration is data. A `.release-pages.js` is never loaded, YAML tags such as
// `!!js/function` are refused, aliases are not expanded, `__proto__` keys pollute nothing, and the shipped
// sources contain no way to run code or reach the network. The manifest declares this behaviour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ConfigLoader } from '../../server/src/node/config-loader';
import { checkText, parseConfigText } from '../../server/src/core';
import { ROOT, readFixture } from '../helpers/paths';

const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md');

/** JavaScript that would leave a marker file (and silence every rule) if anything ran it. */
function payload(marker: string): string {
  return `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { rules: { 'date-placeholder': 'off' } };\n`;
}

test('a .release-pages.js next to a page is never loaded (CLI): no code runs, the page is checked with the defaults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-trust-'));
  const marker = join(dir, 'pwned');
  writeFileSync(join(dir, '.release-pages.js'), payload(marker));
  writeFileSync(join(dir, '.release-pages.cjs'), payload(marker));
  writeFileSync(join(dir, 'page.md'), SEED1);
  assert.deepEqual(new ConfigLoader().forPage(join(dir, 'page.md')).files, []);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'release-pages.js'), 'check', 'page.md', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(existsSync(marker), false, 'the JavaScript config ran');
  const rules = (JSON.parse(r.stdout) as Array<{ rule: string }>).map((f) => f.rule);
  assert.equal(rules.filter((x) => x === 'date-placeholder').length, 6);
});

test('YAML tags (!!js/function, !!js/regexp, custom tags) are refused with a position, never executed nor read as values', () => {
  const cases = [
    "rules: !!js/function \"function () { require('fs').writeFileSync('/tmp/x', 1) }\"\n",
    'statuses: [!!js/regexp /Gr.*/, Green]\n',
    'rules:\n  status-case: !custom warning\n',
    'rules:\n  status-case:\n    severity: warning\n    x: !!js/undefined\n',
  ];
  for (const text of cases) {
    const { config, problems } = parseConfigText(text);
    assert.ok(
      problems.some((p) => /YAML tags are not supported/.test(p.message)),
      `${text}: ${JSON.stringify(problems)}`,
    );
    assert.deepEqual(config, {}, 'a refused file configures nothing');
  }
  assert.equal(parseConfigText('statuses: [!!js/regexp /x/]\n').problems[0].column, 11);
  // Front matter with tags is data too: the page is checked, the tag is text.
  const page = checkText(
    '---\ntitle: x\ncategory: release\nowner: !!js/function "function () { throw new Error(1) }"\n---\n\n*   General availability: **2013-02-30**\n',
  );
  assert.ok(page.findings.some((f) => f.rule === 'date-invalid'));
});

test('a config alias bomb is not expanded, and __proto__ keys pollute no prototype', () => {
  const levels = [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
  ];
  const t = performance.now();
  const bomb = parseConfigText(`${levels.join('\n')}\nrules:\n  date-format:\n    severity: warning\n    list: *h\n`);
  assert.ok(performance.now() - t < 2_000, 'took too long: expanded?');
  assert.ok(bomb.problems.length > 0);
  const { config } = parseConfigText(
    'rules:\n  status-case:\n    severity: warning\n    __proto__:\n      polluted: yes\n    constructor:\n      prototype:\n        polluted: yes\n',
  );
  const probe: Record<string, unknown> = {};
  assert.equal(probe.polluted, undefined);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(config.rules?.['status-case'].severity, 'warning');
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(name) ? [p] : [];
  });
}

test('the shipped sources never run code from elsewhere nor reach the network (what SECURITY.md promises)', () => {
  const forbidden: Array<[RegExp, string]> = [
    [/\beval\s*\(/, 'eval'],
    [/\bnew\s+Function\b/, 'new Function'],
    [/\brequire\s*\(/, 'require() (configs are never required)'],
    [/\bimport\s*\(/, 'dynamic import()'],
    [/['"](node:)?(child_process|vm|worker_threads)['"]/, 'processes, vm or workers'],
    // A module named where it is imported or required (a word in a list, `'http'` of an autolink, is not one).
    [/(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(?\s*)['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]/, 'network modules'],
    [/\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|openExternal/, 'network access'],
    [/telemetry/i, 'telemetry'],
  ];
  const files = [...sources(join(ROOT, 'server', 'src')), ...sources(join(ROOT, 'client', 'src'))];
  assert.ok(files.length > 50);
  // The one exception (SECURITY.md says it): the CLI's `changes` and `report --since` run `git` itself,
  // with an argument array and the configuration that could run a program switched off.
  // And `check --jobs` and the server's workspace check run their own bundle (a fixed path) in worker threads; node/libs.ts requires our
  // own bundles of dist/lib/ (fixed paths) on first use.
  const allowed = new Set([
    'server/src/node/git.ts: processes, vm or workers',
    'server/src/node/parallel.ts: processes, vm or workers',
    'server/src/node/parallel.ts: require() (configs are never required)',
    // Loaded on first use, not at start-up: node:child_process for git, node:crypto, our own bundles in dist/lib/.
    'server/src/node/builtins.ts: require() (configs are never required)',
    'server/src/node/builtins.ts: processes, vm or workers',
    'server/src/node/libs.ts: require() (configs are never required)',
  ]);
  const hits: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const [re, what] of forbidden) if (re.test(text)) hits.push(`${relative(ROOT, f).split('\\').join('/')}: ${what}`);
  }
  assert.deepEqual(
    hits.filter((h) => !allowed.has(h)),
    [],
  );
  const git = readFileSync(join(ROOT, 'server', 'src', 'node', 'git.ts'), 'utf8');
  assert.match(git, /execFileSync\('git', \[/, 'git is run with an argument array');
  assert.doesNotMatch(git, /shell:\s*true|\bexec\(|execSync|spawn\(/);
  assert.match(git, /core\.fsmonitor=false/);
});

test('the manifest declares untrusted and virtual workspace support as the code behaves', () => {
  // The manifest's words are in package.nls.json (its `%key%` placeholders), the English ones.
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const words = (text: string): string => text.replace(/^%(.+)%$/, (whole, key: string) => nls[key] ?? whole);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    capabilities: {
      untrustedWorkspaces: { supported: unknown; description: string };
      virtualWorkspaces: unknown;
    };
  };
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  assert.match(words(pkg.capabilities.untrustedWorkspaces.description), /data only/);
  assert.equal(pkg.capabilities.virtualWorkspaces, true);
  // Virtual-workspace pages reach the server; in the browser their configuration files are read through vscode.workspace.fs.
  assert.match(readFileSync(join(ROOT, 'shared', 'protocol.ts'), 'utf8'), /DOCUMENT_SCHEMES = \[[^\]]*'vscode-vfs'/);
});
