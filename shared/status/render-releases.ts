/**
 * Releases of per-version phase tables (support-policy pages) as horizontal bars: one row per version,
 * from its first dated phase to its last, a coloured segment per phase, every release of the page on
 * one time axis (each table a row group) with today marked and ticks per year, quarter or month. The layout is an HTML table (the version is the
 * row header) with an SVG per row whose geometry is in attributes only, so no script and no inline
 * style is needed (the preview's CSP allows neither). Each bar has a text alternative (its `aria-label`)
 * and the last column says in words where the release is today.
 */
import { isoDay } from '../calendar';
import { ENGLISH, type Language, type Translate } from '../l10n';
import { calendarTicks, isoOfDay, spanOf, type Span, type Tick } from './axis';
import { bdi, esc, hole, holes, isolate, lineAttr, lineTitle, num } from './html';
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

const LEGEND_CLASSES = ['pre', 'active', 'maintenance', 'other', 'eol'] as const;

function legendText(cls: (typeof LEGEND_CLASSES)[number], t: Translate): string {
  switch (cls) {
    case 'pre':
      return t('Pre-release');
    case 'active':
      return t('Released, active');
    case 'maintenance':
      return t('Maintenance');
    case 'other':
      return t('Other phase');
    case 'eol':
      return t('End of life');
  }
}

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

/** A phase in the state column: the common word for the known phases, else the page's label. */
function stateWord(p: Phase, t: Translate): string {
  switch (phaseClass(p.kind)) {
    case 'pre':
      return t('Pre-release');
    case 'active':
      return t('Active');
    case 'maintenance':
      return t('Maintenance');
    default:
      return isolate(p.label);
  }
}

/** Where the release is on the as-of day, in words: `Maintenance until 2025-02-28`, `Ended 2024-06-28`. */
export function stateToday(r: ReleaseSpan, today: number, t: Translate = ENGLISH.t): { text: string; ended: boolean } {
  const segs = segments(r);
  if (segs.length === 0) return { text: t('No dates'), ended: false };
  if (today < segs[0].from) return { text: t('{0} on {1}', isolate(segs[0].phase.label), isoOfDay(segs[0].from)), ended: false };
  const now = segs.filter((g) => g.from <= today).at(-1) ?? segs[0];
  if (now.to !== null) return { text: t('{0} until {1}', stateWord(now.phase, t), isoOfDay(now.to)), ended: false };
  if (now.open) return { text: t('{0} since {1}', stateWord(now.phase, t), isoOfDay(now.from)), ended: false };
  const ended = phaseClass(now.phase.kind) === 'eol';
  return { text: ended ? t('Ended {0}', isoOfDay(now.from)) : `${isolate(now.phase.label)} ${isoOfDay(now.from)}`, ended };
}

/** The bar's text alternative: every phase with its date, undated ones said so. */
function describe(r: ReleaseSpan, today: number, t: Translate): string {
  const phases = r.phases.map(
    (p) => `${isolate(p.label)} ${p.date?.iso ?? (p.date ? t('{0} (not a date)', isolate(p.date.text)) : t('no date'))}`,
  );
  return `${isolate(r.version)}: ${phases.join(', ') || t('no phases')}. ${stateToday(r, today, t).text}.`;
}

function vline(cls: string, at: number, y1: number, y2: number): string {
  return `<line class="${cls}" x1="${num(at)}%" x2="${num(at)}%" y1="${y1}" y2="${y2}"></line>`;
}

function tickLines(ticks: readonly Tick[], x: (d: number) => number, y1: number, y2: number): string {
  return ticks.map((t) => vline('rp-tick', x(t.day), y1, y2)).join('');
}

function bar(r: ReleaseSpan, span: Span, today: number, x: (d: number) => number, t: Translate): string {
  const parts: string[] = [tickLines(calendarTicks(span.lo, span.hi), x, 0, ROW_HEIGHT)];
  for (const g of segments(r)) {
    const cls = phaseClass(g.phase.kind);
    const days = g.to !== null ? t('{0} to {1}', isoOfDay(g.from), isoOfDay(g.to)) : isoOfDay(g.from);
    const title = `<title>${esc(`${isolate(g.phase.label)}: ${days}`)}</title>`;
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
  return `<svg class="rp-gantt-bar" width="100%" height="${ROW_HEIGHT}" role="img" aria-label="${esc(describe(r, today, t))}">${parts.join('')}</svg>`;
}

/** The axis row: tick labels, and today's label (or an arrow to it when it is off the axis). */
function axisRow(s: PageStatus, span: Span, today: number, x: (d: number) => number, language: Language): string {
  const ticks = calendarTicks(span.lo, span.hi, language.tag, language.t);
  const label = esc(language.t('Today {0}', s.asOf));
  const labels = ticks.map((t) => `<text class="rp-tick-label" x="${num(x(t.day))}%" y="28" text-anchor="middle">${esc(t.label)}</text>`);
  let todayLabel: string;
  if (span.todayInside) {
    const tx = x(today);
    const anchor = tx < 10 ? 'start' : tx > 90 ? 'end' : 'middle';
    todayLabel = `<text class="rp-today-label" x="${num(tx)}%" y="11" text-anchor="${anchor}">${label}</text>${vline('rp-today', tx, 14, 34)}`;
  } else {
    const after = today > span.hi;
    todayLabel = `<text class="rp-today-label" x="${after ? RIGHT : LEFT}%" y="11" text-anchor="${after ? 'end' : 'start'}">${after ? `${label} →` : `← ${label}`}</text>`;
  }
  return `<svg class="rp-gantt-axis" width="100%" height="34" aria-hidden="true">${tickLines(ticks, x, 18, 34)}${labels.join('')}${todayLabel}</svg>`;
}

function row(r: ReleaseSpan, span: Span, today: number, x: (d: number) => number, interactive: boolean, t: Translate): string {
  const state = stateToday(r, today, t);
  const undated = r.phases.filter((p) => !p.date?.iso).length;
  const note = undated
    ? ` <span class="rp-muted">(${esc(undated === 1 ? t('{0} phase without a date', undated) : t('{0} phases without a date', undated))})</span>`
    : '';
  const version = interactive
    ? `<button type="button" class="rp-jump rp-link"${lineAttr(r.line)} title="${lineTitle(r.line, t)}">${bdi(r.version)}</button>`
    : bdi(r.version);
  return (
    `<tr class="rp-gantt-row${state.ended ? ' rp-ended' : ''}"${lineAttr(r.line)}>` +
    `<th scope="row" class="rp-gantt-version">${version}</th>` +
    `<td class="rp-gantt-cell">${bar(r, span, today, x, t)}</td>` +
    `<td class="rp-gantt-state">${esc(state.text)}${note}</td></tr>`
  );
}

/** Every release of the page on one axis; each table a row group of its own, in page order. */
function chart(s: PageStatus, tables: ReadonlyArray<readonly ReleaseSpan[]>, interactive: boolean, language: Language): string {
  const t = language.t;
  const today = isoDay(s.asOf);
  const all = tables.flat();
  const days = all.flatMap((r) => segments(r).flatMap((g) => [g.from, ...(g.to !== null ? [g.to] : [])]));
  if (days.length === 0)
    return `<p class="rp-muted">${holes(all.length === 1 ? t('{0} release without a dated phase: {1}.', all.length, hole(0)) : t('{0} releases without a dated phase: {1}.', all.length, hole(0)), all.map((r) => bdi(r.version)).join(', '))}</p>`;
  const span = spanOf(days, today, 90);
  const x = (d: number): number => LEFT + ((d - span.lo) / (span.hi - span.lo)) * (RIGHT - LEFT);
  const head =
    `<thead><tr><th scope="col" class="rp-gantt-version">${esc(t('Version'))}</th>` +
    `<th scope="col" class="rp-gantt-cell"><span class="rp-sr">${esc(t('Phases from {0} to {1}', isoOfDay(span.lo), isoOfDay(span.hi)))}</span>${axisRow(s, span, today, x, language)}</th>` +
    `<th scope="col" class="rp-gantt-state">${esc(t('Today'))}</th></tr></thead>`;
  const bodies = tables.map((rows) => `<tbody>${rows.map((r) => row(r, span, today, x, interactive, t)).join('')}</tbody>`);
  return `<table class="rp-gantt">${head}${bodies.join('')}</table>`;
}

function legend(releases: readonly ReleaseSpan[], t: Translate): string {
  const used = new Set(releases.flatMap((r) => r.phases.filter((p) => p.date?.iso).map((p) => phaseClass(p.kind))));
  const items = LEGEND_CLASSES.filter((cls) => used.has(cls)).map(
    (cls) => `<li><span class="rp-swatch rp-sw-${cls}" aria-hidden="true"></span>${esc(legendText(cls, t))}</li>`,
  );
  return `<ul class="rp-legend">${items.join('')}<li><span class="rp-swatch rp-sw-today" aria-hidden="true"></span>${esc(t('Today'))}</li></ul>`;
}

export function renderReleases(s: PageStatus, interactive: boolean, language: Language = ENGLISH): string {
  if (s.releases.length === 0) return '';
  const t = language.t;
  const tables = new Map<number, ReleaseSpan[]>();
  for (const r of s.releases) {
    const rows = tables.get(r.tableLine);
    if (rows) rows.push(r);
    else tables.set(r.tableLine, [r]);
  }
  return `<section class="rp-section rp-releases-section" aria-labelledby="rp-h-releases"><h2 id="rp-h-releases">${esc(t('Releases'))} <span class="rp-count">${s.releases.length}</span></h2>${legend(s.releases, t)}${chart(s, [...tables.values()], interactive, language)}</section>`;
}
