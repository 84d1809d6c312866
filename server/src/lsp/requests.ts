/** Custom requests: page summary (status item) and fix-all edits. */
import { selectFixEdits, fixAllGroups } from '../core/fix';
import type { Severity } from '../core/types';
import { FixAllRequest, PageSummaryRequest } from '../protocol';
import type { ServerState } from './state';

export function registerRequests(state: ServerState): void {
  state.connection.onRequest(PageSummaryRequest, ({ uri }) => {
    const r = state.checkUri(uri);
    if (!r) return null;
    const count = (s: Severity): number => r.findings.filter((f) => f.severity === s).length;
    return { isReleasePage: r.isReleasePage, kind: r.page.kind, title: r.page.title, errors: count('error'), warnings: count('warning'), infos: count('information') };
  });

  state.connection.onRequest(FixAllRequest, ({ uri, rule }) => {
    const doc = state.documents.get(uri);
    if (!doc) return { version: null, edits: [] };
    return { version: doc.version, edits: selectFixEdits(doc.getText(), fixAllGroups(state.check(doc).findings, rule)) };
  });
}
