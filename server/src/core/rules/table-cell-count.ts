import type { Fix, Severity } from '../findings';
import { plainText } from '../model/inline';
import type { CellRef, LogicalRow, TableModel } from '../model/page-model';
import { hasText, rowShape, type RowShape } from '../model/row-shape';
import { priorityVocabulary, statusVocabulary } from './feature-cells';
import type { Rule, RuleContext } from './rule';

/** A cell's text in a message: plain, on one line, at most 60 characters. */
function quoted(text: string): string {
  const plain = plainText(text).replace(/\s+/g, ' ').trim();
  return '`' + (plain.length > 60 ? plain.slice(0, 57) + '…' : plain).replace(/`/g, "'") + '`';
}

function columnName(table: TableModel, index: number): string {
  const name = plainText(table.header[index] ?? '').trim();
  return name === '' ? `column ${index + 1}` : name;
}

/** A cell of a single-line row knows the columns between its pipes (the fix removes one such cell). */
function rawColumns(cell: CellRef): { rawStart: number; rawEnd: number } | null {
  const c = cell as CellRef & { rawStart?: unknown; rawEnd?: unknown };
  return typeof c.rawStart === 'number' && typeof c.rawEnd === 'number' ? { rawStart: c.rawStart, rawEnd: c.rawEnd } : null;
}

/** Removing the stray empty cell: its blank and the `|` after it. */
function removeCell(cell: CellRef, preferred: boolean): Fix[] {
  const raw = rawColumns(cell);
  if (!raw) return [];
  const line = cell.range.start.line;
  return [
    {
      title: 'Remove the stray empty cell',
      edits: [{ range: { start: { line, character: raw.rawStart }, end: { line, character: raw.rawEnd + 1 } }, newText: '' }],
      preferred,
    },
  ];
}

/** Writing the `|` after a cell as `\\|` (the cell's text then keeps it). */
function escapePipe(cell: CellRef): Fix[] {
  const raw = rawColumns(cell);
  if (!raw) return [];
  const line = cell.range.start.line;
  return [
    {
      title: 'Write the `|` as `\\|`',
      edits: [{ range: { start: { line, character: raw.rawEnd }, end: { line, character: raw.rawEnd + 1 } }, newText: '\\|' }],
      preferred: true,
    },
  ];
}

/** `, and `x` is not shown` for the cells with text that fall off the end; empty when none does. */
function lostPart(dropped: readonly CellRef[]): string {
  const lost = dropped.filter(hasText);
  if (lost.length === 0) return '';
  return `, and ${lost.map((c) => quoted(c.text)).join(', ')} ${lost.length === 1 ? 'is' : 'are'} not shown`;
}

/** ` (`x` is shown under Status)`: where the first moved value lands; empty when that cell is empty. */
function shownUnder(table: TableModel, row: LogicalRow, index: number): string {
  const cell = row.cells[index] as CellRef | undefined;
  return cell && hasText(cell) ? ` (${quoted(cell.text)} is shown under ${columnName(table, index)})` : '';
}

interface Said {
  severity: Severity;
  text: string;
  fixes?: Fix[];
}

/** What a row's shape means for the reader, and how severe it is. No line numbers: a moved slice keeps its messages. */
function explain(table: TableModel, row: LogicalRow, shape: Exclude<RowShape, { kind: 'ok' }>): Said {
  const n = row.cells.length;
  const expected = table.header.length;
  const joined = row.lines.length > 1 ? ` (${row.lines.length} lines joined)` : '';
  const head = `Row has ${n} cell${n === 1 ? '' : 's'}${joined}; the header has ${expected}`;
  switch (shape.kind) {
    case 'short': {
      const m = shape.misplaced;
      if (m)
        return {
          severity: 'warning',
          text: `${head}: a cell is left out before ${quoted(m.value)}, which is shown under ${columnName(table, m.cell)} (it reads as a ${m.kind}); add the missing cell where it belongs.`,
        };
      const cells = shape.missing === 1 ? 'the missing cell' : `the ${shape.missing} missing cells`;
      return { severity: 'information', text: `${head}: GFM shows ${cells} empty at the end of the row.` };
    }
    case 'extra-empty':
      return {
        severity: 'hint',
        text: `${head}: the extra cell${shape.extra === 1 ? ' is' : 's are'} empty and not shown; a stray \`|\`?`,
      };
    case 'extra-text': {
      const lost = shape.dropped.map((c) => quoted(c.text)).join(', ');
      return {
        severity: 'error',
        text: `${head}: GFM drops the cells past the header, so ${lost} ${shape.dropped.length === 1 ? 'is' : 'are'} not shown. A stray \`|\` splits a cell, or a cell needs \`\\|\`.`,
      };
    }
    case 'shifted': {
      const where =
        shape.stray === 0 ? 'the row starts with an empty cell, which' : `an empty cell after ${columnName(table, shape.stray - 1)}`;
      return {
        severity: 'error',
        text: `${head}: ${where} moves every value after it one column right${shownUnder(table, row, shape.stray + 1)}${lostPart(shape.dropped)}. Remove the stray \`|\`.`,
        fixes: removeCell(row.cells[shape.stray], shape.byType),
      };
    }
    case 'split': {
      const [a, b] = [row.cells[shape.at], row.cells[shape.at + 1]];
      return {
        severity: 'error',
        text: `${head}: a \`|\` splits ${columnName(table, shape.at)} into ${quoted(a.text)} and ${quoted(b.text)}, which moves every value after it one column right${shownUnder(table, row, shape.at + 2)}${lostPart(shape.dropped)}. Write it as \`\\|\`.`,
        fixes: escapePipe(a),
      };
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'table-cell-count',
    description:
      'A table row with more or fewer cells than its header, as GFM renders it: extra text is dropped (error), a stray empty cell shifts the row (error), a short row is padded (information).',
    defaultSeverity: 'error',
    fixable: true,
  },
  check(ctx: RuleContext) {
    const vocab = { statuses: statusVocabulary(ctx), priorities: priorityVocabulary(ctx) };
    for (const t of ctx.page.tables) {
      if (t.headerInferred && !t.isDateTable) continue;
      for (const row of t.rows) {
        if (!row.malformed) continue;
        const shape = rowShape(t, row, vocab);
        if (shape.kind === 'ok') continue;
        const said = explain(t, row, shape);
        const first = row.lines[0];
        const last = row.lines[row.lines.length - 1];
        ctx.report({
          range: { start: { line: first, character: 0 }, end: { line: last, character: ctx.page.lines[last].text.length } },
          message: said.text,
          severity: said.severity,
          ...(said.fixes?.length ? { fixes: said.fixes } : {}),
        });
      }
    }
  },
};
