// The GitHub Action's entry script, run as the runner runs action.yml's step (bash, the step's `run:`,
// INPUT_* from the step's `env:`) with a fake GITHUB_* environment on a temporary workspace: annotations
// on standard output, outputs in GITHUB_OUTPUT, a summary, the exit code.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { root, run, tempDir } from './lib/tools';

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}
interface ActionYaml {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const GOOD = `---
category: release
title: Example 2.0 release management
---

# Example 2.0 release management

## Features status

| Feature | Status | Release priority | Target date |
| ------- | ------ | ---------------- | ----------- |
| Login   | Green  | Must             | 2026-01-10  |
| Search  | Green  | Should           | 2026-01-20  |
| Export  | Red    | Optional         | 2026-02-01  |
`;
// Purple among the usual statuses is a slip (a page's own consistent words are learned).
const BAD = GOOD.replace('| Login   | Green  |', '| Login   | Purple |');
const LOOSE = GOOD.replace('| Login   | Green  | Must             | 2026-01-10  |', '| Login | Green | Must | 2026-01-10 |');

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionYaml;

/** Runs the action's `check` step with these inputs (defaults from action.yml) in a fresh workspace holding `files`. */
function runAction(files: Record<string, string>, inputs: Record<string, string>) {
  const tmp = tempDir('action');
  const workspace = join(tmp.dir, 'workspace');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(workspace, name, '..'), { recursive: true });
    writeFileSync(join(workspace, name), text);
  }
  const step = action.runs.steps.find((s) => s.id === 'check');
  assert.ok(step?.run && step.env, 'action.yml has a step with id check, run and env');
  // `${{ inputs.x }}` in the step's env, as the runner expands it.
  const stepEnv = Object.fromEntries(
    Object.entries(step.env).map(([k, v]) => {
      const name = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(v)?.[1];
      assert.ok(name, `env ${k} of the check step is an input`);
      assert.ok(name in action.inputs, `action.yml declares input ${name}`);
      return [k, name in inputs ? inputs[name] : (action.inputs[name].default ?? '')];
    }),
  );
  const output = join(tmp.dir, 'output.txt');
  const summary = join(tmp.dir, 'summary.md');
  writeFileSync(output, '');
  const env = {
    PATH: process.env.PATH,
    HOME: tmp.dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: root,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'example/pages',
    GITHUB_SHA: '0'.repeat(40),
    ...stepEnv,
  };
  const r = run('bash', ['-e', '-c', step.run], { cwd: workspace, env });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('=') as [string, string]),
  );
  const read = (name: string): string => readFileSync(join(workspace, name), 'utf8');
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs,
    summary: () => readFileSync(summary, 'utf8'),
    read,
    dispose: tmp.dispose,
  };
}

test('action.yml is a composite action whose check step runs the entry script', () => {
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fix', 'format', 'globs']);
});

test('the action annotates errors and unformatted tables, sets outputs and fails', (t) => {
  const r = runAction(
    { 'docs/bad.md': BAD, 'docs/loose.md': LOOSE, 'docs/good.md': GOOD, 'site/other.md': BAD },
    { globs: 'docs/**/*.md', format: 'true' },
  );
  t.after(r.dispose);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const lines = r.stdout.split('\n').filter(Boolean);
  assert.deepEqual(lines, [
    '::error file=docs/bad.md,line=12,col=13,endLine=12,endColumn=19,title=status-unknown::Unknown status "Purple": start the cell with Green, Orange, Red.',
    '::error file=docs/loose.md,title=release-pages format::Tables are not formatted: run `release-pages format docs/loose.md`',
  ]);
  assert.deepEqual(r.outputs, { errors: '1', warnings: '0', unformatted: '1' });
  assert.match(r.summary(), /\| 1 \| 0 \| 1 \|/);
  assert.equal(r.read('docs/loose.md'), LOOSE, 'format --check writes nothing');
});

test('the action with fix and format writes the tables and passes on clean pages', (t) => {
  const r = runAction({ 'docs/loose.md': LOOSE, 'docs/good.md': GOOD }, { globs: 'docs', fix: 'true', format: 'true' });
  t.after(r.dispose);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.read('docs/loose.md'), GOOD);
  assert.deepEqual(r.outputs, { errors: '0', warnings: '0', unformatted: '0' });
  assert.doesNotMatch(r.stdout, /^::error/m);
});

test('the action passes its config input to the CLI', (t) => {
  const config = 'statuses: [Green, Orange, Red, Purple]\n';
  const r = runAction({ 'docs/bad.md': BAD, 'ci/pages.yaml': config }, { globs: 'docs/bad.md\n\n# comment line', config: 'ci/pages.yaml' });
  t.after(r.dispose);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(r.outputs, { errors: '0', warnings: '0', unformatted: '0' });
});

test('the action refuses an input that is not a boolean, with exit 2', (t) => {
  const r = runAction({ 'docs/good.md': GOOD }, { fix: 'yes' });
  t.after(r.dispose);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '::error title=release-pages::input fix must be true or false, not "yes"\n');
});
