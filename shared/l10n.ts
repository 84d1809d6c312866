/**
 * The translate function that pure modules (the status item's text, the preview's renderer) take as an
 * argument, so that they stay free of `vscode` and `@vscode/l10n`: the extension passes `vscode.l10n.t`,
 * the server `@vscode/l10n`'s `t`, the webview a lookup in the strings the panel sent, tests `english`.
 * Messages are English with `{0}`, `{1}` placeholders; every message given to a `t(…)` call is a key of
 * l10n/bundle.l10n.json (test/unit/l10n.test.ts scans the sources).
 */
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
