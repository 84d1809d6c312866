/**
 * Table formatting: document and range formatting of release pages (GFM tables only, nothing else), and
 * the `releasePages/formatTables` request behind the "Format table at cursor" / "Format all tables"
 * commands. With `releasePages.format.enable` off the server is no Markdown formatter at all: clients that
 * register capabilities dynamically get the formatting providers registered and unregistered as the
 * setting changes; other clients get them statically and an empty answer while the setting is off.
 */
import {
  BulkRegistration,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  type BulkUnregistration,
  type ClientCapabilities,
  type ServerCapabilities,
  type TextEdit,
} from 'vscode-languageserver';
import { formatTables, type PageModel, tableAtLine, tablesInLines } from '../core';
import { DOCUMENT_SCHEMES, FormatTablesRequest } from '../../../shared/protocol';
import type { ServerState } from './state';

/** Every scheme a client may sync pages of (the desktop's and the browser's, `client/src/extension*.ts`). */
const SELECTOR = DOCUMENT_SCHEMES.map((scheme) => ({ scheme, language: 'markdown' }));

export interface FormattingFeature {
  /** Call from `onInitialize` with the client's capabilities, before the server's capabilities are returned. */
  initialize(client: ClientCapabilities): void;
  /** Call after the settings changed: registers or unregisters the formatting providers. */
  update(): Promise<void>;
}

export function registerFormatting(state: ServerState, capabilities: ServerCapabilities): FormattingFeature {
  const { connection } = state;
  let dynamic = false;
  let registration: BulkUnregistration | null = null;
  let queue: Promise<void> = Promise.resolve();

  /** The page model of an open document, when we should format it as a release page. */
  const releasePage = async (uri: string): Promise<PageModel | null> => {
    if (!state.settingsFor(uri).format.enable) return null;
    const p = await state.ready(uri);
    return p?.result.isReleasePage ? p.result.page : null;
  };

  connection.onDocumentFormatting(async ({ textDocument }): Promise<TextEdit[]> => {
    const page = await releasePage(textDocument.uri);
    return page ? formatTables(page, state.settingsFor(textDocument.uri).format) : [];
  });

  connection.onDocumentRangeFormatting(async ({ textDocument, range }): Promise<TextEdit[]> => {
    const page = await releasePage(textDocument.uri);
    if (!page) return [];
    // A selection of whole lines ends at column 0 of the next line: that line is not selected.
    const end = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    return formatTables(page, state.settingsFor(textDocument.uri).format, tablesInLines(page, range.start.line, end));
  });

  // The commands: any Markdown document, whatever `format.enable` says (the user asked for it).
  connection.onRequest(FormatTablesRequest, async ({ uri, position }) => {
    const p = await state.ready(uri);
    if (!p) return { version: null, tables: 0, edits: [] };
    const {
      doc,
      result: { page },
    } = p;
    const tables = position ? [tableAtLine(page, position.line)].filter((t) => t !== null) : tablesInLines(page, 0, page.lines.length);
    return { version: doc.version, tables: tables.length, edits: formatTables(page, state.settingsFor(uri).format, tables) };
  });

  const apply = async (): Promise<void> => {
    // Registered while any folder (or the unscoped settings) formats; each request then asks its document's folder.
    const want = [state.settings, ...state.folderSettings.values()].some((s) => s.format.enable);
    if (want && !registration) {
      const bulk = BulkRegistration.create();
      bulk.add(DocumentFormattingRequest.type, { documentSelector: SELECTOR });
      bulk.add(DocumentRangeFormattingRequest.type, { documentSelector: SELECTOR });
      registration = await connection.client.register(bulk);
    } else if (!want && registration) {
      const r = registration;
      registration = null;
      r.dispose();
    }
  };

  return {
    initialize(client) {
      dynamic =
        client.textDocument?.formatting?.dynamicRegistration === true && client.textDocument.rangeFormatting?.dynamicRegistration === true;
      if (!dynamic) {
        capabilities.documentFormattingProvider = true;
        capabilities.documentRangeFormattingProvider = true;
      }
    },
    update() {
      if (!dynamic) return Promise.resolve();
      // One registration change at a time, in the order the settings changed.
      queue = queue
        .then(apply)
        .catch((e: unknown) => connection.console.error(`formatting registration failed: ${e instanceof Error ? e.message : String(e)}`));
      return queue;
    },
  };
}
