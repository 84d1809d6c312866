/** String-building helpers of the status renderer: every piece of page text goes through `esc`. */
import type { Translate } from '../l10n';
import type { StatusColour } from './model';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and for double- or single-quoted attribute values. */
export function esc(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Bidi controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks (U+200E,
 * U+200F, U+061C). In page text they could reorder what the reader sees around it (U+202E turns the
 * rest of a line right to left), so page text is isolated: `bdi` in element content, `isolate` where no
 * element can be (attribute values, SVG `<text>` and `<title>`, the document title, `<option>`).
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/**
 * A stand-in for the `i`th piece of HTML given to a message: `t('Release {0}', hole(0))`, then `holes`. A
 * private-use character (U+E000) marks it: messages and the values given with a hole never hold one.
 */
export function hole(i: number): string {
  return `\ue000${i}\ue000`;
}

/**
 * A translated message whose placeholders were filled with `hole(i)`: escaped, each hole replaced by its
 * piece of HTML (already escaped: `bdi` of page text), wherever the translation puts it.
 */
export function holes(text: string, ...html: string[]): string {
  return esc(text).replace(/\ue000(\d+)\ue000/g, (_, i: string) => html[Number(i)] ?? '');
}

/** Page text as element content: escaped, in a `<bdi>` element, so its direction and any bidi control in it stay inside. */
export function bdi(text: string | null | undefined): string {
  return `<bdi>${esc(text)}</bdi>`;
}

/**
 * Page text for places that hold plain text only: unchanged without bidi controls; else wrapped in
 * FSI … PDI (U+2068, U+2069), which ends every embedding, override and isolate the text opens. A PDI with
 * no opener in the text would close that wrapper early, so it is dropped; isolates the text leaves open
 * are closed before the wrapper's PDI.
 */
export function isolate(text: string): string {
  if (!BIDI.test(text)) return text;
  let depth = 0;
  let out = '\u2068';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2066 && c <= 0x2068) depth++;
    else if (c === 0x2069) {
      if (depth === 0) continue;
      depth--;
    }
    out += text[i];
  }
  return `${out}${'\u2069'.repeat(depth + 1)}`;
}

/** A finite number as text (0 for anything else): numbers from the model never carry markup. */
export function num(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 1000) / 1000) : '0';
}

/** `Line 12` (1-based, escaped for an attribute), the tooltip of everything that reveals a line. */
export function lineTitle(line: number, t: Translate): string {
  return esc(t('Line {0}', line + 1));
}

/** A 0-based source line as a `data-line` attribute (the preview reveals it on click). */
export function lineAttr(line: number): string {
  return Number.isInteger(line) && line >= 0 ? ` data-line="${line}"` : '';
}

/**
 * A colour's name: Green, Orange and Red are the status words pages write (kept as written in every
 * language, like the code lens says them); the other two are the dashboard's own words.
 */
export function colourName(colour: StatusColour, t: Translate): string {
  switch (colour) {
    case 'green':
      return 'Green';
    case 'orange':
      return 'Orange';
    case 'red':
      return 'Red';
    case 'other':
      return t('Other');
    case 'unset':
      return t('Not set');
  }
}

/** `in 4 days`, `10 days ago`, `today`. */
export function relativeDays(days: number, t: Translate): string {
  if (days === 0) return t('today');
  const n = Math.abs(days);
  if (days > 0) return n === 1 ? t('in {0} day', n) : t('in {0} days', n);
  return n === 1 ? t('{0} day ago', n) : t('{0} days ago', n);
}

/** `1 day`, `3 days`. */
export function dayCount(n: number, t: Translate): string {
  return n === 1 ? t('{0} day', n) : t('{0} days', n);
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** A status chip: a shape and the colour's name as text, so the colour is never the only signal. */
export function chip(colour: StatusColour, t: Translate, label?: string): string {
  const text = label && label.trim() ? label : colourName(colour, t);
  return `<span class="rp-chip rp-c-${esc(colour)}"><span class="rp-mark" aria-hidden="true"></span>${bdi(text)}</span>`;
}
