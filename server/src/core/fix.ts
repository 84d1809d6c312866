/** Applying fixes: each fix changes only its target ranges; a fix is applied whole or not at all. */
import { lineStarts, splitLines } from './lines';
import type { Finding, Position, TextEdit } from './findings';

export function lineStartsOf(text: string): number[] {
  return lineStarts(splitLines(text));
}

export function offsetAt(lineStarts: readonly number[], text: string, p: Position): number {
  if (p.line >= lineStarts.length) return text.length;
  const lineEnd = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length;
  return Math.min(lineStarts[p.line] + p.character, lineEnd);
}

interface Span {
  from: number;
  to: number;
  edit: TextEdit;
}

function overlaps(taken: readonly Span[], s: Span): boolean {
  // taken is sorted by `from`; binary search the first span that ends after s.from.
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid].to <= s.from && !(taken[mid].from === taken[mid].to && taken[mid].from === s.from)) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < taken.length && taken[i].from <= s.to; i++) {
    const t = taken[i];
    if (t.from < s.to && s.from < t.to) return true;
    if (t.from === s.from && (t.from === t.to || s.from === s.to)) return true;
  }
  return false;
}

/** Chooses groups of edits (one group per fix) that do not overlap; a group overlapping an earlier one is skipped whole. */
function selectSpans(text: string, groups: readonly (readonly TextEdit[])[]): { taken: Span[]; applied: number; skipped: number } {
  const starts = lineStartsOf(text);
  const taken: Span[] = [];
  let applied = 0;
  let skipped = 0;
  for (const g of groups) {
    const spans = g.map((edit) => ({ from: offsetAt(starts, text, edit.range.start), to: offsetAt(starts, text, edit.range.end), edit }));
    if (spans.some((s) => overlaps(taken, s))) {
      skipped++;
      continue;
    }
    for (const s of spans) {
      let i = taken.length;
      while (i > 0 && taken[i - 1].from > s.from) i--;
      taken.splice(i, 0, s);
    }
    applied++;
  }
  return { taken, applied, skipped };
}

/** The non-overlapping edits of `groups`, in document order (what an editor's fix-all applies). */
export function selectFixEdits(text: string, groups: readonly (readonly TextEdit[])[]): TextEdit[] {
  return selectSpans(text, groups).taken.map((s) => s.edit);
}

/** Applies groups of edits (one group per fix); a group overlapping an earlier one is skipped whole. */
export function applyFixGroups(text: string, groups: readonly (readonly TextEdit[])[]): { text: string; applied: number; skipped: number } {
  const { taken, applied, skipped } = selectSpans(text, groups);
  let out = '';
  let pos = 0;
  for (const s of taken) {
    out += text.slice(pos, s.from) + s.edit.newText;
    pos = s.to;
  }
  return { text: out + text.slice(pos), applied, skipped };
}

/** The edits of each finding's preferred (or only) fix, optionally for one rule. */
export function fixAllGroups(findings: readonly Finding[], rule?: string): TextEdit[][] {
  const groups: TextEdit[][] = [];
  for (const f of findings) {
    if (rule && f.rule !== rule) continue;
    const fix = f.fixes.find((x) => x.preferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined);
    if (fix) groups.push(fix.edits);
  }
  return groups;
}

/** The edits that fix all: the preferred (or only) fix of each finding of `rule` (of every rule when null), none overlapping. */
export function fixAllEdits(text: string, findings: readonly Finding[], rule: string | null = null): TextEdit[] {
  return selectFixEdits(text, fixAllGroups(findings, rule ?? undefined));
}
