// Over 300 lines: the build's named phases read best in one file, each a short function in the order they run.
/** Builds the page model from text. Regions are parsed once and cached by content (see RegionCache). */
import { learnVocabulary } from './learned';
import { scanDates } from '../dates';
import { frontMatterEnd, splitRegions, type Region } from '../markdown/blocks';
import type { RegionCache } from '../markdown/region';
import type { ListItemInfo, RegionInfo } from '../markdown/region-read';
import type { ParsedTable } from '../markdown/table';
import type { SourceLine } from '../lines';
import { drain, type Steps } from '../incremental/steps';
import type { Position } from '../findings';
import { criterionFromItem, findLegend, findPlan } from './extract';
import { detectPage } from './detect';
import { findDirectives } from './directives';
import { parseFrontMatter, type FrontMatter } from './frontmatter';
import { byPosition, dateColumns, dateFacts, pushRowDates } from './page-dates';
import { pageModel } from '../incremental/model-literals';
import { buildTable } from './tables';
import type { TableDecl } from './schema';
import { milestoneFromBullet, placeDate, readBullet, type BulletReading } from './bullets';
import { SCHEDULE_HEADING } from './schedule-columns';
import { resolveReleaseOf, timelinesFromTable } from './timeline';
import { gridReading } from './grids';
import { pushProseDates } from './prose-dates';
import type { SkippedGrid } from './detect';
import type { Criterion, DegradedBlock, Heading, Milestone, OrphanRows, PageDate, PageModel, TableModel, Timeline } from './page-model';

const VERSION = /(?<![\w.])v?(\d+\.\d+(?:\.\d+)?(?:\.z)?)\b/i;
const FRONT_MATTER_DATE_KEYS = /(^|_)(date|updated|last_updated)$/i;

function fmString(fm: FrontMatter | null, key: string): string | null {
  const f = fm?.fields.get(key);
  return f && typeof f.value === 'string' ? f.value : null;
}

/** The last heading above `line` that passes `test` (headings are in line order); a binary search without a test. */
function headingAbove(headings: readonly Heading[], line: number, test?: (h: Heading) => boolean): Heading | null {
  if (!test) {
    let lo = 0;
    let hi = headings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (headings[mid].line < line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? headings[lo - 1] : null;
  }
  // Indexed, not for…of: most of a CLI run is not optimized, and an iterator allocates a result per step there.
  let found: Heading | null = null;
  for (let i = 0; i < headings.length && headings[i].line < line; i++) if (test(headings[i])) found = headings[i];
  return found;
}

const ROW_LIKE = /^ {0,3}\|.*\|/;

/**
 * Pipe rows after a table that GFM no longer counts as table rows: the table ended at a blank line or at
 * a line indented four or more spaces (a wrapped cell), and the rows that follow start no table of their
 * own, so they render as a paragraph of text. Runs of such rows separated by more blank lines chain on.
 */
function findOrphanRows(lines: PageModel['lines'], tables: readonly TableModel[], literal: ReadonlySet<number>): OrphanRows[] {
  const starts = new Set(tables.map((t) => t.parsed.startLine));
  const out: OrphanRows[] = [];
  const cutter = (l: number): boolean =>
    lines[l].text.trim() === '' || (/^( {4,}|\t)/.test(lines[l].text) && !ROW_LIKE.test(lines[l].text));
  for (const t of tables) {
    if (t.parsed.kind !== 'gfm') continue;
    let end = t.parsed.endLine;
    for (;;) {
      let l = end + 1;
      const blankFrom = l;
      while (l < lines.length && l - blankFrom < 5 && cutter(l)) l++;
      if (l === blankFrom || l >= lines.length || starts.has(l) || literal.has(l) || !ROW_LIKE.test(lines[l].text)) break;
      const first = l;
      while (l + 1 < lines.length && lines[l + 1].text.trim() !== '' && !starts.has(l + 1)) l++;
      out.push({ tableEnd: end, blankFrom, blankTo: first - 1, firstLine: first, lastLine: l });
      end = l;
    }
  }
  return out;
}

/** The page model of a page's lines (shared with the previous version where unchanged: see diffLines). */
export function buildPage(lines: SourceLine[], cache: RegionCache, decls: readonly TableDecl[] = []): PageModel {
  return drain(buildPageSteps(lines, cache, decls));
}

/** One step of nothing: the caller (the language server) may answer the editor before the next phase. */
function* giveEditorATurn(): Steps<void> {
  yield;
}

/**
 * buildPage, phase by phase, giving the editor a turn between phases, between regions and while it reads big
 * tables. `decls` are the configuration's table declarations (model/schema.ts).
 */
export function* buildPageSteps(lines: SourceLine[], cache: RegionCache, decls: readonly TableDecl[] = []): Steps<PageModel> {
  const regions = splitRegions(lines);
  yield* giveEditorATurn();
  const blocks = yield* readRegions(lines, regions, cache);
  const titles = readTitles(blocks);
  yield* giveEditorATurn();
  const tables = readTables(lines, blocks, decls);
  yield* giveEditorATurn();
  const { timelines, criteria, skippedGrids } = readTimelinesAndCriteria(lines, blocks, tables, titles);
  yield* giveEditorATurn();
  const plan = findPlan(lines, blocks.literal);
  const dates = yield* readDates(lines, blocks.fm, timelines, tables, plan);
  yield* giveEditorATurn();
  pushProseDates(lines, blocks.literal, tables, dates);
  yield* giveEditorATurn();
  dates.sort(byPosition);
  yield* giveEditorATurn();
  const { kind, detection } = detectPage({
    fm: blocks.fm,
    title: titles.title,
    titleLine: titles.titleLine,
    release: titles.release,
    headings: blocks.headings,
    timelines,
    tables,
    plan,
    lines,
    skippedGrids,
  });
  const gaDate = findGaDate(timelines, titles.release);
  const orphanRows = findOrphanRows(lines, tables, blocks.literal);
  yield* giveEditorATurn();
  const directives = findDirectives(lines, blocks.code);
  yield* giveEditorATurn();
  return pageModel({
    lines,
    kind,
    isReleasePage: kind !== 'other',
    detection,
    title: titles.title,
    release: titles.release,
    frontMatter: blocks.fm,
    headings: blocks.headings,
    timelines,
    criteria,
    tables,
    orphanRows,
    legend: findLegend(lines, blocks.headings),
    learned: learnVocabulary(tables),
    plan,
    dates,
    literalLines: blocks.literal,
    directives,
    degraded: blocks.degraded,
    ...dateFacts(dates, gaDate),
    gaDate,
  });
}

/** What the regions of a page hold, at page lines. */
interface PageBlocks {
  fm: FrontMatter | null;
  headings: Heading[];
  items: ListItemInfo[];
  parsedTables: ParsedTable[];
  /** Lines where values are not read: front matter, code, raw HTML. */
  literal: Set<number>;
  /** Lines of front matter and fenced code, where directives are not read. */
  code: Set<number>;
  degraded: DegradedBlock[];
}

/** Front matter, literal blocks and the facts of each Markdown region (from the cache when unchanged). */
function* readRegions(lines: SourceLine[], regions: readonly Region[], cache: RegionCache): Steps<PageBlocks> {
  const blocks: PageBlocks = { fm: null, headings: [], items: [], parsedTables: [], literal: new Set(), code: new Set(), degraded: [] };
  for (const r of regions) {
    if (r.kind === 'markdown') {
      const regionLines: string[] = [];
      for (let l = r.startLine; l <= r.endLine; l++) regionLines.push(lines[l].text);
      addRegion(blocks, r, yield* cache.getSteps(regionLines, r.startLine));
      continue;
    }
    if (r.kind === 'frontmatter') blocks.fm = parseFrontMatter(lines, frontMatterEnd(lines));
    for (let l = r.startLine; l <= r.endLine; l++) {
      blocks.literal.add(l);
      if (r.kind !== 'html') blocks.code.add(l);
    }
  }
  return blocks;
}

/** Region facts are at their page lines already (and never changed): taken as they are. */
function addRegion(blocks: PageBlocks, r: Region, info: RegionInfo): void {
  for (const h of info.headings) blocks.headings.push(h);
  for (const it of info.listItems) blocks.items.push(it);
  for (const t of info.tables) blocks.parsedTables.push(t);
  for (const l of info.literalLines) blocks.literal.add(l);
  if (info.degraded) blocks.degraded.push({ startLine: r.startLine, endLine: r.endLine, reason: info.degraded });
}

interface Titles {
  title: string | null;
  /** The line of the title: its front matter field, else its heading. */
  titleLine: number | null;
  /** The page's release version (from its title). */
  release: string | null;
  /** The release a line belongs to: the version of the nearest heading above that names one, else the page's. */
  releaseAt: (line: number) => string | null;
}

function readTitles(blocks: PageBlocks): Titles {
  const { fm, headings } = blocks;
  const h1 = headings.find((h) => h.level === 1);
  const fmTitle = fmString(fm, 'title');
  const title = fmTitle ?? h1?.text ?? null;
  const titleLine = fmTitle !== null ? (fm?.fields.get('title')?.keyRange.start.line ?? null) : (h1?.line ?? null);
  const release = title ? (VERSION.exec(title)?.[1] ?? null) : null;
  const releaseAt = (line: number): string | null => {
    const h = headingAbove(headings, line, (x) => VERSION.test(x.text) && x.line > (h1?.line ?? -1));
    return h ? (VERSION.exec(h.text)?.[1] ?? release) : release;
  };
  return { title, titleLine, release, releaseAt };
}

function readTables(lines: SourceLine[], blocks: PageBlocks, decls: readonly TableDecl[]): TableModel[] {
  return blocks.parsedTables.map((t) => buildTable(t, lines, headingAbove(blocks.headings, t.startLine)?.text ?? null, decls));
}

/** Bullet and heading milestones gathered into one timeline per section (the heading above them). */
class TimelineGroups {
  private readonly bySection = new Map<string, Timeline>();

  constructor(private readonly into: Timeline[]) {}

  add(source: 'bullets' | 'headings', section: Heading | null, line: number, release: string | null, m: Milestone): void {
    const key = `${source}:${section?.line ?? -1}`;
    let tl = this.bySection.get(key);
    if (!tl) {
      tl = { release, heading: section?.text ?? null, line, source, tableLine: null, milestones: [] };
      this.bySection.set(key, tl);
      this.into.push(tl);
    }
    tl.milestones.push(m);
  }
}

/** The timelines of schedule tables and month grids, and the grids not read (with why). */
function tableTimelines(
  tables: readonly TableModel[],
  releaseAt: Titles['releaseAt'],
): { timelines: Timeline[]; skippedGrids: SkippedGrid[] } {
  const timelines: Timeline[] = [];
  const skippedGrids: SkippedGrid[] = [];
  for (const t of tables) {
    const before = timelines.length;
    for (const tl of timelinesFromTable(t, releaseAt(t.parsed.startLine))) timelines.push(tl);
    const grid = timelines.length === before ? gridReading(t, releaseAt(t.parsed.startLine)) : null;
    if (grid && 'timeline' in grid) timelines.push(grid.timeline);
    else if (grid) skippedGrids.push({ line: t.parsed.startLine, why: grid.skipped });
  }
  return { timelines, skippedGrids };
}

/** Timelines from tables, bullets and dated headings (grouped by section), and the release criteria among the bullets. */
function readTimelinesAndCriteria(
  lines: SourceLine[],
  blocks: PageBlocks,
  tables: readonly TableModel[],
  titles: Titles,
): { timelines: Timeline[]; criteria: Criterion[]; skippedGrids: SkippedGrid[] } {
  const { releaseAt } = titles;
  const { headings } = blocks;
  const { timelines, skippedGrids } = tableTimelines(tables, releaseAt);
  const criteria: Criterion[] = [];
  const grouped = new TimelineGroups(timelines);
  const parents: Array<{ depth: number; section: Heading | null; reading: BulletReading }> = [];
  for (const it of blocks.items) {
    const content = lines[it.line].text.slice(it.contentColumn);
    const section = headingAbove(headings, it.line);
    // A parent is an item of less depth in the same section (a heading ends every list above it).
    while (parents.length > 0 && (parents[parents.length - 1].depth >= it.depth || parents[parents.length - 1].section !== section))
      parents.pop();
    const c = criterionFromItem(content, it.line, it.contentColumn);
    if (c) {
      criteria.push(c);
      continue;
    }
    const reading = readBullet(content, it.line, it.contentColumn);
    const parent = parents.at(-1)?.reading ?? null;
    parents.push({ depth: it.depth, section, reading });
    const inTimelineSection = section !== null && SCHEDULE_HEADING.test(section.text);
    const m = milestoneFromBullet(content, reading, { release: releaseAt(it.line), inTimelineSection, parent });
    if (m) grouped.add('bullets', section, it.line, releaseAt(it.line), m);
  }
  for (const h of headings) {
    const column = lines[h.line].text.indexOf(h.text);
    if (column < 0 || !/\d/.test(h.text)) continue;
    const reading = readBullet(h.text, h.line, column);
    if (reading.dates.length === 0) continue;
    const section = headingAbove(headings, h.line, (x) => x.level < h.level);
    const inTimelineSection = section !== null && SCHEDULE_HEADING.test(section.text);
    const m = milestoneFromBullet(h.text, reading, { release: releaseAt(h.line), inTimelineSection, parent: null });
    if (m) grouped.add('headings', section, h.line, releaseAt(h.line), m);
  }
  timelines.sort((a, b) => a.line - b.line);
  resolveReleaseOf(timelines);
  return { timelines, criteria, skippedGrids };
}

/** Every date of the page, unsorted: milestones', date columns' (giving the editor a turn every 1,024 rows), front matter's, the plan's. */
function* readDates(
  lines: SourceLine[],
  fm: FrontMatter | null,
  timelines: readonly Timeline[],
  tables: readonly TableModel[],
  plan: PageModel['plan'],
): Steps<PageDate[]> {
  const dates: PageDate[] = [];
  const seen = new Set<PageDate>(); // a date parent's dates are shared by its event children
  const placed = new Set<string>(); // line:character of the milestones' dates
  for (const tl of timelines)
    for (const m of tl.milestones)
      for (const d of [...m.superseded, ...(m.date ? [m.date] : []), ...(m.actual ? [m.actual] : [])]) {
        if (!seen.has(d)) dates.push(d);
        seen.add(d);
        placed.add(`${d.range.start.line}:${d.range.start.character}`);
      }
  for (const t of tables) {
    // A timeline table's dates are its milestones', plus the dates written with a weekday or as a dual-zone
    // time in any of its cells that no milestone took (the other half of a pair); other tables give their
    // date columns and weekday dates.
    const columns = t.isDateTable ? [] : dateColumns(t);
    const row: PageDate[] = [];
    for (let i = 0; i < t.rows.length; i++) {
      pushRowDates(t.rows[i], columns, row, t.header);
      for (const d of row) if (!t.isDateTable || !placed.has(`${d.range.start.line}:${d.range.start.character}`)) dates.push(d);
      row.length = 0;
      if ((i & 1023) === 1023) yield* giveEditorATurn();
    }
  }
  if (fm) pushFrontMatterDates(fm, dates);
  pushPlanDates(lines, plan, dates);
  return dates;
}

function pushFrontMatterDates(fm: FrontMatter, dates: PageDate[]): void {
  for (const f of fm.fields.values()) {
    if (!FRONT_MATTER_DATE_KEYS.test(f.key) || f.type === 'list' || f.type === 'map') continue;
    const start = f.valueRange.start;
    const at = (o: number): Position => ({ line: start.line, character: start.character + o });
    for (const tok of scanDates(f.raw)) if (tok.kind !== 'unset') dates.push(placeDate(tok, at, 'frontmatter', f.key));
  }
}

function pushPlanDates(lines: SourceLine[], plan: PageModel['plan'], dates: PageDate[]): void {
  for (const m of plan) {
    const open = lines[m.line].text.indexOf('(') + 1;
    for (const tok of scanDates(m.when)) {
      if (tok.kind === 'unset') continue;
      const offset = lines[m.line].text.indexOf(m.when, open);
      dates.push(placeDate(tok, (o) => ({ line: m.line, character: offset + o }), 'plan', m.title));
    }
  }
}

/** The GA milestone's date, when it is a full date with a year (a per-version table's rows are many releases: none is the page's). */
function findGaDate(timelines: readonly Timeline[], release: string | null): PageDate | null {
  const schedules = timelines.filter((t) => t.source !== 'phases');
  // A page without a release of its own whose sections are several releases (`### v0.56`, `### v0.53`) has no one GA.
  if (release === null && new Set(schedules.map((t) => t.release).filter((r) => r !== null)).size > 1) return null;
  const ga = schedules
    .flatMap((t) => t.milestones)
    .find((m) => m.kind === 'ga' && m.date?.token.kind === 'date' && m.date.token.year !== null && !m.date.token.precision);
  return ga?.date ?? null;
}
