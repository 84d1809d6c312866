/**
 * Splits a page into top-level regions with a linear line scan: front matter, fenced code, raw HTML
 * blocks, and Markdown regions. A Markdown region ends at a blank line followed by a line in column 0
 * (nothing in column 0 can continue a list item after a blank line), so each region can be parsed on
 * its own and cached by its text: an edit re-parses only the regions it touched.
 */
import { isBlank, type SourceLine } from '../lines';
import { fenceCloses, fenceOpen, htmlEnds, htmlEndsOnOpeningLine, htmlStart } from './block-start';
import { columnOf, firstNonWs } from './chars';

export type RegionKind = 'frontmatter' | 'code' | 'html' | 'markdown';

export interface Region {
  kind: RegionKind;
  /** First and last line (inclusive), 0-based. Trailing blank lines are not part of a region. */
  startLine: number;
  endLine: number;
}

/** Index of the line that closes the front matter opened on line 0, or -1. */
export function frontMatterEnd(lines: readonly SourceLine[]): number {
  if (lines.length === 0 || lines[0].text.replace(/^\uFEFF/, '') !== '---') return -1;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].text;
    if (t === '---' || t === '...') return i;
  }
  return -1;
}

export function splitRegions(lines: readonly SourceLine[]): Region[] {
  const regions: Region[] = [];
  let i = 0;
  const n = lines.length;
  const fmEnd = frontMatterEnd(lines);
  if (fmEnd > 0) {
    regions.push({ kind: 'frontmatter', startLine: 0, endLine: fmEnd });
    i = fmEnd + 1;
  }
  let mdStart = -1;
  let lastNonBlank = -1;
  const closeMarkdown = (): void => {
    if (mdStart >= 0 && lastNonBlank >= mdStart) regions.push({ kind: 'markdown', startLine: mdStart, endLine: lastNonBlank });
    mdStart = -1;
  };
  while (i < n) {
    const text = lines[i].text;
    if (isBlank(text)) {
      i++;
      continue;
    }
    const literal = literalBlock(lines, i);
    if (literal) {
      closeMarkdown();
      regions.push(literal);
      i = literal.endLine + 1;
      continue;
    }
    const startsColumn0 = text.length > 0 && text[0] !== ' ' && text[0] !== '\t';
    const afterBlank = i > 0 && isBlank(lines[i - 1].text);
    if (mdStart < 0) mdStart = i;
    else if (afterBlank && startsColumn0) {
      closeMarkdown();
      mdStart = i;
    }
    lastNonBlank = i;
    i++;
  }
  closeMarkdown();
  return regions;
}

/**
 * The fenced code block or raw HTML block (`<pre>`, `<script>`, `<style>`, `<textarea>`, or a comment
 * over several lines) that starts on line i, to its closing line (or the last line); null if none.
 * A one-line comment followed by Markdown stays in its Markdown region (the parser sees it as HTML).
 */
function literalBlock(lines: readonly SourceLine[], i: number): Region | null {
  const text = lines[i].text;
  const idx = firstNonWs(text);
  if (columnOf(text, idx) >= 4) return null;
  const fence = fenceOpen(text, idx);
  if (fence) {
    let j = i + 1;
    while (j < lines.length && !fenceCloses(lines[j].text, fence)) j++;
    return { kind: 'code', startLine: i, endLine: Math.min(j, lines.length - 1) };
  }
  // Kinds 1 and 2 only (interrupting: kind 7, a complete tag, is not asked about).
  const html = htmlStart(text, idx, true);
  if (html !== 'raw' && html !== 'comment') return null;
  let j = i;
  if (!htmlEndsOnOpeningLine(html, text, idx)) {
    j = i + 1;
    while (j < lines.length && !htmlEnds(html, lines[j].text, 0)) j++;
  }
  if (j === i && html === 'comment') return null;
  return { kind: 'html', startLine: i, endLine: Math.min(j, lines.length - 1) };
}
