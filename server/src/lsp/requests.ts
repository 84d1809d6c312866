/** Custom requests: page summary (status item), fix-all edits and server info. */
import { eachFinding, explainDetection, fixAllEdits, type Severity, tableSummaries } from '../core';
import { today } from './language-features';
import { FixAllRequest, PageSummaryRequest, ServerInfoRequest, type ServerInfo } from '../../../shared/protocol';
import type { ServerState } from './state';

/** `info`: facts about the host the server runs in (a Node process, or a web worker). */
export function registerRequests(state: ServerState, info: () => ServerInfo): void {
  state.connection.onRequest(PageSummaryRequest, async ({ uri }) => {
    const p = await state.ready(uri);
    if (!p) return null;
    const r = p.result;
    const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    eachFinding(r, (f) => counts[f.severity]++);
    const count = (s: Severity): number => counts[s];
    const tables = r.isReleasePage ? tableSummaries(r.page, p.config, today()) : [];
    return {
      isReleasePage: r.isReleasePage,
      kind: r.page.kind,
      title: r.page.title,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('information'),
      gaDate: r.page.gaDate?.token.text ?? null,
      features: tables.reduce((n, t) => n + t.features, 0),
      mustNotGreen: tables.reduce((n, t) => n + t.mustNotGreen, 0),
      why: explainDetection(r.page.detection, r.isReleasePage),
    };
  });

  state.connection.onRequest(ServerInfoRequest, info);

  state.connection.onRequest(FixAllRequest, async ({ uri, rule }) => {
    const p = await state.ready(uri);
    if (!p) return { version: null, edits: [] };
    return { version: p.doc.version, edits: fixAllEdits(p.doc.getText(), p.result.findings, rule) };
  });
}
