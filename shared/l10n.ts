/**
 * The translate function that pure modules (the status item's text, the preview's renderer) take as an
 * argument, so that they stay free of `vscode` and `@vscode/l10n`: the extension passes `vscode.l10n.t`,
 * the server `@vscode/l10n`'s `t`, the webview a lookup in the strings the panel sent, tests `english`.
 * Messages are English with `{0}`, `{1}` placeholders; every message given to a `t(…)` call is a key of
 * l10n/bundle.l10n.json (test/unit/l10n.test.ts scans the sources).
 */
import { monthName } from './calendar';

export type Translate = (message: string, ...args: (string | number)[]) => string;

/** Fills `{0}`, `{1}` … of a message with its arguments (a placeholder without an argument stays as written). */
export function fill(message: string, args: readonly (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const n = Number(i);
    return n < args.length ? String(args[n]) : whole;
  });
}

/** The messages as written: no translation, placeholders filled. */
export const english: Translate = (message, ...args) => fill(message, args);

/** A translate function over a bundle (English message → translation); a message it lacks stays English. */
export function fromBundle(bundle: Readonly<Record<string, string>> | undefined): Translate {
  if (!bundle) return english;
  return (message, ...args) => fill(Object.hasOwn(bundle, message) ? bundle[message] : message, args);
}

/**
 * What a renderer needs to speak the user's language: the translate function, and the language's BCP 47
 * tag for what `Intl` formats (month names on the timeline's axis). English by default.
 */
export interface Language {
  t: Translate;
  /** `en`, `de`, `es`, `pt-br` … (VS Code's display language); an unknown tag falls back to English. */
  tag: string;
}

export const ENGLISH: Language = { t: english, tag: 'en' };

/** A language over a bundle: `fromBundle(bundle)` with the tag `Intl` should use. */
export function language(tag: string, bundle: Readonly<Record<string, string>> | undefined): Language {
  return { t: fromBundle(bundle), tag };
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A month's short name (1–12) in the language: `Oct` in English, `Okt.` in German, `oct` in Spanish,
 * through `Intl.DateTimeFormat` (a tag it does not know is read as English; at most a few formats are kept).
 */
export function shortMonth(month: number, tag: string): string {
  if (tag === 'en') return monthName(month, 'short');
  let format = monthFormats.get(tag);
  if (!format) {
    let locale = 'en';
    try {
      locale = Intl.getCanonicalLocales(tag)[0] ?? 'en';
    } catch {
      // not a language tag: English
    }
    format = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    if (monthFormats.size < 16) monthFormats.set(tag, format);
  }
  return format.format(Date.UTC(2001, month - 1, 15));
}
