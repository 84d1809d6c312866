// Over 300 lines: the hover of every kind of page element (dates, milestones, values, typed schema cells) shares the value and date wording kept here.
/** Hover: what a date, a status or priority value, or a milestone label means on this page. */
import type { ResolvedConfig } from '../config/merge';
import {
  dayNumber,
  formatUtc,
  inferYear,
  monthName,
  resolveSlash,
  scanDates,
  toIso,
  utcInstant,
  weekdayName,
  weekdayOf,
  type DateToken,
  type YMD,
} from '../dates';
import type { Milestone, PageDate, PageModel, Timeline } from '../model/page-model';
import { dayOf, pageSlashOrder, releaseYear } from '../model/page-dates';
import { readValue } from '../model/values';
import type { CellRef } from '../model/page-model';
import type { Position } from '../findings';
import { listed } from '../lines';
import { contains, dateAt, featureCellAt, milestoneAt, tableCellAt } from './locate';
import type { HoverResult } from './results';
import { columnVocabulary, planStatusValues, type ValueInfo } from '../vocabulary';
import { originText, schemaColumn } from '../model/schema';

export interface HoverOptions {
  config: ResolvedConfig;
  /** Today as a day number (days since 1970-01-01, see `dayNumber`): the server passes the local date. */
  today: number;
}

const KIND_NAMES: Record<Milestone['kind'], string> = {
  start: 'start of the cycle',
  alpha: 'alpha',
  freeze: 'feature freeze',
  beta: 'beta',
  'test-day': 'test day',
  rc: 'release candidate',
  ga: 'general availability',
  maintenance: 'start of maintenance',
  eol: 'end of life',
  other: 'milestone',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function weekdayOfYmd(d: YMD): string {
  return weekdayName(weekdayOf(d.year, d.month, d.day));
}

/** `2013-07-01 (Monday)`. */
export function isoWithWeekday(d: YMD): string {
  return `${toIso(d.year, d.month, d.day)} (${weekdayOfYmd(d)})`;
}

/** "12 days before GA" / "the GA day" / "3 days after GA". */
export function distanceToGa(day: number, gaDay: number): string {
  const n = day - gaDay;
  if (n === 0) return 'the GA day';
  const weeks = Math.abs(n) >= 14 ? ` (${(Math.abs(n) / 7).toFixed(1).replace(/\.0$/, '')} weeks)` : '';
  return `${plural(Math.abs(n), 'day')}${weeks} ${n < 0 ? 'before' : 'after'} GA`;
}

/** "today" / "in 3 days" / "12 days ago". */
export function distanceToToday(day: number, today: number): string {
  const n = day - today;
  if (n === 0) return 'today';
  return n > 0 ? `in ${plural(n, 'day')}` : `${plural(-n, 'day')} ago`;
}

function gaOf(page: PageModel): { ymd: YMD; day: number } | null {
  const ga = page.gaDate;
  const ymd = ga ? dayOf(page, ga.token) : null;
  return ymd ? { ymd, day: dayNumber(ymd.year, ymd.month, ymd.day) } : null;
}

function dayLines(page: PageModel, ymd: YMD, today: number, isGa: boolean): string[] {
  const day = dayNumber(ymd.year, ymd.month, ymd.day);
  const out = [`**${toIso(ymd.year, ymd.month, ymd.day)}** · ${weekdayOfYmd(ymd)}`];
  const ga = gaOf(page);
  if (isGa) out.push("The page's general availability (GA) date.");
  else if (ga) out.push(`${distanceToGa(day, ga.day)} (${isoWithWeekday(ga.ymd)})`);
  out.push(`${distanceToToday(day, today)[0].toUpperCase()}${distanceToToday(day, today).slice(1)}`);
  return out;
}

/** A date without a year: read in the year its weekday fits among the page's years, else in the page's release year when there is one. */
function describeYearless(page: PageModel, token: DateToken): string[] {
  const byWeekday = dayOf(page, token);
  if (byWeekday) {
    return [
      `**${monthName(token.month)} ${token.day}** has no year.`,
      `Read by its weekday, among the page's years: ${isoWithWeekday(byWeekday)}.`,
    ];
  }
  const ga = gaOf(page);
  const year = inferYear(token.month, token.day, {
    releaseYear: ga?.ymd.year ?? releaseYear(page) ?? undefined,
    releaseMonth: ga?.ymd.month,
  });
  const head = `**${monthName(token.month)} ${token.day}** has no year.`;
  if (year === null) return [head];
  return [head, `Read in the page's release year: ${isoWithWeekday({ year, month: token.month, day: token.day })}.`];
}

/** A slash date valid both ways on a page whose order is unknown: both readings. */
function describeAmbiguous(token: DateToken, year: number): string[] {
  const reading = (order: 'dmy' | 'mdy'): string => {
    const r = resolveSlash(token, order);
    return r.kind === 'date' ? isoWithWeekday({ year, month: r.month, day: r.day }) : `not a date (${r.reason ?? 'invalid'})`;
  };
  return [`**${token.text}** is ambiguous:`, `- day first: ${reading('dmy')}`, `- month first: ${reading('mdy')}`];
}

/** A date that names one day: its ISO form, weekday, distances, and what is odd about how it is written. */
function describeDay(page: PageModel, token: DateToken, ymd: YMD, today: number, isGa: boolean): string[] {
  const lines = dayLines(page, ymd, today, isGa);
  if (token.text !== toIso(ymd.year, ymd.month, ymd.day)) lines.splice(1, 0, `Written \`${token.text}\`.`);
  if (token.weekday && token.weekday.day !== weekdayOf(ymd.year, ymd.month, ymd.day))
    lines.push(`⚠ Written with the weekday "${token.weekday.text}", but it is a ${weekdayOfYmd(ymd)}.`);
  if (token.struck) lines.push('Struck through: a superseded date.');
  return lines;
}

/** A month or a quarter: what it spans. */
function describeCoarse(token: DateToken, year: number): string[] {
  if (token.precision === 'quarter') {
    const q = Math.floor((token.month - 1) / 3) + 1;
    return [`**Q${q} ${year}**: a quarter, ${monthName(token.month)} to ${monthName(token.month + 2)} ${year} (precision: quarter).`];
  }
  return [`**${monthName(token.month)} ${year}**: a month, no day (precision: month).`];
}

/** What a range, a zoned time or a dual-zone pair adds to the description of its (first) day. */
function extraLines(token: DateToken, ymd: YMD): string[] {
  const out: string[] = [];
  const end = token.until;
  if (end) {
    const endYear = end.year ?? ymd.year;
    const days = dayNumber(endYear, end.month, end.day) - dayNumber(ymd.year, ymd.month, ymd.day) + 1;
    out.push(
      `A range: ${toIso(ymd.year, ymd.month, ymd.day)} to ${isoWithWeekday({ year: endYear, month: end.month, day: end.day })} (${days} days).`,
    );
  }
  const at = utcInstant(token);
  if (at !== null) out.push(`At ${formatUtc(at)} (\`${token.time ?? ''}\`).`);
  const other = token.zonePair ? utcInstant(token.zonePair) : null;
  if (token.zonePair && other !== null)
    out.push(
      other === at
        ? `The same instant as \`${token.zonePair.text}\`.`
        : `⚠ \`${token.zonePair.text}\` is ${formatUtc(other)}: not the same instant.`,
    );
  return out;
}

/** The hover text of a date token placed on the page. */
export function describeDate(page: PageModel, token: DateToken, today: number, isGa = false): string[] {
  if (token.kind === 'placeholder') return [`**${token.text}** is a template placeholder, not a date: write the date as \`YYYY-MM-DD\`.`];
  if (token.kind === 'unset') return ['No date set yet.'];
  if (token.kind === 'invalid') return [`**${token.text}** is not a date: ${token.reason ?? 'malformed'}.`];
  if (token.month === 0)
    return [`**${token.text}**: a day of the month (${token.day}) with its weekday; the month comes from the schedule around it.`];
  if (token.year !== null && token.precision) return describeCoarse(token, token.year);
  if (token.year === null) return describeYearless(page, token);
  if (token.format === 'slash' && token.slash?.order === 'both' && token.slash.a !== token.slash.b && !pageSlashOrder(page))
    return describeAmbiguous(token, token.year);
  const ymd = dayOf(page, token);
  if (!ymd) return [`**${token.text}** cannot be read as a date on this page.`];
  return [...describeDay(page, token, ymd, today, isGa), ...extraLines(token, ymd)];
}

function valueHover(kind: string, cell: CellRef, vocab: readonly ValueInfo[], extra: readonly string[] = []): HoverResult {
  const v = readValue(
    cell,
    vocab.map((x) => x.value),
  );
  const lines: string[] = [];
  if (v.state === 'unset') {
    lines.push(
      `**${kind}: not set.** Use one of ${listed(
        vocab.map((x) => x.value),
        12,
      )}.`,
    );
  } else if (v.state === 'unknown') {
    lines.push(
      `**${kind} "${v.value}" is not a known value.** Known: ${listed(
        vocab.map((x) => x.value),
        12,
      )}.`,
    );
  } else {
    const info = vocab.find((x) => x.value === v.match);
    lines.push(`**${kind}: ${v.match}**${info?.meaning ? ` — ${info.meaning}` : ''}`);
    if (info?.meaningSource === 'legend') lines.push("_Meaning from the page's legend._");
    else if (info?.meaningSource === 'default') lines.push("_The usual meaning: the page's legend does not explain it._");
    else if (info?.meaningSource === 'page') lines.push('_Learned from this page: no legend or configuration declares its values._');
    if (info?.declaredAt) {
      const facts = [
        info.colour && info.colour !== 'other' ? `colour ${info.colour}` : null,
        info.rank !== null ? `${ordinalWord(info.rank + 1)} in order` : null,
      ];
      const said = facts.filter((f) => f !== null).join(', ');
      lines.push(`_Declared in ${info.declaredAt}${said ? `: ${said}` : ''}._`);
    }
    if (v.state === 'case') lines.push(`Written "${v.written}": the expected case is "${v.match}".`);
  }
  lines.push(...extra);
  return { range: cell.range, markdown: lines.join('\n\n') };
}

function ordinalWord(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${s}`;
}

function milestoneHover(page: PageModel, timeline: Timeline, m: Milestone, today: number): HoverResult {
  const lines = [
    `**${m.label}**${m.cancelled ? ' (cancelled)' : ''} · ${KIND_NAMES[m.kind]}${timeline.heading ? ` in *${timeline.heading}*` : ''}`,
  ];
  const ymd = m.date ? dayOf(page, m.date.token) : null;
  if (m.date && ymd) {
    lines.push(...dayLines(page, ymd, today, page.gaDate === m.date));
    const dated = timeline.milestones
      .map((x) => ({ x, d: x.date && !x.cancelled ? dayOf(page, x.date.token) : null }))
      .filter((e): e is { x: Milestone; d: YMD } => e.d !== null)
      .sort((a, b) => dayNumber(a.d.year, a.d.month, a.d.day) - dayNumber(b.d.year, b.d.month, b.d.day));
    const at = dated.findIndex((e) => e.x === m);
    if (at >= 0)
      lines.push(
        `${ordinalWord(at + 1)} of ${dated.length} dated milestones in this timeline (by date); ${ordinalWord(timeline.milestones.indexOf(m) + 1)} as listed.`,
      );
  } else if (m.date) {
    lines.push(...describeDate(page, m.date.token, today));
  } else {
    lines.push('No date.');
  }
  if (m.superseded.length) lines.push(`Earlier dates: ${m.superseded.map((d) => `~~${d.token.text}~~`).join(', ')}`);
  return { range: m.labelRange, markdown: lines.join('\n\n') };
}

function lineDateAt(page: PageModel, p: Position): { token: DateToken; start: number } | null {
  if (page.literalLines.has(p.line)) return null;
  const text = page.lines[p.line]?.text ?? '';
  for (const t of scanDates(text)) {
    if (t.kind !== 'unset' && p.character >= t.start && p.character <= t.end) return { token: t, start: t.start };
  }
  return null;
}

function placedHover(page: PageModel, d: PageDate, today: number): HoverResult {
  const lines = describeDate(page, d.token, today, page.gaDate === d);
  if (d.label && d.context !== 'frontmatter')
    lines.push(`_${d.context === 'timeline' ? 'Milestone' : d.context === 'plan' ? 'Plan' : 'Column'}: ${d.label}_`);
  return { range: d.range, markdown: lines.join('\n\n') };
}

/**
 * A cell of a typed column (a table schema's): what its value means for a status, priority or valued
 * column; for other types, the column's type and where it was declared (configured columns only).
 */
function schemaHover(page: PageModel, p: Position, config: ResolvedConfig): HoverResult | null {
  const at = tableCellAt(page, p);
  const c = at ? schemaColumn(at.table.schema, at.column) : null;
  if (!at || !c) return null;
  const where = `_Column "${c.header}" (${c.type}${c.required ? ', required' : ''}) of table "${at.table.schema?.name ?? ''}", ${originText(c.origin)}._`;
  const vocab = columnVocabulary(page, config, at.table, at.column);
  if ((c.values !== null || c.type === 'status' || c.type === 'priority') && vocab.length)
    return valueHover(c.header, at.cell, vocab, [where]);
  if (c.origin.kind !== 'config') return null;
  // An open column (a person, a text): what the column uses, when this value is among it.
  const known = readValue(
    at.cell,
    vocab.map((v) => v.value),
  );
  if (known.state === 'ok') return valueHover(c.header, at.cell, vocab, [where]);
  return { range: at.cell.range, markdown: where };
}

/** The hover at a position, or null when there is nothing to explain. */
export function hoverAt(page: PageModel, p: Position, options: HoverOptions): HoverResult | null {
  const placed = dateAt(page, p);
  if (placed) return placedHover(page, placed, options.today);
  const ms = milestoneAt(page, p);
  if (ms) return milestoneHover(page, ms.timeline, ms.milestone, options.today);
  const status = featureCellAt(page, p, 'status');
  if (status?.table.columns.status !== undefined)
    return valueHover('Status', status.cell, columnVocabulary(page, options.config, status.table, status.table.columns.status));
  const priority = featureCellAt(page, p, 'priority');
  if (priority?.table.columns.priority !== undefined)
    return valueHover('Priority', priority.cell, columnVocabulary(page, options.config, priority.table, priority.table.columns.priority));
  const typed = schemaHover(page, p, options.config);
  if (typed) return typed;
  for (const m of page.plan) {
    if (m.status && contains(m.status.range, p)) return valueHover('Status', m.status, planStatusValues(page, options.config));
  }
  const loose = lineDateAt(page, p);
  if (loose) {
    const range = { start: { line: p.line, character: loose.token.start }, end: { line: p.line, character: loose.token.end } };
    return { range, markdown: describeDate(page, loose.token, options.today).join('\n\n') };
  }
  return null;
}
