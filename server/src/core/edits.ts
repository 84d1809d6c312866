/**
 * Editor changes (the LSP's incremental `contentChanges`) applied to a page's lines without making the
 * whole text: the lines a change touches are rebuilt, every other line object is kept. Positions are in
 * UTF-16 code units like the LSP's; positions past a line's end or the page's end are clamped (as the
 * LSP says a client's positions are read).
 */
import type { LineDiff } from './diff';
import { spliced } from './arrays';
import { splitLines, type SourceLine } from './lines';
import type { Range } from './findings';

export interface TextChange {
  range: Range;
  text: string;
}

/** One change: lines [from, oldTo) become the lines of (their text before the range + text + after it). */
function applyOne(lines: readonly SourceLine[], change: TextChange): LineDiff {
  const last = lines.length - 1;
  const clamp = (p: Range['start']): { line: number; character: number } => {
    if (p.line > last) return { line: last, character: lines[last].text.length };
    if (p.line < 0) return { line: 0, character: 0 };
    return { line: p.line, character: Math.max(0, Math.min(p.character, lines[p.line].text.length)) };
  };
  let start = clamp(change.range.start);
  let end = clamp(change.range.end);
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) [start, end] = [end, start];
  // A lone `\r` ending before the change may pair with a `\n` the change brings: include that line.
  let from = start.line;
  let prefix = lines[from].text.slice(0, start.character);
  if (start.character === 0 && from > 0 && lines[from - 1].eol === '\r') {
    from--;
    prefix = `${lines[from].text}\r`;
  }
  // Likewise a `\r` the change ends with may pair with the `\n` of an empty line after the range.
  let oldTo = end.line + 1;
  let suffix = lines[end.line].text.slice(end.character) + lines[end.line].eol;
  while (suffix.endsWith('\r') && oldTo < lines.length && lines[oldTo].text === '' && lines[oldTo].eol.startsWith('\n')) {
    suffix += lines[oldTo].eol;
    oldTo++;
  }
  let fresh = splitLines(prefix + change.text + suffix);
  // Text ending with a line ending has an empty last piece: the next kept line, not a line of its own.
  if (oldTo < lines.length) fresh.pop();
  // Lines the change leaves as they were keep their objects (a whole-line edit, as editors send for a
  // pasted or moved block, ends at the start of the next line, which is read again): the diff, and every
  // cache keyed by line objects, then see only what changed.
  const same = (a: SourceLine, b: SourceLine): boolean => a.text === b.text && a.eol === b.eol;
  let head = 0;
  while (head < fresh.length && from + head < oldTo && same(fresh[head], lines[from + head])) head++;
  let tail = 0;
  while (tail < fresh.length - head && oldTo - tail > from + head && same(fresh[fresh.length - 1 - tail], lines[oldTo - 1 - tail])) tail++;
  if (head > 0 || tail > 0) {
    fresh = fresh.slice(head, fresh.length - tail);
    from += head;
    oldTo -= tail;
  }
  return { lines: spliced(lines, from, oldTo, fresh), from, oldTo, newTo: from + fresh.length };
}

/** d1 then d2 (d2 in the coordinates d1 produced) as one diff from d1's old lines to d2's lines. */
export function composeDiffs(d1: LineDiff, d2: LineDiff): LineDiff {
  const delta1 = d1.newTo - d1.oldTo;
  const delta2 = d2.newTo - d2.oldTo;
  const from = Math.min(d1.from, d2.from);
  // d2's end in d1's old coordinates: after d1's new lines it maps back by delta1, inside them to d1.oldTo.
  const oldTo = Math.max(d1.oldTo, d2.oldTo >= d1.newTo ? d2.oldTo - delta1 : d2.oldTo <= d1.from ? d2.oldTo : d1.oldTo);
  // d1's end in d2's new coordinates: after d2's old lines it moves by delta2, inside them to d2.newTo.
  const newTo = Math.max(d2.newTo, d1.newTo >= d2.oldTo ? d1.newTo + delta2 : d1.newTo <= d2.from ? d1.newTo : d2.newTo);
  return { lines: d2.lines, from, oldTo: Math.max(from, oldTo), newTo: Math.max(from, newTo) };
}

/** The lines after applying the changes in order (each in the coordinates the previous one left). */
export function applyChanges(lines: readonly SourceLine[], changes: readonly TextChange[]): LineDiff {
  if (changes.length === 0) return { lines: lines.slice(), from: lines.length, oldTo: lines.length, newTo: lines.length };
  // Each change makes its lines anew (spliced), so the old lines are not copied first (50,000 references per edit).
  let diff = applyOne(lines, changes[0]);
  for (let i = 1; i < changes.length; i++) diff = composeDiffs(diff, applyOne(diff.lines, changes[i]));
  return diff;
}
