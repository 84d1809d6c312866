/** The status preview's request: the status model of an open document, built from its latest check. */
import { buildStatus, parseIsoDate, ymdOf } from '../core';
import { PageStatusRequest } from '../../../shared/protocol';
import type { ServerState } from './state';

export function registerStatusRequest(state: ServerState): void {
  state.connection.onRequest(PageStatusRequest, async ({ uri, today }) => {
    const p = await state.ready(uri);
    if (!p) return null;
    const { doc, result, config } = p;
    const day = (typeof today === 'string' ? parseIsoDate(today) : null) ?? ymdOf(new Date());
    return { version: doc.version, status: buildStatus(result, { today: day, config, problemList: false }) };
  });
}
