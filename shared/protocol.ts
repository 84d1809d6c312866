/**
 * Custom messages between the client and the server, typed once here and imported by both sides.
 * Only `vscode-languageserver-protocol` types: no `vscode`, no server internals.
 */
import type { TableOp } from './table-ops';
import { RequestType, RequestType0, NotificationType } from 'vscode-languageserver-protocol';
import type { TextEdit } from 'vscode-languageserver-protocol';
import type { PageStatus } from './status/model';
import type { ChangesSide, FeatureHistory, PageChanges } from './status/changes';

/** Edits that apply every available fix to one document. */
export interface FixAllParams {
  uri: string;
  /** Limit to one rule id; all fixable rules when absent. */
  rule?: string;
}
export interface FixAllResult {
  version: number | null;
  edits: TextEdit[];
}
export const FixAllRequest = new RequestType<FixAllParams, FixAllResult, void>('releasePages/fixAll');

/** A short page summary for the language status item. */
export interface PageSummaryParams {
  uri: string;
}
export interface PageSummary {
  /** False when the document is not a release page (it is then not checked). */
  isReleasePage: boolean;
  kind: string;
  title: string | null;
  errors: number;
  warnings: number;
  infos: number;
  /** The page's general availability date as written, when it has one. */
  gaDate?: string | null;
  /** Rows of the features tables, and how many Must features are not Green. */
  features?: number;
  mustNotGreen?: number;
  /**
   * Why the page was or was not taken as a release page, in the core's sentences: the verdict
   * (`release page (score 7, needs 3)`) and the evidence, strongest first (`+4 the title "…" names a release schedule (line 2)`).
   */
  why?: { verdict: string; reasons: string[] };
}
export const PageSummaryRequest = new RequestType<PageSummaryParams, PageSummary | null, void>('releasePages/pageSummary');

/** Sent by the server after it published diagnostics for a document (used by the status item and by tests). */
export interface ValidatedParams {
  uri: string;
  version: number | null;
  count: number;
}
export const ValidatedNotification = new NotificationType<ValidatedParams>('releasePages/validated');

/** Workspace check: the client sends the text of Markdown files; the server checks those not open and publishes their diagnostics. */
export interface CheckFilesParams {
  files: Array<{ uri: string; text: string }>;
}
export interface CheckFilesResult {
  /** Files checked (open documents are skipped: their diagnostics are live). */
  checked: number;
  skippedOpen: number;
  /** Release pages among them, files with problems, problems in all. */
  pages: number;
  filesWithProblems: number;
  problems: number;
  /** True when the request was cancelled before every file was checked. */
  cancelled: boolean;
}
export const CheckFilesRequest = new RequestType<CheckFilesParams, CheckFilesResult, void>('releasePages/checkFiles');

/** Arguments of the code lens command `releasePages.showTableSummary` (a client command). */
export interface TableSummaryArgs {
  uri: string;
  startLine: number;
  endLine: number;
  /** The first problem in the table, else the first Must feature not Green. */
  revealLine: number;
}

/** The status model of an open document, for the status preview (`today` `YYYY-MM-DD`: the client's day). */
export interface PageStatusParams {
  uri: string;
  today: string;
}
export interface PageStatusResult {
  /** The document version the model was built from. */
  version: number;
  status: PageStatus;
}
export const PageStatusRequest = new RequestType<PageStatusParams, PageStatusResult | null, void>('releasePages/pageStatus');

/** What changed on an open document since a base version of it (its text at a revision, read by the client from Git). */
export interface PageChangesParams {
  uri: string;
  today: string;
  baseText: string;
  base: ChangesSide;
}
export interface PageChangesResult {
  version: number;
  changes: PageChanges;
}
export const PageChangesRequest = new RequestType<PageChangesParams, PageChangesResult | null, void>('releasePages/pageChanges');

/** One feature's status over versions of an open document (newest first; the client reads them from Git). */
export interface FeatureHistoryParams {
  uri: string;
  today: string;
  name: string;
  versions: Array<{ commit: string; date: string | null; text: string }>;
}
export const FeatureHistoryRequest = new RequestType<FeatureHistoryParams, FeatureHistory | null, void>('releasePages/featureHistory');

/** Edits that format the GFM tables of a document (the commands "Format table at cursor" / "Format all tables"). */
export interface FormatTablesParams {
  uri: string;
  /** Only the table at this position; every table of the document when absent. */
  position?: { line: number; character: number };
}
export interface FormatTablesResult {
  version: number | null;
  /** Tables formatted (0: no table at the position). */
  tables: number;
  /** Only the changed parts of changed lines; empty when the tables are already formatted. */
  edits: TextEdit[];
}
export const FormatTablesRequest = new RequestType<FormatTablesParams, FormatTablesResult, void>('releasePages/formatTables');

/** Facts about the running server (the crash-recovery test finds the process to kill with it). */
export interface ServerInfo {
  /** The server's process id; null in a web worker (vscode.dev, github.dev), which has none. */
  pid: number | null;
  /** Milliseconds since the server started. */
  uptimeMs: number;
  /** Where the server runs: a Node process, or a web worker of the browser. */
  host: 'node' | 'web';
}
export const ServerInfoRequest = new RequestType0<ServerInfo, void>('releasePages/serverInfo');

/**
 * Configuration files for the web server (vscode.dev, github.dev, any virtual file system): the client
 * reads them through `vscode.workspace.fs` and hands their texts over, since a web worker reads no disk.
 * `text` is null when the file could not be read, with `problem` saying why (e.g. larger than 1 MB).
 */
export interface ConfigFileText {
  uri: string;
  text: string | null;
  problem?: string;
}
export interface ConfigFilesParams {
  /** Every `.release-pages.yaml`, `.yml` or `.json` in the workspace folders (a full snapshot: files not listed do not exist). */
  files: ConfigFileText[];
}
/** Client → web server: the configuration files of the workspace, at start (`initializationOptions.configFiles`) and after each change. */
export const ConfigFilesNotification = new NotificationType<ConfigFilesParams>('releasePages/configFiles');
export interface ReadConfigFilesParams {
  uris: string[];
}
/** Web server → client: read the files an `extends` names (inside the workspace folders), within the same size limit. */
export const ReadConfigFilesRequest = new RequestType<ReadConfigFilesParams, ConfigFilesParams, void>('releasePages/readConfigFiles');
/** What the web server reads from `initializationOptions`. */
export interface WebInitializationOptions {
  configFiles?: ConfigFileText[];
  /** URI of the extension's `docs/rules/` folder (each diagnostic links its rule's page). */
  ruleDocsRoot?: string;
}
/** The configuration file names, nearest first in each folder (the Node server's lookup order). */
export const CONFIG_FILE_NAMES = ['.release-pages.yaml', '.release-pages.yml', '.release-pages.json'] as const;
/** The largest configuration file read, in bytes (the Node server's limit). */
export const CONFIG_FILE_MAX_BYTES = 1024 * 1024;

/**
 * The URI schemes of the pages a client syncs: files and untitled documents, and in the browser or a
 * virtual workspace GitHub's (`vscode-vfs`), code-server's (`vscode-remote`) and in-memory ones. The
 * server registers its formatting providers for the same schemes.
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web', 'memfs'] as const;

/** Operations of spreadsheet table editing (the `releasePages.table.*` commands and keys). */
export type TableEditOp =
  | TableOp
  /** Tabular text (`args.text`: CSV, TSV or an HTML table) as a Markdown table replacing `args.range`. */
  | 'convert'
  /** Body rows put in the order `args.lines` lists them (the status preview's "Apply to the page"). */
  | 'reorderRows';

/** An edit of the table at `position` of an open document (or, for `convert`, of `args.range`). */
export interface TableEditParams {
  uri: string;
  /** The document version the client sees; the answer is for the version it names. */
  version: number;
  position: { line: number; character: number };
  op: TableEditOp;
  args?: {
    /** `alignColumn`. */
    align?: 'left' | 'center' | 'right' | null;
    /** `convert`: the tabular text and the range it replaces. */
    text?: string;
    range?: { start: { line: number; character: number }; end: { line: number; character: number } };
    /** `reorderRows`: source lines of body rows, in their new order. */
    lines?: number[];
    /** `convert`: how to read `text` (detected when absent). */
    kind?: 'csv' | 'tsv' | 'html';
  };
}
export interface TableEditResult {
  version: number;
  /** Null: no table at the position (or, for `convert`, text that is not tabular). */
  edits: TextEdit[] | null;
  /** Where the cursor goes after the edits. */
  cursor: { line: number; character: number } | null;
  /** The table's lines after the edits. */
  table?: { start: number; end: number };
  /** Why nothing changed (the header row cannot be deleted…). */
  note?: string;
  /** The column type a sort read: date, status, priority, number or text. */
  sortedAs?: string;
  /** `copyCsv`: the CSV; `convert`: the Markdown table. */
  text?: string;
}
export const TableEditRequest = new RequestType<TableEditParams, TableEditResult | null, void>('releasePages/tableEdit');

/** Sent after each check of a document: the line ranges (inclusive) of its GFM tables, so the client knows when the cursor is in one. */
export interface TablesParams {
  uri: string;
  version: number;
  tables: Array<[number, number]>;
}
export const TablesNotification = new NotificationType<TablesParams>('releasePages/tables');
