/**
 * The timeline strip: every dated milestone on a time axis (one lane per timeline), the as-of day
 * marked, ranges drawn as bars, reschedules drawn from the struck dates to the current one, a slip from
 * the planned date (ghosted) to the actual one, and the same facts as a list. Rows of per-version phase
 * tables are drawn as release bars instead (`render-releases.ts`). SVG geometry uses attributes only
 * (no inline styles: the preview's CSP allows none).
 */
import { isoDay } from '../calendar';
import { ENGLISH, type Language, type Translate } from '../l10n';
import { isoOfDay, monthTicks, spanOf } from './axis';
import { bdi, esc, hole, holes, isolate, lineAttr, lineTitle, num, relativeDays } from './html';
import type { MilestoneStatus, PageStatus } from './model';
import { layoutRows, shortLabel, type Place } from './timeline-labels';

const LEFT = 3;
const RIGHT = 97;

interface Point {
  m: MilestoneStatus;
  /** Where the dot is: the actual date when there is one, else the date, else the last struck date. */
  day: number;
  /** A range's last day. */
  endDay: number | null;
  /** The planned day when the milestone happened on another day (the slip starts there). */
  planned: number | null;
  ghosts: number[];
}

/** A date as the tooltip says it: its day, a range's two days, or the text when it names no day. */
function when(d: MilestoneStatus['date'], t: Translate): string {
  if (!d) return t('no date');
  if (!d.iso) return t('{0} (not a date)', isolate(d.text));
  return d.endIso && d.endIso !== d.iso ? t('{0} to {1}', d.iso, d.endIso) : d.iso;
}

/** `+3 days`, `-1 day`, `on time`. */
export function slipText(days: number, t: Translate = ENGLISH.t): string {
  if (days === 0) return t('on time');
  const n = Math.abs(days);
  return `${days > 0 ? '+' : '−'}${n === 1 ? t('{0} day', n) : t('{0} days', n)}`;
}

function describe(m: MilestoneStatus, t: Translate): string {
  const rel = m.days !== null ? ` (${relativeDays(m.days, t)})` : '';
  const actual = m.actual ? `; ${t('actual {0}', when(m.actual, t))}${m.slipDays !== null ? ` (${slipText(m.slipDays, t)})` : ''}` : '';
  const moved = m.superseded.length ? `; ${t('moved from {0}', m.superseded.map((d) => d.iso ?? isolate(d.text)).join(', '))}` : '';
  const owner = m.owner ? `; ${t('owner {0}', isolate(m.owner))}` : '';
  const date = m.actual ? t('planned {0}', when(m.date, t)) : when(m.date, t);
  return `${isolate(m.label)}: ${date}${rel}${actual}${moved}${owner}${m.cancelled ? `; ${t('cancelled')}` : ''}`;
}

/**
 * The milestones drawn on the axis: dated ones at their date (at the actual date when the page keeps
 * one apart, the planned date ghosted), undated ones that moved at their last date.
 */
function timelinePoints(milestones: readonly MilestoneStatus[]): Point[] {
  const points: Point[] = [];
  for (const m of milestones) {
    const ghosts = m.superseded.flatMap((d) => (d.iso ? [isoDay(d.iso)] : []));
    const planned = m.date?.iso ? isoDay(m.date.iso) : null;
    const actual = m.actual?.iso ? isoDay(m.actual.iso) : null;
    const endDay = m.date?.iso && m.date.endIso && !actual ? isoDay(m.date.endIso) : null;
    const range = endDay !== null && planned !== null && endDay > planned ? endDay : null;
    if (actual !== null) points.push({ m, day: actual, endDay: null, planned: planned !== actual ? planned : null, ghosts });
    else if (planned !== null) points.push({ m, day: planned, endDay: range, planned: null, ghosts });
    else if (ghosts.length) points.push({ m, day: Math.max(...ghosts), endDay: null, planned: null, ghosts: ghosts.slice(0, -1) });
  }
  return points;
}

/** A slip: the planned date's ghost, an arrow from it to the actual date, and `+N days` above it. */
function slipParts(p: Point, axis: number, x: (d: number) => number, t: Translate): string[] {
  if (p.planned === null) return [];
  const days = p.day - p.planned;
  const [x1, x2] = [x(p.planned), x(p.day)];
  const title = `<title>${esc(describe(p.m, t))}</title>`;
  return [
    `<circle class="rp-ghost rp-planned" cx="${num(x1)}%" cy="${axis}" r="5"><title>${esc(`${isolate(p.m.label)}: ${t('planned {0}', isoOfDay(p.planned))}`)}</title></circle>`,
    `<line class="rp-slip" x1="${num(x1)}%" x2="${num(x2)}%" y1="${axis - 9}" y2="${axis - 9}">${title}</line>`,
    `<text class="rp-slip-head" x="${num(x2)}%" y="${axis - 6}" text-anchor="${days > 0 ? 'end' : 'start'}">${days > 0 ? '▶' : '◀'}</text>`,
    `<text class="rp-slip-text" x="${num((x1 + x2) / 2)}%" y="${axis - 13}" text-anchor="middle">${esc(slipText(days, t))}</text>`,
  ];
}

/** A moved milestone's earlier dates: a line from the first of them to the date, and a ghost dot at each. */
function rescheduleParts(p: Point, axis: number, x: (d: number) => number, t: Translate): string[] {
  if (!p.ghosts.length) return [];
  const from = Math.min(...p.ghosts);
  const parts = [
    `<line class="rp-resched" x1="${num(x(from))}%" x2="${num(x(p.day))}%" y1="${axis - 8}" y2="${axis - 8}"><title>${esc(describe(p.m, t))}</title></line>`,
  ];
  for (const g of p.ghosts)
    parts.push(
      `<circle class="rp-ghost" cx="${num(x(g))}%" cy="${axis}" r="4"><title>${esc(`${isolate(p.m.label)}: ${t('was {0}', isoOfDay(g))}`)}</title></circle>`,
    );
  return parts;
}

/** One milestone's dot, with its label where the layout found room for one. */
function milestoneDot(
  p: Point,
  place: Place | null | undefined,
  axis: number,
  x: (d: number) => number,
  s: PageStatus,
  today: number,
  interactive: boolean,
  t: Translate,
): string {
  const cls = [
    'rp-ms',
    `rp-k-${esc(p.m.kind)}`,
    p.day < today ? 'rp-past' : 'rp-future',
    p.m.cancelled || !p.m.date?.iso ? 'rp-cancelled' : '',
    s.next?.line === p.m.line ? 'rp-next' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const a11y = interactive ? ` tabindex="0" role="button" aria-label="${esc(describe(p.m, t))}"` : '';
  const label = place
    ? `<text class="rp-ms-text" x="${num(place.lx)}%" y="${axis + 20 + place.row * 14}" text-anchor="${place.anchor}">${esc(isolate(shortLabel(p.m, t)))}</text>`
    : '';
  const range =
    p.endDay !== null ? `<line class="rp-range" x1="${num(x(p.day))}%" x2="${num(x(p.endDay))}%" y1="${axis}" y2="${axis}"></line>` : '';
  return `<g class="${cls}"${lineAttr(p.m.line)}${a11y}><title>${esc(describe(p.m, t))}</title>${range}<circle cx="${num(x(p.day))}%" cy="${axis}" r="${p.m.kind === 'ga' ? 7 : 5}"></circle>${label}</g>`;
}

/** One timeline's lane from height y: its label (when there are several), axis, reschedules and dots; returns the next lane's y. */
function drawLane(
  lane: number,
  lanePoints: readonly Point[],
  y: number,
  multi: boolean,
  x: (d: number) => number,
  s: PageStatus,
  today: number,
  interactive: boolean,
  parts: string[],
  t: Translate,
): number {
  const rows = layoutRows(lanePoints, x, t);
  const used = Math.max(1, ...[...rows.values()].map((r) => (r ? r.row + 1 : 1)));
  const slips = lanePoints.some((p) => p.planned !== null) ? 14 : 0;
  const axis = y + (multi ? 18 : 10) + slips;
  if (multi)
    parts.push(
      `<text class="rp-lane-label" x="0.5%" y="${axis - 10}">${esc(isolate(lanePoints[0].m.release ?? t('Timeline {0}', lane + 1)))}</text>`,
    );
  parts.push(`<line class="rp-axis" x1="${LEFT - 1}%" x2="${RIGHT + 1}%" y1="${axis}" y2="${axis}"></line>`);
  for (const p of lanePoints) parts.push(...rescheduleParts(p, axis, x, t), ...slipParts(p, axis, x, t));
  for (const p of lanePoints) parts.push(milestoneDot(p, rows.get(p), axis, x, s, today, interactive, t));
  return axis + 12 + used * 14;
}

/** The today line and label when today is on the axis, else a label pointing off the axis. */
function todayParts(
  s: PageStatus,
  today: number,
  hi: number,
  todayInside: boolean,
  ticksY: number,
  x: (d: number) => number,
  t: Translate,
): string[] {
  const label = esc(t('Today {0}', s.asOf));
  if (todayInside) {
    const tx = x(today);
    const anchor = tx < 10 ? 'start' : tx > 90 ? 'end' : 'middle';
    return [
      `<line class="rp-today" x1="${num(tx)}%" x2="${num(tx)}%" y1="14" y2="${ticksY}"></line>`,
      `<text class="rp-today-label" x="${num(tx)}%" y="11" text-anchor="${anchor}">${label}</text>`,
    ];
  }
  const after = today > hi;
  return [
    `<text class="rp-today-label" x="${after ? RIGHT + 1 : LEFT - 1}%" y="11" text-anchor="${after ? 'end' : 'start'}">${after ? `${label} →` : `← ${label}`}</text>`,
  ];
}

function svg(s: PageStatus, milestones: readonly MilestoneStatus[], interactive: boolean, language: Language): string {
  const t = language.t;
  const today = isoDay(s.asOf);
  const points = timelinePoints(milestones);
  if (points.length === 0) return '';
  const days = points.flatMap((p) => [
    p.day,
    ...p.ghosts,
    ...(p.endDay !== null ? [p.endDay] : []),
    ...(p.planned !== null ? [p.planned] : []),
  ]);
  const { lo, hi, todayInside } = spanOf(days, today);
  const x = (d: number): number => LEFT + ((d - lo) / (hi - lo)) * (RIGHT - LEFT);
  const byLane = new Map<number, Point[]>();
  for (const p of points) {
    const lane = byLane.get(p.m.timeline);
    if (lane) lane.push(p);
    else byLane.set(p.m.timeline, [p]);
  }
  const lanes = [...byLane.keys()].sort((a, b) => a - b);
  const multi = lanes.length > 1;
  const parts: string[] = [];
  let y = 18;
  const laneTops: number[] = [];
  for (const lane of lanes) {
    laneTops.push(y);
    y = drawLane(lane, byLane.get(lane) ?? [], y, multi, x, s, today, interactive, parts, t);
  }
  const ticksY = y + 4;
  for (const tick of monthTicks(lo, hi, language.tag)) {
    parts.push(`<line class="rp-tick" x1="${num(x(tick.day))}%" x2="${num(x(tick.day))}%" y1="${laneTops[0]}" y2="${ticksY}"></line>`);
    parts.push(`<text class="rp-tick-label" x="${num(x(tick.day))}%" y="${ticksY + 12}" text-anchor="middle">${esc(tick.label)}</text>`);
  }
  const height = ticksY + 18;
  parts.push(...todayParts(s, today, hi, todayInside, ticksY, x, t));
  // Milestones first in document order for the parts that must be on top: dots are drawn after lines.
  return `<svg class="rp-timeline" width="100%" height="${height}" role="img" aria-label="${esc(points.length === 1 ? t('Timeline with {0} dated milestone; today is {1}', points.length, s.asOf) : t('Timeline with {0} dated milestones; today is {1}', points.length, s.asOf))}">${parts.join('')}</svg>`;
}

/** The date column of the list: the day (a range's two days), the text when it names no day. */
function listDate(d: MilestoneStatus['date'], t: Translate): string {
  if (!d) return `<span class="rp-muted">${esc(t('no date'))}</span>`;
  if (!d.iso) return `<span class="rp-warn-text">${bdi(d.text)}</span>`;
  return d.endIso && d.endIso !== d.iso ? `${esc(d.iso)} – ${esc(d.endIso)}` : esc(d.iso);
}

/** The planned date struck and the actual one with the slip, where the page keeps both; else the date. */
function listDates(m: MilestoneStatus, t: Translate): { date: string; slip: string } {
  if (m.actual?.iso && m.date?.iso && m.slipDays !== 0) {
    const late = m.slipDays !== null && m.slipDays > 0 ? ' rp-late' : '';
    const badge = m.slipDays !== null ? ` <span class="rp-slip-badge${late}">${esc(slipText(m.slipDays, t))}</span>` : '';
    return { date: `<del class="rp-planned-date">${listDate(m.date, t)}</del> ${listDate(m.actual, t)}`, slip: badge };
  }
  const onTime = m.slipDays === 0 ? ` <span class="rp-slip-badge">${esc(t('on time'))}</span>` : '';
  return {
    date: listDate(m.date, t),
    slip: m.actual && !onTime ? ` <span class="rp-moved">${holes(t('actual {0}', hole(0)), listDate(m.actual, t))}</span>` : onTime,
  };
}

function listItem(m: MilestoneStatus, s: PageStatus, multi: boolean, interactive: boolean, t: Translate): string {
  const state = !m.date?.iso ? 'rp-undated' : (m.days ?? 0) < 0 ? 'rp-past' : 'rp-future';
  const { date, slip } = listDates(m, t);
  const moved = m.superseded.length
    ? ` <span class="rp-moved">${holes(t('moved from {0}', hole(0)), m.superseded.map((d) => `<del>${bdi(d.iso ?? d.text)}</del>`).join(' '))}</span>`
    : '';
  const owner = m.owner ? ` <span class="rp-ms-owner">${bdi(m.owner)}</span>` : '';
  const rel = m.days !== null ? `<span class="rp-rel">${esc(relativeDays(m.days, t))}</span>` : '';
  const release = multi && m.release ? `<span class="rp-release">${bdi(m.release)}</span> ` : '';
  const label = m.cancelled ? `<del>${bdi(m.label)}</del> <span class="rp-muted">(${esc(t('cancelled'))})</span>` : bdi(m.label);
  const next = s.next?.line === m.line ? ' rp-next' : '';
  const inner = `<span class="rp-ms-date">${date}</span><span class="rp-ms-name">${release}${label}${slip}${moved}${owner}</span>${rel}`;
  const body = interactive
    ? `<button type="button" class="rp-jump"${lineAttr(m.line)} title="${lineTitle(m.line, t)}">${inner}</button>`
    : `<span class="rp-jump" title="${lineTitle(m.line, t)}">${inner}</span>`;
  return `<li class="rp-ms-item ${state}${next} rp-k-${esc(m.kind)}">${body}</li>`;
}

export function renderTimeline(s: PageStatus, interactive: boolean, language: Language = ENGLISH): string {
  const t = language.t;
  // Rows of per-version phase tables are drawn as release bars (renderReleases), not as lanes here.
  const bars = new Set(s.releases.map((r) => r.timeline));
  const milestones = bars.size ? s.milestones.filter((m) => !bars.has(m.timeline)) : s.milestones;
  if (milestones.length === 0)
    return bars.size
      ? ''
      : `<section class="rp-section rp-timeline-section" aria-labelledby="rp-h-timeline"><h2 id="rp-h-timeline">${esc(t('Timeline'))}</h2><p class="rp-muted">${esc(t('This page has no timeline of dated milestones.'))}</p></section>`;
  const order = [...milestones].sort(
    (a, b) => (a.date?.iso ? isoDay(a.date.iso) : Infinity) - (b.date?.iso ? isoDay(b.date.iso) : Infinity) || a.line - b.line,
  );
  const multi = new Set(milestones.map((m) => m.timeline)).size > 1;
  const undated = milestones.filter((m) => !m.date?.iso).length;
  const note = undated
    ? `<p class="rp-note rp-warn-text">${esc(undated === 1 ? t('{0} milestone has no date.', undated) : t('{0} milestones have no date.', undated))}</p>`
    : '';
  return `<section class="rp-section rp-timeline-section" aria-labelledby="rp-h-timeline"><h2 id="rp-h-timeline">${esc(t('Timeline'))}</h2>${svg(s, milestones, interactive, language)}${note}<ol class="rp-ms-list">${order.map((m) => listItem(m, s, multi, interactive, t)).join('')}</ol></section>`;
}
