/** Helpers shared by the date rules. */
import { inferSlashOrder, resolveSlash, type DateToken } from '../dates';
import type { PageDate, PageModel } from '../model/types';

const slashOrders = new WeakMap<PageModel, 'dmy' | 'mdy' | null>();

/** The page's day/month order, inferred once per page from the slash dates only one order allows. */
export function pageSlashOrder(page: PageModel): 'dmy' | 'mdy' | null {
  if (!slashOrders.has(page)) slashOrders.set(page, inferSlashOrder(page.dates.map((d) => d.token)));
  return slashOrders.get(page) ?? null;
}

/** The page's release year: from the GA date, else the newest year written in the timelines. */
export function releaseYear(page: PageModel): number | null {
  if (page.gaDate?.token.year) return page.gaDate.token.year;
  let best: number | null = null;
  for (const d of page.dates) if (d.context !== 'frontmatter' && d.token.year && d.token.kind === 'date') best = Math.max(best ?? 0, d.token.year);
  return best;
}

export function isLive(d: PageDate): boolean {
  return !d.token.struck;
}

export function describe(t: DateToken): string {
  return `"${t.text}"`;
}

/** The day a date token names on this page (slash dates read in the page's order), or null. */
export function dayOf(page: PageModel, t: DateToken): { year: number; month: number; day: number } | null {
  if (t.kind !== 'date' || t.year === null) return null;
  if (t.format !== 'slash' || !t.slash) return { year: t.year, month: t.month, day: t.day };
  const order = t.slash.order === 'both' ? (t.slash.a === t.slash.b ? 'dmy' : pageSlashOrder(page)) : t.slash.order === 'none' ? null : t.slash.order;
  if (!order) return null;
  const r = resolveSlash(t, order);
  return r.kind === 'date' && r.year !== null ? { year: r.year, month: r.month, day: r.day } : null;
}
