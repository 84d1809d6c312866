// Over 300 lines: one block parser (list items, paragraphs, setext and ATX headings, code, HTML) with the
// acceptance test beside every rule it reads; splitting them would scatter the reasons a region is refused.
/**
 * The line reader: the facts of a Markdown region (headings, list items, literal lines) read line by line,
 * exactly as remark-parse + remark-gfm give them, for the regions it accepts. It is a CommonMark block
 * parser (as micromark reads blocks) restricted to list items as containers. Anything it cannot read
 * exactly makes it refuse the whole region (it returns null) and the region goes to remark as before:
 * block quotes, footnote definitions, tabs, heading text with inline markup other than code spans and plain links
 * (heading-text.ts), setext headings after a
 * possible link definition or with lazy lines, code or HTML cut off by the end of a list item, and the
 * rest named at each `return null` below. `test/unit/line-read-differential.test.ts` holds it equal to
 * remark on every page the tests know.
 *
 * It reads a region's lines after the table scanner blanked the tables it read (region-read.ts): no line
 * holding a table is left, and the scanner leaves no table-like line after the first container.
 */
import {
  atxHeadingText,
  blockStart,
  endsAtBlankLine,
  fenceCloses,
  htmlEnds,
  htmlEndsOnOpeningLine,
  htmlStart,
  listMarkerEnd,
  type Fence,
  type HtmlKind,
  type StartContext,
} from './block-start';
import { blankFrom, firstNonWs, isWs, LBRACKET, SPACE } from './chars';
import { headingText } from './heading-text';
import type { HeadingInfo, ListItemInfo } from './region-read';

/** What the line reader gives for a region it accepts. */
export interface LineFacts {
  headings: HeadingInfo[];
  listItems: ListItemInfo[];
  literalLines: number[];
}

/** An open list item: the column its content is indented to, and micromark's blank-line flags. */
interface Item {
  contentCol: number;
  /** The item's first line was only its marker. */
  initialBlank: boolean;
  /** A blank line came after such a first line: the item takes no more lines. */
  furtherBlank: boolean;
}

type Leaf = 'none' | 'paragraph' | 'indented' | 'fenced' | 'html';

/** Refusal: this region goes to remark. */
class Refuse {
  constructor(readonly reason: string) {}
}

class LineReader {
  readonly facts: LineFacts = { headings: [], listItems: [], literalLines: [] };
  private readonly items: Item[] = [];
  private leaf: Leaf = 'none';
  /** The paragraph: its first line, whether it may be link definitions, whether a line of it was lazy. */
  private paraStart = 0;
  /** Where the paragraph's text starts on its first line (after a list marker, it is not the line's first non-whitespace). */
  private paraCol = 0;
  private paraBracket = false;
  private paraLazy = false;
  /** Indented code: first and last non-blank line. */
  private codeStart = 0;
  private codeLast = 0;
  private fence: Fence | null = null;
  private html: HtmlKind = 'block';
  /** The first line of the open fenced code or HTML block. */
  private literalStart = 0;

  /** Whether the region may define a link (a line holds `]:`): then a heading's brackets may be a reference. */
  private definitionsSeen: boolean | null = null;

  constructor(
    private readonly lines: readonly string[],
    private readonly offset: number,
  ) {}

  private get definitions(): boolean {
    return (this.definitionsSeen ??= this.lines.some((l) => l.includes(']:')));
  }

  read(): void {
    const lines = this.lines;
    // remark drops a byte order mark at the start of its text (and with it, one column of the first line).
    if (lines.length > 0 && lines[0].charCodeAt(0) === 0xfeff) throw new Refuse('byte order mark');
    for (let i = 0; i < lines.length; i++) {
      const s = lines[i];
      if (s.indexOf('\t') >= 0) throw new Refuse('tab');
      const idx = firstNonWs(s);
      if (idx === s.length) this.blank(i);
      else this.line(i, s, idx);
    }
    this.closeLeaf(lines.length, true);
  }

  private blank(i: number): void {
    for (const it of this.items) it.furtherBlank ||= it.initialBlank;
    switch (this.leaf) {
      case 'indented': {
        // A whitespace line indented 4 columns past the container is a line of the code (micromark keeps it).
        const base = this.items.length > 0 ? this.items[this.items.length - 1].contentCol : 0;
        if (this.lines[i].length - base >= 4) this.codeLast = i;
        break;
      }
      case 'paragraph':
        this.leaf = 'none';
        break;
      case 'html':
        if (endsAtBlankLine(this.html)) this.closeLeaf(i, false);
        break;
      default:
        // Indented code and fenced code take blank lines; 'none' stays 'none'.
        break;
    }
  }

  /** How many open items line s (first non-whitespace at idx) continues. */
  private matched(idx: number): number {
    let n = 0;
    for (const it of this.items) {
      if (it.furtherBlank || idx < it.contentCol) break;
      it.initialBlank = false;
      n++;
    }
    return n;
  }

  private line(i: number, s: string, idx: number): void {
    const matched = this.matched(idx);
    const all = matched === this.items.length;
    if (all && (this.leaf === 'fenced' || this.leaf === 'html')) {
      this.continueLiteral(i, s, idx);
      return;
    }
    const base = matched > 0 ? this.items[matched - 1].contentCol : 0;
    const rel = idx - base;
    // New containers: with every item continued, micromark asks in interrupt mode when a block is open;
    // after an item that is not continued (its sibling attempt reset the flag) it does not.
    const context: StartContext = !all
      ? 'document'
      : this.leaf === 'paragraph'
        ? 'paragraph'
        : this.leaf === 'indented'
          ? 'after-indented-code'
          : 'document';
    if (rel < 4) {
      const start = blockStart(s, idx, context);
      if (context === 'after-indented-code' && blockStart(s, idx, 'document').kind !== start.kind)
        throw new Refuse('list marker after indented code');
      if (start.kind === 'block-quote') throw new Refuse('block quote');
      if (start.kind === 'footnote-definition') throw new Refuse('footnote definition');
      if (start.kind === 'list-item') {
        this.closeItems(matched, i);
        this.openItems(i, s, idx, context);
        return;
      }
    }
    if (!all) {
      if (this.leaf === 'paragraph' && this.lazy(s, idx, rel)) return;
      // micromark splits such code at its blank lines (seen in the differential test): not reproduced.
      if (rel >= 4) throw new Refuse('indented code on the line that ends a list item');
      this.closeItems(matched, i);
    }
    this.leafLine(i, s, idx, rel);
  }

  /** A line that no new item starts on, inside every item still open. */
  private leafLine(i: number, s: string, idx: number, rel: number): void {
    const leaf = this.leaf;
    if (rel >= 4) {
      if (leaf === 'paragraph') {
        if (this.paraBracket) throw new Refuse('indented line after a possible link definition');
        return;
      }
      if (leaf !== 'indented') {
        this.closeLeaf(i, false);
        this.leaf = 'indented';
        this.codeStart = i;
      }
      this.codeLast = i;
      return;
    }
    if (leaf === 'indented') this.closeLeaf(i, false);
    const inParagraph = this.leaf === 'paragraph';
    const start = blockStart(s, idx, inParagraph ? 'paragraph' : 'document');
    if (inParagraph && start.kind === 'none') {
      if (this.paraBracket && blockStart(s, idx, 'document').kind !== 'none')
        throw new Refuse('block start after a possible link definition');
      return;
    }
    if (start.kind === 'setext-underline') {
      this.setext(i, s, idx);
      return;
    }
    this.closeLeaf(i, false);
    // No container starts here any more (asked in line()); a list marker micromark did not take is text.
    this.startLeaf(i, s, idx, start.kind === 'none' || start.kind === 'list-item' ? null : start);
  }

  /** A line that continues no item but may be a lazy continuation of the open paragraph; true when it is. */
  private lazy(s: string, idx: number, rel: number): boolean {
    if (rel >= 4) {
      if (this.paraBracket) throw new Refuse('lazy line after a possible link definition');
      this.paraLazy = true;
      return true;
    }
    const start = blockStart(s, idx, 'paragraph');
    if (start.kind === 'setext-underline') throw new Refuse('setext underline on a lazy line');
    // On a lazy line micromark lets a complete tag (HTML kind 7) interrupt the paragraph.
    if (htmlStart(s, idx, false) === 'complete') throw new Refuse('HTML tag on a lazy line');
    if (start.kind !== 'none') return false;
    if (this.paraBracket && blockStart(s, idx, 'document').kind !== 'none') throw new Refuse('lazy line after a possible link definition');
    this.paraLazy = true;
    return true;
  }

  /** A leaf block starting at idx (a block start, or paragraph text when `start` is null). */
  private startLeaf(i: number, s: string, idx: number, start: ReturnType<typeof blockStart> | null): void {
    if (!start) {
      this.leaf = 'paragraph';
      this.paraStart = i;
      this.paraCol = idx;
      this.paraBracket = s.charCodeAt(idx) === LBRACKET;
      this.paraLazy = false;
      return;
    }
    switch (start.kind) {
      case 'atx-heading': {
        const text = headingText(atxHeadingText(s, idx, start.level), this.definitions);
        if (text === null) throw new Refuse('inline markup in a heading');
        this.facts.headings.push({ line: i + this.offset, level: start.level, text: text.trim() });
        return;
      }
      case 'thematic-break':
        return;
      case 'fence':
        this.leaf = 'fenced';
        this.fence = start.fence;
        this.literalStart = i;
        return;
      case 'html':
        this.literalStart = i;
        if (!endsAtBlankLine(start.html) && htmlEndsOnOpeningLine(start.html, s, idx)) {
          this.facts.literalLines.push(i + this.offset);
          return;
        }
        this.leaf = 'html';
        this.html = start.html;
        return;
      default:
        throw new Refuse(`unexpected block start: ${start.kind}`);
    }
  }

  /** A line inside open fenced code or an HTML block (every item continued). */
  private continueLiteral(i: number, s: string, idx: number): void {
    if (this.leaf === 'fenced' && this.fence) {
      const base = this.items.length > 0 ? this.items[this.items.length - 1].contentCol : 0;
      if (idx - base < 4 && fenceCloses(s.slice(base), this.fence)) {
        this.pushRange(this.literalStart, i);
        this.leaf = 'none';
      }
      return;
    }
    if (!endsAtBlankLine(this.html) && htmlEnds(this.html, s, 0)) {
      this.pushRange(this.literalStart, i);
      this.leaf = 'none';
    }
  }

  /** A setext underline under the open paragraph: the paragraph's lines become a heading. */
  private setext(i: number, s: string, idx: number): void {
    if (this.paraBracket) throw new Refuse('setext underline after a possible link definition');
    if (this.paraLazy) throw new Refuse('setext heading with a lazy line');
    const parts: string[] = [];
    for (let l = this.paraStart; l < i; l++) {
      const t = this.lines[l];
      let end = t.length;
      while (end > 0 && isWs(t.charCodeAt(end - 1))) end--;
      if (l < i - 1 && t.length - end >= 2) throw new Refuse('hard line break in a setext heading');
      parts.push(t.slice(l === this.paraStart ? this.paraCol : firstNonWs(t), end));
    }
    const text = headingText(parts.join('\n'), this.definitions);
    if (text === null) throw new Refuse('inline markup in a heading');
    this.facts.headings.push({ line: this.paraStart + this.offset, level: s.charCodeAt(idx) === 61 /* = */ ? 1 : 2, text: text.trim() });
    this.leaf = 'none';
  }

  /**
   * List items opening on line i at idx (several when an item's content starts another: `- 1. x`). micromark
   * asks for the inner items in the mode it asked for the first (interrupting: after a paragraph `1. -` is
   * one item holding the text `-`).
   */
  private openItems(i: number, s: string, idx: number, context: StartContext): void {
    const inner: StartContext = context === 'document' ? 'document' : 'after-indented-code';
    for (;;) {
      const markerEnd = listMarkerEnd(s, idx, false);
      let k = markerEnd;
      while (k < s.length && s.charCodeAt(k) === SPACE) k++;
      const empty = k === s.length;
      if (!empty && k - markerEnd > 4) throw new Refuse('list item opening with indented code');
      const contentCol = empty ? markerEnd + 1 : k;
      this.facts.listItems.push({ line: i + this.offset, contentColumn: empty ? idx : contentCol, depth: this.items.length });
      this.items.push({ contentCol, initialBlank: empty, furtherBlank: false });
      if (empty) return;
      const start = blockStart(s, k, inner);
      if (context === 'after-indented-code' && blockStart(s, k, 'document').kind !== start.kind)
        throw new Refuse('list marker after indented code');
      if (start.kind === 'block-quote') throw new Refuse('block quote');
      if (start.kind === 'footnote-definition') throw new Refuse('footnote definition');
      if (start.kind !== 'list-item') {
        if (start.kind === 'none' && s.charCodeAt(k) === LBRACKET) {
          const task = taskContent(s, k);
          if (task > k) this.facts.listItems[this.facts.listItems.length - 1].contentColumn = task;
        }
        this.startLeaf(i, s, k, start.kind === 'none' ? null : start);
        return;
      }
      idx = k;
    }
  }

  /** Closes the items from `keep` on (and the leaf inside them) before line i. */
  private closeItems(keep: number, i: number): void {
    this.closeLeaf(i, false);
    this.items.length = keep;
  }

  /** Ends the open leaf before line i (`atEnd`: the region ended). */
  private closeLeaf(i: number, atEnd: boolean): void {
    switch (this.leaf) {
      case 'indented':
        this.pushRange(this.codeStart, this.codeLast);
        break;
      case 'fenced':
        throw new Refuse(atEnd ? 'fenced code not closed in the region' : 'fenced code cut off by the end of a list item');
      case 'html': {
        if (!endsAtBlankLine(this.html)) throw new Refuse('HTML block not closed');
        let last = i - 1;
        while (last > this.literalStart && blankFrom(this.lines[last], 0)) last--;
        if (!atEnd && !blankFrom(this.lines[i] ?? '', 0)) throw new Refuse('HTML block cut off by the end of a list item');
        this.pushRange(this.literalStart, last);
        break;
      }
      default:
        break;
    }
    this.leaf = 'none';
  }

  private pushRange(from: number, to: number): void {
    for (let l = from; l <= to; l++) this.facts.literalLines.push(l + this.offset);
  }
}

/** Words that may begin a GFM autolink literal (a task item's text starting with one moves its paragraph's start). */
const AUTOLINK_WORDS = new Set(['www', 'http', 'https', 'mailto', 'xmpp']);

/**
 * A GFM task item's check box (`[ ]`, `[x]`) at k, the start of an item's first paragraph: remark-gfm moves
 * the paragraph's start to one character after the box when plain text follows. Returns that column, or k
 * when there is no check box; refuses the shapes whose start moves otherwise (markup or a link right
 * after the box, nothing after it on the line).
 */
function taskContent(s: string, k: number): number {
  const v = s.charCodeAt(k + 1);
  if (!(v === SPACE || v === 120 || v === 88) || s.charCodeAt(k + 2) !== 93 /* ] */) return k;
  const after = k + 3;
  if (after === s.length) throw new Refuse('task check box at the end of the line');
  if (s.charCodeAt(after) !== SPACE) return k;
  const m = TASK_WORD.exec(s.slice(after));
  if (!m || AUTOLINK_WORDS.has(m[1].toLowerCase())) throw new Refuse('task check box before markup');
  return after + 1;
}

/** After a task's check box: spaces, a plain word, then the end, a space or punctuation that starts no markup. */
const TASK_WORD = /^ +([A-Za-z0-9]+)(?:$|[ .,;:?)'"-])/;

/**
 * The facts of a region (its lines, the first being page line `offset`) read line by line, or the reason
 * the line reader refuses it (the region then goes to remark).
 */
export function readByLines(lines: readonly string[], offset: number): LineFacts | string {
  const reader = new LineReader(lines, offset);
  try {
    reader.read();
  } catch (e) {
    if (e instanceof Refuse) return e.reason;
    throw e;
  }
  reader.facts.literalLines.sort((a, b) => a - b);
  return reader.facts;
}
