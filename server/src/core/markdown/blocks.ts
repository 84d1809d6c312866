/**
 * Splits a page into top-level regions with a linear line scan: front matter, fenced code, raw HTML
 * blocks, and Markdown regions. A Markdown region ends at a blank line followed by a line in column 0
 * (nothing in column 0 can continue a list item after a blank line), so each region can be parsed on
 * its own and cached by its text: an edit re-parses only the regions it touched.
 */
import { isBlank, type SourceLine } from '../text';

export type RegionKind = 'frontmatter' | 'code' | 'html' | 'markdown';

export interface Region {
  kind: RegionKind;
  /** First and last line (inclusive), 0-based. Trailing blank lines are not part of a region. */
  startLine: number;
  endLine: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_RAW_OPEN = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
const HTML_COMMENT_OPEN = /^ {0,3}<!--/;

function fenceCloses(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return m !== null && m[1][0] === fence[0] && m[1].length >= fence.length;
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
    const fence = FENCE_OPEN.exec(text);
    const isFence = fence !== null && !(fence[1][0] === '`' && fence[2].includes('`'));
    if (isFence) {
      closeMarkdown();
      let j = i + 1;
      while (j < n && !fenceCloses(lines[j].text, fence[1])) j++;
      const end = Math.min(j, n - 1);
      regions.push({ kind: 'code', startLine: i, endLine: end });
      i = end + 1;
      continue;
    }
    const raw = HTML_RAW_OPEN.exec(text);
    if (raw || HTML_COMMENT_OPEN.test(text)) {
      const closer = raw ? new RegExp(`</${raw[1]}>`, 'i') : /-->/;
      // A comment may close on its own line: `<!-- … -->`.
      const firstRest = raw ? text : text.slice(text.indexOf('<!--') + 4);
      let j = i;
      if (!closer.test(firstRest)) {
        j = i + 1;
        while (j < n && !closer.test(lines[j].text)) j++;
      }
      // A one-line comment followed by Markdown on the same region stays Markdown (the parser sees it as HTML).
      if (j > i || raw) {
        closeMarkdown();
        const end = Math.min(j, n - 1);
        regions.push({ kind: 'html', startLine: i, endLine: end });
        i = end + 1;
        continue;
      }
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
