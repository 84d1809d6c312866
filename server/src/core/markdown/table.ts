/**
 * GFM tables: their rows and cells (table-row.ts) and the linear scanner that finds them at the top level
 * of a region exactly as remark-gfm does (table-scan.ts), asking the block-start recogniser
 * (block-start.ts) what every other line starts.
 */
export {
  parsedTable,
  parseDelimiterRow,
  RowCell,
  splitRow,
  tableRowAt,
  type Align,
  type ParsedTable,
  type TableCell,
  type TableRow,
} from './table-row';
export { continuesTable, scanTables, scanTablesSteps, type ScanResult } from './table-scan';
