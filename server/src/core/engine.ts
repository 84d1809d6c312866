/**
 * The engine: text → page model → findings. One Engine per document keeps the region cache, so a
 * re-check after an edit re-parses only the regions the edit touched.
 */
import { DEFAULT_CONFIG, type ResolvedConfig } from './config/types';
import { RegionCache } from './markdown/region';
import { buildPage } from './model/build';
import type { DisableDirective, PageModel } from './model/types';
import { RULES } from './rules';
import type { Report, Rule } from './rules/types';
import type { Finding, Severity, SeveritySetting } from './types';

export interface CheckOptions {
  config?: ResolvedConfig;
  /** Check the page even when it does not look like a release page (the user's config includes it). */
  force?: boolean;
  /** Called once when a rule throws; the other rules still report. */
  onRuleError?: (rule: string, error: unknown) => void;
}

export interface CheckResult {
  page: PageModel;
  isReleasePage: boolean;
  findings: Finding[];
}

function severityOf(rule: Rule, config: ResolvedConfig): SeveritySetting {
  return config.rules[rule.meta.id]?.severity ?? rule.meta.defaultSeverity;
}

/** Which rules are disabled on which lines, from `<!-- release-pages-disable… -->` comments. */
export function isSuppressed(directives: readonly DisableDirective[], rule: string, line: number): boolean {
  let off = false;
  for (const d of directives) {
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

export class Engine {
  private readonly regions = new RegionCache();

  /** Parses the page into its model (cached by region). */
  model(text: string): PageModel {
    const page = buildPage(text, this.regions);
    this.regions.sweep();
    return page;
  }

  check(text: string, options: CheckOptions = {}): CheckResult {
    const config = options.config ?? DEFAULT_CONFIG;
    const page = this.model(text);
    const isReleasePage = page.isReleasePage || options.force === true;
    const findings: Finding[] = [];
    if (!isReleasePage) return { page, isReleasePage, findings };
    for (const rule of RULES) {
      const severity = severityOf(rule, config);
      if (severity === 'off') continue;
      const id = rule.meta.id;
      const report = (r: Report): void => {
        if (page.directives.length && isSuppressed(page.directives, id, r.range.start.line)) return;
        findings.push({ rule: id, severity: severity as Severity, message: r.message, range: r.range, fixes: r.fixes ?? [] });
      };
      try {
        rule.check({ page, config, options: config.rules[id]?.options ?? {}, report });
      } catch (e) {
        options.onRuleError?.(id, e);
      }
    }
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
    return { page, isReleasePage, findings };
  }
}

/** One-shot check without a cache. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return new Engine().check(text, options);
}
