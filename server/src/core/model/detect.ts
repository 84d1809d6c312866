/**
 * Which pages are release pages, and of which kind: scored by evidence. Each piece of evidence (a release
 * title, release front matter, a schedule of dated milestones with release words, a per-version support
 * table; against: a changelog's version headings, a blog post's front matter, a meeting's or a
 * decision record's title) has a weight and a sentence saying why, kept in the model so that the CLI's
 * `--explain` and the editor's status item can tell the user why a page was or was not taken.
 *
 * Reads the title, front matter, headings, timelines, table headers and plan of the model, and the text
 * of lines outside tables (never the cells of a table body: the model patch keeps the detection of the
 * page it patches).
 */
import type { SourceLine } from '../lines';
import type { FrontMatter } from './frontmatter';
import type { Detection, DetectionEvidence, Heading, Milestone, PageKind, PageModel, TableModel, Timeline } from './page-model';

/** The score from which a page is a release page. */
export const RELEASE_PAGE_THRESHOLD = 3;

export interface DetectInput {
  fm: FrontMatter | null;
  title: string | null;
  /** The line of the title (its front matter field or its heading). */
  titleLine: number | null;
  /** The release version the title names. */
  release: string | null;
  headings: readonly Heading[];
  timelines: readonly Timeline[];
  tables: readonly TableModel[];
  plan: PageModel['plan'];
  lines: readonly SourceLine[];
  /** Month grids not read, and why (model/grids.ts): said in the explanation, weighing nothing. */
  skippedGrids?: readonly SkippedGrid[];
}

export interface SkippedGrid {
  line: number;
  why: string;
}

const RELEASE_WORDS =
  /\b(?:freeze|frozen|alpha|beta|rc\s?\d*|release candidate|releas(?:e|es|ed|ing)|ga|general availability|eol|end[- ]of[- ](?:life|support)|support(?:ed)?|lts|maintenance|branch(?:ing| cut)?|stable|launch|deprecat\w*|feature[- ]complete|code complete|kick-?off|retro(?:spective)?)\b/i;
const SCHEDULE_TITLE =
  /\brelease[- ](?:management|schedules?|calendars?|timelines?|cycles?|plans?|information|info|dates|phases)\b|\b(?:schedules?|timelines?|calendars?) (?:of|for) (?:the )?(?:\S+ )?releases?\b/i;
const SUPPORT_TITLE =
  /\bsupport(?:ed)? (?:policy|policies|releases|versions|matrix|lifecycle|schedule)\b|\bversion support\b|\blts\b|\blong[- ]term support\b|\bend[- ]of[- ]life\b|\beol\b|\breleases? (?:and|&) support\b|\blifecycle\b/i;
const RELEASE_MGMT_TITLE = /release[- ]management/i;
const VERSION_RELEASE_TITLE = /\brelease\s+v?\d+\.\d+|\bv?\d+\.\d+(?:\.\d+|\.z)?\s+release\b(?!\s+notes)/i;
const TEST_DAY_TITLE = /test[- ]?day|testing\b/i;
const ROADMAP_TITLE = /\broadmap\b/i;
const NOT_RELEASE_TITLE =
  /\b(?:change ?log|changes|release notes|what'?s new|news|history|meeting|minutes|agenda|stand-?up|retro(?:spective)?|decision record|adr|rfc|kep|proposal)\b/i;
/** Titles of pages that say how releases are made: release pages only when they also hold a schedule. */
const PROCESS_TITLE = /\b(?:process|procedures?|cadence|workflow)\b/i;
const TEMPLATE_TITLE = /\b(?:template|how[- ]to|guide|handbook|checklist|criteria|instructions)\b/i;
/** How many of a page's first lines are read for its prose evidence (model/patch.ts relies on it: rows moved below this line never change the detection). */
export const PROSE_LINES_READ = 200;

const SCHEDULE_HEADING = /\b(?:schedule|timeline|milestones|key dates|important dates|release dates|calendar|cadence)\b/i;
/** A heading that is a version, as a changelog's entries are (`[1.2.3] - 2024-01-08`, `v1.2.3 (2024-01-08)`, `1.2.3`). */
const VERSION_HEADING = /^\[?v?\d+\.\d+(?:\.\d+)?(?:[-.+][0-9A-Za-z.]+)?\]?(?:\([^)]*\))?(?:\s|$|[-–—:(])/;
/** A date in a heading: ISO, `Jan 8, 2024`, `8 January 2024`. */
const HEADING_DATE = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\b[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}\b|\b\d{1,2} [A-Z][a-z]{2,8} \d{4}\b/;
/** The sections of a changelog entry (Keep a Changelog's and the common generated ones). */
const CHANGE_SECTION =
  /^(?:added|changed|fixed|removed|deprecated|security|bug ?fixes|features|breaking changes|improvements|performance|dependencies|chores?|other changes|new features|enhancements|refactor)\b/i;
/** Sections every project README has; a schedule among them is one part of the page, not what it is for. */
const README_SECTION =
  /^(?:install(?:ation|ing)?|usage|api(?: reference)?|licen[cs]e|contributing|getting started|quick ?start|examples?|requirements|options|faq|benchmarks?)\b/i;
const DECISION_HEADINGS = /^(?:context|decision|consequences|status)\b/i;
const KEEP_A_CHANGELOG = /keep ?a ?changelog/i;
/** A phase column that is only the day a version came out (`Release date`, `Released`, `Date`): a version history, not a plan. */
const HISTORY_PHASE = /^(?:release(?:d| date)?|date|released on|release day|published)$/i;
const RELEASE_CATEGORY = /^release(?:[- ]management|s)?$/i;

function fmString(fm: FrontMatter | null, key: string): string | null {
  const f = fm?.fields.get(key);
  return f && typeof f.value === 'string' ? f.value : null;
}

function fmLine(fm: FrontMatter | null, key: string): number | null {
  return fm?.fields.get(key)?.keyRange.start.line ?? null;
}

function dated(m: Milestone): boolean {
  return m.date !== null || m.actual !== null || m.superseded.length > 0;
}

function hasReleaseWords(m: Milestone): boolean {
  return m.kind !== 'other' || RELEASE_WORDS.test(m.label);
}

function quote(text: string): string {
  return text.length > 60 ? `"${text.slice(0, 57)}…"` : `"${text}"`;
}

/** Lines inside tables (their body cells change without a new build: see patch.ts). */
function tableLines(tables: readonly TableModel[]): (line: number) => boolean {
  const spans = tables.map((t) => [t.parsed.startLine, t.parsed.endLine] as const);
  return (line) => spans.some((span) => line >= span[0] && line <= span[1]); // no destructuring: an iterator per call, unoptimized
}

class Evidence {
  readonly list: DetectionEvidence[] = [];
  add(weight: number, why: string, line: number | null): void {
    this.list.push({ why, weight, line });
  }
}

function titleEvidence(p: DetectInput, ev: Evidence): void {
  const title = p.title;
  if (title === null || title.trim() === '') return;
  const at = p.titleLine;
  const t = quote(title.trim());
  if (RELEASE_MGMT_TITLE.test(title) || SCHEDULE_TITLE.test(title)) ev.add(4, `the title ${t} names a release schedule`, at);
  else if (SUPPORT_TITLE.test(title)) ev.add(4, `the title ${t} names supported releases`, at);
  else if (VERSION_RELEASE_TITLE.test(title)) ev.add(3, `the title ${t} names a release`, at);
  else if (ROADMAP_TITLE.test(title)) ev.add(3, `the title ${t} names a roadmap`, at);
  if (TEST_DAY_TITLE.test(title) && p.release !== null) ev.add(3, `the title ${t} names a test day of release ${p.release}`, at);
  if (NOT_RELEASE_TITLE.test(title)) ev.add(-4, `the title ${t} names a changelog, notes, a meeting or a proposal, not a schedule`, at);
  else if (TEMPLATE_TITLE.test(title) && p.release === null) ev.add(-2, `the title ${t} names a template or a guide, not one release`, at);
  else if (PROCESS_TITLE.test(title) && p.release === null)
    ev.add(-1, `the title ${t} names how releases are made (a release page only with a schedule)`, at);
}

function isPost(fm: FrontMatter | null): boolean {
  return (fmString(fm, 'layout') ?? '').toLowerCase() === 'post';
}

function frontMatterEvidence(p: DetectInput, ev: Evidence): void {
  const { fm } = p;
  if (!fm) return;
  for (const key of ['category', 'type']) {
    const v = fmString(fm, key);
    if (v !== null && RELEASE_CATEGORY.test(v.trim())) ev.add(3, `front matter ${key}: ${v.trim()}`, fmLine(fm, key));
  }
  const post = isPost(fm);
  const blog = post || fm.fields.has('author') || fm.fields.has('authors') || fm.fields.has('tags');
  if (!fm.fields.has('date') || !blog) return;
  if (post && p.release !== null) ev.add(4, `a post announcing release ${p.release}`, fmLine(fm, 'layout'));
  else ev.add(-3, 'front matter of a blog post (date and author, layout or tags)', fmLine(fm, 'date'));
}

/**
 * Per-version rows (`Version | RC | GA | EOL`): releases with plans or support phases, or only a history of
 * release days. One date per version is a plan when the rows name who runs each release (`Release manager`)
 * or the table stands under a schedule heading (`Release schedule`).
 */
function phaseEvidence(timelines: readonly Timeline[], ev: Evidence): void {
  let planned = 0;
  let supported = 0;
  let history = 0;
  let at: number | null = null;
  for (const tl of timelines) {
    if (tl.source !== 'phases') continue;
    const phases = tl.milestones.filter(dated);
    if (phases.length === 0) continue;
    at ??= tl.tableLine ?? tl.line;
    if (phases.some((m) => m.kind === 'eol' || m.kind === 'maintenance')) supported++;
    else if (
      phases.length >= 2 ||
      phases.some((m) => (hasReleaseWords(m) && !HISTORY_PHASE.test(m.label.trim())) || m.owner !== null) ||
      (tl.heading !== null && SCHEDULE_HEADING.test(tl.heading))
    )
      planned++;
    else history++;
  }
  const s = (n: number): string => (n === 1 ? '' : 's');
  if (supported > 0) ev.add(4, `a per-version table: ${supported} release${s(supported)} with their support phases (end of life)`, at);
  else if (planned > 0) ev.add(planned >= 2 ? 4 : 2, `a per-version schedule: ${planned} release${s(planned)} with their phases`, at);
  else if (history > 0)
    ev.add(history >= 2 ? 2 : 1, `a table of ${history} version${s(history)} with the day each came out (a history by itself)`, at);
}

function timelineEvidence(p: DetectInput, ev: Evidence): void {
  let releaseWords = 0;
  let plain = 0;
  let first: Milestone | null = null;
  for (const tl of p.timelines) {
    if (tl.source === 'phases') continue;
    for (const m of tl.milestones) {
      if (!dated(m)) continue;
      if (hasReleaseWords(m)) {
        releaseWords++;
        first ??= m;
      } else plain++;
    }
  }
  if (releaseWords > 0 && first) {
    const weight = releaseWords >= 3 ? 4 : releaseWords === 2 ? 3 : 1;
    const s = releaseWords === 1 ? '' : 's';
    ev.add(weight, `${releaseWords} dated milestone${s} with release words (first: ${quote(first.label)})`, first.line);
  }
  if (plain >= 2 && releaseWords === 0) ev.add(0, `${plain} dated entries without release words (not a schedule by themselves)`, null);
  phaseEvidence(p.timelines, ev);
}

function structureEvidence(p: DetectInput, ev: Evidence): void {
  const feature = p.tables.find((t) => t.isFeatureTable);
  if (feature) ev.add(4, 'a features table (feature with status or priority columns)', feature.parsed.startLine);
  const planned = p.plan.find((m) => m.status);
  if (planned) ev.add(4, 'a milestone plan (Milestone N (…) with a status)', planned.line);
  const section = p.headings.find((h) => h.level >= 2 && SCHEDULE_HEADING.test(h.text));
  if (section) ev.add(1, `a section ${quote(section.text)}`, section.line);
}

function negativeStructure(p: DetectInput, ev: Evidence): void {
  const versions = p.headings.filter((h) => h.level >= 2 && VERSION_HEADING.test(h.text.trim()));
  const withDates = versions.filter((h) => HEADING_DATE.test(h.text));
  const changeSections = p.headings.filter((h) => CHANGE_SECTION.test(h.text.trim())).length;
  if (withDates.length >= 2)
    ev.add(-5, `${withDates.length} headings that are a version and its date, in series (a changelog)`, withDates[0].line);
  else if (versions.length >= 2 && changeSections >= 2)
    ev.add(-4, `${versions.length} version headings with sections of changes (a changelog)`, versions[0].line);
  const readme = p.headings.filter((h) => h.level >= 2 && README_SECTION.test(h.text.trim()));
  if (readme.length >= 2)
    ev.add(
      -3,
      `sections of a project README (${readme
        .slice(0, 3)
        .map((h) => h.text.trim())
        .join(', ')}): a schedule there is one part of it`,
      readme[0].line,
    );
  const decision = new Set(
    p.headings.filter((h) => DECISION_HEADINGS.test(h.text.trim())).map((h) => h.text.trim().toLowerCase().split(/\s/)[0]),
  );
  if (decision.has('context') && decision.has('decision'))
    ev.add(-4, 'sections Context and Decision (an architecture decision record)', null);
  const inTable = tableLines(p.tables);
  const limit = Math.min(p.lines.length, PROSE_LINES_READ);
  for (let l = 0; l < limit; l++) {
    if (!inTable(l) && KEEP_A_CHANGELOG.test(p.lines[l].text)) {
      ev.add(-3, 'the page follows Keep a Changelog / Semantic Versioning', l);
      break;
    }
  }
}

/** The share of the page's dated milestones that are rows of a per-version table with support phases. */
function supportShare(timelines: readonly Timeline[]): number {
  let support = 0;
  let all = 0;
  for (const tl of timelines) {
    const n = tl.milestones.filter(dated).length;
    all += n;
    if (tl.source === 'phases' && tl.milestones.some((m) => m.kind === 'eol' || m.kind === 'maintenance')) support += n;
  }
  return all === 0 ? 0 : support / all;
}

/** oVirt's kinds first (their titles, front matter, tables), then a schedule or a support policy. */
function releaseKind(p: DetectInput): PageKind {
  const title = p.title ?? '';
  const category = (fmString(p.fm, 'category') ?? '').toLowerCase();
  if (isPost(p.fm) && p.release !== null) return 'announcement';
  if (RELEASE_MGMT_TITLE.test(title)) return p.release && /\.z$/i.test(p.release) ? 'z-stream' : 'release-management';
  if (TEST_DAY_TITLE.test(title) && (category.startsWith('release') || p.tables.some((t) => t.isFeatureTable) || p.release))
    return 'test-day';
  if (p.plan.some((m) => m.status)) return 'milestone-plan';
  if (ROADMAP_TITLE.test(title)) return 'roadmap';
  if (category === 'release' || category === 'release-management') return 'release-management';
  if (p.tables.some((t) => t.isFeatureTable)) return 'release-management';
  if (supportShare(p.timelines) > 0.5 || (SUPPORT_TITLE.test(title) && !SCHEDULE_TITLE.test(title))) return 'support-policy';
  return 'release-schedule';
}

/** The page's kind and the evidence that decided it. */
export function detectPage(p: DetectInput): { kind: PageKind; detection: Detection } {
  const ev = new Evidence();
  titleEvidence(p, ev);
  frontMatterEvidence(p, ev);
  timelineEvidence(p, ev);
  structureEvidence(p, ev);
  negativeStructure(p, ev);
  for (const g of p.skippedGrids ?? []) ev.add(0, `a month grid not read: ${g.why}`, g.line);
  const score = ev.list.reduce((n, e) => n + e.weight, 0);
  const isRelease = score >= RELEASE_PAGE_THRESHOLD;
  return {
    kind: isRelease ? releaseKind(p) : 'other',
    detection: { score, verdict: isRelease ? 'release-page' : 'not-release-page', evidence: ev.list },
  };
}

/** Why a page was or was not checked, in sentences: the verdict, then each piece of evidence (strongest first). */
export interface DetectionExplanation {
  /** `release page (score 7, needs 3)`, `not a release page (score 1, needs 3)`, or what the configuration decided. */
  verdict: string;
  /** `+4 the title "…" names a release schedule (line 2)`, strongest first. */
  reasons: string[];
}

/**
 * The explanation of a page's detection. `checked` is whether the page was checked in the end: a page the
 * configuration includes (or `--all`) is checked whatever its score, one it excludes is not.
 */
export function explainDetection(detection: Detection, checked: boolean): DetectionExplanation {
  const { score } = detection;
  const taken = detection.verdict === 'release-page';
  const scored = `score ${score}, needs ${RELEASE_PAGE_THRESHOLD}`;
  const verdict =
    checked === taken
      ? `${taken ? 'release page' : 'not a release page'} (${scored})`
      : checked
        ? `checked because the configuration includes it (or --all); by its evidence it is not a release page (${scored})`
        : `not checked: the configuration excludes it; by its evidence it is a release page (${scored})`;
  const reasons = [...detection.evidence]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .map((e) => `${e.weight > 0 ? '+' : ''}${e.weight} ${e.why}${e.line === null ? '' : ` (line ${e.line + 1})`}`);
  if (reasons.length === 0) reasons.push('no evidence: no release title, release front matter, schedule or per-version table');
  return { verdict, reasons };
}
