/**
 * Where the parts of a date match are, worked out from the groups' texts and the shape of the date
 * expression (scan.ts) instead of asking the expression for them (its `d` flag): with the `d` flag V8
 * builds the positions of all its ~45 groups on every match, which made each match several times
 * slower, and compiling it slower too. Only the groups the scanner reads positions of are placed.
 *
 * `test/unit/dates-spans.test.ts` holds these = the `d` flag's positions on every line and cell of the
 * fixture pages and on generated date-like text.
 */
import { G, type Groups } from './scan-groups';

export type Spans = Record<string, [number, number] | undefined>;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\u00a0';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/** The first digit at or after `from`. */
function digitFrom(text: string, from: number): number {
  let k = from;
  while (k < text.length && !isDigit(text[k])) k++;
  return k;
}

function span(start: number, text: string | undefined): [number, number] | undefined {
  return text === undefined ? undefined : [start, start + text.length];
}

/** The prefix: a time first (`tm`, then at most one space or tab and a zone), a weekday last (`wd`, then `.`, `,` and spaces to the end of the prefix: none of which a date's body starts with). */
function prefixSpans(index: number, bodyStart: number, g: Groups, text: string, spans: Spans): void {
  const tm = g[G.tm];
  if (tm !== undefined) {
    spans.tm = span(index, tm);
    const afterTime = index + tm.length;
    const tz = g[G.tz];
    if (tz !== undefined) spans.tz = span(text[afterTime] === ' ' || text[afterTime] === '\t' ? afterTime + 1 : afterTime, tz);
  }
  const wd = g[G.wd];
  if (wd !== undefined) {
    let k = bodyStart;
    while (k > index && isSpace(text[k - 1])) k--;
    if (text[k - 1] === ',') k--;
    if (text[k - 1] === '.') k--;
    spans.wd = [k - wd.length, k];
  }
}

/** Day first: `dd`, its suffix, then a range's separator (a dash or a word between spaces), a weekday, the end day and its suffix. */
function dayFirstSpans(bodyStart: number, dd: string, g: Groups, text: string, spans: Spans): void {
  const dayEnd = bodyStart + dd.length + (g[G.do]?.length ?? 0);
  spans.do = span(bodyStart + dd.length, g[G.do]);
  const wd2 = g[G.wd2];
  if (wd2 !== undefined) {
    let k = dayEnd;
    while (isSpace(text[k])) k++;
    if (text[k] === '-' || text[k] === '\u2013' || text[k] === '\u2014') k++;
    else while (isLetter(text[k])) k++;
    while (isSpace(text[k])) k++;
    spans.wd2 = span(k, wd2);
  }
  const de = g[G.de];
  const deo = g[G.deo];
  if (de !== undefined && deo !== undefined) spans.deo = span(digitFrom(text, dayEnd) + de.length, deo);
}

/** Month first: the month word, the day (its first digit), its suffix, a range's end day and its suffix. */
function monthFirstSpans(bodyStart: number, mm: string, md: string, g: Groups, text: string, spans: Spans): void {
  const dayStart = digitFrom(text, bodyStart + mm.length);
  const dayEnd = dayStart + md.length + (g[G.mo]?.length ?? 0);
  spans.mo = span(dayStart + md.length, g[G.mo]);
  const me = g[G.me];
  const meo = g[G.meo];
  if (me !== undefined && meo !== undefined) spans.meo = span(digitFrom(text, dayEnd) + me.length, meo);
}

/**
 * The spans of `pre`, `tm`, `tz`, `wd`, `wd2`, `do`, `deo`, `mo`, `meo` and `bo` of a match at `index` in
 * `text` with groups `g` (a group that took no part has none).
 */
export function spansOf(index: number, g: Groups, text: string): Spans {
  const bodyStart = index + (g[G.pre]?.length ?? 0);
  const spans: Spans = { pre: [index, bodyStart] };
  prefixSpans(index, bodyStart, g, text, spans);
  const dd = g[G.dd];
  if (dd !== undefined) dayFirstSpans(bodyStart, dd, g, text, spans);
  const mm = g[G.mm];
  const md = g[G.md];
  if (mm !== undefined && md !== undefined) monthFirstSpans(bodyStart, mm, md, g, text, spans);
  const bd = g[G.bd];
  if (bd !== undefined) spans.bo = span(bodyStart + bd.length, g[G.bo]);
  return spans;
}
