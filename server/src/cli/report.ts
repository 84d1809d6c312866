/** `release-pages report`: the status dashboard of one page as a self-contained HTML file, or its model as JSON. */
import { crypto } from '../node/builtins';
import { basename, relative } from 'node:path';
import { version } from '../../../package.json';
import changesCss from '../../../media/changes.css';
import reportCss from '../../../media/report.css';
import statusCss from '../../../media/status.css';
import { buildStatus, Engine, explainDetection, parseIsoDate, ymdOf } from '../core';
import { renderReport, type PageStatus } from '../../../shared/status';
import { parseArgs, UsageError, type Command } from './args';
import { changesSection } from './changes';
import { reportLanguage } from './language';
import { collectPages, printConfigProblems } from './pages';
import { replaceFile } from './replace';
import { jsonText, printProblem, terminalText } from './terminal';

const USAGE = `Usage: release-pages report <page.md> [options]

Renders the status of one release page (GA countdown, timeline, status counts per team and priority,
Must features not Green, overdue features, criteria, milestone plan, problems) as one self-contained
HTML file: inline CSS, no script, no network access. Or prints the status model as JSON.

Options:
  -o, --output <file>    write to this file (default: standard output)
  --format <html|json>   html (default) or json (the status model; lines are 1-based)
  --as-of <YYYY-MM-DD>   count days (to GA, overdue) from this day instead of today
  --since <base>         add a "Changes" section: what changed since this revision or date
                         (as for the changes command; HTML only)
  --config <file>        use this config file instead of .release-pages.yaml lookup
  --allow-extends <paths>
                         extends may also name files there (besides the current folder and the project; separate paths with :)
  --all                  report on the page even if it does not look like a release page
  --language <tag>       the report's own words in this language: en (default), de, es
                         (page text stays as written)

Exit codes: 0 written, 2 usage, I/O or configuration problem.
`;

const CSS = `${reportCss}\n${statusCss}`;
/** With the changes section (`--since`). */
const CSS_CHANGES = `${CSS}\n${changesCss}`;

/** The CSP source that allows exactly the report's `<style>` element. */
export function styleHash(css: string): string {
  return `'sha256-${crypto().createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** The model with 1-based line numbers, as `check --format json` prints them (the model itself is 0-based, like LSP). */
export function withOneBasedLines(s: PageStatus): PageStatus {
  const up = <T extends { line: number }>(x: T): T => ({ ...x, line: x.line + 1 });
  return {
    ...s,
    ga: s.ga && up(s.ga),
    next: s.next && up(s.next),
    milestones: s.milestones.map(up),
    releases: s.releases.map((r) => ({ ...r, line: r.line + 1, tableLine: r.tableLine + 1 })),
    features: s.features.map((f) => ({ ...f, line: f.line + 1, endLine: f.endLine + 1 })),
    mustNotGreen: s.mustNotGreen.map((l) => l + 1),
    overdue: s.overdue.map((l) => l + 1),
    criteria: s.criteria.map(up),
    plan: s.plan.map(up),
    problems: { ...s.problems, items: s.problems.items.map(up) },
  };
}

export const reportCommand: Command = {
  name: 'report',
  summary: "render one page's status as a self-contained HTML dashboard (or JSON)",
  usage: USAGE,
  run(argv) {
    const { flags, positionals } = parseArgs(
      argv,
      {
        output: 'string',
        format: 'string',
        'as-of': 'string',
        since: 'string',
        config: 'string',
        'allow-extends': 'string',
        all: 'bool',
        language: 'string',
      },
      { '-o': '--output' },
    );
    const format = (flags.format ?? 'html') as string;
    if (format !== 'html' && format !== 'json') throw new UsageError('--format must be html or json');
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'report takes exactly one page' : 'name the page to report on');
    const asOf = flags['as-of'] === undefined ? ymdOf(new Date()) : parseIsoDate(String(flags['as-of']));
    if (!asOf) throw new UsageError('--as-of must be a date written YYYY-MM-DD');
    const language = reportLanguage(flags.language as string | undefined);
    const run = collectPages(positionals, {
      config: flags.config as string | undefined,
      all: flags.all === true,
      allowExtends: flags['allow-extends'] as string | undefined,
    });
    printConfigProblems(run.configProblems);
    const job = run.jobs.at(0); // none when the path named no Markdown page
    if (run.ioProblem || run.configProblems.length > 0 || !job) {
      if (!job && !run.ioProblem) printProblem(`${positionals[0]}: no Markdown page there`);
      return 2;
    }
    if (run.jobs.length > 1) throw new UsageError(`${positionals[0]} names ${run.jobs.length} pages; report takes exactly one`);
    const result = new Engine().check(job.page.text, job.checkOptions);
    const name = relative(process.cwd(), job.file) || basename(job.file);
    if (!result.isReleasePage) {
      const why = explainDetection(result.page.detection, false);
      printProblem(
        `${name}: does not look like a release page (use --all to check it anyway): ${why.verdict}; ${why.reasons.slice(0, 2).join('; ')}`,
      );
    }
    const status = buildStatus(result, { today: asOf, config: job.loaded.config });
    const after = format === 'html' ? changesSection(flags.since, job, asOf, language) : '';
    if (after === null) return 2;
    const css = after ? CSS_CHANGES : CSS;
    const text =
      format === 'json'
        ? `${jsonText({ file: name, ...withOneBasedLines(status) })}\n`
        : renderReport(status, {
            css,
            styleSource: styleHash(css),
            fileName: name,
            generator: `release-pages ${version}`,
            after,
            language,
          });
    return writeReport(text, flags.output as string | undefined, status);
  },
};

/** Writes the report to stdout (no `--output`, or `-`) or to the file; returns the exit code. */
function writeReport(text: string, output: string | undefined, status: PageStatus): number {
  if (output === undefined || output === '-') {
    // To a terminal, page text must not act on it (escape sequences in a cell): shown as escapes there;
    // a pipe or a file gets the report byte for byte.
    process.stdout.write(process.stdout.isTTY ? text.split('\n').map(terminalText).join('\n') : text);
    return 0;
  }
  try {
    replaceFile(output, Buffer.from(text, 'utf8'));
  } catch (e) {
    printProblem(`${output}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  printProblem(
    `wrote ${output} (${status.features.length} features, ${status.milestones.length} milestones, ${status.problems.items.length} problems)`,
  );
  return 0;
}
