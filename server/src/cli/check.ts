/** `release-pages check`: findings for CI, in four formats, with `--fix`. */
import { relative } from 'node:path';
import { DEFAULT_CONFIG, Engine, explainDetection, mayBeReleasePage, type CheckResult, type Finding } from '../core';
import { version } from '../../../package.json';
import { parseArgs, UsageError, type Command } from './args';
import { FORMATS, render, type FileResult, type Format } from './output';
import { checkTask, defaultJobs, helpersFor, startHelpers, type PageOutcome, type PageTask } from '../node/parallel';
import { collectPages, printConfigProblems, type PageJob, type PagesRun } from './pages';
import { replaceFile } from './replace';
import { colorWanted, printProblem, terminalText } from './terminal';
import { writePageAtomic } from './write';

const USAGE = `Usage: release-pages check [paths, globs or -…] [options]

Checks release-management Markdown pages. A folder is walked for *.md and *.markdown pages, leaving out
node_modules/, dist/, out/ and what .gitignore files ignore; a glob ('docs/**/*.md', '[ab].md',
'{a,b{1,2}}.md', 'a\\*.md' for the file a*.md; * never matches a dot file) matches what it says;
'!pattern' leaves pages out. .release-pagesignore files and \`ignores:\` in the config leave pages out
wherever they come from. - reads one page from standard input. No path: the current folder.

Options:
  --format <stylish|json|sarif|github|junit>
                                  output format (default: stylish)
  -o, --output-file <file>        write the report to this file (whole or not at all) instead of stdout
  --config <file>                 use this config file instead of .release-pages.yaml lookup
  --allow-extends <paths>         extends may also name files there (besides the current folder and the
                                  project; separate paths with :)
  --fix                           apply the fixes and write the files (atomically)
  --quiet                         report errors only
  --all                           check every page, not only pages that look like release pages
  --no-gitignore                  folder walks also enter what .gitignore files ignore
  --stdin-filename <path>         with -: the page's name, for config lookup and in the report
  --explain                       say for each page why it is or is not taken as a release page
                                  (to stdout before the findings; to stderr with another --format)
  -j, --jobs <n>                  check pages on n threads when there are many (100 a worker):
                                  this one and n-1 workers (default: the number of cores; 1: one
                                  thread); the output is the same

Colour (stylish only): on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on (also into a file or pipe).

Exit codes: 0 no errors, 1 errors found, 2 usage, I/O or configuration problem.
`;

/** Writes the report to stdout or, whole or not at all, to \`file\`; false (after saying why) if it could not. */
function emit(text: string, file: string | undefined): boolean {
  if (file === undefined) {
    process.stdout.write(text);
    return true;
  }
  try {
    replaceFile(file, Buffer.from(text, 'utf8'));
    return true;
  } catch (e) {
    printProblem(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check pages and report problems (optionally fix them)',
  usage: USAGE,
  run(argv) {
    const { flags, positionals } = parseArgs(
      argv,
      {
        format: 'string',
        'output-file': 'string',
        config: 'string',
        'allow-extends': 'string',
        fix: 'bool',
        quiet: 'bool',
        all: 'bool',
        'no-gitignore': 'bool',
        'stdin-filename': 'string',
        explain: 'bool',
        jobs: 'string',
      },
      { '-o': '--output-file', '-j': '--jobs' },
    );
    const format = (flags.format ?? 'stylish') as string;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    if (flags.fix && positionals.includes('-'))
      throw new UsageError('--fix cannot write standard input back (format - prints a formatted page)');
    const outputFile = flags['output-file'] as string | undefined;
    const jobs = flags.jobs === undefined ? defaultJobs() : Number(flags.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs must be a whole number of at least 1');
    const run = collectPages(positionals, {
      config: flags.config as string | undefined,
      all: flags.all === true,
      allowExtends: flags['allow-extends'] as string | undefined,
      gitignore: flags['no-gitignore'] !== true,
      stdinFilename: flags['stdin-filename'] as string | undefined,
    });
    const finish = (results: FileResult[], ioProblem: boolean, explanations: readonly string[]): number => {
      printConfigProblems(run.configProblems);
      if (explanations.length > 0) (format === 'stylish' ? process.stdout : process.stderr).write(explanations.join(''));
      const color = format === 'stylish' && colorWanted(process.env, outputFile === undefined && process.stdout.isTTY === true);
      if (!emit(render(format as Format, results, process.cwd(), { color, version }), outputFile)) ioProblem = true;
      if (ioProblem || run.configProblems.length > 0) return 2;
      return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
    };
    const quiet = (findings: readonly Finding[]): Finding[] =>
      flags.quiet ? findings.filter((f) => f.severity === 'error') : [...findings];
    // Detection before parsing: a page that cannot be a release page has no findings (--explain builds every model to say why).
    const wanted = run.jobs.map((job) => flags.explain === true || job.checkOptions.force === true || mayBeReleasePage(job.page.text));
    // Helpers for the pages that need a check (most READMEs of a folder do not: counting files started helpers
    // with nothing to do).
    const helpers = flags.fix || flags.explain ? 0 : helpersFor(wanted.filter(Boolean).length, jobs);
    if (helpers > 0) {
      const engine = new Engine();
      return startHelpers(helpers, __filename)
        .run(tasksOf(run, wanted), (task) => checkTask(engine, task))
        .then((outcomes) => finish(inOrder(run, outcomes, quiet), run.ioProblem, []));
    }
    let ioProblem = run.ioProblem;
    const engine = new Engine();
    const results: FileResult[] = [];
    const explanations: string[] = [];
    run.jobs.forEach((job, i) => {
      if (!wanted[i]) {
        results.push({ file: job.file, findings: [] });
        return;
      }
      const { result, written } = checkPage(engine, job, flags.fix === true);
      if (!written) ioProblem = true;
      if (flags.explain) explanations.push(explanation(relative(process.cwd(), job.file) || job.file, result));
      results.push({ file: job.file, findings: quiet(result.findings) });
    });
    return finish(results, ioProblem, explanations);
  },
};

/** The pages to check on several threads (`wanted`), numbered by their place in the run. */
function tasksOf(run: PagesRun, wanted: readonly boolean[]): PageTask[] {
  const tasks: PageTask[] = [];
  run.jobs.forEach((job, index) => {
    if (!wanted[index]) return;
    const o = job.checkOptions;
    tasks.push({ index, text: job.page.text, config: o.config ?? DEFAULT_CONFIG, force: o.force === true, exclude: o.exclude === true });
  });
  return tasks;
}

/** The threads' outcomes as the results of the run, in its order; rules that failed told as a one-thread run tells them. */
function inOrder(run: PagesRun, outcomes: readonly PageOutcome[], quiet: (f: readonly Finding[]) => Finding[]): FileResult[] {
  const byIndex = new Map(outcomes.map((o) => [o.index, o]));
  return run.jobs.map((job, index) => {
    const o = byIndex.get(index);
    for (const e of o?.ruleErrors ?? []) printProblem(`${job.file}: rule ${e.rule} failed (its other findings are reported): ${e.message}`);
    return { file: job.file, findings: o ? quiet(o.findings) : [] };
  });
}

/** Checks one page, fixing it first with `fix` (written whole; when it cannot be written, `written` is false and the page on disk is reported). */
function checkPage(engine: Engine, job: PageJob, fix: boolean): { result: CheckResult; written: boolean } {
  const fixedRun = fix ? engine.fixAll(job.page.text, job.checkOptions) : null;
  if (!fixedRun || fixedRun.text === job.page.text)
    return { result: fixedRun ? fixedRun.result : engine.check(job.page.text, job.checkOptions), written: true };
  try {
    writePageAtomic(job.page, fixedRun.text);
    printProblem(`${job.file}: fixed ${fixedRun.fixed} problem${fixedRun.fixed === 1 ? '' : 's'}`);
    return { result: fixedRun.result, written: true };
  } catch (e) {
    printProblem(`${job.file}: ${e instanceof Error ? e.message : String(e)}`);
    return { result: engine.check(job.page.text, job.checkOptions), written: false }; // the page on disk keeps its problems: report those
  }
}

/** A page's verdict and evidence, one line each (page text through terminalText: it may hold control characters). */
function explanation(file: string, result: CheckResult): string {
  const { verdict, reasons } = explainDetection(result.page.detection, result.isReleasePage);
  const kind = result.page.kind === 'other' ? '' : ` [${result.page.kind}]`;
  return `${terminalText(file)}: ${verdict}${kind}\n${reasons.map((r) => `  ${terminalText(r)}\n`).join('')}\n`;
}
