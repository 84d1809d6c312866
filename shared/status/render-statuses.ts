/**
 * The status values of the dashboard's tables with their counts (`On track 6 · At risk 3 · Blocked 2`),
 * shown when the values are not simply the colours' names (an oVirt table's Green / Orange / Red is
 * already told by the tiles). In the preview each value filters the feature table.
 */
import { english } from '../l10n';
import { chip, colourName, esc, isolate } from './html';
import type { CountGroup, PageStatus, StatusColour } from './model';
import { words, type RenderOptions } from './render-sections';

const DRAWN: readonly StatusColour[] = ['green', 'orange', 'red', 'other'];

/** The colour most of a group's rows are drawn in. */
function colourOf(g: CountGroup): StatusColour {
  let best: StatusColour = 'other';
  for (const c of DRAWN) if (g.counts[c] > g.counts[best]) best = c;
  return best;
}

/** Whether the values say more than the colour tiles: one of them is not the name of its colour. */
export function hasStatusValues(s: PageStatus): boolean {
  return s.byStatus.some((g) => g.name !== null && g.name.toLowerCase() !== colourName(colourOf(g), english).toLowerCase());
}

export function renderStatusValues(s: PageStatus, o: RenderOptions): string {
  if (!hasStatusValues(s)) return '';
  const t = words(o);
  const items = s.byStatus
    .map((g, i) => {
      if (g.name === null) return '';
      const inner = `${chip(colourOf(g), t, g.name)} <span class="rp-count">${g.counts.total}</span>`;
      return o.interactive
        ? `<li><button type="button" class="rp-status-value" data-filter-status="${i}" title="${esc(t('Show the features with status {0}', isolate(g.name)))}">${inner}</button></li>`
        : `<li class="rp-status-value">${inner}</li>`;
    })
    .join('');
  return `<div class="rp-status-values"><h3>${esc(t('Status values'))}</h3><ul class="rp-status-list">${items}</ul></div>`;
}

/** The name of a `byStatus` group, for a status filter (a value never `null`: unset rows are filtered by colour). */
export function statusGroupName(s: PageStatus, index: number): string | null {
  const g = s.byStatus.at(index);
  return g && index >= 0 ? g.name : null;
}
