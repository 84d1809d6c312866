/**
 * The operations at a cell of a table (the `releasePages.table.*` commands and keys), named once for the
 * core that performs them and the protocol that asks for them.
 */
export const TABLE_OPS = [
  'nextCell',
  'previousCell',
  'cellAbove',
  'cellBelow',
  'newRowBelow',
  'insertRowAbove',
  'insertRowBelow',
  'deleteRow',
  'moveRowUp',
  'moveRowDown',
  'insertColumnLeft',
  'insertColumnRight',
  'deleteColumn',
  'moveColumnLeft',
  'moveColumnRight',
  'alignColumn',
  'sortAscending',
  'sortDescending',
  'copyCsv',
] as const;

export type TableOp = (typeof TABLE_OPS)[number];
