/** Markup handling for the date scanner: strike-through ranges, masking of links, unset values. */

/** Inline HTML tags that only format text (stripped when judging whether a value is unset). */
const FORMAT_TAG = /<\/?(?:s|strike|del|ins|b|i|u|em|strong|small|big|sup|sub|span|font|br)\b[^<>]*>/gi;
const MD_LINK = /!?\[([^\]\n]*)\]\([^)\n]*\)/g;

/**
 * Values that stand for "no date (yet)" when they are the whole value: `?`, `TBD`, `TBA`, `TBC`,
 * `Now`, `N/A`, `-` (and dashes), `No date yet`. Matched case-insensitively.
 */
const UNSET_WORD = /^(?:\?+|tb[adc]|now|n\/a|-{1,3}|\u2013|\u2014|no date yet)$/i;
/** What stripValueMarkup removes beyond emphasis, space and quotes starts with one of these: links, tags, entities. */
const MAY_HOLD_MARKUP = /[<[&]/;
/** A character that is in no unset word and that stripping without links, tags and entities keeps. */
const NOT_IN_UNSET_WORDS = /[^\s?*_~`'"/\-\u2013\u2014abcdenotwyABCDENOTWY]/;

/** A value stripped of emphasis, strike-through, `<br>`, link wrappers and surrounding space. */
export function stripValueMarkup(text: string): string {
  return text
    .replace(MD_LINK, '$1')
    .replace(FORMAT_TAG, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s'"]+|[\s'"]+$/g, '');
}

/**
 * True when the whole value (after stripping markdown emphasis, `<s>` etc. and whitespace) says that
 * there is no date: empty, `?`, `TBD`, `TBA`, `TBC`, `Now`, `N/A`, `-`, `No date yet`.
 */
export function isUnsetValue(text: string): boolean {
  if (text.length > 200) return false;
  // Speed: without links, tags or entities, stripping only drops emphasis marks, spaces and quotes; a
  // character left that no unset word has (a digit, most letters) settles it without stripping.
  if (!MAY_HOLD_MARKUP.test(text) && NOT_IN_UNSET_WORDS.test(text)) return false;
  const core = stripValueMarkup(text);
  return core === '' || UNSET_WORD.test(core);
}

/** The span of an unset value's word inside the original text (whole trimmed text as a fallback). */
export function unsetSpan(text: string): { start: number; end: number } {
  const core = stripValueMarkup(text);
  if (core !== '') {
    const i = text.toLowerCase().indexOf(core.toLowerCase());
    if (i >= 0) return { start: i, end: i + core.length };
  }
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed === '') return { start: 0, end: text.length };
  return { start: lead, end: lead + trimmed.length };
}

/**
 * Half-open ranges [start, end) of struck-through text: `<s>`, `<strike>`, `<del>` (HTML semantics:
 * an unclosed tag strikes to the end of the value) and paired `~~` (an unpaired `~~` is literal text).
 */
export function struckRanges(text: string): Array<[number, number]> {
  if (text.indexOf('<') < 0 && text.indexOf('~~') < 0) return [];
  const ranges: Array<[number, number]> = [];
  const re = /<(\/?)(?:s|strike|del)(?:\s[^<>]*)?>|~~/gi;
  let depth = 0;
  let htmlStart = 0;
  let tildeStart = -1;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const tok = m[0];
    if (tok === '~~') {
      if (tildeStart < 0) tildeStart = m.index + 2;
      else {
        ranges.push([tildeStart, m.index]);
        tildeStart = -1;
      }
    } else if (m[1] === '/') {
      if (depth > 0 && --depth === 0) ranges.push([htmlStart, m.index]);
    } else if (depth++ === 0) {
      htmlStart = m.index + tok.length;
    }
  }
  if (depth > 0) ranges.push([htmlStart, text.length]);
  return ranges;
}

export function inRanges(pos: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  for (const [s, e] of ranges) if (pos >= s && pos < e) return true;
  return false;
}

/**
 * Text that can hold digits but never a date of the page: HTML comments, link destinations, autolinks,
 * URLs, e-mail addresses. Each regex runs only when its needle (lower case) occurs.
 */
export const MASKS: ReadonlyArray<{ needle: string; re: RegExp }> = [
  { needle: '<!--', re: /<!--[\s\S]*?(?:-->|$)/g },
  // Code spans are literal text, not values (a closed run of backticks of the same length).
  { needle: '`', re: /(`+)(?:[^`]|(?!\1)`+)*?\1/g },
  { needle: '](', re: /\]\([^)\n]*\)?/g },
  { needle: '<', re: /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g },
  { needle: '://', re: /\b(?:https?|ftp|file):\/\/[^\s<>|]*/gi },
  { needle: 'www.', re: /\bwww\.[^\s<>|]+/gi },
  { needle: '@', re: /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
];

/** Any of the MASKS' needles (`www.` in any case): most texts hold none, and one test settles them. */
const ANY_NEEDLE = /<|`|\]\(|:\/\/|www\.|@/i;

/** The text with URLs, link destinations, autolinks, e-mail addresses and comments blanked out (same length). */
export function maskNonDates(text: string): string {
  if (!ANY_NEEDLE.test(text)) return text;
  let out = text;
  const lower = text.toLowerCase();
  for (const { needle, re } of MASKS) {
    if (lower.indexOf(needle) < 0) continue;
    out = out.replace(re, (m) => ' '.repeat(m.length));
  }
  return out;
}
