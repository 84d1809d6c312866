/** Filtering and sorting of the feature list (the preview's filter bar and column headers). Pure. */
import type { FeatureStatus, PageStatus, StatusColour } from './model';

export const SORT_KEYS = ['team', 'name', 'priority', 'owner', 'status', 'target'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SortState {
  key: SortKey | null;
  dir: 'asc' | 'desc';
}

export type QuickFilter = '' | 'overdue' | 'must';

export interface FilterState {
  /** A team name, `NO_TEAM` for rows without a team, '' for all. */
  team: string;
  colour: StatusColour | '';
  /** A status value (a `byStatus` group's name), '' for all. */
  status: string;
  /** A priority name, `NO_PRIORITY` for rows without one, '' for all. */
  priority: string;
  text: string;
  only: QuickFilter;
}

/** Option values that cannot be a team or priority name (names are trimmed, never start with a NUL). */
export const NO_TEAM = '\u0000none';
export const NO_PRIORITY = '\u0000none';

export const EMPTY_FILTER: FilterState = { team: '', colour: '', status: '', priority: '', text: '', only: '' };
export const DEFAULT_SORT: SortState = { key: null, dir: 'asc' };

/** Worst first: what needs attention sorts to the top. */
const COLOUR_RANK: Record<StatusColour, number> = { red: 0, orange: 1, other: 2, unset: 3, green: 4 };

export function isFilterActive(f: FilterState): boolean {
  return f.team !== '' || f.colour !== '' || f.status !== '' || f.priority !== '' || f.text.trim() !== '' || f.only !== '';
}

function matches(f: FeatureStatus, filter: FilterState): boolean {
  if (filter.team !== '' && (filter.team === NO_TEAM ? f.team !== null : f.team !== filter.team)) return false;
  if (filter.colour !== '' && f.colour !== filter.colour) return false;
  if (filter.status !== '' && (f.colour === 'unset' || f.statusLabel !== filter.status)) return false;
  if (filter.priority !== '' && (filter.priority === NO_PRIORITY ? f.priority !== null : f.priority !== filter.priority)) return false;
  if (filter.only === 'overdue' && !f.overdue) return false;
  if (filter.only === 'must' && !f.mustNotGreen) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    const hay = [f.team, f.name, f.owner, f.priority, f.statusLabel, f.statusComment, f.target?.text, f.target?.iso]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    if (!words.every((w) => hay.includes(w))) return false;
  }
  return true;
}

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}

/** The features the filter keeps, in the sort's order (page order when unsorted; ties keep page order). */
export function applyView(status: PageStatus, filter: FilterState, sort: SortState): FeatureStatus[] {
  const rows = status.features.filter((f) => matches(f, filter));
  if (sort.key === null) return rows;
  const priorityRank = new Map(status.byPriority.map((g, i) => [g.name, i]));
  // Statuses by colour (worst first), then in their vocabulary's order (declared, legend, learned).
  const statusRank = new Map(status.byStatus.map((g, i) => [g.name, i]));
  const unranked = status.byStatus.length;
  const key = sort.key;
  const cmp = (a: FeatureStatus, b: FeatureStatus): number => {
    switch (key) {
      case 'team':
        return compareText(a.team, b.team);
      case 'name':
        return compareText(a.name, b.name);
      case 'owner':
        return compareText(a.owner, b.owner);
      case 'priority':
        return (priorityRank.get(a.priority) ?? 99) - (priorityRank.get(b.priority) ?? 99);
      case 'status':
        return (
          COLOUR_RANK[a.colour] - COLOUR_RANK[b.colour] ||
          (statusRank.get(a.colour === 'unset' ? null : a.statusLabel) ?? unranked) -
            (statusRank.get(b.colour === 'unset' ? null : b.statusLabel) ?? unranked)
        );
      case 'target':
        return compareText(a.target?.iso ?? null, b.target?.iso ?? null);
    }
  };
  const sign = sort.dir === 'asc' ? 1 : -1;
  // Rows without a value stay last in both directions.
  const missing = (f: FeatureStatus): boolean =>
    key === 'target' ? !f.target?.iso : key === 'team' ? f.team === null : key === 'owner' ? f.owner === null : false;
  return rows
    .map((f, i) => ({ f, i }))
    .sort((x, y) => Number(missing(x.f)) - Number(missing(y.f)) || sign * cmp(x.f, y.f) || x.i - y.i)
    .map((x) => x.f);
}

/** The next sort after a click on a column header: ascending, descending, then page order. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, dir: 'asc' };
  if (current.dir === 'asc') return { key, dir: 'desc' };
  return DEFAULT_SORT;
}
