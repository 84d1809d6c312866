/**
 * The engine: text → page model → findings. One Engine per document keeps the last version's model and
 * caches: a new version (a whole text, or a document's lines) shares its unchanged lines with it, an
 * edit inside table rows patches it, and only the table slices an edit touched are checked again.
 */
import { DEFAULT_CONFIG, type ResolvedConfig } from './config/types';
import { RegionCache } from './markdown/region';
import { sweepMemos } from './incremental/memo';
import { buildPageSteps } from './model/build';
import { patchPage } from './model/patch';
import { diffLines, type LineDiff } from './diff';
import { splitLinesSteps, type SourceLine } from './text';
import type { DisableDirective, PageModel } from './model/types';
import { RULES } from './rules';
import type { Report, Rule } from './rules/types';
import type { Finding, Fix, Range, Severity, SeveritySetting } from './types';
import { restPage, slicePage, sliceTables } from './incremental/slices';
import { compareFindings, mergeFindings, SliceCache, visitMerged, type FindingParts } from './incremental/slice-cache';
import { keepShape } from './incremental/shapes';
import { drain, type Steps } from './incremental/steps';
import { applyFixGroups, fixAllGroups } from './fix';

export interface CheckOptions {
  config?: ResolvedConfig;
  /** Check the page even when it does not look like a release page (the user's config includes it). */
  force?: boolean;
  /** Check big tables whole instead of in cached slices (the tests compare both ways). */
  wholeTables?: boolean;
  /** Called when a rule throws (once per rule and check); the other rules still report. */
  onRuleError?: (rule: string, error: unknown) => void;
}

export interface FixAllResult {
  text: string;
  /** Fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** False when fixes were still left after the last pass. */
  converged: boolean;
  /** The check of the final text. */
  result: CheckResult;
}

export interface CheckResult {
  page: PageModel;
  isReleasePage: boolean;
  /** All findings in page order (a big page's list is made when first read: see eachFinding). */
  readonly findings: Finding[];
  /** The findings in sorted parts (the page outside big tables, then each slice of rows), when sliced. */
  readonly parts?: FindingParts;
}


/** How many findings a check has, without making its list. */
export function findingCount(result: CheckResult): number {
  if (!result.parts) return result.findings.length;
  let n = result.parts.rest.length;
  for (const s of result.parts.slices) n += s.length;
  return n;
}

/** Visits the findings in page order without making the list (a 50,000-row page has about 100,000). */
export function eachFinding(result: CheckResult, visit: (f: Finding) => void): void {
  // \`visit\` returns nothing: it must not stop the walk by returning false.
  if (result.parts) visitMerged(result.parts.rest, result.parts.slices, (f) => {
    visit(f);
  });
  else for (const f of result.findings) visit(f);
}

/** A sliced check's result: its list of findings is merged from the parts when first read. */
function slicedResult(page: PageModel, isReleasePage: boolean, parts: FindingParts): CheckResult {
  let merged: Finding[] | null = null;
  return {
    page,
    isReleasePage,
    parts,
    get findings(): Finding[] {
      return (merged ??= mergeFindings(parts.rest, parts.slices));
    },
  };
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

const NO_FIXES: Fix[] = [];

/**
 * A finding whose fixes are made when first read (rules with thousands of findings and costly fixes).
 * The maker, then the fixes, sit in a private field (not a property: such findings compare equal whether
 * or not their fixes were read, and keep one compact shape); `toJSON` lists the fixes.
 */
class LazyFinding implements Finding {
  #fixes: Fix[] | (() => Fix[]);

  constructor(readonly rule: string, readonly severity: Severity, readonly message: string, readonly range: Range, make: () => Fix[]) {
    this.#fixes = make;
  }

  get fixes(): Fix[] {
    if (typeof this.#fixes === 'function') this.#fixes = this.#fixes();
    return this.#fixes;
  }

  toJSON(): Finding {
    return { rule: this.rule, severity: this.severity, message: this.message, range: this.range, fixes: this.fixes };
  }
}

keepShape(new LazyFinding('', 'hint', '', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, () => NO_FIXES));

/** A finding of a report; fixes given as a function are made on first read (and kept). */
function finding(rule: string, severity: Severity, r: Report): Finding {
  // Messages are built by concatenation: reading a character makes V8 flatten the rope into one string,
  // a third of the memory (a page of 50,000 rows keeps about 100,000 findings).
  r.message.charCodeAt(0);
  const fixes = r.fixes;
  if (typeof fixes === 'function') return new LazyFinding(rule, severity, r.message, r.range, fixes);
  return { rule, severity, message: r.message, range: r.range, fixes: fixes ?? NO_FIXES };
}

export class Engine {
  private readonly regions = new RegionCache();
  private readonly slices = new SliceCache();
  /** The latest modelled version: its text (made from its lines when asked, if it came as lines) and model. */
  private last: { text: string | null; page: PageModel } | null = null;
  /** The input not modelled yet, as a diff from the last model's lines (or all lines when there is none). */
  private pending: LineDiff | null = null;
  /** The pending input's text when it came whole (update), null when it came as lines. */
  private pendingText: string | null = null;
  /** The last check: the same model checked with the same options gives the same result. */
  private lastCheck: { page: PageModel; key: string; result: CheckResult } | null = null;
  /** How the latest model was made (tests and benchmarks read it). */
  lastModel: 'same' | 'patched' | 'built' = 'built';

  private lastText(): string {
    const last = this.last;
    if (!last) return '';
    if (last.text === null) last.text = last.page.lines.map((l) => l.text + l.eol).join('');
    return last.text;
  }

  /** A text given by update() and not yet compared with the last one (that work belongs to the steps). */
  private incoming: string | null = null;

  /** Sets the page's text (the next model or check is of this text). */
  update(text: string): void {
    this.incoming = text;
  }

  /** Turns the incoming text into the pending diff from the last model's lines. */
  private *takeIncoming(): Steps<void> {
    const text = this.incoming;
    if (text === null) return;
    const last = this.last;
    if (!last) {
      const lines = yield* splitLinesSteps(text);
      // A newer text came while this one was split: take that one instead.
      if (this.incoming !== text) return yield* this.takeIncoming();
      this.incoming = null;
      this.pending = { lines, from: 0, oldTo: 0, newTo: lines.length };
      this.pendingText = text;
      return;
    }
    this.incoming = null;
    if (last.text === text) {
      this.pending = null;
      this.pendingText = null;
      return;
    }
    const diff = diffLines(this.lastText(), last.page.lines, text);
    this.pending = diff.from === diff.oldTo && diff.from === diff.newTo ? null : diff;
    this.pendingText = this.pending ? text : null;
  }

  /**
   * Line `line` of the current text when it is at hand (not while a new whole text waits to be split).
   * Unchanged lines are the same objects from version to version: the same object means the same line.
   */
  line(line: number): SourceLine | null {
    if (this.incoming !== null) return null;
    const lines = this.pending?.lines ?? this.last?.page.lines;
    return lines?.[line] ?? null;
  }

  /**
   * Sets the page's lines, sharing the unchanged ones (the same objects) with the lines given last or
   * modelled last: the changed range is found by comparing objects, not text. The language server gives
   * its documents' lines this way, so the page is split once and never copied.
   */
  setLines(lines: readonly SourceLine[]): void {
    this.incoming = null;
    const base = this.last?.page.lines;
    // The lines are shared, not copied: neither side changes a lines array once made.
    const shared = lines as SourceLine[];
    if (!base) {
      this.pending = { lines: shared, from: 0, oldTo: 0, newTo: lines.length };
      this.pendingText = null;
      return;
    }
    let from = 0;
    const max = Math.min(base.length, lines.length);
    while (from < max && base[from] === lines[from]) from++;
    let tail = 0;
    while (tail < max - from && base[base.length - 1 - tail] === lines[lines.length - 1 - tail]) tail++;
    this.pending = from === base.length && from === lines.length ? null : { lines: shared, from, oldTo: base.length - tail, newTo: lines.length - tail };
    this.pendingText = null;
  }

  /** The model of the current text: the same model if nothing changed, a patched one for edits inside table rows, else built anew. */
  *modelSteps(): Steps<PageModel> {
    if (this.incoming !== null) yield;
    for (;;) {
      yield* this.takeIncoming();
      const last = this.last;
      const diff = this.pending;
      if (last && !diff) {
        this.lastModel = 'same';
        return last.page;
      }
      if (!diff) throw new Error('Engine: no text to model (call update() first)');
      let page = last ? patchPage(last.page, diff) : null;
      this.lastModel = page ? 'patched' : 'built';
      if (!page) {
        page = yield* buildPageSteps(diff.lines, this.regions);
        this.regions.sweep();
        sweepMemos();
      }
      // New input while the steps were paused: this model is of an older text, start again.
      if (this.pending !== diff || this.incoming !== null) continue;
      // Only a complete model replaces the last one: dropped steps leave the engine as it was.
      this.last = { text: this.pendingText, page };
      this.pending = null;
      this.pendingText = null;
      return page;
    }
  }

  /** Parses the page into its model. */
  model(text: string): PageModel {
    this.update(text);
    return drain(this.modelSteps());
  }

  private runRules(page: PageModel, config: ResolvedConfig, options: CheckOptions, into: Finding[]): void {
    for (const rule of RULES) {
      const severity = severityOf(rule, config);
      if (severity === 'off') continue;
      const id = rule.meta.id;
      const report = (r: Report): void => {
        if (page.directives.length && isSuppressed(page.directives, id, r.range.start.line)) return;
        into.push(finding(id, severity as Severity, r));
      };
      try {
        rule.check({ page, config, options: config.rules[id]?.options ?? {}, report });
      } catch (e) {
        options.onRuleError?.(id, e);
      }
    }
  }

  check(text: string, options: CheckOptions = {}): CheckResult {
    this.update(text);
    return drain(this.checkSteps(options));
  }

  /** Checks the current text (set by update() or setLines()), yielding between parts of the work. */
  *checkSteps(options: CheckOptions = {}): Steps<CheckResult> {
    // Big tables run the rules once per slice: report each failing rule once per check.
    const failed = new Set<string>();
    const onRuleError = options.onRuleError;
    if (onRuleError) {
      options = {
        ...options,
        onRuleError: (rule, e) => {
          if (failed.has(rule)) return;
          failed.add(rule);
          onRuleError(rule, e);
        },
      };
    }
    const config = options.config ?? DEFAULT_CONFIG;
    const page = yield* this.modelSteps();
    const key = JSON.stringify([config, options.force === true, options.wholeTables === true]);
    const reuse = this.lastCheck;
    if (reuse && reuse.page === page && reuse.key === key) return reuse.result;
    const isReleasePage = page.isReleasePage || options.force === true;
    const findings: Finding[] = [];
    const slices = isReleasePage && !options.wholeTables ? sliceTables(page) : [];
    if (isReleasePage) this.runRules(slices.length ? restPage(page, slices) : page, config, options, findings);
    findings.sort(compareFindings);
    if (slices.length) {
      const context = JSON.stringify([config, page.legend, page.gaDate?.token.text ?? null, page.slashOrder, page.releaseYear, page.directives]);
      const inSlices: Array<readonly Finding[]> = [];
      let complete = false;
      try {
        for (const s of slices) {
          yield;
          const found = this.slices.findings(page, s, `${context}\u0000${s.table.header.join('|')}`, () => {
            const own: Finding[] = [];
            this.runRules(slicePage(page, s), config, options, own);
            return own;
          });
          inSlices.push(found);
        }
        complete = true;
      } finally {
        if (!complete) this.slices.abandon();
      }
      this.slices.commit();
      const result = slicedResult(page, isReleasePage, { rest: findings, slices: inSlices });
      this.lastCheck = { page, key, result };
      return result;
    }
    const result: CheckResult = { page, isReleasePage, findings };
    this.lastCheck = { page, key, result };
    return result;
  }

  /**
   * Applies every fix (the preferred or only one per finding) and checks again, until nothing is left to
   * fix or `maxPasses` is reached (one fix can reveal another, e.g. a row rejoining its table).
   */
  fixAll(text: string, options: CheckOptions = {}, maxPasses = 10): FixAllResult {
    let current = text;
    let result = this.check(current, options);
    let fixed = 0;
    for (let pass = 1; pass <= maxPasses; pass++) {
      const groups = fixAllGroups(result.findings);
      if (groups.length === 0) return { text: current, fixed, passes: pass - 1, converged: true, result };
      const applied = applyFixGroups(current, groups);
      if (applied.applied === 0 || applied.text === current) return { text: current, fixed, passes: pass - 1, converged: true, result };
      fixed += applied.applied;
      current = applied.text;
      result = this.check(current, options);
    }
    return { text: current, fixed, passes: maxPasses, converged: fixAllGroups(result.findings).length === 0, result };
  }
}

keepShape(new Engine());

/** One-shot check without a cache. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return new Engine().check(text, options);
}
