/**
 * Labels of the timeline strip: a milestone's short label, and the rows under an axis the labels are
 * laid out in so that they do not overlap.
 */
import { english, type Translate } from '../l10n';
import type { MilestoneStatus } from './model';

/** What the layout reads of a point on the axis. */
export interface Labelled {
  m: MilestoneStatus;
  day: number;
}

const NOMINAL_WIDTH = 560; // px the label layout assumes; the strip stretches to the panel
const CHAR_PX = 6.6;
/** Label rows under an axis: three, more on a crowded lane (a milestone whose label finds no room keeps its dot and tooltip). */
const MIN_ROWS = 3;
const MAX_ROWS = 8;

/** Where a milestone's label goes: its row under the axis, its text anchor and x (percent). */
export type Place = { row: number; anchor: string; lx: number };

export function shortLabel(m: MilestoneStatus, t: Translate = english): string {
  if (m.label.length <= 14) return m.label;
  // The number after the kind's word first (`v1.31.0-alpha.1` is Alpha 1), else the first number.
  const n =
    m.label.match(/(?:alpha|beta|rc)[.\s-]*(\d+)\b/i)?.[1] ??
    m.label.match(/\b(\d+)\b/)?.[1] ??
    m.label.match(/\b(first|second|third|fourth)\b/i)?.[1].toLowerCase() ??
    '';
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
      return freezeLabel(m.label, t);
    case 'test-day':
      return t('Test day {0}', ord).trim();
    case 'maintenance':
      return t('Maintenance');
    case 'eol':
      return 'EOL';
    default:
      return `${m.label.slice(0, 13).trimEnd()}…`;
  }
}

/** `Feature freeze`, `Code freeze` (the page's word before *freeze*), else `Freeze`. */
function freezeLabel(label: string, t: Translate): string {
  const word = label.match(/([A-Za-z]+)\W*freeze/i)?.[1];
  return word && word.length <= 12 ? t('{0} freeze', `${word[0].toUpperCase()}${word.slice(1).toLowerCase()}`) : t('Freeze');
}

/** Greedy rows for labels: the first row whose last label ends before this one starts. */
export function layoutRows<P extends Labelled>(
  points: readonly P[],
  x: (d: number) => number,
  t: Translate = english,
): Map<P, Place | null> {
  const ends: number[] = [];
  const maxRows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, Math.ceil(points.length / 6)));
  const out = new Map<P, Place | null>();
  for (const p of [...points].sort((a, b) => a.day - b.day || a.m.line - b.m.line)) {
    const cx = x(p.day);
    const w = ((shortLabel(p.m, t).length * CHAR_PX) / NOMINAL_WIDTH) * 100;
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
    const r = row >= 0 ? row : ends.length < maxRows ? ends.length : -1;
    if (r < 0) {
      out.set(p, null);
      continue;
    }
    ends[r] = from + w;
    out.set(p, { row: r, anchor, lx });
  }
  return out;
}
