/** Custom requests: page summary (status item), fix-all edits and server info. */
import { tableSummaries } from '../core/editor/lens';
import { selectFixEdits, fixAllGroups } from '../core/fix';
import type { Severity } from '../core/types';
import { FixAllRequest, PageSummaryRequest, ServerInfoRequest } from '../protocol';
import type { ServerState } from './state';

export function registerRequests(state: ServerState): void {
  state.connection.onRequest(PageSummaryRequest, ({ uri }) => {
    const r = state.checkUri(uri);
    if (!r) return null;
    const count = (s: Severity): number => r.findings.filter((f) => f.severity === s).length;
    const doc = state.documents.get(uri);
    const tables = doc && r.isReleasePage ? tableSummaries(r.page, state.analyse(doc).config) : [];
    return {
      isReleasePage: r.isReleasePage, kind: r.page.kind, title: r.page.title, errors: count('error'), warnings: count('warning'), infos: count('information'),
      gaDate: r.page.gaDate?.token.text ?? null,
      features: tables.reduce((n, t) => n + t.features, 0),
      mustNotGreen: tables.reduce((n, t) => n + t.mustNotGreen, 0),
    };
  });

  state.connection.onRequest(ServerInfoRequest, () => ({ pid: process.pid, uptimeMs: Math.round(process.uptime() * 1000) }));

  state.connection.onRequest(FixAllRequest, ({ uri, rule }) => {
    const doc = state.documents.get(uri);
    if (!doc) return { version: null, edits: [] };
    return { version: doc.version, edits: selectFixEdits(doc.getText(), fixAllGroups(state.check(doc).findings, rule)) };
  });
}
