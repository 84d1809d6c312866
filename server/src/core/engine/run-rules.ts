/**
 * Running the rules over one view of a page: each enabled rule with its severity and options, its
 * reports made into findings unless a disable comment silences them, its failure contained (the other
 * rules still report).
 */
import { ruleSetting, type ResolvedConfig } from '../config/merge';
import type { PageView } from '../incremental/views';
import { isSuppressed } from '../model/directives';
import type { TableModel } from '../model/page-model';
import { RULES } from '../rules';
import type { Report, Rule, RuleContext } from '../rules/rule';
import { SEVERITIES, type Finding, type Severity, type SeveritySetting } from '../findings';
import { finding } from './check-result';

function severityOf(rule: Rule, config: ResolvedConfig): SeveritySetting {
  return ruleSetting(config.rules, rule.meta.id)?.severity ?? rule.meta.defaultSeverity;
}

/** The less severe of a rule's setting and the ceiling a report asks for (`Report.severity`). */
function capped(setting: Severity, ceiling: Severity | undefined): Severity {
  if (ceiling === undefined) return setting;
  return SEVERITIES.indexOf(ceiling) > SEVERITIES.indexOf(setting) ? ceiling : setting;
}

/**
 * Reports each failing rule once to `onRuleError` (a check may run the rules on many views of a page).
 * Returns undefined when there is no one to tell.
 */
export function oncePerRule(
  onRuleError: ((rule: string, error: unknown) => void) | undefined,
): ((rule: string, error: unknown) => void) | undefined {
  if (!onRuleError) return undefined;
  const failed = new Set<string>();
  return (rule, e) => {
    if (failed.has(rule)) return;
    failed.add(rule);
    onRuleError(rule, e);
  };
}

/** Runs every enabled rule on the view; returns their findings (unsorted). */
export function runRules(view: PageView, config: ResolvedConfig, onRuleError?: (rule: string, error: unknown) => void): Finding[] {
  const { page, lines, partOf } = view;
  const found: Finding[] = [];
  // Findings about a table as a whole belong to the view that holds the table, not a part of its rows.
  const tableWide = (table: TableModel, check: () => void): void => {
    if (table !== partOf) check();
  };
  for (const rule of RULES) {
    const severity = severityOf(rule, config);
    if (severity === 'off') continue;
    const id = rule.meta.id;
    const report = (r: Report): void => {
      if (page.directives.length && isSuppressed(page, id, r.range.start.line)) return;
      found.push(finding(id, capped(severity, r.severity), r));
    };
    const ctx: RuleContext = { page, config, options: ruleSetting(config.rules, id)?.options ?? {}, report, lines, tableWide };
    try {
      rule.check(ctx);
    } catch (e) {
      onRuleError?.(id, e);
    }
  }
  return found;
}
