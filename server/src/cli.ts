/** `release-pages` command line: check pages in CI, fix them, report in several formats. */
import { resolve } from 'node:path';
import { ConfigLoader, configIncludes, type LoadedConfigProblem } from './config-loader';
import { Engine } from './core/engine';
import { applyFixGroups, fixAllGroups } from './core/fix';
import { FORMATS, render, type FileResult, type Format } from './cli/report';
import { expandPaths } from './cli/files';
import { readPage, writePageAtomic } from './cli/write';
import pkg from '../../package.json';

const USAGE = `Usage: release-pages check [paths or globs…] [options]

Checks release-management Markdown pages (folders recurse into *.md and *.markdown).

Options:
  --format <stylish|json|sarif|github>  output format (default: stylish)
  --config <file>                       use this config file instead of .release-pages.yaml lookup
  --fix                                 apply the fixes and write the files (atomically)
  --quiet                               report errors only
  --all                                 check every page, not only pages that look like release pages
  -h, --help                            show this help
  -v, --version                         show the version

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem.
`;

interface Options {
  paths: string[];
  format: Format;
  config: string | null;
  fix: boolean;
  quiet: boolean;
  all: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  const o: Options = { paths: [], format: 'stylish', config: null, fix: false, quiet: false, all: false };
  const args = [...argv];
  if (args[0] === '-h' || args[0] === '--help' || args.length === 0) return 'help';
  if (args[0] === '-v' || args[0] === '--version') return 'version';
  const command = args.shift();
  if (command !== 'check') throw new UsageError(`unknown command "${command}" (try: release-pages check <paths…>)`);
  while (args.length) {
    const a = args.shift()!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
        o.format = f as Format;
        break;
      }
      case '--config': o.config = value(); break;
      case '--fix': o.fix = true; break;
      case '--quiet': o.quiet = true; break;
      case '--all': o.all = true; break;
      case '-h': case '--help': return 'help';
      case '-v': case '--version': return 'version';
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        o.paths.push(a);
    }
  }
  if (o.paths.length === 0) o.paths.push('.');
  return o;
}

function main(argv: readonly string[]): number {
  let opts: Options | 'help' | 'version';
  try {
    opts = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`release-pages: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (opts === 'version') {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const { files, problems } = expandPaths(opts.paths, cwd);
  let ioProblem = problems.length > 0;
  for (const p of problems) process.stderr.write(`release-pages: ${p}\n`);
  const loader = new ConfigLoader();
  const configProblems: LoadedConfigProblem[] = [];
  const explicit = opts.config ? loader.loadFile(resolve(cwd, opts.config)) : null;
  if (explicit) configProblems.push(...explicit.problems);
  const results: FileResult[] = [];
  const engine = new Engine();
  for (const file of files) {
    let page;
    try {
      page = readPage(file);
    } catch (e) {
      process.stderr.write(`release-pages: ${file}: cannot read: ${e instanceof Error ? e.message : String(e)}\n`);
      ioProblem = true;
      continue;
    }
    const loaded = explicit ?? loader.forPage(file);
    if (!explicit) for (const p of loaded.problems) if (!configProblems.some((q) => q.file === p.file && q.line === p.line && q.message === p.message)) configProblems.push(p);
    const checkOpts = {
      config: loaded.config,
      force: opts.all || configIncludes(loaded, file),
      onRuleError: (rule: string, e: unknown) => process.stderr.write(`release-pages: ${file}: rule ${rule} failed: ${e instanceof Error ? e.message : String(e)}\n`),
    };
    let result = engine.check(page.text, checkOpts);
    if (opts.fix) {
      let text = page.text;
      let fixed = 0;
      for (let pass = 0; pass < 10; pass++) {
        const groups = fixAllGroups(result.findings);
        if (groups.length === 0) break;
        const applied = applyFixGroups(text, groups);
        if (applied.applied === 0 || applied.text === text) break;
        fixed += applied.applied;
        text = applied.text;
        result = engine.check(text, checkOpts);
      }
      if (text !== page.text) {
        try {
          writePageAtomic(page, text);
          process.stderr.write(`release-pages: ${file}: fixed ${fixed} problem${fixed === 1 ? '' : 's'}\n`);
        } catch (e) {
          process.stderr.write(`release-pages: ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
          ioProblem = true;
        }
      }
    }
    const findings = opts.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
    results.push({ file, findings });
  }
  for (const p of configProblems) process.stderr.write(`release-pages: ${p.file}:${p.line + 1}:${p.column + 1}: ${p.message}\n`);
  process.stdout.write(render(opts.format, results, cwd, { color: opts.format === 'stylish' && process.stdout.isTTY === true, version: pkg.version }));
  if (ioProblem || configProblems.length > 0) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
