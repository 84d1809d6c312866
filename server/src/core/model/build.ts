// Over 300 lines: the build's named phases read best in one file, each a short function in the order they run.
/** Builds the page model from text. Regions are parsed once and cached by content (see RegionCache). */
import { scanDates } from '../dates';
import { frontMatterEnd, splitRegions, type Region } from '../markdown/blocks';
import type { RegionCache } from '../markdown/region';
import type { ListItemInfo, RegionInfo } from '../markdown/region-read';
import type { ParsedTable } from '../markdown/table';
import type { SourceLine } from '../lines';
import { drain, type Steps } from '../incremental/steps';
import type { Position } from '../findings';
import { criterionFromItem, findLegend, findPlan } from './extract';
import { findDirectives } from './directives';
import { parseFrontMatter, type FrontMatter } from './frontmatter';
import { byPosition, dateColumns, dateFacts, pushRowDates } from './page-dates';
import { pageModel } from '../incremental/model-literals';
import { buildTable } from './tables';
import { milestoneFromBullet, placeDate, timelineFromTable } from './timeline';
import type {
  Criterion,
  DegradedBlock,
  Heading,
  Milestone,
  OrphanRows,
  PageDate,
  PageKind,
  PageModel,
  TableModel,
  Timeline,
} from './page-model';

const TIMELINE_HEADING = /timeline|milestones|schedule/i;
const VERSION = /\b(\d+\.\d+(?:\.\d+)?(?:\.z)?)\b/i;
const FRONT_MATTER_DATE_KEYS = /(^|_)(date|updated|last_updated)$/i;

function fmString(fm: FrontMatter | null, key: string): string | null {
  const f = fm?.fields.get(key);
  return f && typeof f.value === 'string' ? f.value : null;
}

function headingAbove(headings: readonly Heading[], line: number, test?: (h: Heading) => boolean): Heading | null {
  let found: Heading | null = null;
  for (const h of headings) {
    if (h.line >= line) break;
    if (!test || test(h)) found = h;
  }
  return found;
}

function detectKind(p: {
  fm: FrontMatter | null;
  title: string | null;
  release: string | null;
  timelines: Timeline[];
  tables: TableModel[];
  plan: PageModel['plan'];
  text: () => string;
}): PageKind {
  const category = (fmString(p.fm, 'category') ?? '').toLowerCase();
  const title = p.title ?? '';
  const layout = (fmString(p.fm, 'layout') ?? '').toLowerCase();
  const dated = p.timelines.reduce(
    (n, t) => n + t.milestones.filter((m) => m.kind !== 'other' && (m.date || m.superseded.length)).length,
    0,
  );
  if (layout === 'post' && (p.release !== null || /\brelease/i.test(p.text()))) return 'announcement';
  if (/release[- ]management/i.test(title)) return p.release && /\.z$/i.test(p.release) ? 'z-stream' : 'release-management';
  if (/test[- ]?day|testing\b/i.test(title) && (category.startsWith('release') || p.tables.some((t) => t.isFeatureTable) || p.release))
    return 'test-day';
  if (p.plan.filter((m) => m.status).length >= 1) return 'milestone-plan';
  if (/\broadmap\b/i.test(title)) return 'roadmap';
  if (category === 'release' || category === 'release-management') return 'release-management';
  if (p.tables.some((t) => t.isFeatureTable) || dated >= 2) return 'release-management';
  return 'other';
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
export function buildPage(lines: SourceLine[], cache: RegionCache): PageModel {
  return drain(buildPageSteps(lines, cache));
}

/** One step of nothing: the caller (the language server) may answer the editor before the next phase. */
function* giveEditorATurn(): Steps<void> {
  yield;
}

/** buildPage, phase by phase, giving the editor a turn between phases, between regions and while it reads big tables. */
export function* buildPageSteps(lines: SourceLine[], cache: RegionCache): Steps<PageModel> {
  const regions = splitRegions(lines);
  yield* giveEditorATurn();
  const blocks = yield* readRegions(lines, regions, cache);
  const titles = readTitles(blocks);
  yield* giveEditorATurn();
  const tables = readTables(lines, blocks);
  yield* giveEditorATurn();
  const { timelines, criteria } = readTimelinesAndCriteria(lines, blocks, tables, titles);
  yield* giveEditorATurn();
  const plan = findPlan(lines, blocks.literal);
  const dates = yield* readDates(lines, blocks.fm, timelines, tables, plan);
  yield* giveEditorATurn();
  dates.sort(byPosition);
  yield* giveEditorATurn();
  const kind = detectKind({
    fm: blocks.fm,
    title: titles.title,
    release: titles.release,
    timelines,
    tables,
    plan,
    text: () => lines.map((l) => l.text).join('\n'),
  });
  const gaDate = findGaDate(timelines);
  const orphanRows = findOrphanRows(lines, tables, blocks.literal);
  yield* giveEditorATurn();
  const directives = findDirectives(lines, blocks.code);
  yield* giveEditorATurn();
  return pageModel({
    lines,
    kind,
    isReleasePage: kind !== 'other',
    title: titles.title,
    release: titles.release,
    frontMatter: blocks.fm,
    headings: blocks.headings,
    timelines,
    criteria,
    tables,
    orphanRows,
    legend: findLegend(lines, blocks.headings),
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
  /** The page's release version (from its title). */
  release: string | null;
  /** The release a line belongs to: the version of the nearest heading above that names one, else the page's. */
  releaseAt: (line: number) => string | null;
}

function readTitles(blocks: PageBlocks): Titles {
  const { fm, headings } = blocks;
  const h1 = headings.find((h) => h.level === 1);
  const title = fmString(fm, 'title') ?? h1?.text ?? null;
  const release = title ? (VERSION.exec(title)?.[1] ?? null) : null;
  const releaseAt = (line: number): string | null => {
    const h = headingAbove(headings, line, (x) => VERSION.test(x.text) && x.line > (h1?.line ?? -1));
    return h ? (VERSION.exec(h.text)?.[1] ?? release) : release;
  };
  return { title, release, releaseAt };
}

function readTables(lines: SourceLine[], blocks: PageBlocks): TableModel[] {
  return blocks.parsedTables.map((t) => buildTable(t, lines, headingAbove(blocks.headings, t.startLine)?.text ?? null));
}

/** Timelines from tables and from bullets (grouped by section), and the release criteria among the bullets. */
function readTimelinesAndCriteria(
  lines: SourceLine[],
  blocks: PageBlocks,
  tables: readonly TableModel[],
  titles: Titles,
): { timelines: Timeline[]; criteria: Criterion[] } {
  const { releaseAt } = titles;
  const { headings } = blocks;
  const timelines: Timeline[] = [];
  for (const t of tables) {
    const tl = timelineFromTable(t, releaseAt(t.parsed.startLine));
    if (tl) timelines.push(tl);
  }
  const criteria: Criterion[] = [];
  const bulletTimelines = new Map<number, Timeline>();
  for (const it of blocks.items) {
    const content = lines[it.line].text.slice(it.contentColumn);
    const c = criterionFromItem(content, it.line, it.contentColumn);
    if (c) {
      criteria.push(c);
      continue;
    }
    const section = headingAbove(headings, it.line);
    const inTimeline = section !== null && TIMELINE_HEADING.test(section.text);
    const m: Milestone | null = milestoneFromBullet(content, it.line, it.contentColumn, releaseAt(it.line), inTimeline);
    if (!m) continue;
    const key = section?.line ?? -1;
    let tl = bulletTimelines.get(key);
    if (!tl) {
      tl = {
        release: releaseAt(it.line),
        heading: section?.text ?? null,
        line: it.line,
        source: 'bullets',
        tableLine: null,
        milestones: [],
      };
      bulletTimelines.set(key, tl);
      timelines.push(tl);
    }
    tl.milestones.push(m);
  }
  timelines.sort((a, b) => a.line - b.line);
  return { timelines, criteria };
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
  for (const tl of timelines) for (const m of tl.milestones) dates.push(...m.superseded, ...(m.date ? [m.date] : []));
  for (const t of tables) {
    const columns = dateColumns(t);
    if (columns.length === 0) continue;
    for (let i = 0; i < t.rows.length; i++) {
      pushRowDates(t.rows[i], columns, dates);
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

/** The GA milestone's date, when it is a full date with a year. */
function findGaDate(timelines: readonly Timeline[]): PageDate | null {
  const ga = timelines
    .flatMap((t) => t.milestones)
    .find((m) => m.kind === 'ga' && m.date?.token.kind === 'date' && m.date.token.year !== null);
  return ga?.date ?? null;
}
