/**
 * Custom messages between the client and the server, typed once here and imported by both sides.
 * Only `vscode-languageserver-protocol` types: no `vscode`, no server internals.
 */
import { RequestType, NotificationType } from 'vscode-languageserver-protocol';
import type { TextEdit } from 'vscode-languageserver-protocol';

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
}
export const PageSummaryRequest = new RequestType<PageSummaryParams, PageSummary | null, void>('releasePages/pageSummary');

/** Sent by the server after it published diagnostics for a document (used by the status item and by tests). */
export interface ValidatedParams {
  uri: string;
  version: number | null;
  count: number;
}
export const ValidatedNotification = new NotificationType<ValidatedParams>('releasePages/validated');
