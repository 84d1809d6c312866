// The extension manifest (package.json): the VS Code it installs on, and settings scoped for multi-root workspaces.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';

interface Manifest {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
}

const readJson = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(ROOT, ...parts), 'utf8')) as T;
const manifest = readJson<Manifest>('package.json');
const floor = (range: string): number[] => {
  const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  assert.ok(m, `a caret range: ${range}`);
  return m.slice(1).map(Number);
};

test('engines.vscode is the API the code compiles against: @types/vscode of exactly that version (the typecheck stage proves the code fits it)', () => {
  const declared = floor(manifest.engines.vscode).join('.');
  assert.equal(manifest.devDependencies['@types/vscode'], declared, 'the devDependency is pinned to the engines floor');
  const installed = readJson<{ version: string }>('node_modules', '@types', 'vscode', 'package.json').version;
  assert.equal(installed, declared, 'the installed API types are that version');
});

test('engines.vscode is not below what vscode-languageclient needs', () => {
  const client = readJson<{ engines: { vscode: string } }>('node_modules', 'vscode-languageclient', 'package.json');
  const [a, b] = [floor(manifest.engines.vscode), floor(client.engines.vscode)];
  assert.ok(a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]), `${manifest.engines.vscode} >= ${client.engines.vscode}`);
});

test('every setting declares its scope (folder settings of a multi-root workspace apply only to resource-scoped ones)', () => {
  const allowed = new Set(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable']);
  for (const [key, p] of Object.entries(manifest.contributes.configuration.properties))
    assert.ok(p.scope !== undefined && allowed.has(p.scope), `${key} has a scope`);
  const scope = (k: string): string | undefined => manifest.contributes.configuration.properties[`releasePages.${k}`].scope;
  for (const k of ['enable', 'include', 'rules', 'statuses', 'priorities', 'format.enable']) assert.equal(scope(k), 'resource', k);
});
