/** String-building helpers of the status renderer: every piece of page text goes through `esc`. */
import type { StatusColour } from './model';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and for double- or single-quoted attribute values. */
export function esc(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A finite number as text (0 for anything else): numbers from the model never carry markup. */
export function num(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 1000) / 1000) : '0';
}

/** A 0-based source line as a `data-line` attribute (the preview reveals it on click). */
export function lineAttr(line: number): string {
  return Number.isInteger(line) && line >= 0 ? ` data-line="${line}"` : '';
}

export const COLOUR_NAMES: Record<StatusColour, string> = {
  green: 'Green',
  orange: 'Orange',
  red: 'Red',
  other: 'Other',
  unset: 'Not set',
};

/** `in 4 days`, `10 days ago`, `today`. */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** A status chip: a shape and the colour's name as text, so the colour is never the only signal. */
export function chip(colour: StatusColour, label?: string): string {
  const text = label && label.trim() ? label : COLOUR_NAMES[colour];
  return `<span class="rp-chip rp-c-${esc(colour)}"><span class="rp-mark" aria-hidden="true"></span>${esc(text)}</span>`;
}
