/** Helpers shared by the date rules. */
import { resolveSlash, type DateToken } from '../dates';
import type { PageDate, PageModel } from '../model/types';

/** The page's day/month order (computed once with the page model, over all its dates). */
export function pageSlashOrder(page: PageModel): 'dmy' | 'mdy' | null {
  return page.slashOrder;
}

/** The page's release year: from the GA date, else the newest year written in the timelines and tables. */
export function releaseYear(page: PageModel): number | null {
  return page.releaseYear;
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
