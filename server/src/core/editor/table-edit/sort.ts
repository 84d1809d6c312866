/**
 * Sorting table rows by one column's typed value: dates as dates, statuses and priorities in their
 * vocabulary's order, numbers as numbers, anything else as text with locale collation. The column's
 * type is what most of its non-empty cells are; cells of another type follow the typed ones (as text),
 * empty cells always come last. Stable: equal rows keep their order.
 */
import { scanDates } from '../../dates';

export type SortType = 'date' | 'status' | 'priority' | 'number' | 'text';

export interface SortVocabulary {
  /** Statuses in their order (the configuration's or the legend's: Green, Orange, Red by default). */
  statuses: readonly string[];
  /** Priorities in their order (Must, Should, Optional by default). */
  priorities: readonly string[];
}

/** A cell's text without the inline markup that does not change its value (emphasis, strike, code ticks, escapes). */
function plain(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|~])/g, '$1')
    .replace(/[*_`~]/g, '')
    .trim();
}

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?%?$/;

function numberOf(text: string): number | null {
  if (!/\d/.test(text) || !NUMBER.test(text)) return null;
  const n = Number(text.replace(/[,%]/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** Year (or null), month, day of the first date written in a cell. */
function dateOf(text: string): { year: number | null; key: number } | null {
  const token = scanDates(text).find((t) => t.kind === 'date' && t.month > 0);
  if (!token) return null;
  return { year: token.year, key: token.month * 100 + Math.max(token.day, 0) };
}

function rankIn(values: readonly string[]): (text: string) => number | null {
  const ranks = new Map(values.map((v, i) => [v.toLowerCase(), i]));
  return (text) => {
    const lower = text.toLowerCase();
    const exact = ranks.get(lower);
    if (exact !== undefined) return exact;
    // `Green (since May)`, `🟢 Green`: the first word that is a value.
    for (const word of lower.split(/[^\p{L}\p{N}]+/u)) {
      const r = ranks.get(word);
      if (r !== undefined) return r;
    }
    return null;
  };
}

interface Key {
  /** 0: typed, 1: text of another type, 2: empty. */
  group: number;
  value: number;
  text: string;
  index: number;
}

/** The order of `cells` (one per row): row indexes, sorted. Also says which type the column was read as. */
export function sortOrder(
  cells: readonly string[],
  descending: boolean,
  vocabulary: SortVocabulary,
  locale?: string,
): { order: number[]; type: SortType } {
  const texts = cells.map(plain);
  const status = rankIn(vocabulary.statuses);
  const priority = rankIn(vocabulary.priorities);
  const dates = texts.map((t) => (t ? dateOf(t) : null));
  const readers: Record<Exclude<SortType, 'text'>, (i: number) => number | null> = {
    date: (i) => {
      const d = dates[i];
      if (!d) return null;
      // A date without a year takes the latest year of the column (one release's dates).
      return (d.year ?? latestYear) * 10_000 + d.key;
    },
    status: (i) => status(texts[i]),
    priority: (i) => priority(texts[i]),
    number: (i) => numberOf(texts[i]),
  };
  const latestYear = dates.reduce((y, d) => (d?.year != null && d.year > y ? d.year : y), 0);
  const filled = texts.map((_t, i) => i).filter((i) => texts[i] !== '');
  let type: SortType = 'text';
  let best = 0;
  for (const t of ['date', 'status', 'priority', 'number'] as const) {
    const n = filled.filter((i) => readers[t](i) !== null).length;
    if (n > best) {
      best = n;
      type = t;
    }
  }
  if (best * 2 < filled.length) type = 'text';
  const keys: Key[] = texts.map((text, index) => {
    if (text === '') return { group: 2, value: 0, text, index };
    const value = type === 'text' ? null : readers[type](index);
    return value === null ? { group: type === 'text' ? 0 : 1, value: 0, text, index } : { group: 0, value, text, index };
  });
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = descending ? -1 : 1;
  keys.sort((a, b) => {
    if (a.group !== b.group) return a.group - b.group;
    if (a.group === 2) return a.index - b.index;
    const byValue = a.group === 0 && type !== 'text' ? a.value - b.value : collator.compare(a.text, b.text);
    return byValue !== 0 ? sign * byValue : a.index - b.index;
  });
  return { order: keys.map((k) => k.index), type };
}
