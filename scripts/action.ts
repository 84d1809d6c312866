// The GitHub Action's entry (action.yml runs `node out/scripts/action.js` after building this checkout).
// Reads the inputs as the runner passes them (INPUT_GLOBS, INPUT_CONFIG, INPUT_FIX, INPUT_FORMAT), runs
// `release-pages check --format github` in GITHUB_WORKSPACE (its annotations go to standard output,
// where the runner reads them) and, with `format`, `release-pages format --check` (or `format` with `fix`).
// Writes the outputs errors, warnings, unformatted to GITHUB_OUTPUT and a summary to GITHUB_STEP_SUMMARY.
// Exit: 0 clean, 1 errors or unformatted pages, 2 bad input, I/O or configuration problem.
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const CLI = join(__dirname, '..', '..', 'bin', 'release-pages.js');

class InputError extends Error {}

function input(name: string): string {
  return (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
}

/** A boolean input as YAML 1.2 writes one (true/True/TRUE, false/False/FALSE); empty is false. */
function booleanInput(name: string): boolean {
  const value = input(name);
  if (['', 'false', 'False', 'FALSE'].includes(value)) return false;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  throw new InputError(`input ${name} must be true or false, not "${value}"`);
}

/** One glob, file or folder per line; blank lines and lines starting with # are left out. */
function globsInput(): string[] {
  const globs = input('globs')
    .split(/\r?\n/)
    .map((g) => g.trim())
    .filter((g) => g !== '' && !g.startsWith('#'));
  return globs.length ? globs : ['.'];
}

/** Escapes a workflow command's message (%, CR, LF) and property (also : and ,) as the runner expects. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function cli(args: readonly string[], cwd: string): { code: number; stdout: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  process.stderr.write(r.stderr);
  return { code: r.status ?? 2, stdout: r.stdout };
}

function setOutputs(outputs: Record<string, string | number>): void {
  const file = process.env.GITHUB_OUTPUT;
  const lines = Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`);
  if (file) appendFileSync(file, lines.join(''));
}

/** `format --check` (annotating each page that would change) or, with fix, `format`. */
function formatPages(globs: string[], common: string[], fix: boolean, workspace: string): { code: number; unformatted: number } {
  const run = cli(['format', ...globs, ...common, ...(fix ? [] : ['--check'])], workspace);
  if (fix || run.code !== 1) {
    process.stdout.write(run.stdout);
    return { code: run.code, unformatted: 0 };
  }
  // `format --check` lists the pages that would change, one per line.
  const files = run.stdout.split('\n').filter((l) => l.trim() !== '');
  for (const file of files) {
    process.stdout.write(
      `::error file=${escapeProperty(file)},title=release-pages format::${escapeData(`Tables are not formatted: run \`release-pages format ${file}\``)}\n`,
    );
  }
  return { code: run.code, unformatted: files.length };
}

function main(): number {
  const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
  let fix: boolean;
  let format: boolean;
  try {
    fix = booleanInput('fix');
    format = booleanInput('format');
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stdout.write(`::error title=release-pages::${escapeData(e.message)}\n`);
    return 2;
  }
  const globs = globsInput();
  const config = input('config');
  const common = config ? ['--config', config] : [];

  const check = cli(['check', ...globs, ...common, '--format', 'github', ...(fix ? ['--fix'] : [])], workspace);
  process.stdout.write(check.stdout);
  const errors = check.stdout.match(/^::error /gm)?.length ?? 0;
  const warnings = check.stdout.match(/^::warning /gm)?.length ?? 0;

  const formatted = format ? formatPages(globs, common, fix, workspace) : { code: 0, unformatted: 0 };
  const { unformatted } = formatted;
  setOutputs({ errors, warnings, unformatted });
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary) {
    appendFileSync(
      summary,
      `### Release Pages\n\n| errors | warnings | pages to format |\n| --: | --: | --: |\n| ${errors} | ${warnings} | ${format ? unformatted : 'not checked'} |\n\n`,
    );
  }
  if (check.code === 2 || formatted.code === 2) return 2;
  return check.code === 1 || (!fix && formatted.code === 1) ? 1 : 0;
}

process.exitCode = main();
