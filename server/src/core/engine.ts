/**
 * The engine: text → page model → findings. One Engine per document keeps the region cache, so a
 * re-check after an edit re-parses only the regions the edit touched.
 */
import { DEFAULT_CONFIG, type ResolvedConfig } from './config/types';
import { RegionCache } from './markdown/region';
import { buildPage } from './model/build';
import { patchPage } from './model/patch';
import { diffLines } from './diff';
import { splitLines, type SourceLine } from './text';
import type { DisableDirective, LogicalRow, PageModel } from './model/types';
import { RULES } from './rules';
import type { Report, Rule } from './rules/types';
import type { Finding, Position, Range, Severity, SeveritySetting } from './types';
import { restPage, slicePage, sliceTables, sliceTexts, type Slice } from './slices';
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

interface SliceEntry {
  context: string;
  /** The rows the findings were made from: the same row objects in a later version mean the same slice. */
  rows: readonly LogicalRow[];
  texts: string[];
  from: number;
  /** Sorted by position. */
  findings: Finding[];
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRows(a: readonly LogicalRow[], b: readonly LogicalRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function shifted(findings: readonly Finding[], by: number): Finding[] {
  const move = (p: Position): Position => ({ line: p.line + by, character: p.character });
  const moveRange = (r: Range): Range => ({ start: move(r.start), end: move(r.end) });
  return findings.map((f) => ({
    ...f,
    range: moveRange(f.range),
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: moveRange(e.range) })) })),
  }));
}

/** Page order: line, character, then rule and message (a total order, so merging equals sorting). */
function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
    || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/** Merges a short and a long list, both sorted by compareFindings: each short item is placed by binary search. */
function merge(short: readonly Finding[], long: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  let j = 0;
  for (const f of short) {
    let lo = j;
    let hi = long.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareFindings(long[mid], f) <= 0) lo = mid + 1;
      else hi = mid;
    }
    while (j < lo) out.push(long[j++]);
    out.push(f);
  }
  while (j < long.length) out.push(long[j++]);
  return out;
}

export class Engine {
  private readonly regions = new RegionCache();
  /** Findings of the last check's table slices, by their first row object and by their first line's text. */
  private slicesByRow = new Map<LogicalRow, SliceEntry>();
  private slicesByText = new Map<string, SliceEntry[]>();

  /** The latest text modelled, and its model: the next version is diffed against it. */
  private last: { text: string; page: PageModel } | null = null;
  /** How the latest model was made (tests and benchmarks read it). */
  lastModel: 'same' | 'patched' | 'built' = 'built';

  /**
   * The page's model. The same text gives the same model; a new version shares its unchanged lines with
   * the last one, an edit inside a table's rows patches the last model, and anything else is built again
   * (each region parsed once and cached by content).
   */
  model(text: string): PageModel {
    const last = this.last;
    if (last && last.text === text) {
      this.lastModel = 'same';
      return last.page;
    }
    let page: PageModel | null = null;
    let lines: SourceLine[];
    if (last) {
      const diff = diffLines(last.text, last.page.lines, text);
      page = patchPage(last.page, diff);
      lines = diff.lines;
    } else {
      lines = splitLines(text);
    }
    this.lastModel = page ? 'patched' : 'built';
    if (!page) {
      page = buildPage(lines, this.regions);
      this.regions.sweep();
    }
    this.last = { text, page };
    return page;
  }

  private runRules(page: PageModel, config: ResolvedConfig, options: CheckOptions, into: Finding[]): void {
    for (const rule of RULES) {
      const severity = severityOf(rule, config);
      if (severity === 'off') continue;
      const id = rule.meta.id;
      const report = (r: Report): void => {
        if (page.directives.length && isSuppressed(page.directives, id, r.range.start.line)) return;
        into.push({ rule: id, severity: severity as Severity, message: r.message, range: r.range, fixes: r.fixes ?? [] });
      };
      try {
        rule.check({ page, config, options: config.rules[id]?.options ?? {}, report });
      } catch (e) {
        options.onRuleError?.(id, e);
      }
    }
  }

  /**
   * A slice's findings: the last check's when its rows are the same objects (untouched by the edit), or
   * when its lines have the same texts (moved by an edit above it), else the rules run on its view.
   */
  private sliceEntry(page: PageModel, s: Slice, context: string, config: ResolvedConfig, options: CheckOptions): SliceEntry {
    const same = this.slicesByRow.get(s.rows[0]);
    if (same && same.context === context && same.from === s.from && sameRows(same.rows, s.rows)) return same;
    const texts = sliceTexts(page, s);
    const hit = this.slicesByText.get(texts[0])?.find((e) => e.context === context && sameTexts(e.texts, texts));
    if (hit) return { ...hit, rows: s.rows, from: s.from, findings: hit.from === s.from ? hit.findings : shifted(hit.findings, s.from - hit.from) };
    const findings: Finding[] = [];
    this.runRules(slicePage(page, s), config, options, findings);
    findings.sort(compareFindings);
    return { context, rows: s.rows, texts, from: s.from, findings };
  }

  check(text: string, options: CheckOptions = {}): CheckResult {
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
    const page = this.model(text);
    const isReleasePage = page.isReleasePage || options.force === true;
    const findings: Finding[] = [];
    if (!isReleasePage) return { page, isReleasePage, findings };
    const slices = options.wholeTables ? [] : sliceTables(page);
    if (slices.length === 0) {
      this.runRules(page, config, options, findings);
      findings.sort(compareFindings);
      return { page, isReleasePage, findings };
    }
    this.runRules(restPage(page, slices), config, options, findings);
    findings.sort(compareFindings);
    const context = JSON.stringify([config, page.legend, page.gaDate?.token.text ?? null, page.slashOrder, page.releaseYear, page.directives]);
    const byRow = new Map<LogicalRow, SliceEntry>();
    const byText = new Map<string, SliceEntry[]>();
    const inSlices: Finding[] = [];
    for (const s of slices) {
      const entry = this.sliceEntry(page, s, `${context}\u0000${s.table.header.join('|')}`, config, options);
      byRow.set(entry.rows[0], entry);
      const bucket = byText.get(entry.texts[0]);
      if (bucket) bucket.push(entry);
      else byText.set(entry.texts[0], [entry]);
      for (const f of entry.findings) inSlices.push(f);
    }
    this.slicesByRow = byRow;
    this.slicesByText = byText;
    return { page, isReleasePage, findings: merge(findings, inSlices) };
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

/** One-shot check without a cache. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return new Engine().check(text, options);
}
