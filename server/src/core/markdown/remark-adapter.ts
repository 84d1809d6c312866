/**
 * The remark adapter: parses a region's text with remark-parse + remark-gfm (remark-parser.ts) and turns the mdast tree into
 * our structures (headings, list items, tables read from remark's rows, literal lines). It knows nothing of
 * caching or of when remark is asked (see region-read.ts).
 */
import type { ListItem, Nodes, Root, RootContent, Table as MdTable } from 'mdast';
import type { RegionInfo } from './region-read';
import { parseMarkdown } from './remark-parser';
import { parsedTable, parseDelimiterRow, tableRowAt, type ParsedTable, type TableRow } from './table-row';

/** The plain text of a node (its values joined, markup dropped). */
export function mdastText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(mdastText).join('');
  return '';
}

/**
 * Parses `text` (the region's `lines` joined; it starts on page line `offset`) and adds what remark found
 * to `into`; tables only when `withTables` (else the scanner read them). Throws remark's RangeError on deep nesting.
 */
export function readWithRemark(text: string, lines: readonly string[], into: RegionInfo, withTables: boolean, offset: number): void {
  collect(parseMarkdown(text), lines, into, withTables, offset);
}

/** A table as remark read it (inside a container), its rows split again by our row reader from its line and column. */
function tableFromMdast(node: MdTable, lines: readonly string[], offset: number): ParsedTable | null {
  const rows: TableRow[] = [];
  for (const row of node.children) {
    const pos = row.position;
    if (!pos) return null;
    const line = pos.start.line - 1;
    rows.push(tableRowAt(line + offset, lines[line], pos.start.column - 1));
  }
  if (rows.length === 0) return null;
  const header = rows[0];
  const delimiterLine = header.line + 1;
  const align = parseDelimiterRow(lines[delimiterLine - offset]?.trim() ?? '') ?? header.cells.map(() => null);
  const body = rows.slice(1);
  return parsedTable({
    kind: 'gfm',
    fromMdast: true,
    startLine: header.line,
    endLine: body.length ? body[body.length - 1].line : delimiterLine,
    header,
    delimiterLine,
    align,
    rows: body,
  });
}

/** The list item's line, the column its content starts at (after the marker), and its nesting depth. */
function listItemInfo(node: ListItem, depth: number, offset: number): RegionInfo['listItems'][number] | null {
  const pos = node.position;
  if (!pos) return null;
  const first = node.children.at(0); // an empty item has none
  return {
    line: pos.start.line - 1 + offset,
    contentColumn: first?.position && first.position.start.line === pos.start.line ? first.position.start.column - 1 : pos.start.column - 1,
    depth,
  };
}

function collect(root: Root, lines: readonly string[], into: RegionInfo, withTables: boolean, offset: number): void {
  const walk = (node: Root | RootContent, depth: number, phrasing = false): void => {
    const pos = node.position;
    switch (node.type) {
      case 'heading':
        if (pos) into.headings.push({ line: pos.start.line - 1 + offset, level: node.depth, text: mdastText(node).trim() });
        return;
      case 'listItem': {
        const item = listItemInfo(node, depth, offset);
        if (item) into.listItems.push(item);
        for (const c of node.children) walk(c, depth + 1);
        return;
      }
      case 'table':
        if (withTables) {
          const t = tableFromMdast(node, lines, offset);
          if (t) into.tables.push(t);
        }
        return;
      case 'html':
      case 'code':
        // Inline HTML (`<s>`, `<br>`) inside text is not literal: the values around it are still read.
        if (pos && !(node.type === 'html' && phrasing))
          for (let l = pos.start.line - 1; l <= pos.end.line - 1; l++) into.literalLines.push(l + offset);
        return;
      default:
        if ('children' in node) for (const c of node.children as RootContent[]) walk(c, depth, phrasing || node.type === 'paragraph');
    }
  };
  walk(root, 0);
}
