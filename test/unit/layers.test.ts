// The walls of docs/ARCHITECTURE.md hold: the lint rule `layers/allowed-imports` (scripts/layers.mjs)
// passes on the tree and fails on each kind of crossing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { repoRoot } from '../integration/lib/util';

const ROOT = repoRoot();

async function layersLinter(): Promise<ESLint> {
  const plugin = (await import(pathToFileURL(join(ROOT, 'scripts/eslint-layers.mjs')).href)) as { default: ESLint.Plugin };
  return new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        // typescript-eslint's rules are known (not enabled): the sources' disable comments name them.
        plugins: { layers: plugin.default, '@typescript-eslint': tseslint.plugin },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        rules: { 'layers/allowed-imports': 'error' },
      },
    ],
  });
}

async function crossings(path: string, code: string): Promise<string[]> {
  const eslint = await layersLinter();
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result.messages.map((m) => m.message);
}

test('the source tree crosses no wall', async () => {
  const eslint = await layersLinter();
  const results = await eslint.lintFiles(['server/src', 'client/src', 'shared']);
  const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}: ${m.message}`));
  assert.ok(results.length > 100, `linted ${results.length} files`);
  assert.deepEqual(found, []);
});

test('each kind of crossing is an error', async () => {
  const cases: [string, string, RegExp][] = [
    ['server/src/core/rules/x.ts', "import { Engine } from '../engine';", /core\/rules may not import core\/engine/],
    ['server/src/core/rules/x.ts', "import { sliceTexts } from '../incremental/slices';", /core\/rules may not import core\/incremental/],
    ['server/src/core/model/x.ts', "import { readFileSync } from 'node:fs';", /may not use the package "node:fs"/],
    ['server/src/core/model/x.ts', "import { hostname } from 'node:os';", /may not use the package "node:os"/],
    ['server/src/core/status/x.ts', "import * as vscode from 'vscode';", /may not use the package "vscode"/],
    ['server/src/core/markdown/x.ts', "import { buildPage } from '../model/build';", /core\/markdown may not import core\/model/],
    ['server/src/lsp/x.ts', "import { RULES } from '../core/rules';", /lsp may not import core\/rules/],
    ['server/src/cli/x.ts', "import { Engine } from '../core/engine';", /cli may not import core\/engine/],
    ['server/src/node/x.ts', "import { startServer } from '../lsp/state';", /node may not import lsp/],
    // The handlers and the client modules run in a web worker too: no Node built-in, no file system.
    ['server/src/lsp/x.ts', "import { readFileSync } from 'node:fs';", /may not use the package "node:fs"/],
    ['server/src/lsp/x.ts', "import { ConfigLoader } from '../node/config-loader';", /lsp may not import node/],
    ['server/src/web/x.ts', "import { ConfigLoader } from '../node/config-loader';", /server\/web may not import node/],
    [
      'server/src/web/x.ts',
      "import { createConnection } from 'vscode-languageserver/node';",
      /may not use the package "vscode-languageserver\/node"/,
    ],
    ['client/src/x.ts', "import { randomBytes } from 'node:crypto';", /may not use the package "node:crypto"/],
    [
      'client/src/extension-web.ts',
      "import { LanguageClient } from 'vscode-languageclient/node';",
      /may not use the package "vscode-languageclient\/node"/,
    ],
    ['client/src/x.ts', "import { checkText } from '../../server/src/core';", /client may not import core\/index/],
    ['client/src/preview/webview/x.ts', "import * as vscode from 'vscode';", /may not use the package "vscode"/],
    ['shared/x.ts', "import { checkText } from '../server/src/core';", /shared may not import core\/index/],
    ['server/src/core/dates/x.ts', "const m = await import('./' + name);", /literal specifiers only/],
    ['server/src/core/rules/x.ts', "import fs = require('node:fs');", /may not use the package "node:fs"/],
    ['server/src/core/rules/x.ts', "type E = typeof import('../engine');", /core\/rules may not import core\/engine/],
  ];
  for (const [path, code, expected] of cases) {
    const messages = await crossings(path, code);
    assert.equal(messages.length, 1, `${path}: ${code} → ${JSON.stringify(messages)}`);
    assert.match(messages[0], expected, `${path}: ${code}`);
  }
  // Allowed: the webview may read shared types, the CLI the core's index, the core the shared view model.
  assert.deepEqual(await crossings('client/src/preview/webview/x.ts', "import type { PageStatus } from '../../../../shared/status';"), []);
  assert.deepEqual(await crossings('server/src/cli/x.ts', "import { checkText } from '../core';"), []);
  assert.deepEqual(await crossings('server/src/core/status/x.ts', "import type { PageStatus } from '../../../../shared/status';"), []);
});
