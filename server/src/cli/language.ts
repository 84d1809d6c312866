/**
 * `report --language <tag>`: the dashboard's own words in a language the extension is translated into,
 * read from the same bundles VS Code loads (`l10n/bundle.l10n.<tag>.json` of the package). Page text stays
 * as written; the CLI's messages stay English.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ENGLISH, language, type Language } from '../../../shared/l10n';
import { UsageError } from './args';

/** The package's root: the bundle runs from `dist/`. */
const L10N_DIR = join(__dirname, '..', 'l10n');

/** The languages with a bundle (English always). */
export function reportLanguages(): string[] {
  let tags: string[] = [];
  try {
    tags = readdirSync(L10N_DIR).flatMap((f) => /^bundle\.l10n\.([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\.json$/.exec(f)?.[1] ?? []);
  } catch {
    // No l10n folder next to the bundle: English only.
  }
  return ['en', ...tags.sort()];
}

/** The language `tag` names (`de`, `es`, `de-CH` → `de`); a usage error for a language without a bundle. */
export function reportLanguage(tag: string | undefined): Language {
  if (tag === undefined) return ENGLISH;
  const wanted = tag.trim().toLowerCase();
  const known = reportLanguages();
  const match = known.includes(wanted) ? wanted : known.find((k) => wanted.startsWith(`${k}-`));
  if (!match) throw new UsageError(`--language must be one of ${known.join(', ')}`);
  if (match === 'en') return ENGLISH;
  const file = join(L10N_DIR, `bundle.l10n.${match}.json`);
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file}: not a translation bundle`);
  const bundle: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') bundle[k] = v;
  return language(match, bundle);
}
