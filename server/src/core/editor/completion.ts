/** Completion: status and priority values in their columns, milestone labels in timelines, rule ids in disable comments. */
import type { ResolvedConfig } from '../config/merge';
import { MILESTONE_LABELS } from '../model/milestones';
import type { PageModel, TableModel } from '../model/page-model';
import { RULES } from '../rules';
import type { Position, Range } from '../findings';
import { columnKeyOf, headingAbove, listItemOf, rawCellAt, tableAtLine } from './locate';
import type { CompletionEntry } from './results';
import { schemaColumn } from '../model/schema';
import { columnVocabulary, type ValueInfo } from '../vocabulary';

const DIRECTIVES: ReadonlyArray<{ name: string; doc: string }> = [
  { name: 'disable-next-line', doc: 'Turn the listed rules (all when none is listed) off for the next line.' },
  { name: 'disable-line', doc: 'Turn the listed rules (all when none is listed) off for this line.' },
  { name: 'disable', doc: 'Turn the listed rules (all when none is listed) off until a matching enable comment.' },
  { name: 'enable', doc: 'Turn the listed rules (all when none is listed) back on.' },
];

const TIMELINE_HEADING = /timeline|milestones|schedule/i;
const CELL_LEAD = /^[\s*_]*(?:(?:<(s|del|strike)>[^<]*<\/\1>|~~[^~]*~~)[\s*_]*)*$/i;

function range(line: number, from: number, to: number): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

/** The run of characters matching `word` around `ch` (an empty range at `ch` when there is none). */
function wordRange(text: string, line: number, ch: number, word: RegExp): Range {
  let a = ch;
  let b = ch;
  while (a > 0 && word.test(text[a - 1])) a--;
  while (b < text.length && word.test(text[b])) b++;
  return range(line, a, b);
}

function directiveCompletions(text: string, p: Position): CompletionEntry[] | null {
  const before = text.slice(0, p.character);
  const rules = /<!--\s*release-pages-(disable-next-line|disable-line|disable|enable)((?:[\s,]+[\w-]*)*)$/.exec(before);
  // Right after the directive name (no space yet) the name itself is still being typed.
  if (rules && rules[2] !== '') {
    const listed = new Set(rules[2].split(/[\s,]+/).filter(Boolean));
    const r = wordRange(text, p.line, p.character, /[\w-]/);
    return RULES.filter((x) => !listed.has(x.meta.id) || text.slice(r.start.character, r.end.character) === x.meta.id).map((x) => ({
      label: x.meta.id,
      kind: 'rule' as const,
      range: r,
      detail: `${x.meta.defaultSeverity}${x.meta.fixable ? ', fixable' : ''}`,
      documentation: x.meta.description,
    }));
  }
  const keyword = /<!--\s*(r[\w-]*)?$/.exec(before);
  if (keyword) {
    const start = p.character - ((keyword[1] as string | undefined)?.length ?? 0); // the group is optional
    const end = start + (/^[\w-]*/.exec(text.slice(start))?.[0].length ?? 0);
    return DIRECTIVES.map((d, i) => ({
      label: `release-pages-${d.name}`,
      kind: 'directive' as const,
      range: range(p.line, start, end),
      documentation: d.doc,
      sortText: String(i),
    }));
  }
  return null;
}

function sourceText(v: ValueInfo): string {
  if (v.source === 'legend') return ' (page legend)';
  if (v.source === 'page') return ' (used on this page)';
  if (v.source === 'schema' && v.declaredAt) return ` (${v.declaredAt})`;
  return '';
}

function valueEntries(values: readonly ValueInfo[], kind: 'status' | 'priority' | 'value', what: string, r: Range): CompletionEntry[] {
  return values.map((v, i) => ({
    label: v.value,
    kind,
    range: r,
    detail: `${what}${v.colour && v.colour !== 'other' ? ` · ${v.colour}` : ''}${sourceText(v)}`,
    documentation: v.meaning ?? undefined,
    sortText: String(i).padStart(3, '0'),
  }));
}

function milestoneLabels(page: PageModel): Array<{ label: string; detail: string }> {
  const out: Array<{ label: string; detail: string }> = [];
  const seen = new Set<string>();
  for (const tl of page.timelines) {
    for (const m of tl.milestones) {
      const key = m.label.toLowerCase();
      if (!m.label || seen.has(key)) continue;
      seen.add(key);
      out.push({ label: m.label, detail: m.date ? `on this page: ${m.date.token.text}` : 'on this page' });
    }
  }
  for (const label of MILESTONE_LABELS) {
    if (seen.has(label.toLowerCase())) continue;
    seen.add(label.toLowerCase());
    out.push({ label, detail: 'milestone' });
  }
  return out;
}

function milestoneEntries(page: PageModel, r: Range): CompletionEntry[] {
  return milestoneLabels(page).map((m, i) => ({
    label: m.label,
    kind: 'milestone' as const,
    range: r,
    detail: m.detail,
    sortText: String(i).padStart(3, '0'),
  }));
}

/** A typed column of a table schema: its declared values, else the ones the column uses (configured person and text columns too). */
function schemaCompletions(page: PageModel, table: TableModel, column: number, config: ResolvedConfig, r: Range): CompletionEntry[] | null {
  const typed = schemaColumn(table.schema, column);
  if (!typed) return null;
  const open = typed.origin.kind === 'config' && (typed.type === 'person' || typed.type === 'text');
  if (typed.values === null && typed.type !== 'status' && typed.type !== 'priority' && !open) return null;
  const kind = typed.type === 'status' || typed.type === 'priority' ? typed.type : 'value';
  const values = columnVocabulary(page, config, table, column);
  return values.length ? valueEntries(values, kind, typed.header, r) : null;
}

function tableCompletions(page: PageModel, table: TableModel, text: string, p: Position, config: ResolvedConfig): CompletionEntry[] | null {
  if (p.line <= table.parsed.delimiterLine && table.parsed.kind === 'gfm') return null;
  const at = rawCellAt(text, p.character);
  if (!at) return null;
  const key = columnKeyOf(table, at.column);
  const r = wordRange(text, p.line, p.character, /[\p{L}\p{N}]/u);
  if (r.start.character < at.cell.rawStart) return null;
  // Only the value at the start of the cell (after struck history or bold markup), not words of its comment.
  if (!CELL_LEAD.test(text.slice(at.cell.rawStart, r.start.character))) return null;
  if (table.isFeatureTable && key === 'status')
    return valueEntries(columnVocabulary(page, config, table, at.column), 'status', 'Status', r);
  if (table.isFeatureTable && key === 'priority')
    return valueEntries(columnVocabulary(page, config, table, at.column), 'priority', 'Release priority', r);
  const typed = schemaCompletions(page, table, at.column, config, r);
  if (typed) return typed;
  if (table.isDateTable && key === 'milestone') {
    return milestoneEntries(page, range(p.line, at.cell.start, Math.max(at.cell.end, p.character)));
  }
  return null;
}

function timelineCompletions(page: PageModel, text: string, p: Position): CompletionEntry[] | null {
  const item = listItemOf(text);
  if (!item || p.character < item.content) return null;
  const h = headingAbove(page, p.line);
  if (!h || !TIMELINE_HEADING.test(h.text)) return null;
  const rest = text.slice(item.content);
  const lead = /^(\*\*|__)?/.exec(rest)?.[0].length ?? 0;
  const start = item.content + lead;
  if (p.character < start) return null;
  const colon = text.indexOf(':', start);
  if (colon >= 0 && colon < p.character) return null;
  const labelEnd = colon >= 0 ? colon : text.length;
  let end = labelEnd;
  while (end > start && /[\s*_]/.test(text[end - 1])) end--;
  return milestoneEntries(page, range(p.line, start, Math.max(end, p.character)));
}

/** Completion entries at a position (empty when nothing fits there). */
export function completionsAt(page: PageModel, p: Position, config: ResolvedConfig): CompletionEntry[] {
  const text = page.lines[p.line]?.text ?? '';
  const directive = directiveCompletions(text, p);
  if (directive) return directive;
  if (page.literalLines.has(p.line)) return [];
  const at = tableAtLine(page, p.line);
  if (at) return tableCompletions(page, at.table, text, p, config) ?? [];
  return timelineCompletions(page, text, p) ?? [];
}
