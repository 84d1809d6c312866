/**
 * The server's own words in the user's language: the client sends the bundle VS Code loaded for it
 * (`initializationOptions.l10nBundle`, the contents of l10n/bundle.l10n.<language>.json) and `@vscode/l10n`
 * translates with it. Titles the core writes in English (code actions, code lens) are worded again here
 * from the data the core gives with them. Findings' messages and hovers stay the core's English.
 */
import * as l10n from '@vscode/l10n';
import type { Translate } from '../../../shared/l10n';
import type { EditorAction, TableSummary } from '../core';

/** Loads the bundle the client sent, if it is one (an object of strings); else every message stays English. */
export function configureL10n(initializationOptions: unknown): boolean {
  const bundle: unknown =
    typeof initializationOptions === 'object' && initializationOptions !== null
      ? (initializationOptions as { l10nBundle?: unknown }).l10nBundle
      : undefined;
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) return false;
  const contents: Record<string, string> = {};
  for (const [key, value] of Object.entries(bundle)) if (typeof value === 'string') contents[key] = value;
  l10n.config({ contents });
  return true;
}

export const t: Translate = (message, ...args) => l10n.t(message, ...args);

/** A code action's title: the core's own for a rule's fix (its words are the rule's), translated for the rest. */
export function actionTitle(a: EditorAction): string {
  if ('fixAll' in a)
    return a.fixAll.rule === null
      ? t('Fix all Release Pages problems in this file')
      : t('Fix all {0} problems in this file', a.fixAll.rule);
  if (a.disables !== undefined) return t('Disable {0} for this line', a.disables);
  return a.title;
}

/** The code lens above a features table: "N features: 3 Green · 1 Red — 1 Must not Green" (status values as the page writes them; the Must part only with a Priority column). */
export function lensTitle(s: TableSummary): string {
  const parts = s.counts.filter((c) => c.count > 0).map((c) => `${c.count} ${c.value}`);
  if (s.unset) parts.push(t('{0} not set', s.unset));
  if (s.unknown) parts.push(t('{0} unknown', s.unknown));
  const features = s.features === 1 ? t('{0} feature', 1) : t('{0} features', s.features);
  const head = parts.length ? `${features}: ${parts.join(' · ')}` : features;
  return s.hasPriority ? t('{0} — {1} Must not Green', head, s.mustNotGreen) : head;
}
