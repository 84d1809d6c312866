/**
 * Code actions: each finding's fixes, "fix all <rule> problems", the file-wide fix-all
 * (`source.fixAll.releasePages`, for `editor.codeActionsOnSave`) and "disable <rule> for this line".
 */
import type { PageModel } from '../model/page-model';
import { dominantEol, type SourceLine } from '../lines';
import type { Finding, Range, TextEdit } from '../findings';
import { listItemOf, overlaps, tableAtLine } from './locate';
import { FIX_ALL_KIND, type ActionKind, type EditorAction } from './results';

export interface ActionRequest {
  page: PageModel;
  /** Every finding of the document (fix-all actions look for fixable ones among them all). */
  findings: readonly Finding[];
  /** The range the editor asks about (the cursor, a selection or a diagnostic's range). */
  range: Range;
  /** LSP `CodeActionContext.only`: the kinds wanted (a kind includes its sub-kinds). */
  only?: readonly string[];
}

/** Whether an action of `kind` is wanted by a request for `requested` (`source` includes `source.fixAll.releasePages`). */
export function kindMatches(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

function wants(only: readonly string[] | undefined, kind: ActionKind): boolean {
  return !only || only.length === 0 || only.some((k) => kindMatches(k, kind));
}

function hasAutoFix(f: Finding): boolean {
  return f.fixes.some((x) => x.preferred) || f.fixes.length === 1;
}

const ATX_HEADING = /^ {0,3}#{1,6}(\s|$)/;
/** A line that is one whole HTML comment: an HTML block that ends on that line. */
const COMMENT_LINE = /^ {0,3}<!--.*-->\s*$/;
const EXISTING = /<!--\s*release-pages-(disable-next-line|disable-line)\b([^>]*?)\s*-->/g;

function indentOf(text: string): string {
  return /^[ \t]*/.exec(text)?.[0] ?? '';
}

function isBlankText(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

function point(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Whether a comment line inserted above `line` leaves the rendered structure as it was (no list or paragraph split). */
function canInsertAbove(page: PageModel, line: number): boolean {
  if (line === 0) return true;
  const fm = page.frontMatter;
  if (fm && line - 1 === fm.endLine) return true;
  const text = page.lines[line].text;
  const prev = page.lines[line - 1].text;
  if (ATX_HEADING.test(prev) || COMMENT_LINE.test(prev)) return true;
  const item = listItemOf(text);
  if (isBlankText(prev)) {
    if (!item) return true;
    // A comment between two items of a loose list would end the list: only when no sibling item precedes.
    let l = line - 1;
    while (l >= 0 && isBlankText(page.lines[l].text)) l--;
    return l < 0 || indentOf(page.lines[l].text).length < item.indent;
  }
  // The first item of a nested list, right under its parent's text: the comment joins the parent item.
  if (item && indentOf(prev).length < item.indent && !ATX_HEADING.test(text)) return listItemOf(prev) !== null;
  return false;
}

/** Adds `rule` to a disable comment already on the line (or the one above): `<!-- … a -->` → `<!-- … a b -->`. */
function extendExisting(page: PageModel, line: number, rule: string): TextEdit | null {
  const candidates: Array<[number, string]> = [
    [line, 'disable-line'],
    [line - 1, 'disable-next-line'],
  ];
  for (const [l, kind] of candidates) {
    const text = page.lines[l]?.text ?? '';
    if (!text.includes('release-pages-')) continue;
    for (const m of text.matchAll(EXISTING)) {
      if (m[1] !== kind || m[2].trim() === '') continue;
      const at = m.index + m[0].length - 3 - (/\s*$/.exec(m[0].slice(0, -3))?.[0].length ?? 0);
      return { range: point(l, at), newText: ` ${rule}` };
    }
  }
  return null;
}

/** Where `<!-- release-pages-disable-line RULE -->` goes on a line: before a table row's final pipe, else after the text. */
function appendAt(text: string, line: number, comment: string, rowLike: boolean): TextEdit {
  const trimmed = text.replace(/[ \t]+$/, '').length;
  if (rowLike && text[trimmed - 1] === '|' && text[trimmed - 2] !== '\\') {
    const pipe = trimmed - 1;
    return { range: point(line, pipe), newText: `${/[ \t]/.test(text[pipe - 1] ?? '') ? '' : ' '}${comment} ` };
  }
  // A hard line break (`\` at the end) stays at the end.
  const at = text[trimmed - 1] === '\\' && text[trimmed - 2] !== '\\' ? trimmed - 1 : trimmed;
  return { range: point(line, at), newText: ` ${comment}` };
}

/**
 * The edit that turns `rule` off for `line`: a `disable-next-line` comment on its own line above (same
 * indentation) where that keeps the structure, else a `disable-line` comment at the end of the line (in a
 * table row: just before the final pipe, so no cell is added). Null where no comment can work (front matter,
 * a table's delimiter row).
 */
export function disableEdit(page: PageModel, line: number, rule: string): TextEdit | null {
  const fm = page.frontMatter;
  if (fm && line >= fm.startLine && line <= fm.endLine) return null;
  const text = (page.lines[line] as SourceLine | undefined)?.text; // the editor's line may be past the end
  if (text === undefined) return null;
  const existing = extendExisting(page, line, rule);
  if (existing) return existing;
  const above = (): TextEdit => ({
    range: point(line, 0),
    newText: `${indentOf(text)}<!-- release-pages-disable-next-line ${rule} -->${dominantEol(page.lines)}`,
  });
  const inline = `<!-- release-pages-disable-line ${rule} -->`;
  const at = tableAtLine(page, line);
  if (at) {
    const parsed = at.table.parsed;
    if (parsed.kind === 'gfm' && line === parsed.delimiterLine) return null;
    if (line === parsed.startLine && canInsertAbove(page, line)) return above();
    if (parsed.kind === 'delimiter-first' && line === parsed.delimiterLine) return null;
    return appendAt(text, line, inline, true);
  }
  if (page.orphanRows.some((o) => line >= o.firstLine && line <= o.lastLine)) return appendAt(text, line, inline, true);
  if (canInsertAbove(page, line)) return above();
  return appendAt(text, line, inline, /^\s*\|.*\|\s*$/.test(text));
}

/** A fix-all action lists the findings it resolves up to this many. */
const LISTED = 10;

/** The first `n` findings that pass `test` (the scan stops there: fixes are not made for the rest). */
function firstOf(findings: readonly Finding[], test: (f: Finding) => boolean, n: number): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (out.length === n) break;
    if (test(f)) out.push(f);
  }
  return out;
}

/** The code actions for a range of a document. */
export function codeActions(req: ActionRequest): EditorAction[] {
  const out: EditorAction[] = [];
  const here = req.findings.filter((f) => overlaps(f.range, req.range));
  if (wants(req.only, 'quickfix')) {
    for (const f of here) {
      for (const fix of f.fixes)
        out.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, preferred: fix.preferred === true, findings: [f] });
    }
    const rules = [...new Set(here.filter(hasAutoFix).map((f) => f.rule))];
    for (const rule of rules) {
      const first = firstOf(req.findings, (f) => f.rule === rule && hasAutoFix(f), LISTED + 1);
      if (first.length < 2) continue;
      out.push({
        title: `Fix all ${rule} problems in this file`,
        kind: 'quickfix',
        fixAll: { rule },
        findings: first.length <= LISTED ? first : [],
      });
    }
    const done = new Set<string>();
    for (const f of here) {
      const line = f.range.start.line;
      const key = `${f.rule}:${line}`;
      if (done.has(key)) continue;
      done.add(key);
      const edit = disableEdit(req.page, line, f.rule);
      if (!edit) continue;
      const findings = req.findings.filter((x) => x.rule === f.rule && x.range.start.line === line);
      out.push({ title: `Disable ${f.rule} for this line`, kind: 'quickfix', edits: [edit], findings, disables: f.rule });
    }
  }
  if (wants(req.only, FIX_ALL_KIND)) {
    const first = firstOf(req.findings, hasAutoFix, LISTED + 1);
    if (first.length)
      out.push({
        title: 'Fix all Release Pages problems in this file',
        kind: FIX_ALL_KIND,
        fixAll: { rule: null },
        findings: first.length <= LISTED ? first : [],
      });
  }
  return out;
}
