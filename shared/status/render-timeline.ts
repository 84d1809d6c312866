/**
 * The timeline strip: milestones on a time axis (one lane per timeline), the as-of day marked,
 * reschedules drawn from the struck dates to the current one, and the same facts as a list. SVG
 * geometry uses attributes only (no inline styles: the preview's CSP allows none).
 */
import { fromDayNumber, isoDay, monthName, toIso } from '../calendar';
import { bdi, esc, isolate, lineAttr, num, relativeDays } from './html';
import type { MilestoneStatus, PageStatus } from './model';

const NOMINAL_WIDTH = 560; // px the label layout assumes; the strip stretches to the panel
const CHAR_PX = 6.6;
const MAX_ROWS = 3;
const LEFT = 3;
const RIGHT = 97;

interface Point {
  m: MilestoneStatus;
  day: number;
  ghosts: number[];
}

/** Where a milestone's label goes: its row under the axis, its text anchor and x (percent). */
type Place = { row: number; anchor: string; lx: number };

export function shortLabel(m: MilestoneStatus): string {
  if (m.label.length <= 14) return m.label;
  const n = m.label.match(/\b(\d+)\b/)?.[1] ?? m.label.match(/\b(first|second|third|fourth)\b/i)?.[1].toLowerCase() ?? '';
  const ord = ({ first: '1', second: '2', third: '3', fourth: '4' } as Record<string, string>)[n] ?? n;
  switch (m.kind) {
    case 'ga':
      return 'GA';
    case 'rc':
      return `RC${ord}`;
    case 'beta':
      return `Beta ${ord}`.trim();
    case 'alpha':
      return `Alpha ${ord}`.trim();
    case 'freeze':
      return 'Feature freeze';
    case 'test-day':
      return `Test day ${ord}`.trim();
    default:
      return `${m.label.slice(0, 13).trimEnd()}…`;
  }
}

function tickDays(lo: number, hi: number): Array<{ day: number; label: string }> {
  const start = fromDayNumber(lo);
  const ticks: Array<{ day: number; label: string; month: number; year: number }> = [];
  let y = start.year;
  let mo = start.month + 1;
  for (;;) {
    if (mo > 12) {
      mo = 1;
      y++;
    }
    const day = isoDay(toIso(y, mo, 1));
    if (day > hi) break;
    ticks.push({ day, label: '', month: mo, year: y });
    mo++;
  }
  const step = Math.max(1, Math.ceil(ticks.length / 8));
  const yearly = step >= 12;
  return ticks
    .filter((t) => (yearly ? t.month === 1 : (t.month - 1) % step === 0))
    .map((t, i) => ({
      day: t.day,
      label: yearly ? String(t.year) : `${monthName(t.month, 'short')}${i === 0 || t.month === 1 ? ` ${t.year}` : ''}`,
    }));
}

/** Greedy rows for labels: the first row whose last label ends before this one starts. */
function layoutRows(points: readonly Point[], x: (d: number) => number): Map<Point, Place | null> {
  const ends: number[] = [];
  const out = new Map<Point, Place | null>();
  for (const p of [...points].sort((a, b) => a.day - b.day || a.m.line - b.m.line)) {
    const cx = x(p.day);
    const w = ((shortLabel(p.m).length * CHAR_PX) / NOMINAL_WIDTH) * 100;
    let from = cx - w / 2;
    let anchor = 'middle';
    let lx = cx;
    if (from < 0) {
      from = cx - 1;
      anchor = 'start';
      lx = cx - 1;
    } else if (cx + w / 2 > 100) {
      from = cx + 1 - w;
      anchor = 'end';
      lx = cx + 1;
    }
    const row = ends.findIndex((e) => e + 1.5 <= from);
    const r = row >= 0 ? row : ends.length < MAX_ROWS ? ends.length : -1;
    if (r < 0) {
      out.set(p, null);
      continue;
    }
    ends[r] = from + w;
    out.set(p, { row: r, anchor, lx });
  }
  return out;
}

function describe(m: MilestoneStatus): string {
  const when = m.date?.iso ?? (m.date ? `${isolate(m.date.text)} (not a date)` : 'no date');
  const rel = m.days !== null ? ` (${relativeDays(m.days)})` : '';
  const moved = m.superseded.length ? `; moved from ${m.superseded.map((d) => d.iso ?? isolate(d.text)).join(', ')}` : '';
  return `${isolate(m.label)}: ${when}${rel}${moved}${m.cancelled ? '; cancelled' : ''}`;
}

/** The milestones drawn on the axis: dated ones at their date, undated ones that moved at their last date. */
function timelinePoints(s: PageStatus): Point[] {
  const points: Point[] = [];
  for (const m of s.milestones) {
    const ghosts = m.superseded.flatMap((d) => (d.iso ? [isoDay(d.iso)] : []));
    if (m.date?.iso) points.push({ m, day: isoDay(m.date.iso), ghosts });
    else if (ghosts.length) points.push({ m, day: Math.max(...ghosts), ghosts: ghosts.slice(0, -1) });
  }
  return points;
}

/** The days the axis spans (at least two weeks), widened to today when today is within half a span of it. */
function axisRange(points: readonly Point[], today: number): { lo: number; hi: number; todayInside: boolean } {
  const all = points.flatMap((p) => [p.day, ...p.ghosts]);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 14) {
    lo -= 7;
    hi += 7;
  }
  const span = hi - lo;
  const todayInside = today >= lo - span / 2 && today <= hi + span / 2;
  if (todayInside) {
    lo = Math.min(lo, today);
    hi = Math.max(hi, today);
  }
  return { lo, hi, todayInside };
}

/** A moved milestone's earlier dates: a line from the first of them to the date, and a ghost dot at each. */
function rescheduleParts(p: Point, axis: number, x: (d: number) => number): string[] {
  if (!p.ghosts.length) return [];
  const from = Math.min(...p.ghosts);
  const parts = [
    `<line class="rp-resched" x1="${num(x(from))}%" x2="${num(x(p.day))}%" y1="${axis - 8}" y2="${axis - 8}"><title>${esc(describe(p.m))}</title></line>`,
  ];
  for (const g of p.ghosts)
    parts.push(
      `<circle class="rp-ghost" cx="${num(x(g))}%" cy="${axis}" r="4"><title>${esc(`${isolate(p.m.label)}: was ${isoOfDay(g)}`)}</title></circle>`,
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
  const a11y = interactive ? ` tabindex="0" role="button" aria-label="${esc(describe(p.m))}"` : '';
  const label = place
    ? `<text class="rp-ms-text" x="${num(place.lx)}%" y="${axis + 20 + place.row * 14}" text-anchor="${place.anchor}">${esc(isolate(shortLabel(p.m)))}</text>`
    : '';
  return `<g class="${cls}"${lineAttr(p.m.line)}${a11y}><title>${esc(describe(p.m))}</title><circle cx="${num(x(p.day))}%" cy="${axis}" r="${p.m.kind === 'ga' ? 7 : 5}"></circle>${label}</g>`;
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
): number {
  const rows = layoutRows(lanePoints, x);
  const used = Math.max(1, ...[...rows.values()].map((r) => (r ? r.row + 1 : 1)));
  const axis = y + (multi ? 18 : 10);
  if (multi)
    parts.push(
      `<text class="rp-lane-label" x="0.5%" y="${axis - 10}">${esc(isolate(lanePoints[0].m.release ?? `Timeline ${lane + 1}`))}</text>`,
    );
  parts.push(`<line class="rp-axis" x1="${LEFT - 1}%" x2="${RIGHT + 1}%" y1="${axis}" y2="${axis}"></line>`);
  for (const p of lanePoints) parts.push(...rescheduleParts(p, axis, x));
  for (const p of lanePoints) parts.push(milestoneDot(p, rows.get(p), axis, x, s, today, interactive));
  return axis + 12 + used * 14;
}

/** The today line and label when today is on the axis, else a label pointing off the axis. */
function todayParts(s: PageStatus, today: number, hi: number, todayInside: boolean, ticksY: number, x: (d: number) => number): string[] {
  if (todayInside) {
    const tx = x(today);
    const anchor = tx < 10 ? 'start' : tx > 90 ? 'end' : 'middle';
    return [
      `<line class="rp-today" x1="${num(tx)}%" x2="${num(tx)}%" y1="14" y2="${ticksY}"></line>`,
      `<text class="rp-today-label" x="${num(tx)}%" y="11" text-anchor="${anchor}">Today ${esc(s.asOf)}</text>`,
    ];
  }
  const after = today > hi;
  return [
    `<text class="rp-today-label" x="${after ? RIGHT + 1 : LEFT - 1}%" y="11" text-anchor="${after ? 'end' : 'start'}">${after ? `Today ${esc(s.asOf)} →` : `← Today ${esc(s.asOf)}`}</text>`,
  ];
}

function svg(s: PageStatus, interactive: boolean): string {
  const today = isoDay(s.asOf);
  const points = timelinePoints(s);
  if (points.length === 0) return '';
  const { lo, hi, todayInside } = axisRange(points, today);
  const x = (d: number): number => LEFT + ((d - lo) / (hi - lo)) * (RIGHT - LEFT);
  const lanes = [...new Set(points.map((p) => p.m.timeline))].sort((a, b) => a - b);
  const multi = lanes.length > 1;
  const parts: string[] = [];
  let y = 18;
  const laneTops: number[] = [];
  for (const lane of lanes) {
    laneTops.push(y);
    y = drawLane(
      lane,
      points.filter((p) => p.m.timeline === lane),
      y,
      multi,
      x,
      s,
      today,
      interactive,
      parts,
    );
  }
  const ticksY = y + 4;
  for (const t of tickDays(lo, hi)) {
    parts.push(`<line class="rp-tick" x1="${num(x(t.day))}%" x2="${num(x(t.day))}%" y1="${laneTops[0]}" y2="${ticksY}"></line>`);
    parts.push(`<text class="rp-tick-label" x="${num(x(t.day))}%" y="${ticksY + 12}" text-anchor="middle">${esc(t.label)}</text>`);
  }
  const height = ticksY + 18;
  parts.push(...todayParts(s, today, hi, todayInside, ticksY, x));
  // Milestones first in document order for the parts that must be on top: dots are drawn after lines.
  return `<svg class="rp-timeline" width="100%" height="${height}" role="img" aria-label="${esc(`Timeline with ${points.length} dated milestones; today is ${s.asOf}`)}">${parts.join('')}</svg>`;
}

function isoOfDay(day: number): string {
  const d = fromDayNumber(day);
  return toIso(d.year, d.month, d.day);
}

function listItem(m: MilestoneStatus, s: PageStatus, multi: boolean, interactive: boolean): string {
  const state = !m.date?.iso ? 'rp-undated' : (m.days ?? 0) < 0 ? 'rp-past' : 'rp-future';
  const date = m.date?.iso
    ? esc(m.date.iso)
    : m.date
      ? `<span class="rp-warn-text">${bdi(m.date.text)}</span>`
      : '<span class="rp-muted">no date</span>';
  const moved = m.superseded.length
    ? ` <span class="rp-moved">moved from ${m.superseded.map((d) => `<del>${bdi(d.iso ?? d.text)}</del>`).join(' ')}</span>`
    : '';
  const rel = m.days !== null ? `<span class="rp-rel">${esc(relativeDays(m.days))}</span>` : '';
  const release = multi && m.release ? `<span class="rp-release">${bdi(m.release)}</span> ` : '';
  const label = m.cancelled ? `<del>${bdi(m.label)}</del> <span class="rp-muted">(cancelled)</span>` : bdi(m.label);
  const next = s.next?.line === m.line ? ' rp-next' : '';
  const inner = `<span class="rp-ms-date">${date}</span><span class="rp-ms-name">${release}${label}${moved}</span>${rel}`;
  const body = interactive
    ? `<button type="button" class="rp-jump"${lineAttr(m.line)} title="Line ${m.line + 1}">${inner}</button>`
    : `<span class="rp-jump" title="Line ${m.line + 1}">${inner}</span>`;
  return `<li class="rp-ms-item ${state}${next} rp-k-${esc(m.kind)}">${body}</li>`;
}

export function renderTimeline(s: PageStatus, interactive: boolean): string {
  if (s.milestones.length === 0)
    return '<section class="rp-section rp-timeline-section" aria-labelledby="rp-h-timeline"><h2 id="rp-h-timeline">Timeline</h2><p class="rp-muted">This page has no timeline of dated milestones.</p></section>';
  const order = [...s.milestones].sort(
    (a, b) => (a.date?.iso ? isoDay(a.date.iso) : Infinity) - (b.date?.iso ? isoDay(b.date.iso) : Infinity) || a.line - b.line,
  );
  const multi = new Set(s.milestones.map((m) => m.timeline)).size > 1;
  const undated = s.milestones.filter((m) => !m.date?.iso).length;
  const note = undated ? `<p class="rp-note rp-warn-text">${undated} milestone${undated === 1 ? ' has' : 's have'} no date.</p>` : '';
  return `<section class="rp-section rp-timeline-section" aria-labelledby="rp-h-timeline"><h2 id="rp-h-timeline">Timeline</h2>${svg(s, interactive)}${note}<ol class="rp-ms-list">${order.map((m) => listItem(m, s, multi, interactive)).join('')}</ol></section>`;
}
