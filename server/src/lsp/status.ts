/** The status preview's request: the status model of an open document, built from its latest check. */
import { parseIsoDate } from '../core/dates';
import { buildStatus, ymdOf } from '../core/status';
import { PageStatusRequest } from '../protocol';
import type { ServerState } from './state';

export function registerStatusRequest(state: ServerState): void {
  state.connection.onRequest(PageStatusRequest, ({ uri, today }) => {
    const doc = state.documents.get(uri);
    if (!doc) return null;
    const { result, config } = state.analyse(doc);
    const day = (typeof today === 'string' ? parseIsoDate(today) : null) ?? ymdOf(new Date());
    return { version: doc.version, status: buildStatus(result, { today: day, config }) };
  });
}
