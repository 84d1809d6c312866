/**
 * What the schema rules (value-unknown, value-required, column-type) read alike: each well-formed row's
 * cell in the columns a configuration's table declaration types (model/schema.ts). Built-in profiles only
 * describe tables (their columns are checked by the older rules), so their columns are not listed here.
 */
import type { CellRef, PageModel, TableModel } from '../model/page-model';
import { originText, type SchemaColumn } from '../model/schema';

export interface SchemaCell {
  table: TableModel;
  column: SchemaColumn;
  cell: CellRef;
}

const CELLS = new WeakMap<PageModel, readonly SchemaCell[]>();

/** The cells of configuration-declared columns, table by table and row by row (shared: do not mutate). */
export function schemaCells(page: PageModel): readonly SchemaCell[] {
  let cells = CELLS.get(page);
  if (cells) return cells;
  const out: SchemaCell[] = [];
  for (const table of page.tables) {
    const columns = table.schema?.columns.filter((c) => c.origin.kind === 'config') ?? [];
    if (columns.length === 0) continue;
    for (const row of table.rows) {
      if (row.malformed) continue;
      for (const column of columns) {
        const cell = row.cells[column.index] as CellRef | undefined; // a short row may lack it
        if (cell) out.push({ table, column, cell });
      }
    }
  }
  CELLS.set(page, (cells = out));
  return cells;
}

/** `Status` in table "Supported releases" (declared at .release-pages.yaml:12): how a finding names its column. */
export function columnName(c: SchemaCell): string {
  return `"${c.column.header}" in table "${c.table.schema?.name ?? ''}" (${originText(c.column.origin)})`;
}

const DECLARED = new WeakMap<PageModel, ReadonlySet<CellRef>>();

/** The cells of a page's tables whose column's values the configuration declares (other value rules leave them alone). */
export function declaredValueCells(page: PageModel): ReadonlySet<CellRef> {
  let set = DECLARED.get(page);
  if (!set) DECLARED.set(page, (set = new Set(schemaCells(page).flatMap((c) => (c.column.values !== null ? [c.cell] : [])))));
  return set;
}
