/** What every rule module exports: its metadata and a check over the page model. */
import type { PageModel, TableModel } from '../model/page-model';
import type { Fix, Range, Severity } from '../findings';
import type { ResolvedConfig } from '../config/merge';

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
  /**
   * At most this severity: for a rule whose findings differ in weight (table-cell-count: lost text is an
   * error, an extra empty cell a hint). The finding gets the less severe of this and the rule's setting.
   */
  severity?: Severity;
}

export interface RuleContext {
  page: PageModel;
  config: ResolvedConfig;
  /** Options for this rule from the config (`rules: { id: { …options } }`). */
  options: Readonly<Record<string, unknown>>;
  report(r: Report): void;
  /**
   * The lines to read, as `[from, to)` ranges in page order: what a rule that scans raw lines scans
   * (the page's tables, dates and other parts are already only those of these lines).
   */
  lines: ReadonlyArray<readonly [number, number]>;
  /**
   * Runs `check` for findings about `table` as a whole (its header, its delimiter row, its shape), not
   * about its rows: so that each is reported once per check, however the engine divides the work.
   */
  tableWide(table: TableModel, check: () => void): void;
}

/**
 * A rule reads the page model given in its context and reports what it finds. It iterates what the model
 * gives (tables and their rows, dates, timelines, `ctx.lines` for raw lines), reads page-wide facts from
 * `legend`, `gaDate`, `slashOrder`, `releaseYear`, and reports findings about a table as a whole inside
 * `ctx.tableWide`. It makes no assumption about seeing the whole page at once: the engine may run it on
 * parts of a page and merge what they report.
 */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
