/**
 * Releases of per-version phase tables (support-policy pages) as horizontal bars: one row per version,
 * from its first dated phase to its last, a coloured segment per phase, every release of the page on
 * one time axis (each table a row group) with today marked and ticks per year, quarter or month. The layout is an HTML table (the version is the
 * row header) with an SVG per row whose geometry is in attributes only, so no script and no inline
 * style is needed (the preview's CSP allows neither). Each bar has a text alternative (its `aria-label`)
 * and the last column says in words where the release is today.
 */
import { isoDay } from '../calendar';
import { calendarTicks, isoOfDay, spanOf, type Span, type Tick } from './axis';
import { bdi, esc, isolate, lineAttr, num, plural } from './html';
import type { PageStatus, ReleaseSpan } from './model';

const LEFT = 1;
const RIGHT = 99;
const ROW_HEIGHT = 22;
const BAR_Y = 5;
const BAR_HEIGHT = 12;

type Phase = ReleaseSpan['phases'][number];

/** A phase kind as a class name (the kinds are validated as `[a-z-]+`); pre-release kinds share a colour. */
const PHASE_CLASS: Record<string, string> = {
  start: 'pre',
  alpha: 'pre',
  freeze: 'pre',
  beta: 'pre',
  'test-day': 'pre',
  rc: 'pre',
  ga: 'active',
  maintenance: 'maintenance',
  eol: 'eol',
};

const LEGEND: Array<[string, string]> = [
  ['pre', 'Pre-release'],
  ['active', 'Released, active'],
  ['maintenance', 'Maintenance'],
  ['other', 'Other phase'],
  ['eol', 'End of life'],
];

function phaseClass(kind: string): string {
  return PHASE_CLASS[kind] ?? 'other';
}

/**
 * A segment of a bar: a phase from its day to the next dated phase's day. The last dated phase has no
 * `to`: an end of life is a mark at its day; a phase followed by phases written without a date is
 * `open` (going on as far as the page says) and runs on to the axis' end, faded; a phase the row ends
 * with (a table of release dates only) is a dot at its day.
 */
export interface Segment {
  phase: Phase;
  from: number;
  to: number | null;
  open: boolean;
}

/** The dated phases of a release in column order, each up to the next dated one. */
export function segments(r: ReleaseSpan): Segment[] {
  const out: Segment[] = [];
  r.phases.forEach((phase, i) => {
    const last = i === r.phases.length - 1;
    if (!phase.date?.iso) return;
    const from = isoDay(phase.date.iso);
    const next = r.phases.slice(i + 1).find((p) => p.date?.iso);
    const to = next?.date?.iso ? isoDay(next.date.iso) : null;
    const end = to !== null && to >= from ? to : null;
    out.push({ phase, from, to: end, open: end === null && !last && phaseClass(phase.kind) !== 'eol' });
  });
  return out;
}

const STATE_WORDS: Record<string, string> = { pre: 'Pre-release', active: 'Active', maintenance: 'Maintenance' };

/** A phase in the state column: the common word for the known phases, else the page's label. */
function stateWord(p: Phase): string {
  return STATE_WORDS[phaseClass(p.kind)] ?? isolate(p.label);
}

/** Where the release is on the as-of day, in words: `Maintenance until 2025-02-28`, `Ended 2024-06-28`. */
export function stateToday(r: ReleaseSpan, today: number): { text: string; ended: boolean } {
  const segs = segments(r);
  if (segs.length === 0) return { text: 'No dates', ended: false };
  if (today < segs[0].from) return { text: `${isolate(segs[0].phase.label)} on ${isoOfDay(segs[0].from)}`, ended: false };
  const now = segs.filter((g) => g.from <= today).at(-1) ?? segs[0];
  if (now.to !== null) return { text: `${stateWord(now.phase)} until ${isoOfDay(now.to)}`, ended: false };
  if (now.open) return { text: `${stateWord(now.phase)} since ${isoOfDay(now.from)}`, ended: false };
  const ended = phaseClass(now.phase.kind) === 'eol';
  return { text: ended ? `Ended ${isoOfDay(now.from)}` : `${isolate(now.phase.label)} ${isoOfDay(now.from)}`, ended };
}

/** The bar's text alternative: every phase with its date, undated ones said so. */
function describe(r: ReleaseSpan, today: number): string {
  const phases = r.phases.map((p) => `${isolate(p.label)} ${p.date?.iso ?? (p.date ? `${isolate(p.date.text)} (not a date)` : 'no date')}`);
  return `${isolate(r.version)}: ${phases.join(', ') || 'no phases'}. ${stateToday(r, today).text}.`;
}

function vline(cls: string, at: number, y1: number, y2: number): string {
  return `<line class="${cls}" x1="${num(at)}%" x2="${num(at)}%" y1="${y1}" y2="${y2}"></line>`;
}

function tickLines(ticks: readonly Tick[], x: (d: number) => number, y1: number, y2: number): string {
  return ticks.map((t) => vline('rp-tick', x(t.day), y1, y2)).join('');
}

function bar(r: ReleaseSpan, span: Span, today: number, x: (d: number) => number): string {
  const parts: string[] = [tickLines(calendarTicks(span.lo, span.hi), x, 0, ROW_HEIGHT)];
  for (const g of segments(r)) {
    const cls = phaseClass(g.phase.kind);
    const title = `<title>${esc(`${isolate(g.phase.label)}: ${isoOfDay(g.from)}${g.to !== null ? ` to ${isoOfDay(g.to)}` : ''}`)}</title>`;
    const x1 = x(g.from);
    if (g.to !== null && cls !== 'eol') {
      parts.push(
        `<rect class="rp-ph rp-ph-${cls}" x="${num(x1)}%" y="${BAR_Y}" width="${num(Math.max(0.3, x(g.to) - x1))}%" height="${BAR_HEIGHT}">${title}</rect>`,
      );
    } else if (g.open) {
      parts.push(
        `<rect class="rp-ph rp-ph-${cls} rp-ph-open" x="${num(x1)}%" y="${BAR_Y}" width="${num(Math.max(0.3, RIGHT - x1))}%" height="${BAR_HEIGHT}">${title}</rect>`,
      );
    } else if (cls !== 'eol') {
      parts.push(`<circle class="rp-ph-dot rp-ph-${cls}" cx="${num(x1)}%" cy="${BAR_Y + BAR_HEIGHT / 2}" r="5">${title}</circle>`);
    } else {
      parts.push(
        `<rect class="rp-ph-mark rp-ph-${cls}" x="${num(x1 - 0.25)}%" y="${BAR_Y - 3}" width="0.5%" height="${BAR_HEIGHT + 6}">${title}</rect>`,
      );
    }
  }
  if (span.todayInside) parts.push(vline('rp-today', x(today), 0, ROW_HEIGHT));
  return `<svg class="rp-gantt-bar" width="100%" height="${ROW_HEIGHT}" role="img" aria-label="${esc(describe(r, today))}">${parts.join('')}</svg>`;
}

/** The axis row: tick labels, and today's label (or an arrow to it when it is off the axis). */
function axisRow(s: PageStatus, span: Span, today: number, x: (d: number) => number): string {
  const ticks = calendarTicks(span.lo, span.hi);
  const labels = ticks.map((t) => `<text class="rp-tick-label" x="${num(x(t.day))}%" y="28" text-anchor="middle">${esc(t.label)}</text>`);
  let todayLabel: string;
  if (span.todayInside) {
    const tx = x(today);
    const anchor = tx < 10 ? 'start' : tx > 90 ? 'end' : 'middle';
    todayLabel = `<text class="rp-today-label" x="${num(tx)}%" y="11" text-anchor="${anchor}">Today ${esc(s.asOf)}</text>${vline('rp-today', tx, 14, 34)}`;
  } else {
    const after = today > span.hi;
    todayLabel = `<text class="rp-today-label" x="${after ? RIGHT : LEFT}%" y="11" text-anchor="${after ? 'end' : 'start'}">${after ? `Today ${esc(s.asOf)} →` : `← Today ${esc(s.asOf)}`}</text>`;
  }
  return `<svg class="rp-gantt-axis" width="100%" height="34" aria-hidden="true">${tickLines(ticks, x, 18, 34)}${labels.join('')}${todayLabel}</svg>`;
}

function row(r: ReleaseSpan, span: Span, today: number, x: (d: number) => number, interactive: boolean): string {
  const state = stateToday(r, today);
  const undated = r.phases.filter((p) => !p.date?.iso).length;
  const note = undated ? ` <span class="rp-muted">(${plural(undated, 'phase')} without a date)</span>` : '';
  const version = interactive
    ? `<button type="button" class="rp-jump rp-link"${lineAttr(r.line)} title="Line ${r.line + 1}">${bdi(r.version)}</button>`
    : bdi(r.version);
  return (
    `<tr class="rp-gantt-row${state.ended ? ' rp-ended' : ''}"${lineAttr(r.line)}>` +
    `<th scope="row" class="rp-gantt-version">${version}</th>` +
    `<td class="rp-gantt-cell">${bar(r, span, today, x)}</td>` +
    `<td class="rp-gantt-state">${esc(state.text)}${note}</td></tr>`
  );
}

/** Every release of the page on one axis; each table a row group of its own, in page order. */
function chart(s: PageStatus, tables: ReadonlyArray<readonly ReleaseSpan[]>, interactive: boolean): string {
  const today = isoDay(s.asOf);
  const all = tables.flat();
  const days = all.flatMap((r) => segments(r).flatMap((g) => [g.from, ...(g.to !== null ? [g.to] : [])]));
  if (days.length === 0)
    return `<p class="rp-muted">${plural(all.length, 'release')} without a dated phase: ${all.map((r) => bdi(r.version)).join(', ')}.</p>`;
  const span = spanOf(days, today, 90);
  const x = (d: number): number => LEFT + ((d - span.lo) / (span.hi - span.lo)) * (RIGHT - LEFT);
  const head =
    `<thead><tr><th scope="col" class="rp-gantt-version">Version</th>` +
    `<th scope="col" class="rp-gantt-cell"><span class="rp-sr">Phases from ${esc(isoOfDay(span.lo))} to ${esc(isoOfDay(span.hi))}</span>${axisRow(s, span, today, x)}</th>` +
    `<th scope="col" class="rp-gantt-state">Today</th></tr></thead>`;
  const bodies = tables.map((rows) => `<tbody>${rows.map((r) => row(r, span, today, x, interactive)).join('')}</tbody>`);
  return `<table class="rp-gantt">${head}${bodies.join('')}</table>`;
}

function legend(releases: readonly ReleaseSpan[]): string {
  const used = new Set(releases.flatMap((r) => r.phases.filter((p) => p.date?.iso).map((p) => phaseClass(p.kind))));
  const items = LEGEND.filter(([cls]) => used.has(cls)).map(
    ([cls, text]) => `<li><span class="rp-swatch rp-sw-${cls}" aria-hidden="true"></span>${esc(text)}</li>`,
  );
  return `<ul class="rp-legend">${items.join('')}<li><span class="rp-swatch rp-sw-today" aria-hidden="true"></span>Today</li></ul>`;
}

export function renderReleases(s: PageStatus, interactive: boolean): string {
  if (s.releases.length === 0) return '';
  const tables = new Map<number, ReleaseSpan[]>();
  for (const r of s.releases) {
    const rows = tables.get(r.tableLine);
    if (rows) rows.push(r);
    else tables.set(r.tableLine, [r]);
  }
  return `<section class="rp-section rp-releases-section" aria-labelledby="rp-h-releases"><h2 id="rp-h-releases">Releases <span class="rp-count">${s.releases.length}</span></h2>${legend(s.releases)}${chart(s, [...tables.values()], interactive)}</section>`;
}
