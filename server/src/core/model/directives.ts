/**
 * Disable comments (`<!-- release-pages-disable-next-line RULE -->` and its kin): where they are, and
 * whether they silence a rule on a line.
 */
import type { SourceLine } from '../lines';
import type { DisableDirective, PageModel } from './page-model';

const DIRECTIVE = /<!--\s*release-pages-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

/** The page's disable comments in page order (none on literal lines: code, raw HTML, front matter). */
export function findDirectives(lines: readonly SourceLine[], literal: ReadonlySet<number>): DisableDirective[] {
  const out: DisableDirective[] = [];
  for (let l = 0; l < lines.length; l++) {
    const text = lines[l].text;
    if (!text.includes('release-pages-') || literal.has(l)) continue;
    for (const m of text.matchAll(DIRECTIVE)) {
      const rules = m[2].split(/[\s,]+/).filter(Boolean);
      out.push({ kind: m[1] as DisableDirective['kind'], rules: rules.length ? rules : null, line: l });
    }
  }
  return out;
}

/** Whether the page's disable comments silence `rule` on `line`. */
export function isSuppressed(page: PageModel, rule: string, line: number): boolean {
  let off = false;
  for (const d of page.directives) {
    const applies = d.rules === null || d.rules.includes(rule);
    if (!applies) continue;
    if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
    if (d.kind === 'disable-line' && d.line === line) return true;
    if (d.line > line) break;
    if (d.kind === 'disable') off = true;
    else if (d.kind === 'enable') off = false;
  }
  return off;
}
