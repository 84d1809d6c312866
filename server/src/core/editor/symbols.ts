/** Document symbols (outline, breadcrumbs, Go to Symbol): timelines with their milestones, features by team, criteria. */
import type { ResolvedConfig } from '../config/merge';
import { plainText } from '../model/inline';
import type { CellRef, Milestone, PageModel, TableModel, Timeline } from '../model/page-model';
import { readValue } from '../model/values';
import type { Range } from '../findings';
import { lineRangeOf } from './locate';
import type { SymbolNode } from './results';
import { statusValues } from '../vocabulary';

function span(page: PageModel, first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: { line: last, character: page.lines[last]?.text.length ?? 0 } };
}

function cover(page: PageModel, nodes: readonly SymbolNode[]): Range {
  const first = Math.min(...nodes.map((n) => n.range.start.line));
  const last = Math.max(...nodes.map((n) => n.range.end.line));
  return span(page, first, last);
}

function milestoneNode(page: PageModel, m: Milestone): SymbolNode {
  const date = m.date ? m.date.token.text : m.superseded.length ? m.superseded[m.superseded.length - 1].token.text : 'no date';
  const selection =
    m.labelRange.start.line === m.labelRange.end.line && m.labelRange.end.character > m.labelRange.start.character
      ? m.labelRange
      : m.valueRange;
  return {
    name: m.label || date,
    detail: `${date}${m.cancelled ? ' (cancelled)' : ''}`,
    kind: 'milestone',
    range: span(
      page,
      Math.min(m.line, m.labelRange.start.line, m.valueRange.start.line),
      Math.max(m.line, m.labelRange.end.line, m.valueRange.end.line),
    ),
    selectionRange: selection,
    children: [],
  };
}

function timelineNode(page: PageModel, tl: Timeline): SymbolNode | null {
  const children = tl.milestones.map((m) => milestoneNode(page, m));
  if (children.length === 0) return null;
  const name = tl.heading ?? 'Timeline';
  const range = cover(page, children);
  return {
    name,
    detail: tl.release ? `release ${tl.release}` : `${children.length} milestones`,
    kind: 'timeline',
    range,
    selectionRange: children[0].selectionRange,
    children,
  };
}

function featureNodes(page: PageModel, table: TableModel, config: ResolvedConfig): SymbolNode[] {
  const fc = table.columns.feature;
  if (fc === undefined) return [];
  const statuses = statusValues(page, config).map((v) => v.value);
  const tc = table.columns.team;
  const sc = table.columns.status;
  const groups = new Map<string, SymbolNode[]>();
  const order: string[] = [];
  for (const row of table.rows) {
    const cell = row.cells[fc] as CellRef | undefined; // a row may have fewer cells than the header
    if (!cell || row.malformed) continue;
    const name = plainText(cell.text) || '(unnamed feature)';
    let detail = '';
    const status = sc !== undefined ? row.cells[sc] : undefined;
    if (status) {
      const v = readValue(status, statuses);
      detail = v.state === 'unset' ? 'status not set' : v.state === 'unknown' ? v.value : v.match;
    }
    const last = row.lines[row.lines.length - 1];
    const node: SymbolNode = {
      name,
      detail,
      kind: 'feature',
      range: span(page, row.lines[0], last),
      selectionRange: cell.range,
      children: [],
    };
    const team = tc !== undefined ? plainText(row.cells[tc]?.text ?? '') : '';
    if (!groups.has(team)) {
      groups.set(team, []);
      order.push(team);
    }
    groups.get(team)!.push(node);
  }
  if (tc === undefined) return groups.get('') ?? [];
  return order.map((team) => {
    const children = groups.get(team)!;
    const range = cover(page, children);
    return {
      name: team || '(no team)',
      detail: `${children.length} feature${children.length === 1 ? '' : 's'}`,
      kind: 'team' as const,
      range,
      selectionRange: children[0].selectionRange,
      children,
    };
  });
}

function tableNode(page: PageModel, table: TableModel, config: ResolvedConfig): SymbolNode | null {
  const children = featureNodes(page, table, config);
  if (children.length === 0) return null;
  const range = span(page, table.parsed.startLine, table.parsed.endLine);
  const header = table.parsed.header?.line ?? table.parsed.startLine;
  const count = children.reduce((n, c) => n + (c.kind === 'team' ? c.children.length : 1), 0);
  return {
    name: table.heading ?? 'Features',
    detail: `${count} features`,
    kind: 'features',
    range,
    selectionRange: lineRangeOf(page, header),
    children,
  };
}

function criteriaNode(page: PageModel): SymbolNode | null {
  if (page.criteria.length === 0) return null;
  const children: SymbolNode[] = page.criteria.map((c) => {
    const text = plainText(c.text);
    return {
      name: `${c.keyword}: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`,
      detail: c.keyword,
      kind: 'criterion' as const,
      range: lineRangeOf(page, c.line),
      selectionRange: c.keywordRange,
      children: [],
    };
  });
  const must = page.criteria.filter((c) => c.keyword === 'MUST').length;
  const should = page.criteria.filter((c) => c.keyword === 'SHOULD').length;
  return {
    name: 'Release criteria',
    detail: `${must} MUST, ${should} SHOULD`,
    kind: 'criteria',
    range: cover(page, children),
    selectionRange: children[0].selectionRange,
    children,
  };
}

/** The symbols of a page, in document order. */
export function documentSymbols(page: PageModel, config: ResolvedConfig): SymbolNode[] {
  const out: SymbolNode[] = [];
  for (const tl of page.timelines) {
    const n = timelineNode(page, tl);
    if (n) out.push(n);
  }
  for (const t of page.tables) {
    if (!t.isFeatureTable) continue;
    const n = tableNode(page, t, config);
    if (n) out.push(n);
  }
  const c = criteriaNode(page);
  if (c) out.push(c);
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}
