/**
 * The preview's history requests: what changed on an open document since a base version (the client
 * reads the base from Git and sends its text), and one feature's status over versions of the page.
 * A few lines over the core's comparison and history.
 */
import { buildStatus, compareStatus, Engine, featureHistory, parseIsoDate, ymdOf } from '../core';
import { FeatureHistoryRequest, PageChangesRequest } from '../../../shared/protocol';
import { t } from './l10n';
import { toIso } from '../../../shared/calendar';
import type { ServerState } from './state';

/** At most this many versions of a page in one history request. */
const MAX_VERSIONS = 500;

export function registerChangesRequests(state: ServerState): void {
  state.connection.onRequest(PageChangesRequest, async ({ uri, today, baseText, base }) => {
    const p = await state.ready(uri);
    if (!p || typeof baseText !== 'string') return null;
    const day = (typeof today === 'string' ? parseIsoDate(today) : null) ?? ymdOf(new Date());
    const options = { today: day, config: p.config, problemList: false };
    const before = buildStatus(new Engine().check(baseText, { config: p.config, force: true }), options);
    const after = buildStatus(p.result, options);
    return {
      version: p.doc.version,
      changes: compareStatus(before, after, { base, head: { label: t('this editor'), commit: null, date: null } }),
    };
  });
  state.connection.onRequest(FeatureHistoryRequest, async ({ uri, today, name, versions }) => {
    const p = await state.ready(uri);
    if (!p || typeof name !== 'string' || !Array.isArray(versions)) return null;
    const day = (typeof today === 'string' ? parseIsoDate(today) : null) ?? ymdOf(new Date());
    // The editor's text is the page as of the preview's day: its chip is dated so.
    const current = [{ commit: 'this editor', date: toIso(day.year, day.month, day.day), text: p.doc.getText() }];
    return featureHistory([...current, ...versions.slice(0, MAX_VERSIONS)], { name }, { today: day, config: p.config });
  });
}
