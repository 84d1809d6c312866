// Arguments as node:util parseArgs reads them (strict): a string option never takes the next option as its
// value, short options take attached values, -- ends the options, unknown options are usage errors with a
// hint; --help lists every option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { readFixture } from '../helpers/paths';
import { reportedFiles, runCli, tempFolder } from '../helpers/cli-run';

const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md');

test('--config --fix x.md: "--config needs a value", exit 2, no config file named --fix is read, nothing written', () => {
  const dir = tempFolder({ 'x.md': SEED1, '--fix': 'rules:\n  date-placeholder: off\n' });
  const r = runCli(['check', '--config', '--fix', 'x.md'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^release-pages check: --config needs a value/);
  assert.match(r.stderr, /release-pages check --help/, 'a hint says where the options are');
  assert.equal(r.stdout, '');
  assert.equal(readFileSync(join(dir, 'x.md'), 'utf8'), SEED1);
  // The value may start with a dash when attached with =.
  const attached = runCli(['check', '--config=--fix', 'x.md', '--format', 'json'], dir);
  assert.equal(attached.code, 0, attached.stderr);
  assert.equal(attached.stdout.trim(), '[]', 'the config named --fix turned date-placeholder off');
});

test('-ofile.html: a short option with its value attached; -o file and --output file too', () => {
  const dir = tempFolder({ 'x.md': SEED1 });
  for (const args of [['-ofile.html'], ['-o', 'spaced.html'], ['--output=long.html']]) {
    const r = runCli(['report', 'x.md', ...args, '--as-of', '2014-01-01'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
  }
  for (const name of ['file.html', 'spaced.html', 'long.html']) assert.match(readFileSync(join(dir, name), 'utf8'), /^<!DOCTYPE html>/i);
  const check = runCli(['check', 'x.md', '--format', 'json', '-oreport.json'], dir);
  assert.equal(check.code, 0, check.stderr);
  assert.deepEqual(reportedFiles(readFileSync(join(dir, 'report.json'), 'utf8')), ['x.md']);
});

test('-- ends the options: a page named like an option is a path after it', () => {
  const dir = tempFolder({ '--fix': SEED1, '-h': SEED1 });
  const r = runCli(['check', '--format', 'json', '--all', '--', '--fix', '-h'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(reportedFiles(r.stdout), ['--fix', '-h']);
  assert.equal(readFileSync(join(dir, '--fix'), 'utf8'), SEED1, '--fix after -- is a page, not the option');
  const before = runCli(['check', '--fix'], dir);
  assert.match(before.stderr, /\.: folder has no \.md or \.markdown pages/, 'before --, --fix is the option: the current folder is walked');
});

test('unknown options, values given to flags, missing values: exit 2 with one line and a hint', () => {
  const dir = tempFolder({ 'x.md': SEED1 });
  const cases: Array<[string[], RegExp]> = [
    [['check', '--fx', 'x.md'], /unknown option --fx \(did you mean --fix\?\)/],
    [['check', '--no-gitignor', 'x.md'], /unknown option --no-gitignor \(did you mean --no-gitignore\?\)/],
    [['check', '--wat', 'x.md'], /unknown option --wat$/m],
    [['check', '-z', 'x.md'], /unknown option -z \(a path that starts with -\? put it after --\)/],
    [['check', '--fix=yes', 'x.md'], /--fix takes no value/],
    [['check', 'x.md', '--format'], /--format needs a value/],
    [['check', 'x.md', '--format='], /--format needs a value/],
    [['format', '--style', '--check', 'x.md'], /--style needs a value/],
    [['report', 'x.md', '-o'], /-o needs a value/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(args, dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.match(r.stderr, /Run `release-pages \w+ --help` for its options\./);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  assert.ok(!existsSync(join(dir, 'yes')));
});

test('parseArgs: the parser itself (booleans, strings, aliases, -, repeated options keep the last)', () => {
  const spec = { fix: 'bool', config: 'string', output: 'string' } as const;
  assert.deepEqual(parseArgs(['-', '--fix', '--config', 'a.yaml', '-ob.txt', '--config', 'c.yaml'], spec, { '-o': '--output' }), {
    flags: { fix: true, config: 'c.yaml', output: 'b.txt' },
    positionals: ['-'],
  });
  assert.deepEqual(parseArgs(['--output', '-'], spec), { flags: { output: '-' }, positionals: [] }, '- is a value (standard output)');
  assert.throws(
    () => parseArgs(['--config', '--fix'], spec),
    (e: unknown) => e instanceof UsageError && e.message.startsWith('--config needs a value'),
  );
  assert.throws(() => parseArgs(['-x'], spec), UsageError);
});

test('--help of each command lists every option it accepts', () => {
  const dir = tempFolder();
  const check = runCli(['check', '--help'], dir).stdout;
  for (const o of [
    '--format',
    'junit',
    '-o, --output-file',
    '--config',
    '--allow-extends',
    '--fix',
    '--quiet',
    '--all',
    '--no-gitignore',
    '--stdin-filename',
    '-j, --jobs',
    'NO_COLOR',
    'FORCE_COLOR',
    '.release-pagesignore',
    'ignores:',
  ])
    assert.ok(check.includes(o), `check --help names ${o}`);
  const format = runCli(['format', '--help'], dir).stdout;
  for (const o of [
    '--check',
    '--style',
    '--max-column-width',
    '--config',
    '--allow-extends',
    '--all',
    '--no-gitignore',
    '--stdin-filename',
  ])
    assert.ok(format.includes(o), `format --help names ${o}`);
  assert.match(runCli(['check', '--', '--help'], dir).stderr, /--help: no such file or folder/, 'after --, --help is a path');
});
