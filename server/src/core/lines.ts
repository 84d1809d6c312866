/** Line handling that keeps every character: line ends, BOM and offsets are preserved exactly. */

export interface SourceLine {
  /** Text of the line without its line ending. */
  text: string;
  /** The line ending that follows the line: '\r\n', '\n', '\r' or '' for the last line. */
  eol: string;
}

/** splitLines, yielding every 16,384 lines (a page of 50,000 rows is split in several steps). */
export function* splitLinesSteps(text: string): Generator<void, SourceLine[], void> {
  if (text.indexOf('\r') >= 0) return splitLines(text);
  const lines: SourceLine[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    lines.push({ text: text.slice(start, i), eol: '\n' });
    start = i + 1;
    if ((lines.length & 16383) === 0) yield;
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** Splits text into lines on LF, CRLF and lone CR (the three CommonMark line endings). */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const n = text.length;
  let start = 0;
  if (text.indexOf('\r') < 0) {
    // Fast path (most pages): indexOf finds line feeds far faster than a character loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ text: text.slice(start, i), eol: '\n' });
      start = i + 1;
    }
    lines.push({ text: text.slice(start), eol: '' });
    return lines;
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push({ text: text.slice(start, i), eol: '\n' });
      start = i + 1;
    } else if (c === 13 /* \r */) {
      const crlf = i + 1 < n && text.charCodeAt(i + 1) === 10;
      lines.push({ text: text.slice(start, i), eol: crlf ? '\r\n' : '\r' });
      if (crlf) i++;
      start = i + 1;
    }
  }
  lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** Offset of each line's first character (lines are shared between versions of a page, so they carry no offsets). */
export function lineStarts(lines: readonly SourceLine[]): number[] {
  const starts = new Array<number>(lines.length);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = at;
    at += lines[i].text.length + lines[i].eol.length;
  }
  return starts;
}

/** The dominant line ending of a text, used when a fix inserts new lines. */
export function dominantEol(lines: readonly SourceLine[]): string {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (const l of lines) {
    if (l.eol === '\n') lf++;
    else if (l.eol === '\r\n') crlf++;
    else if (l.eol === '\r') cr++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

export function isBlank(s: string): boolean {
  return /^[ \t]*$/.test(s);
}

/** Column of the first non-space character, counting a tab to the next multiple of 4 (CommonMark). */
export function indentWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ' ') w++;
    else if (c === '\t') w += 4 - (w % 4);
    else break;
  }
  return w;
}

/** A short stable hash (FNV-1a, 32 bit) of a string, for content-keyed caches. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Text from a file, shown in a message: control and format characters (line breaks, bidi overrides)
 * escaped, at most `max` characters (then `…`), so a foreign file's line is never echoed whole.
 */
export function shownText(s: string, max = 40): string {
  const cut = s.length > max ? s.slice(0, max) : s;
  const escaped = cut.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`;
  });
  return s.length > max ? `${escaped}…` : escaped;
}

/** A list of values for a message: the first `max`, then how many more (a vocabulary can hold thousands). */
export function listed(values: readonly string[], max = 12): string {
  if (values.length <= max) return values.join(', ');
  return `${values.slice(0, max).join(', ')}, … (${values.length - max} more)`;
}
