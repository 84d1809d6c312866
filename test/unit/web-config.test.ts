// The web server's configuration source: the Node loader's lookup over texts the client hands over.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core';
import { readSettings } from '../../server/src/settings';
import { CONFIG_LIMITS } from '../../server/src/node/config-loader';
import { WEB_CONFIG_LIMITS, WebConfigSource } from '../../server/src/web/config-source';
import type { ConfigContext } from '../../server/src/lsp/config-source';

const ROOT = 'vscode-vfs://github/owner/repo';
const settings = readSettings({});
const context: ConfigContext = { settings, unscoped: settings, folders: [{ uri: ROOT }] };

function source(): { src: WebConfigSource; asked: string[][] } {
  const asked: string[][] = [];
  return { src: new WebConfigSource((uris) => asked.push(uris)), asked };
}

test("the limits are the Node loader's", () => {
  for (const k of ['maxDepth', 'maxFiles', 'maxTotalBytes', 'maxProblemsPerFile'] as const)
    assert.equal(WEB_CONFIG_LIMITS[k], CONFIG_LIMITS[k], k);
});

test('the nearest configuration file up to the workspace folder applies, .yaml before .json', () => {
  const { src } = source();
  src.replace([
    { uri: `${ROOT}/.release-pages.json`, text: '{"statuses": ["Top"]}' },
    { uri: `${ROOT}/docs/.release-pages.json`, text: '{"statuses": ["Json"]}' },
    { uri: `${ROOT}/docs/.release-pages.yaml`, text: 'statuses: [Yaml]\n' },
  ]);
  assert.deepEqual(src.forPage(`${ROOT}/docs/rel/page.md`, DEFAULT_CONFIG, context).loaded.config.statuses, ['Yaml']);
  assert.deepEqual(src.forPage(`${ROOT}/page.md`, DEFAULT_CONFIG, context).loaded.config.statuses, ['Top']);
  // Outside every workspace folder: no configuration file, the settings alone.
  assert.equal(src.forPage('vscode-vfs://github/other/x.md', DEFAULT_CONFIG, context).loaded.config, DEFAULT_CONFIG);
});

test('a base named by extends is asked of the client once, then merged under the file', () => {
  const { src, asked } = source();
  src.replace([{ uri: `${ROOT}/docs/.release-pages.yaml`, text: 'extends: ../base.yaml\nrules:\n  date-format: warning\n' }]);
  const before = src.forPage(`${ROOT}/docs/p.md`, DEFAULT_CONFIG, context);
  assert.deepEqual(asked, [[`${ROOT}/base.yaml`]]);
  assert.equal(before.loaded.config.rules['date-format'].severity, 'warning');
  src.clear();
  src.forPage(`${ROOT}/docs/p.md`, DEFAULT_CONFIG, context);
  assert.equal(asked.length, 1, 'not asked again while pending');
  src.add([{ uri: `${ROOT}/base.yaml`, text: 'rules:\n  date-format: off\n  status-case: error\nstatuses: [A, B]\n' }]);
  const after = src.forPage(`${ROOT}/docs/p.md`, DEFAULT_CONFIG, context);
  assert.equal(after.loaded.config.rules['date-format'].severity, 'warning', 'the nearer file wins');
  assert.equal(after.loaded.config.rules['status-case'].severity, 'error');
  assert.deepEqual(after.loaded.config.statuses, ['A', 'B']);
  assert.deepEqual(after.loaded.files, [`${ROOT}/base.yaml`, `${ROOT}/docs/.release-pages.yaml`]);
  assert.equal(src.forPage(`${ROOT}/docs/q.md`, DEFAULT_CONFIG, context).loaded, after.loaded, 'the same load while nothing changed');
});

test('extends outside the workspace, a cycle and an unreadable file are problems at their place', () => {
  const { src, asked } = source();
  src.replace([
    { uri: `${ROOT}/.release-pages.yaml`, text: 'extends:\n  - /etc/passwd\n  - ../../elsewhere.yaml\n  - a.yaml\n' },
    { uri: `${ROOT}/a.yaml`, text: 'extends: .release-pages.yaml\n' },
    { uri: `${ROOT}/docs/.release-pages.yml`, text: null, problem: 'is larger than 1 MB (2000000 bytes): not read' },
  ]);
  const top = src.forPage(`${ROOT}/p.md`, DEFAULT_CONFIG, context).loaded.problems;
  assert.deepEqual(asked, []);
  assert.equal(top.length, 3, JSON.stringify(top));
  assert.match(top[0].message, /outside the workspace/);
  assert.equal(top[0].line, 1);
  assert.match(top[1].message, /outside the workspace/);
  assert.match(top[2].message, /cycle/);
  const big = src.forPage(`${ROOT}/docs/p.md`, DEFAULT_CONFIG, context).loaded.problems;
  assert.match(big[0].message, /larger than 1 MB/);
});

test("include and exclude: the settings' globs relative to the folder, the file's relative to its folder", () => {
  const { src } = source();
  src.replace([{ uri: `${ROOT}/docs/.release-pages.yaml`, text: 'include: ["notes/**/*.md"]\nexclude: ["blog/**"]\n' }]);
  const withSettings: ConfigContext = { ...context, settings: readSettings({ include: ['docs/x.md'], exclude: ['docs/notes/old.md'] }) };
  assert.equal(src.forPage(`${ROOT}/docs/notes/a/b.md`, DEFAULT_CONFIG, context).force, true);
  assert.equal(src.forPage(`${ROOT}/docs/blog/b.md`, DEFAULT_CONFIG, context).exclude, true);
  assert.equal(src.forPage(`${ROOT}/docs/other.md`, DEFAULT_CONFIG, context).force, false);
  assert.equal(src.forPage(`${ROOT}/docs/x.md`, DEFAULT_CONFIG, withSettings).force, true);
  assert.equal(src.forPage(`${ROOT}/docs/notes/old.md`, DEFAULT_CONFIG, withSettings).exclude, true);
});
