/**
 * `release-pages changes`: what changed on a page since a base revision (a commit, a tag, a date,
 * `previous`), from the page's Git history: a weekly note in Markdown, the typed result as JSON, or the
 * report's HTML section. `--feature NAME` prints one feature's status over the page's revisions.
 * Also the `--since` of `report` (`changesSince`).
 */
import { basename, relative } from 'node:path';
import { buildStatus, compareStatus, Engine, featureHistory, parseIsoDate, ymdOf, type YMD } from '../core';
import {
  renderChanges,
  type ChangesSide,
  type FeatureChange,
  type FeatureHistory,
  type PageChanges,
  type StatusDate,
} from '../../../shared/status';
import type { Language } from '../../../shared/l10n';
import { gitPage, GitError, hasLocalChanges, pageAt, pageRevisions, resolveBase, type GitPage } from '../node/git';
import { parseArgs, UsageError, type Command, type Parsed } from './args';
import { collectPages, printConfigProblems, type PageJob } from './pages';
import { jsonText, printProblem, terminalText } from './terminal';

const USAGE = `Usage: release-pages changes <page.md> [--since <base>] [options]

What changed on a release page since a base revision, read from the page's Git history (renames
followed): features worse or better, target dates slipped, milestones moved, features and criteria
added or removed, and a summary line. The page as it is on disk is compared with the base.

Options:
  --since <base>         a commit, tag or branch; a date (2024-03-01, "7 days ago", "last week",
                         yesterday): the page as it was then; previous (default): the page before its
                         last change (before the last commit when the page has uncommitted edits)
  --format <f>           markdown (default: a weekly status note), json (the typed result) or html
                         (the report's section)
  --feature <name>       instead: the feature's status at each revision of the page, oldest first
  --max-revisions <n>    with --feature: read at most this many revisions (default 500)
  --as-of <YYYY-MM-DD>   the day relative numbers count from (default today)
  --config <file>, --allow-extends <paths>, --all
                         as for check

Exit codes: 0 printed, 2 usage, Git, I/O or configuration problem.
`;

/** The markdown escapes for page text in a note (it must not turn into links, emphasis or table cells). */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

function mdDate(d: StatusDate | null): string {
  return d ? md(d.iso ?? d.text) : 'not set';
}

function mdDays(days: number | null): string {
  if (!days) return '';
  return days > 0 ? ` (+${days} ${days === 1 ? 'day' : 'days'})` : ` (\u2212${-days} ${days === -1 ? 'day' : 'days'})`;
}

function mdFeature(f: FeatureChange): string {
  const parts: string[] = [];
  if (f.status) parts.push(`${md(f.status.fromLabel || f.status.from)} \u2192 **${md(f.status.toLabel || f.status.to)}**`);
  if (f.target) parts.push(`target ~~${mdDate(f.target.from)}~~ \u2192 ${mdDate(f.target.to)}${mdDays(f.target.days)}`);
  if (f.priority) parts.push(`priority ${md(f.priority.from ?? 'not set')} \u2192 ${md(f.priority.to ?? 'not set')}`);
  if (f.owner) parts.push(`owner ${md(f.owner.from ?? 'not set')} \u2192 ${md(f.owner.to ?? 'not set')}`);
  if (f.oldName) parts.push(`renamed from ${md(f.oldName)}`);
  const team = f.team ? ` (${md(f.team)})` : '';
  return `- **${md(f.name)}**${team}: ${parts.join('; ')}`;
}

function sideName(s: ChangesSide): string {
  const at = [s.commit?.slice(0, 12), s.date].filter(Boolean).join(', ');
  return `${md(s.label)}${at ? ` (${at})` : ''}`;
}

/** The weekly note: summary, worse first, slips with days, new features. */
export function changesMarkdown(c: PageChanges, title: string | null): string {
  const out: string[] = [`## ${title ? `${md(title)}: changes` : 'Changes'} since ${sideName(c.base)}`, '', `**${md(c.summary)}.**`, ''];
  const section = (name: string, lines: string[]): void => {
    if (lines.length) out.push(`### ${name}`, '', ...lines, '');
  };
  const dir = (d: string): FeatureChange[] => c.features.filter((f) => f.status?.direction === d);
  section('Worse', dir('worse').map(mdFeature));
  section('Better', dir('better').map(mdFeature));
  const slips = c.features.filter((f) => !f.status && f.target);
  section('Target dates moved', slips.map(mdFeature));
  section('Other changes', c.features.filter((f) => (f.status?.direction === 'changed' || !f.status) && !slips.includes(f)).map(mdFeature));
  section(
    'New features',
    c.added.map(
      (f) =>
        `- **${md(f.name)}**${f.team ? ` (${md(f.team)})` : ''}: ${md(f.statusLabel || f.colour)}${f.target ? `, target ${mdDate(f.target)}` : ''}`,
    ),
  );
  section(
    'Removed features',
    c.removed.map((f) => `- ${md(f.name)}`),
  );
  section('Milestones', [
    ...c.milestones.map(
      (m) =>
        `- ${md(m.label)}: ~~${mdDate(m.date.from)}~~ \u2192 ${mdDate(m.date.to)}${mdDays(m.days)}${m.cancelled?.to ? ' (cancelled)' : ''}`,
    ),
    ...c.milestonesAdded.map((m) => `- new: ${md(m.label)}, ${mdDate(m.date)}`),
    ...c.milestonesRemoved.map((m) => `- removed: ${md(m.label)}`),
  ]);
  section('Release criteria', [
    ...c.criteriaAdded.map((x) => `- new ${md(x.keyword)}: ${md(x.text)}`),
    ...c.criteriaRemoved.map((x) => `- removed ${md(x.keyword)}: ${md(x.text)}`),
  ]);
  return `${out.join('\n').trimEnd()}\n`;
}

function historyText(h: FeatureHistory): string {
  const rows = h.points.map(
    (p) =>
      `${p.date ?? '          '}  ${p.commit.slice(0, 12)}  ${p.absent ? '(not on the page)' : `${p.statusLabel || p.colour}${p.target ? `  target ${p.target}` : ''}`}`,
  );
  return `${h.name}\n${rows.join('\n')}\n`;
}

/** The result with 1-based lines, as the other JSON outputs print them. */
export function withOneBasedLines(c: PageChanges): PageChanges {
  const up = <T extends { line: number }>(x: T): T => ({ ...x, line: x.line + 1 });
  const both = <T extends { line: number; oldLine: number }>(x: T): T => ({ ...x, line: x.line + 1, oldLine: x.oldLine + 1 });
  return {
    ...c,
    features: c.features.map(both),
    added: c.added.map(up),
    removed: c.removed.map(up),
    milestones: c.milestones.map(both),
    milestonesAdded: c.milestonesAdded.map(up),
    milestonesRemoved: c.milestonesRemoved.map(up),
    criteriaAdded: c.criteriaAdded.map(up),
    criteriaRemoved: c.criteriaRemoved.map(up),
  };
}

/** The page's repository, or a printed problem. */
function openPage(file: string): GitPage | null {
  try {
    return gitPage(file);
  } catch (e) {
    if (e instanceof GitError) {
      printProblem(e.message);
      return null;
    }
    throw e;
  }
}

/** What changed on the job's page since `since`; null after printing why it cannot say. */
export function changesSince(job: PageJob, since: string, today: YMD): PageChanges | null {
  const page = openPage(job.file);
  if (!page) return null;
  try {
    const base = resolveBase(page, since);
    const options = { today, config: job.loaded.config, problemList: false };
    // One engine for both versions: the lines they share are read once.
    const engine = new Engine();
    const before = buildStatus(engine.check(base.text, job.checkOptions), options);
    const after = buildStatus(engine.check(job.page.text, job.checkOptions), options);
    const local = hasLocalChanges(page);
    const head = pageRevisions(page, 1).at(0);
    return compareStatus(before, after, {
      base: { label: base.label, commit: base.commit, date: base.date || null },
      head: local || !head ? { label: 'working tree', commit: null, date: null } : { label: 'HEAD', commit: head.commit, date: head.date },
    });
  } catch (e) {
    if (e instanceof GitError) {
      printProblem(`${job.file}: ${e.message}`);
      return null;
    }
    throw e;
  }
}

/** For `report --since`: the section's HTML ('' without a base); null after printing why it cannot say. */
export function changesSection(since: string | boolean | undefined, job: PageJob, today: YMD, language?: Language): string | null {
  if (since === undefined) return '';
  const changes = changesSince(job, String(since), today);
  return changes ? renderChanges(changes, { interactive: false, language }) : null;
}

function historyOf(job: PageJob, name: string, max: number, today: YMD): FeatureHistory | null {
  const page = openPage(job.file);
  if (!page) return null;
  const revisions = pageRevisions(page, max);
  const versions = function* () {
    if (hasLocalChanges(page)) yield { commit: 'working tree', date: null, text: job.page.text };
    for (const r of revisions) yield { commit: r.commit, date: r.date, text: pageAt(page, r.commit, r.path) };
  };
  return featureHistory(versions(), { name }, { today, config: job.loaded.config });
}

function write(text: string): void {
  process.stdout.write(process.stdout.isTTY ? text.split('\n').map(terminalText).join('\n') : text);
}

function options(flags: Parsed['flags'], positionals: readonly string[]): { format: string; asOf: YMD; max: number } {
  const format = (flags.format ?? 'markdown') as string;
  if (!['markdown', 'json', 'html'].includes(format)) throw new UsageError('--format must be markdown, json or html');
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'changes takes exactly one page' : 'name the page');
  const asOf = flags['as-of'] === undefined ? ymdOf(new Date()) : parseIsoDate(String(flags['as-of']));
  if (!asOf) throw new UsageError('--as-of must be a date written YYYY-MM-DD');
  const max = Number(flags['max-revisions'] ?? 500);
  if (!Number.isInteger(max) || max < 1) throw new UsageError('--max-revisions must be a positive whole number');
  return { format, asOf, max };
}

/** The one page named, read with its configuration; null after printing why not. */
function onePage(path: string, flags: Parsed['flags']): PageJob | null {
  const run = collectPages([path], {
    config: flags.config as string | undefined,
    all: true,
    allowExtends: flags['allow-extends'] as string | undefined,
  });
  printConfigProblems(run.configProblems);
  const job = run.jobs.at(0);
  if (run.ioProblem || run.configProblems.length > 0 || !job) {
    if (!job && !run.ioProblem) printProblem(`${path}: no Markdown page there`);
    return null;
  }
  if (run.jobs.length > 1) throw new UsageError(`${path} names ${run.jobs.length} pages; changes takes exactly one`);
  return job;
}

export const changesCommand: Command = {
  name: 'changes',
  summary: 'what changed on a page since a revision or date, from its Git history',
  usage: USAGE,
  run(argv) {
    const { flags, positionals } = parseArgs(argv, {
      since: 'string',
      format: 'string',
      feature: 'string',
      'max-revisions': 'string',
      'as-of': 'string',
      config: 'string',
      'allow-extends': 'string',
      all: 'bool',
    });
    const { format, asOf, max } = options(flags, positionals);
    const job = onePage(positionals[0], flags);
    if (!job) return 2;
    if (typeof flags.feature === 'string') {
      const h = historyOf(job, flags.feature, max, asOf);
      if (!h) return 2;
      write(format === 'json' ? `${jsonText(h)}\n` : historyText(h));
      return 0;
    }
    const changes = changesSince(job, String(flags.since ?? 'previous'), asOf);
    if (!changes) return 2;
    const name = relative(process.cwd(), job.file) || basename(job.file);
    if (format === 'json') write(`${jsonText({ file: name, ...withOneBasedLines(changes) })}\n`);
    else if (format === 'html') write(`${renderChanges(changes)}\n`);
    else write(changesMarkdown(changes, new Engine().model(job.page.text, job.checkOptions.config).title));
    return 0;
  },
};
