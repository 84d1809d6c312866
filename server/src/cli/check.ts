/** `release-pages check`: findings for CI, in four formats, with `--fix`. */
import { relative } from 'node:path';
import { Engine, explainDetection, type CheckResult } from '../core';
import pkg from '../../../package.json';
import { parseArgs, UsageError, type Command } from './args';
import { FORMATS, render, type FileResult, type Format } from './output';
import { collectPages, printConfigProblems } from './pages';
import { printProblem, terminalText } from './terminal';
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
  --explain                             say for each page why it is or is not taken as a release page
                                        (to stdout before the findings; to stderr with another --format)

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
      explain: 'bool',
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
    const explanations: string[] = [];
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
      if (flags.explain) explanations.push(explanation(relative(process.cwd(), job.file) || job.file, result));
      results.push({ file: job.file, findings: flags.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings });
    }
    printConfigProblems(run.configProblems);
    const cwd = process.cwd();
    if (explanations.length > 0) (format === 'stylish' ? process.stdout : process.stderr).write(explanations.join(''));
    process.stdout.write(
      render(format as Format, results, cwd, { color: format === 'stylish' && process.stdout.isTTY === true, version: pkg.version }),
    );
    if (ioProblem || run.configProblems.length > 0) return 2;
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  },
};

/** A page's verdict and evidence, one line each (page text through terminalText: it may hold control characters). */
function explanation(file: string, result: CheckResult): string {
  const { verdict, reasons } = explainDetection(result.page.detection, result.isReleasePage);
  const kind = result.page.kind === 'other' ? '' : ` [${result.page.kind}]`;
  return `${terminalText(file)}: ${verdict}${kind}\n${reasons.map((r) => `  ${terminalText(r)}\n`).join('')}\n`;
}
