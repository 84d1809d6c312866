/**
 * What the engine asks of the incremental layer: the views of a page to run the rules on, and their
 * findings merged. A page without big tables is one view, the whole page; a page with big tables is the
 * rest of the page plus one view per slice of their rows (slices.ts), and a slice that did not change
 * since the last check keeps its findings (slice-cache.ts). The rules never see a view: the engine gives
 * them its page, its lines and a way to report table-wide findings once (see rules/rule.ts).
 */
import type { PageModel, TableModel } from '../model/page-model';
import type { Finding } from '../findings';
import { columnMove } from '../model/permute';
import { compareFindings, type FindingParts, type SliceFindings } from './finding-parts';
import { MovedColumns, type CheckedSlices, type CheckRows, type RowsContext } from './moved-columns';
import { MovedRows } from './moved-rows';
import { SliceCache } from './slice-cache';
import { restView, rowsView, sliceTables, sliceView, wholeView, type PageView, type Slice } from './slices';
import type { Steps } from './steps';
import { firstLine } from '../model/shift';

export type { PageView } from './slices';

/**
 * The disable comments that can silence a finding of the slice, placed relative to it: those above the
 * line before it only set the state the slice starts in (their order counts, not their lines); the others
 * by their offset from the slice. A slice moved together with its comments keeps its key.
 */
function directivesKey(page: PageModel, s: Slice): string {
  const out: string[] = [];
  for (const d of page.directives) {
    if (d.line >= s.to) break;
    const rules = d.rules?.join(',') ?? '*';
    out.push(d.line >= s.from - 1 ? `${d.kind}:${rules}@${d.line - s.from}` : `${d.kind}:${rules}`);
  }
  return out.join(';');
}

/** Whether two pages have the same disable comments (kinds, rules and lines). */
function sameDirectives(a: PageModel, b: PageModel): boolean {
  if (a.directives === b.directives) return true;
  return JSON.stringify(a.directives) === JSON.stringify(b.directives);
}

/**
 * The rules on some rows of `page`'s table. Made here, not as a closure in findings(): a closure there
 * would hold that call's whole scope (V8 keeps one context per scope), its MovedColumns and so the last
 * check, and the findings a column move keeps hold this function (to make fixes when read): every check
 * would keep the one before it alive, a column moved back and forth in a 50,000-row table 76 MB more per
 * move (test/unit/retained.test.ts).
 */
function rowsChecker(page: PageModel, check: (view: PageView) => Finding[]): CheckRows {
  return (table, rows) => check(rowsView(page, table, rows));
}

export class PageViews {
  private readonly cache = new SliceCache();
  /** The last complete sliced check: its page, context key, slices and their findings (for a column move). */
  private last: CheckedSlices | null = null;
  /** How many slices the last check took from a column move (tests and benchmarks read it). */
  movedSlices = 0;
  /** How many rows the last check took the findings of from the last check's, moved with their rows (a sort). */
  movedRows = 0;

  /**
   * The page's findings in sorted parts: `check` runs the rules on one view. With `whole`, the page is one
   * view (no slices: the tests compare both ways). `context` keys the cache: everything besides a slice's
   * rows that its findings depend on (asked only when there are slices). Yields before each slice; the
   * cache keeps only what a complete check used.
   */
  *findings(
    page: PageModel,
    whole: boolean,
    context: () => string,
    rowsContext: () => RowsContext,
    check: (view: PageView) => Finding[],
  ): Steps<FindingParts & { rest: Finding[] }> {
    const slices = whole ? [] : sliceTables(page);
    const rest = check(slices.length ? restView(page, slices) : wholeView(page)).sort(compareFindings);
    this.movedSlices = 0;
    this.movedRows = 0;
    if (slices.length === 0) {
      this.last = null;
      return { rest, slices: [] };
    }
    const key = context();
    const inSlices: SliceFindings[] = [];
    const last = this.last;
    // A table whose columns were moved keeps its rows' findings, moved to the cells' new places
    // (moved-columns.ts); only its slices are looked at, and only when nothing else they depend on changed.
    // So does a table whose rows were moved (a sort: moved-rows.ts).
    // Rows moved keep them even when the context changed only in where values are first used: the rows
    // whose findings depend on that (before and after) are checked by the rules.
    const directives = last !== null && sameDirectives(last.page, page);
    const rowsCtx = rowsContext();
    const checkRows = rowsChecker(page, check);
    const moved = directives && last.key === key ? new MovedColumns(last, page, columnMove, checkRows) : null;
    const rowsMoved =
      directives && last.rows.key === rowsCtx.key
        ? new MovedRows(last, checkRows, new Set(rowsCtx.firstRows.map(firstLine)), new Set(last.rows.firstRows.map(firstLine)))
        : null;
    let complete = false;
    try {
      // The key's part of each table made once, not once per slice (a 50,000-row table has about 700).
      const tableKeys = new Map<TableModel, string>();
      for (const s of slices) {
        yield;
        let tableKey = tableKeys.get(s.table);
        if (tableKey === undefined) tableKeys.set(s.table, (tableKey = `${key}\u0000${s.table.header.join('|')}\u0000`));
        const sliceKey = tableKey + directivesKey(page, s);
        inSlices.push(
          this.cache.findings(
            page,
            s,
            sliceKey,
            () => this.fromMove(moved, s) ?? rowsMoved?.findings(s) ?? check(sliceView(page, s)).sort(compareFindings),
          ),
        );
      }
      complete = true;
    } finally {
      if (!complete) this.cache.abandon();
      this.movedRows = rowsMoved?.movedRows ?? 0;
    }
    this.cache.commit();
    this.last = { page, key, rows: rowsCtx, slices, found: inSlices };
    return { rest, slices: inSlices };
  }

  /** The slice's findings from a column move (moved-columns.ts), sorted: moved cells may change the order within a row. */
  private fromMove(moved: MovedColumns | null, s: Slice): Finding[] | null {
    const found = moved?.findings(s) ?? null;
    if (!found) return null;
    this.movedSlices++;
    return found.sort(compareFindings);
  }
}
