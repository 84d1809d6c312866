/**
 * Milestones written as list items or headings: the label first (`Beta release: **2013-05-31**`,
 * `**Initial Release**: [v0.56.0][] (2024-01-19)`), the date first (`**Monday 8th January 2024**: Week 1 —
 * Release cycle begins`, `### March 8th: code freeze`), or split over nested items (a parent naming the
 * milestone with a child holding its date, or a date parent whose children name its events).
 */
import { scanDates, type DateToken } from '../dates';
import type { Position } from '../findings';
import { isStruck, plainText } from './inline';
import { classifyMilestone, milestoneOrdinal } from './milestones';
import type { Milestone, PageDate } from './page-model';

const VALUE_KINDS = new Set<DateToken['kind']>(['date', 'invalid', 'placeholder']);

/** What may stand before or between the dates of a date-first item: markup, weekdays, times and zones, separators. */
const DATE_FILLER =
  /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b\d{1,2}(?::\d{2}){1,2}\b|\b(?:utc|gmt|[a-z]{1,3}[sd]t|bst|cest|cet)\b|\b(?:from|to|until|and|on)\b|[\s*_~[\](),.:;/–—-]+/gi;

/** One list item (or heading) read for a milestone: its label, its dates, and where each is. */
export interface BulletReading {
  /** Plain label text ('' when the item is only a date). */
  label: string;
  labelStart: number;
  labelEnd: number;
  /** Every value date, placed (struck ones too). */
  dates: PageDate[];
  valueStart: number;
  valueEnd: number;
  dateFirst: boolean;
  /** A label written first and a sentence going on after the date: prose that mentions a date, no milestone. */
  prose: boolean;
  /** The date or the label is bold (`**2013-05-31**`, `**Initial Release**:`). */
  bold: boolean;
  line: number;
  at: (offset: number) => Position;
}

export function placeDate(token: DateToken, at: (offset: number) => Position, context: PageDate['context'], label: string): PageDate {
  return { token, range: { start: at(token.start), end: at(token.end) }, context, label, posAt: (offset) => at(token.start + offset) };
}

function isFiller(text: string): boolean {
  return text.replace(DATE_FILLER, '') === '';
}

/** The dates that make one date part: the first token and those joined to it by filler only (`01:00 UTC … / 18:00 PDT …`). */
function datePart(content: string, tokens: readonly DateToken[]): DateToken[] {
  const part = [tokens[0]];
  for (let i = 1; i < tokens.length && isFiller(content.slice(tokens[i - 1].end, tokens[i].start)); i++) part.push(tokens[i]);
  return part;
}

/** Leading separators after a date (`**: `, `](link)**: `, ` — `). */
const AFTER_DATE = /^(?:[\s*_~\]]|\([^)]*\))*[\s:—–-]*/;

/** The first `:` outside `[…]` and `(…)` (a link's text or target may hold one), or -1. */
function colonOutsideLinks(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && depth > 0) depth--;
    else if (c === ':' && depth === 0) return i;
  }
  return -1;
}

/** A reading's fields in one order, so that every reading has one shape (object spread made them slowly, unoptimized). */
function reading(
  base: Pick<BulletReading, 'line' | 'at'>,
  label: string,
  labelStart: number,
  labelEnd: number,
  dates: PageDate[],
  valueStart: number,
  valueEnd: number,
  flags: Pick<BulletReading, 'dateFirst' | 'prose' | 'bold'>,
): BulletReading {
  const { line, at } = base;
  const { dateFirst, prose, bold } = flags;
  return { label, labelStart, labelEnd, dates, valueStart, valueEnd, dateFirst, prose, bold, line, at };
}

const PLAIN = { dateFirst: false, prose: false, bold: false };

export function readBullet(content: string, line: number, column: number): BulletReading {
  const at = (o: number): Position => ({ line, character: column + o });
  const tokens = scanDates(content).filter((t) => VALUE_KINDS.has(t.kind));
  const base = { line, at };
  if (tokens.length === 0) return reading(base, plainText(content), 0, content.length, [], content.length, content.length, PLAIN);
  const before = content.slice(0, tokens[0].start);
  if (isFiller(before)) {
    const part = datePart(content, tokens);
    const end = part[part.length - 1].end;
    const lead = AFTER_DATE.exec(content.slice(end))?.[0].length ?? 0;
    const rest = content.slice(end + lead);
    const label = plainText(rest).replace(/[:.]$/, '').trim();
    const dates = part.map((t) => placeDate(t, at, 'timeline', label));
    const bold = /\*\*/.test(before);
    return reading(base, label, end + lead, content.length, dates, tokens[0].start, end, { dateFirst: true, prose: false, bold });
  }
  const colon = colonOutsideLinks(before);
  const head = colon > 0 && /\p{L}/u.test(plainText(before.slice(0, colon))) ? before.slice(0, colon) : before;
  const labelRaw = head.replace(/[\s*_:'`(—–-]+$/, '').replace(/^[\s*_]+/, '');
  const label = plainText(labelRaw).replace(/[:.]$/, '').trim();
  const labelStart = Math.max(0, content.indexOf(labelRaw));
  const bold = /\*\*\s*$|\*'\s*$|__\s*$/.test(before) || /^\s*\*\*[^*]+\*\*/.test(head);
  const dates = tokens.map((t) => placeDate(t, at, 'timeline', label));
  // A sentence going on after the date (`The security release day (2019-04-05) was Friday PDT. We should…`) is prose.
  const after = plainText(content.slice(tokens[tokens.length - 1].end).replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
  const prose = (after.match(/\p{L}{2,}/gu) ?? []).length >= 4;
  return reading(base, label, labelStart, labelStart + labelRaw.length, dates, tokens[0].start, content.length, {
    dateFirst: false,
    prose,
    bold,
  });
}

/** The date that counts (the last one not struck through) and the struck ones it replaced. */
export function splitCurrent(dates: readonly PageDate[]): { date: PageDate | null; superseded: PageDate[] } {
  const live = dates.filter((d) => !d.token.struck);
  return { date: live.length ? live[live.length - 1] : null, superseded: dates.filter((d) => d.token.struck) };
}

/** Where a reading sits in its parent: a date parent lends its dates to event children, a label parent its label to a date child. */
export interface BulletContext {
  release: string | null;
  /** Under a schedule-ish heading: any dated item is a milestone. */
  inTimelineSection: boolean;
  parent: BulletReading | null;
}

function milestone(label: string, labelOf: BulletReading, valueOf: BulletReading, release: string | null, content: string): Milestone {
  const { date, superseded } = splitCurrent(valueOf.dates);
  return {
    label,
    labelRange: { start: labelOf.at(labelOf.labelStart), end: labelOf.at(labelOf.labelEnd) },
    kind: classifyMilestone(label, release),
    ordinal: milestoneOrdinal(label),
    date,
    superseded,
    valueRange: { start: valueOf.at(valueOf.valueStart), end: valueOf.at(valueOf.valueEnd) },
    cancelled: isStruck(content.slice(labelOf.labelStart, labelOf.labelEnd)),
    line: labelOf.line,
    owner: null,
    actual: null,
  };
}

/** Whether a label may make a milestone here: release vocabulary, or a schedule-ish section (or bold, for a label written first). */
function accepted(r: BulletReading, label: string, ctx: BulletContext): boolean {
  if (r.prose) return false;
  if (!/\p{L}/u.test(label) || label.length > 120) return false;
  // `Week 3 — …`: an entry of a release cycle's week-by-week schedule.
  if (classifyMilestone(label, ctx.release) !== 'other' || /^week\s*\d{1,2}\b/i.test(label)) return true;
  // A sentence that mentions a date (`… extended support for Electron 22 until October 10, 2023`) names no milestone.
  if (label.split(/\s+/).length > 8 || /\b(?:until|on|by|since|from|before|after|in|at)$/i.test(label)) return false;
  return ctx.inTimelineSection || (r.bold && !r.dateFirst);
}

/** The milestone a list item (or heading) names, or null. `content` is the item's text after its marker. */
export function milestoneFromBullet(content: string, r: BulletReading, ctx: BulletContext): Milestone | null {
  const p = ctx.parent;
  if (r.dates.length === 0) {
    // An event under a date parent (`- 2024-03-05` / `  - Beta release`).
    if (!p || p.dates.length === 0 || p.label !== '' || !accepted(r, r.label, ctx)) return null;
    return milestone(r.label, r, p, ctx.release, content);
  }
  if (r.label === '' || /^(?:date|when|target|due|on)$/i.test(r.label)) {
    // A date under a label parent (`- Beta release` / `  - 2024-03-05`).
    if (!p || p.dates.length > 0 || !accepted(p, p.label, ctx)) return null;
    return { ...milestone(p.label, p, r, ctx.release, content), cancelled: false };
  }
  return accepted(r, r.label, ctx) ? milestone(r.label, r, r, ctx.release, content) : null;
}
