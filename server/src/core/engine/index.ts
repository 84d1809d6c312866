/**
 * The engine: text → page model → findings. One Engine per document coordinates the input's versions
 * (versions.ts), the model (built, or patched for edits inside table rows), the rules (run-rules.ts) and
 * their findings (check-result.ts). How a page is divided for checking, and what is kept between checks, is
 * the incremental layer's (incremental/views.ts): the engine asks it for the findings of the views it
 * checks, and the rules never learn of them.
 */
import { DEFAULT_CONFIG, type ResolvedConfig } from '../config/merge';
import { RegionCache } from '../markdown/region';
import type { RegionReadOptions } from '../markdown/region-read';
import { sweepMemos } from '../incremental/memo';
import { keepSamples, keepShape } from '../incremental/shapes';
import { drain, type Steps } from '../incremental/steps';
import { PageViews } from '../incremental/views';
import { buildPageSteps } from '../model/build';
import { patchPage } from '../model/patch';
import { learnedContext, learnedFirstRows } from '../rules/learned-values';
import type { PageModel } from '../model/page-model';
import type { TableDecl } from '../model/schema';
import type { SourceLine } from '../lines';
import { checkResult, type CheckResult } from './check-result';
import { fixAll, type FixAllResult } from './fix-all';
import { oncePerRule, runRules } from './run-rules';
import { InputVersions } from './versions';

export { eachFinding, findingCount, type CheckResult } from './check-result';
export type { FixAllResult } from './fix-all';

export interface CheckOptions {
  config?: ResolvedConfig;
  /** Check the page even when it does not look like a release page (the user's config includes it). */
  force?: boolean;
  /** Never check the page, whatever its evidence (the user's config excludes it); `force` wins over it. */
  exclude?: boolean;
  /** Check big tables whole instead of in cached slices (the tests compare both ways). */
  wholeTables?: boolean;
  /** Called when a rule throws (once per rule and check); the other rules still report. */
  onRuleError?: (rule: string, error: unknown) => void;
}

/**
 * What a slice's findings depend on besides its rows (the slice cache's key, with the slice's disable
 * comments added by incremental/views.ts). No line numbers: a slice moved by rows inserted above it, with
 * the legend below it moved too, keeps its findings (moved).
 */
function contextOf(page: PageModel, config: ResolvedConfig, positions = true): string {
  const legend = page.legend && [page.legend.statuses, page.legend.priorities];
  return JSON.stringify([
    config,
    legend,
    learnedContext(page, config, positions),
    page.gaDate?.token.text ?? null,
    page.slashOrder,
    page.releaseYear,
    page.pageYears,
  ]);
}

/** How an engine reads pages (the defaults for every program; tests compare the ways). */
export interface EngineOptions {
  /** How Markdown regions are read: `alwaysParse` sends every region to remark (the reference). */
  readonly regions?: RegionReadOptions;
}

/** Whether the kept samples (incremental/shapes.ts) and the Engine's own have been made. */
let samplesKept = false;

export class Engine {
  private readonly input = new InputVersions();
  private readonly regions: RegionCache;
  private readonly views = new PageViews();
  /** The last check: the same model checked with the same options gives the same result. */
  private lastCheck: { page: PageModel; key: string; result: CheckResult } | null = null;
  /** How the latest model was made (tests and benchmarks read it). */
  lastModel: 'same' | 'patched' | 'built' = 'built';
  /** How many slices of big tables the last check took from a column move, not the rules (tests and benchmarks read it). */
  get lastMovedSlices(): number {
    return this.views.movedSlices;
  }
  /** How many rows the last check took the findings of from the last check's, moved with their rows (a sort), not the rules. */
  get lastMovedRows(): number {
    return this.views.movedRows;
  }
  /** The configuration's table declarations the model is built with (model/schema.ts). */
  private tables: readonly TableDecl[] = DEFAULT_CONFIG.tables;
  /** Counts changes of the declarations; a model built with an older count is built anew, not patched. */
  private tablesVersion = 0;
  private modelTablesVersion = 0;

  /**
   * The configuration the model is built with (its `tables:` declarations; the rest is read by the rules).
   * A change of declarations builds the next model anew. check() sets it from its options.
   */
  configure(config: ResolvedConfig): void {
    if (config.tables === this.tables) return;
    if (JSON.stringify(config.tables) !== JSON.stringify(this.tables)) this.tablesVersion++;
    this.tables = config.tables;
  }

  constructor(options: EngineOptions = {}) {
    this.regions = new RegionCache(options.regions);
    // The samples are made with the first Engine, not on import. The Engine's sample is kept here, not in
    // incremental/shapes.ts (the registry is imported by this file).
    if (samplesKept) return;
    samplesKept = true;
    keepSamples();
    keepShape(new Engine());
  }

  /** Sets the page's text (the next model or check is of this text). */
  update(text: string): void {
    this.input.setText(text);
  }

  /**
   * Line `line` of the current text when it is at hand (not while a new whole text waits to be split).
   * Unchanged lines are the same objects from version to version: the same object means the same line.
   */
  line(line: number): SourceLine | null {
    return this.input.line(line);
  }

  /**
   * Sets the page's lines, sharing the unchanged ones (the same objects) with the lines given last or
   * modelled last: the changed range is found by comparing objects, not text. The language server gives
   * its documents' lines this way, so the page is split once and never copied.
   */
  setLines(lines: readonly SourceLine[]): void {
    this.input.setLines(lines);
  }

  /** The model of the current text: the same model if nothing changed, a patched one for edits inside table rows, else built anew. */
  *modelSteps(): Steps<PageModel> {
    if (this.input.hasIncoming) yield;
    for (;;) {
      yield* this.input.takeIncoming();
      // The table declarations changed since the last model: the same text is modelled again.
      if (this.modelTablesVersion !== this.tablesVersion) this.input.remodel();
      const last = this.input.lastPage;
      const next = this.input.pending;
      if (!next) {
        if (!last) throw new Error('Engine: no text to model (call update() first)');
        this.lastModel = 'same';
        return last;
      }
      const tables = this.tables;
      const version = this.tablesVersion;
      let page = last && version === this.modelTablesVersion ? patchPage(last, next.diff, tables) : null;
      this.lastModel = page ? 'patched' : 'built';
      if (!page) {
        page = yield* buildPageSteps(next.diff.lines, this.regions, tables);
        this.regions.sweep();
        sweepMemos();
      }
      // New input while the steps were paused: this model is of an older text, start again.
      if (!this.input.isNewest(next)) continue;
      // Only a complete model replaces the last one: dropped steps leave the engine as it was.
      this.input.modelled(next, page);
      // The declarations changed while the steps were paused: build again with the new ones.
      this.modelTablesVersion = version;
      if (version !== this.tablesVersion) {
        this.input.remodel();
        continue;
      }
      return page;
    }
  }

  /** Parses the page into its model (with the table declarations of `config` when given, else those set last). */
  model(text: string, config?: ResolvedConfig): PageModel {
    if (config) this.configure(config);
    this.update(text);
    return drain(this.modelSteps());
  }

  check(text: string, options: CheckOptions = {}): CheckResult {
    this.update(text);
    return drain(this.checkSteps(options));
  }

  /** Checks the current text (set by update() or setLines()), yielding between parts of the work. */
  *checkSteps(options: CheckOptions = {}): Steps<CheckResult> {
    const config = options.config ?? DEFAULT_CONFIG;
    this.configure(config);
    const page = yield* this.modelSteps();
    const key = JSON.stringify([config, options.force === true, options.exclude === true, options.wholeTables === true]);
    const reuse = this.lastCheck;
    if (reuse && reuse.page === page && reuse.key === key) return reuse.result;
    const isReleasePage = options.force === true || (page.isReleasePage && options.exclude !== true);
    let result: CheckResult;
    if (isReleasePage) {
      // The rules may run on many views of the page: a failing rule is reported once per check.
      const onRuleError = oncePerRule(options.onRuleError);
      const parts = yield* this.views.findings(
        page,
        options.wholeTables === true,
        () => contextOf(page, config),
        // For rows a sort moved: the context without where values are first used, and those rows.
        () => ({ key: contextOf(page, config, false), firstRows: learnedFirstRows(page, config) }),
        (view) => runRules(view, config, onRuleError),
      );
      result = checkResult(page, isReleasePage, parts);
    } else {
      result = { page, isReleasePage, findings: [] };
    }
    this.lastCheck = { page, key, result };
    return result;
  }

  /**
   * Applies every fix (the preferred or only one per finding) and checks again, until nothing is left to
   * fix or `maxPasses` is reached (one fix can reveal another, e.g. a row rejoining its table).
   */
  fixAll(text: string, options: CheckOptions = {}, maxPasses = 10): FixAllResult {
    return fixAll(text, (current) => this.check(current, options), maxPasses);
  }
}

/** One-shot check without a cache. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return new Engine().check(text, options);
}
