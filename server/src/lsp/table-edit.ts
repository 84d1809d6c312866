/**
 * Spreadsheet table editing: the `releasePages/tableEdit` request (a thin call of the core's `tableEdit`
 * and `convertToTable` on the document's checked model) and the `releasePages/tables` notification of
 * where the tables of a checked document are (the client sets `releasePages.inTable` from it).
 */
import { convertToTable, featureVocabulary, reorderTableRows, tableEdit, type CheckResult } from '../core';
import { TableEditRequest, TablesNotification, type TableEditResult } from '../../../shared/protocol';
import type { ServerState } from './state';

export function registerTableEdit(state: ServerState): void {
  state.connection.onRequest(TableEditRequest, async ({ uri, position, op, args }): Promise<TableEditResult | null> => {
    const p = await state.ready(uri);
    if (!p) return null;
    const { page } = p.result;
    const format = state.settingsFor(uri).format;
    const version = p.doc.version;
    if (op === 'convert') {
      if (args?.text === undefined) return { version, edits: null, cursor: null };
      const range = args.range ?? { start: position, end: position };
      const r = convertToTable(page, range, args.text, format, args.kind);
      return r ? { version, edits: r.edits, cursor: r.cursor, text: r.text } : { version, edits: null, cursor: null };
    }
    if (op === 'reorderRows') {
      const r = reorderTableRows(page, args?.lines ?? [], format);
      return r ? { version, edits: r.edits, cursor: position } : { version, edits: null, cursor: null };
    }
    const r = tableEdit(page, position, op, { format, vocabulary: featureVocabulary(page, p.config), align: args?.align ?? null });
    if (!r) return { version, edits: null, cursor: null };
    const out: TableEditResult = { version, edits: r.edits, cursor: r.cursor, table: r.table };
    if (r.note !== undefined) out.note = r.note;
    if (r.sortedAs !== undefined) out.sortedAs = r.sortedAs;
    if (r.text !== undefined) out.text = r.text;
    return out;
  });
}

/** Tells the client where the GFM tables of a checked document version are. */
export function sendTables(state: ServerState, uri: string, version: number, result: CheckResult): void {
  const tables: Array<[number, number]> = [];
  for (const t of result.page.tables) if (t.parsed.kind === 'gfm' && t.parsed.header) tables.push([t.parsed.startLine, t.parsed.endLine]);
  void state.connection.sendNotification(TablesNotification, { uri, version, tables });
}
