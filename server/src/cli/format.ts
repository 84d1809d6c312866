/** `release-pages format`: align the GFM tables of release pages, or list the pages that need it (`--check`). */
import { relative } from 'node:path';
import { applyLineEdits, DEFAULT_FORMAT_OPTIONS, Engine, type FormatOptions, formatTables } from '../core';
import { parseArgs, UsageError, type Command, type Parsed } from './args';
import type { LoadedConfigProblem } from '../node/config-loader';
import { collectPages, type PageJob, printConfigProblems } from './pages';
import { printProblem, terminalText } from './terminal';
import { encodePage, writePageAtomic } from './write';

const USAGE = `Usage: release-pages format [paths, globs or -…] [options]

Aligns the GFM tables of release pages (paths, globs and ignore files as in \`release-pages check\`;
- reads one page from standard input and writes it, formatted or as it was, to standard output, nothing
else: for editors and pre-commit hooks). Only tables change:
text outside them, line endings, the final newline and the BOM are kept. Rows GFM reads differently
from their header (stray pipes, broken rows, a | inside a code span) are left as they are: run
\`release-pages check\` to see why. Files are written atomically.

Options:
  --check                     write nothing: list the files that would change, exit 1 if there are any
  --style <aligned|compact>   aligned: pad cells so the pipes line up (default); compact: one space around cells
  --max-column-width <n>      do not pad a column whose widest cell is wider than n (display columns;
                              default: 120; 0: no limit)
  --config <file>             use this config file instead of .release-pages.yaml lookup (for its include globs)
  --allow-extends <paths>     extends may also name files there (besides the current folder and the project; separate paths with :)
  --all                       format every page, not only pages that look like release pages
  --no-gitignore              folder walks also enter what .gitignore files ignore
  --stdin-filename <path>     with -: the page's name, for config lookup (include, ignores) and messages

Exit codes: 0 done (or, with --check, nothing to change), 1 with --check: files would change,
2 usage or I/O problem.
`;

function readOptions(flags: Parsed['flags']): FormatOptions {
  const style = flags.style ?? DEFAULT_FORMAT_OPTIONS.style;
  if (style !== 'aligned' && style !== 'compact') throw new UsageError('--style must be aligned or compact');
  const raw = flags['max-column-width'];
  const max = raw === undefined ? DEFAULT_FORMAT_OPTIONS.maxColumnWidth : Number(raw);
  if (!Number.isInteger(max) || max < 0) throw new UsageError('--max-column-width must be a whole number, 0 or more');
  return { style, maxColumnWidth: max };
}

export const formatCommand: Command = {
  name: 'format',
  summary: 'align the tables of pages (or list pages that need it with --check)',
  usage: USAGE,
  run(argv) {
    const { flags, positionals } = parseArgs(argv, {
      check: 'bool',
      style: 'string',
      'max-column-width': 'string',
      config: 'string',
      'allow-extends': 'string',
      all: 'bool',
      'no-gitignore': 'bool',
      'stdin-filename': 'string',
    });
    const options = readOptions(flags);
    const run = collectPages(positionals, {
      config: flags.config as string | undefined,
      all: flags.all === true,
      allowExtends: flags['allow-extends'] as string | undefined,
      gitignore: flags['no-gitignore'] !== true,
      stdinFilename: flags['stdin-filename'] as string | undefined,
    });
    const stdinJob = run.jobs.find((j) => j.stdin);
    if (stdinJob && !flags.check) return formatStdin(new Engine(), stdinJob, options, run.configProblems);
    let ioProblem = run.ioProblem;
    const engine = new Engine();
    const cwd = process.cwd();
    const changed: string[] = [];
    for (const job of run.jobs) {
      const page = engine.model(job.page.text, job.checkOptions.config);
      if (!page.isReleasePage && job.checkOptions.force !== true) continue;
      const edits = formatTables(page, options);
      if (edits.length === 0) continue;
      const name = relative(cwd, job.file) || job.file;
      if (flags.check) {
        changed.push(name);
        continue;
      }
      try {
        writePageAtomic(job.page, applyLineEdits(page, edits));
        changed.push(name);
      } catch (e) {
        printProblem(`${job.file}: ${e instanceof Error ? e.message : String(e)}`);
        ioProblem = true;
      }
    }
    printConfigProblems(run.configProblems);
    for (const f of changed) process.stdout.write(`${terminalText(f)}\n`);
    const files = `${changed.length} file${changed.length === 1 ? '' : 's'}`;
    process.stderr.write(flags.check ? `release-pages: ${files} would be reformatted\n` : `release-pages: ${files} reformatted\n`);
    if (ioProblem || run.configProblems.length > 0) return 2;
    return flags.check && changed.length > 0 ? 1 : 0;
  },
};

/**
 * `format -`: the page on stdout, formatted, or byte for byte as it came when there is nothing to do (not
 * a release page, no table to align) or when it cannot be written back faithfully (not valid UTF-8: exit 2).
 */
function formatStdin(engine: Engine, job: PageJob, options: FormatOptions, configProblems: LoadedConfigProblem[]): number {
  printConfigProblems(configProblems);
  const { page, checkOptions } = job;
  const force = checkOptions.force === true;
  const model = engine.model(page.text, checkOptions.config);
  const edits = model.isReleasePage || force ? formatTables(model, options) : [];
  if (edits.length > 0 && page.unwritable) {
    process.stdout.write(page.raw);
    printProblem(`${page.path}: ${page.unwritable}; written back unchanged`);
    return 2;
  }
  process.stdout.write(edits.length > 0 ? encodePage(page, applyLineEdits(model, edits)) : page.raw);
  return configProblems.length > 0 ? 2 : 0;
}
