/**
 * The release series of a per-version support table (rows with a release date and an end of life):
 * releases ordered by version should be released in that order. The rows outside the longest run that
 * is in order (a longest increasing subsequence, so one wrong year is one finding) are out of order.
 */
import { dayNumber, toIso } from '../dates';
import type { Milestone, PageModel, Timeline } from '../model/page-model';
import { dayOf } from '../model/page-dates';

export interface SeriesSlip {
  m: Milestone;
  tl: Timeline;
  release: string;
  iso: string;
  /** The lower version released last, after it; else the higher version released first, before it. */
  other: { release: string; iso: string; lower: boolean };
}

interface Row {
  tl: Timeline;
  version: number[];
  release: string;
  m: Milestone;
  day: number;
  iso: string;
}

function versionNumbers(release: string): number[] | null {
  const m = /(\d+(?:\.\d+)*)/.exec(release);
  return m ? m[1].split('.').map(Number) : null;
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a.at(i) ?? 0) - (b.at(i) ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Indices (into `days`) of one longest non-decreasing subsequence (patience sorting, n log n). */
function longestInOrder(days: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(days.length).fill(-1);
  for (let i = 0; i < days.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[tails[mid]] <= days[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) keep.add(k);
  return keep;
}

function rowOf(page: PageModel, tl: Timeline): Row | null {
  const version = tl.release ? versionNumbers(tl.release) : null;
  const m = tl.milestones.find((x) => x.kind === 'ga' && x.date && !x.cancelled);
  const ymd = m?.date ? dayOf(page, m.date.token) : null;
  if (!version || !m || !ymd || !tl.release) return null;
  return { tl, version, release: tl.release, m, day: dayNumber(ymd.year, ymd.month, ymd.day), iso: toIso(ymd.year, ymd.month, ymd.day) };
}

/** Releases of each support table (rows with a GA and an EOL) dated out of their version order. */
export function seriesSlips(page: PageModel): SeriesSlip[] {
  const tables = new Map<number, Row[]>();
  for (const tl of page.timelines) {
    if (tl.source !== 'phases' || tl.tableLine === null || !tl.milestones.some((m) => m.kind === 'eol')) continue;
    const row = rowOf(page, tl);
    if (!row) continue;
    const rows = tables.get(tl.tableLine) ?? [];
    rows.push(row);
    tables.set(tl.tableLine, rows);
  }
  const out: SeriesSlip[] = [];
  for (const rows of tables.values()) {
    rows.sort((a, b) => compareVersions(a.version, b.version));
    const keep = longestInOrder(rows.map((r) => r.day));
    rows.forEach((r, i) => {
      if (keep.has(i)) return;
      const lower = rows.slice(0, i).reduce<Row | null>((best, x) => (x.day > r.day && (!best || x.day > best.day) ? x : best), null);
      const higher = rows.slice(i + 1).reduce<Row | null>((best, x) => (x.day < r.day && (!best || x.day < best.day) ? x : best), null);
      const other = lower ?? higher;
      if (other)
        out.push({
          m: r.m,
          tl: r.tl,
          release: r.release,
          iso: r.iso,
          other: { release: other.release, iso: other.iso, lower: other === lower },
        });
    });
  }
  return out;
}
