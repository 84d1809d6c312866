/** What every rule module exports: its metadata and a check over the page model. */
import type { PageModel } from '../model/types';
import type { Fix, Range, Severity } from '../types';
import type { ResolvedConfig } from '../config/types';

export interface RuleMeta {
  /** Stable id: used in config, disable comments, the CLI and docs/rules/<id>.md. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
}

export interface Report {
  range: Range;
  message: string;
  /** The fixes, or a function making them when first asked for (rules with many findings and costly fixes). */
  fixes?: Fix[] | (() => Fix[]);
}

export interface RuleContext {
  page: PageModel;
  config: ResolvedConfig;
  /** Options for this rule from the config (`rules: { id: { …options } }`). */
  options: Readonly<Record<string, unknown>>;
  report(r: Report): void;
}

/**
 * A rule reads only the page model. The engine may run it on a view of the page: a slice of a big
 * table's rows (the table's `sliceOf` is set, `rows`/`parsed.rows`/`dates`/`scanRanges` hold the slice),
 * or the rest of the page (sliced tables have no rows). So a rule iterates what the model gives, reads
 * page-wide facts from `legend`, `gaDate`, `slashOrder`, `releaseYear`, and reports table-wide findings
 * only where `sliceOf` is absent.
 */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
