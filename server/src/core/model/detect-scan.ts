/**
 * Detection before parsing: whether a page may be a release page at all, from one cheap pass over its
 * text, without building its model. It answers "no" only when no piece of positive evidence that
 * detect.ts could find is possible, so that the best score a full detection could give stays below
 * RELEASE_PAGE_THRESHOLD:
 *
 * - tables (a features table, a per-version table) need a delimiter row (`|---|`, `--- | ---`);
 * - a milestone plan needs a line `Milestone N (…)`;
 * - release front matter needs `category`/`type: release…` (the word release) or a post's `layout`;
 * - a release title, dated milestones with release words and every milestone kind need one of the words
 *   of WORDS below (the union of the words of detect.ts's and milestones.ts's patterns) where a title or
 *   a label can stand: the front matter, a heading, a list item's first line (candidateTexts). They are
 *   looked for with inline markup taken out (the model reads plain text: `**Be**ta` is `Beta`);
 * - character references (`&#82;elease`) there could spell any word: such a text is always a maybe;
 * - a schedule section heading alone gives at most 1.
 *
 * A change to the evidence of detect.ts or to the milestone vocabulary must keep this list a superset:
 * test/unit/detect-scan.test.ts holds it against the full detection on every fixture page and on the
 * READMEs of node_modules.
 */
/** Every word a positive piece of evidence needs (detect.ts's titles, RELEASE_WORDS, milestones.ts's kinds). */
const WORDS =
  /\b(?:releas|support|unsupported|lts\b|eol\b|end[\s-]+of[\s-]+(?:life|support|maintenance|security)|lifecycle|long[\s-]+term|roadmap|test[\s-]?day|freez|frozen|alpha|beta|rc(?:\s?\d|\.|\b)|candidate|pre-?release|ga\b|general\s+availability|maintenance|branch|stable|final\b|launch|deprecat|feature[\s-]+complete|code\s+complete|kick-?off|retro|cycle|planning\s+(?:begins|starts)|development\s+(?:begins|starts|opens)|week)/i;
/** A title naming a test day counts only with a version in it (`Testing 4.2`): a digit must be on the page. */
const TESTING = /\btesting\b/i;
const PLAN = /^\s*Milestone\s+\d/im;
const CHARACTER_REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
/** A table's delimiter row (GFM, or a delimiter-first table): only pipes, dashes, colons, spaces, quote marks. */
const DELIMITER_ROW = /^[\s>|:-]*$/;
/** The start of a list item (after block-quote marks, indentation and outer list markers). */
const ITEM_START = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))/;
/** An ATX heading, perhaps inside a block quote or a list item. */
const ATX = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*#/;
/** A setext underline (or a thematic break, which may also end a paragraph). */
const UNDERLINE = /^[\s>]*(?:=+|-+)[ \t]*$/;
/** What the plain reading of inline text drops (link destinations, emphasis, code marks, escapes, brackets). */
const LINK_DESTINATION = /\]\([^)]*\)/g;
const INLINE_MARKS = /[*_~`\\[\]]/g;

/** Front matter lines (the page starts with `---`): the whole page up to the closing line, else nothing. */
function frontMatterEnd(lines: readonly string[]): number {
  if (lines.length === 0 || !/^(?:\uFEFF)?---[ \t]*$/.test(lines[0])) return 0;
  for (let i = 1; i < lines.length; i++) if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i])) return i + 1;
  return lines.length;
}

/**
 * The texts where a title, a milestone label or release front matter can stand: the front matter, every
 * list item's first line (a milestone's label is the item's first line), every ATX heading, and every
 * paragraph that a setext underline may turn into a heading (its lines joined). Other prose never
 * makes positive evidence (its words are only in negative evidence).
 */
function candidateTexts(lines: readonly string[]): string[] {
  const out: string[] = [];
  const fmEnd = frontMatterEnd(lines);
  if (fmEnd > 0) out.push(lines.slice(0, fmEnd).join('\n'));
  let paragraphStart = fmEnd;
  for (let i = fmEnd; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      paragraphStart = i + 1;
      continue;
    }
    if (UNDERLINE.test(line) && i > paragraphStart) out.push(lines.slice(paragraphStart, i).join('\n'));
    if (ITEM_START.test(line) || ATX.test(line)) out.push(line);
  }
  return out;
}

/**
 * False when the page cannot be a release page, whatever its model: then it needs no parse. True means
 * "maybe": build the model and let the full detection decide. Scores never exceed what this admits.
 */
export function mayBeReleasePage(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  if (PLAN.test(text)) return true;
  for (const line of lines) if (line.includes('|') && line.includes('-') && DELIMITER_ROW.test(line)) return true;
  const digits = /\d/.test(text);
  for (const candidate of candidateTexts(lines)) {
    if (CHARACTER_REFERENCE.test(candidate)) return true;
    if (/^\uFEFF?---/.test(candidate) && /layout|\\/i.test(candidate)) return true; // a post's layout, or a key spelled with escapes
    const plain = candidate.replace(LINK_DESTINATION, '').replace(INLINE_MARKS, '');
    if (WORDS.test(plain) || (digits && TESTING.test(plain))) return true;
  }
  return false;
}
