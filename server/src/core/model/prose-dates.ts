/**
 * Dates written in a page's prose, bullets and headings (outside tables, front matter, code and HTML)
 * that the timelines and date columns did not read: only those written with a weekday (`Tuesday 5th
 * July 2023`, `2024-03-08 (Fri)`) or as a dual-zone time, where a mistake can be shown for certain.
 * Other dates in prose are left alone: a sentence's date is no milestone, and a false alarm costs more.
 */
import { scanDates, type DateToken } from '../dates';
import type { SourceLine } from '../lines';
import type { PageDate, TableModel } from './page-model';
import { placeDate } from './bullets';

/** Longer lines are not read for prose dates (a minified blob, a generated line). */
const MAX_LINE = 4000;

function worthReading(t: DateToken, paired: ReadonlySet<DateToken>): boolean {
  return t.kind !== 'unset' && t.kind !== 'placeholder' && (t.weekday !== undefined || t.until?.weekday !== undefined || paired.has(t));
}

/** Appends the prose dates of the page's lines to `dates` (which holds the dates read so far). */
export function pushProseDates(
  lines: readonly SourceLine[],
  literal: ReadonlySet<number>,
  tables: readonly TableModel[],
  dates: PageDate[],
): void {
  const tableLines = new Set<number>();
  for (const t of tables) for (let l = t.parsed.startLine; l <= t.parsed.endLine; l++) tableLines.add(l);
  const taken = new Map<number, PageDate[]>();
  for (const d of dates) {
    const list = taken.get(d.range.start.line);
    if (list) list.push(d);
    else taken.set(d.range.start.line, [d]);
  }
  for (let l = 0; l < lines.length; l++) {
    const text = lines[l].text;
    if (literal.has(l) || tableLines.has(l) || text.length > MAX_LINE || !/\d/.test(text)) continue;
    const tokens = scanDates(text);
    if (tokens.length === 0) continue;
    const paired = new Set<DateToken>();
    for (const t of tokens) {
      if (t.zonePair) {
        paired.add(t);
        paired.add(t.zonePair);
      }
    }
    const onLine = taken.get(l) ?? [];
    for (const t of tokens) {
      if (!worthReading(t, paired)) continue;
      if (onLine.some((d) => d.range.end.line === l && d.range.start.character < t.end && t.start < d.range.end.character)) continue;
      dates.push(placeDate(t, (o) => ({ line: l, character: o }), 'prose', text.trim().slice(0, 80)));
    }
  }
}
