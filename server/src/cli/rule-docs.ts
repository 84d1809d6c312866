/**
 * The rules' documentation for reports that carry it (SARIF): each rule's page `docs/rules/<id>.md`,
 * shipped with the package, and the link to it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RuleDoc {
  /** The whole page (Markdown). */
  markdown: string;
  /** The "What it checks" section (Markdown), or null when the page has none. */
  checks: string | null;
}

/** The package's folder: this code runs bundled as dist/cli.js. */
const PACKAGE_ROOT = join(__dirname, '..');
export const RULE_DOCS_DIR = join(PACKAGE_ROOT, 'docs', 'rules');

/** The page of rule `id`, or null when it is not there (a trimmed install). */
export function ruleDoc(id: string): RuleDoc | null {
  if (!/^[a-z0-9-]+$/.test(id)) return null;
  let markdown: string;
  try {
    markdown = readFileSync(join(RULE_DOCS_DIR, `${id}.md`), 'utf8');
  } catch {
    return null;
  }
  const section = /^## What it checks\s*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown);
  return { markdown, checks: section ? section[1].trim() : null };
}

/** Markdown as plain text: no emphasis, code marks or link targets; code fences dropped, headings kept as lines. */
export function plainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((l) => !/^\s*(```|~~~)/.test(l))
    .map((l) =>
      l
        .replace(/^#{1,6}\s+/, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/`([^`]*)`/g, '$1'),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * package.json's `homepage` and `repository`, read from the package's folder when first asked (as the rules'
 * pages are): bundling the manifest would put all of its 27 KB in the CLI's start-up for two fields.
 */
type PackageMeta = { homepage?: unknown; repository?: unknown };
let packageMetaRead: PackageMeta | undefined;
function packageMeta(): PackageMeta {
  if (packageMetaRead) return packageMetaRead;
  try {
    const meta: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    packageMetaRead = meta !== null && typeof meta === 'object' ? meta : {};
  } catch {
    packageMetaRead = {};
  }
  return packageMetaRead;
}

/**
 * The web address of the repository when package.json names a real one (`homepage`, else `repository`):
 * https, not a reserved example host. Today it names none, so null.
 */
export function repositoryWebUrl(): string | null {
  const meta = packageMeta();
  const repo = typeof meta.repository === 'string' ? meta.repository : (meta.repository as { url?: unknown } | undefined)?.url;
  for (const candidate of [meta.homepage, repo]) {
    if (typeof candidate !== 'string') continue;
    let url: URL;
    try {
      url = new URL(candidate.replace(/^git\+/, ''));
    } catch {
      continue;
    }
    const host = url.hostname;
    if (url.protocol !== 'https:' || /(^|\.)(invalid|example|test|localhost)$/.test(host) || /^example\.(com|net|org)$/.test(host))
      continue;
    return `${url.origin}${url.pathname.replace(/\.git$/, '').replace(/\/+$/, '')}`;
  }
  return null;
}

/**
 * The absolute address of rule `id`'s page: on the repository's site at this version's tag when the
 * repository is real, else the page shipped with this installation (a file: URI). SARIF requires an
 * absolute URI in `helpUri`.
 */
export function ruleHelpUri(id: string, version: string): string {
  const web = repositoryWebUrl();
  if (web) return `${web}/blob/v${version}/docs/rules/${id}.md`;
  return pathToFileURL(join(RULE_DOCS_DIR, `${id}.md`)).href;
}
