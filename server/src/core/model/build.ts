/** Builds the page model from text. Regions are parsed once and cached by content (see RegionCache). */
import { scanDates } from '../dates';
import { frontMatterEnd, splitRegions } from '../markdown/blocks';
import type { ListItemInfo, RegionCache } from '../markdown/region';
import type { ParsedTable } from '../markdown/table';
import type { SourceLine } from '../text';
import { drain, type Steps } from '../incremental/steps';
import type { Position } from '../types';
import { criterionFromItem, findLegend, findPlan } from './extract';
import { findDirectives } from './directives';
import { parseFrontMatter, type FrontMatter } from './frontmatter';
import { byPosition, dateColumns, dateFacts, pushRowDates } from './page-dates';
import { pageModel } from '../incremental/model-literals';
import { buildTable } from './tables';
import { milestoneFromBullet, placeDate, timelineFromTable } from './timeline';
import type { Criterion, DegradedBlock, Heading, Milestone, OrphanRows, PageDate, PageKind, PageModel, TableModel, Timeline } from './types';

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
  fm: FrontMatter | null; title: string | null; release: string | null; timelines: Timeline[]; tables: TableModel[]; plan: PageModel['plan']; text: () => string;
}): PageKind {
  const category = (fmString(p.fm, 'category') ?? '').toLowerCase();
  const title = p.title ?? '';
  const layout = (fmString(p.fm, 'layout') ?? '').toLowerCase();
  const dated = p.timelines.reduce((n, t) => n + t.milestones.filter((m) => m.kind !== 'other' && (m.date || m.superseded.length)).length, 0);
  if (layout === 'post' && (p.release !== null || /\brelease/i.test(p.text()))) return 'announcement';
  if (/release[- ]management/i.test(title)) return p.release && /\.z$/i.test(p.release) ? 'z-stream' : 'release-management';
  if (/test[- ]?day|testing\b/i.test(title) && (category.startsWith('release') || p.tables.some((t) => t.isFeatureTable) || p.release)) return 'test-day';
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
  const cutter = (l: number): boolean => lines[l].text.trim() === '' || (/^( {4,}|\t)/.test(lines[l].text) && !ROW_LIKE.test(lines[l].text));
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

/** buildPage, yielding between regions and while it reads big tables. */
export function* buildPageSteps(lines: SourceLine[], cache: RegionCache): Steps<PageModel> {
  const regions = splitRegions(lines);
  yield;
  const literal = new Set<number>();
  const code = new Set<number>();
  const headings: Heading[] = [];
  const items: ListItemInfo[] = [];
  const parsedTables: ParsedTable[] = [];
  let fm: FrontMatter | null = null;
  const degraded: DegradedBlock[] = [];
  for (const r of regions) {
    if (r.kind === 'frontmatter') {
      fm = parseFrontMatter(lines, frontMatterEnd(lines));
      for (let l = r.startLine; l <= r.endLine; l++) {
        literal.add(l);
        code.add(l);
      }
      continue;
    }
    if (r.kind !== 'markdown') {
      for (let l = r.startLine; l <= r.endLine; l++) {
        literal.add(l);
        if (r.kind === 'code') code.add(l);
      }
      continue;
    }
    const regionLines: string[] = [];
    for (let l = r.startLine; l <= r.endLine; l++) regionLines.push(lines[l].text);
    const info = yield* cache.getSteps(regionLines, r.startLine);
    // Region facts are at their page lines already (and never changed): taken as they are.
    for (const h of info.headings) headings.push(h);
    for (const it of info.listItems) items.push(it);
    for (const t of info.tables) parsedTables.push(t);
    for (const l of info.literalLines) literal.add(l);
    if (info.degraded) degraded.push({ startLine: r.startLine, endLine: r.endLine, reason: info.degraded });
  }
  const h1 = headings.find((h) => h.level === 1);
  const title = fmString(fm, 'title') ?? h1?.text ?? null;
  const release = title ? (VERSION.exec(title)?.[1] ?? null) : null;
  const releaseAt = (line: number): string | null => {
    const h = headingAbove(headings, line, (x) => VERSION.test(x.text) && x.line > (h1?.line ?? -1));
    return h ? (VERSION.exec(h.text)?.[1] ?? release) : release;
  };

  yield;
  const tables = parsedTables.map((t) => buildTable(t, lines, headingAbove(headings, t.startLine)?.text ?? null));
  yield;
  const timelines: Timeline[] = [];
  for (const t of tables) {
    const tl = timelineFromTable(t, releaseAt(t.parsed.startLine));
    if (tl) timelines.push(tl);
  }
  const criteria: Criterion[] = [];
  const bulletTimelines = new Map<number, Timeline>();
  for (const it of items) {
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
      tl = { release: releaseAt(it.line), heading: section?.text ?? null, line: it.line, source: 'bullets', milestones: [] };
      bulletTimelines.set(key, tl);
      timelines.push(tl);
    }
    tl.milestones.push(m);
  }
  timelines.sort((a, b) => a.line - b.line);

  yield;
  const plan = findPlan(lines, literal);
  const dates: PageDate[] = [];
  for (const tl of timelines) for (const m of tl.milestones) dates.push(...m.superseded, ...(m.date ? [m.date] : []));
  for (const t of tables) {
    const columns = dateColumns(t);
    if (columns.length === 0) continue;
    for (let i = 0; i < t.rows.length; i++) {
      pushRowDates(t.rows[i], columns, dates);
      if ((i & 1023) === 1023) yield;
    }
  }
  if (fm) {
    for (const f of fm.fields.values()) {
      if (!FRONT_MATTER_DATE_KEYS.test(f.key) || f.type === 'list' || f.type === 'map') continue;
      const start = f.valueRange.start;
      const at = (o: number): Position => ({ line: start.line, character: start.character + o });
      for (const tok of scanDates(f.raw)) if (tok.kind !== 'unset') dates.push(placeDate(tok, at, 'frontmatter', f.key));
    }
  }
  for (const m of plan) {
    const open = lines[m.line].text.indexOf('(') + 1;
    for (const tok of scanDates(m.when)) {
      if (tok.kind === 'unset') continue;
      const offset = lines[m.line].text.indexOf(m.when, open);
      dates.push(placeDate(tok, (o) => ({ line: m.line, character: offset + o }), 'plan', m.title));
    }
  }
  yield;
  dates.sort(byPosition);
  yield;

  const kind = detectKind({ fm, title, release, timelines, tables, plan, text: () => lines.map((l) => l.text).join('\n') });
  const ga = timelines.flatMap((t) => t.milestones).find((m) => m.kind === 'ga' && m.date?.token.kind === 'date' && m.date.token.year !== null);
  const gaDate = ga?.date ?? null;
  const orphanRows = findOrphanRows(lines, tables, literal);
  yield;
  const directives = findDirectives(lines, code);
  yield;
  return pageModel({
    lines,
    kind,
    isReleasePage: kind !== 'other',
    title,
    release,
    frontMatter: fm,
    headings,
    timelines,
    criteria,
    tables,
    orphanRows,
    legend: findLegend(lines, headings),
    plan,
    dates,
    literalLines: literal,
    directives,
    degraded,
    ...dateFacts(dates, gaDate),
    gaDate,
  });
}
