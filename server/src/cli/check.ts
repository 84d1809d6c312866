/** `release-pages check`: findings for CI, in four formats, with `--fix`. */
import { Engine } from '../core';
import pkg from '../../../package.json';
import { parseArgs, UsageError, type Command } from './args';
import { FORMATS, render, type FileResult, type Format } from './output';
import { collectPages, printConfigProblems } from './pages';
import { printProblem } from './terminal';
import { writePageAtomic } from './write';

const USAGE = `Usage: release-pages check [paths or globs…] [options]

Checks release-management Markdown pages (folders recurse into *.md and *.markdown).

Options:
  --format <stylish|json|sarif|github>  output format (default: stylish)
  --config <file>                       use this config file instead of .release-pages.yaml lookup
  --allow-extends <paths>               extends may also name files there (besides the current folder and the project; separate paths with :)
  --fix                                 apply the fixes and write the files (atomically)
  --quiet                               report errors only
  --all                                 check every page, not only pages that look like release pages

Exit codes: 0 no errors, 1 errors found, 2 usage, I/O or configuration problem.
`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'check pages and report problems (optionally fix them)',
  usage: USAGE,
  run(argv) {
    const { flags, positionals } = parseArgs(argv, {
      format: 'string',
      config: 'string',
      'allow-extends': 'string',
      fix: 'bool',
      quiet: 'bool',
      all: 'bool',
    });
    const format = (flags.format ?? 'stylish') as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    const run = collectPages(positionals, {
      config: flags.config as string | undefined,
      all: flags.all === true,
      allowExtends: flags['allow-extends'] as string | undefined,
    });
    let ioProblem = run.ioProblem;
    const engine = new Engine();
    const results: FileResult[] = [];
    for (const job of run.jobs) {
      const fixedRun = flags.fix ? engine.fixAll(job.page.text, job.checkOptions) : null;
      let result = fixedRun ? fixedRun.result : engine.check(job.page.text, job.checkOptions);
      if (fixedRun && fixedRun.text !== job.page.text) {
        try {
          writePageAtomic(job.page, fixedRun.text);
          printProblem(`${job.file}: fixed ${fixedRun.fixed} problem${fixedRun.fixed === 1 ? '' : 's'}`);
        } catch (e) {
          printProblem(`${job.file}: ${e instanceof Error ? e.message : String(e)}`);
          ioProblem = true;
          result = engine.check(job.page.text, job.checkOptions); // the page on disk keeps its problems: report those
        }
      }
      results.push({ file: job.file, findings: flags.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings });
    }
    printConfigProblems(run.configProblems);
    const cwd = process.cwd();
    process.stdout.write(
      render(format as Format, results, cwd, { color: format === 'stylish' && process.stdout.isTTY === true, version: pkg.version }),
    );
    if (ioProblem || run.configProblems.length > 0) return 2;
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  },
};
