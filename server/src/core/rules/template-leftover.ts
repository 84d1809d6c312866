/**
 * template-leftover: what a template or a search-and-replace left behind in a value that readers take as
 * data: a typed cell of a status table (Status, Priority, Owner, Feature, Team, Target), a schedule
 * entry's label, a release criterion. `date-placeholder` keeps the leftovers where a date belongs (this
 * rule skips them); free text (Remarks, prose, headings) is never read, as a page may well explain
 * `X.Y.Z` or `{{ .Version }}` there.
 */
import type { Range } from '../findings';
import { plainText } from '../model/inline';
import { leftovers } from '../model/leftovers';
import type { CellRef, ColumnKey, PageModel, TableModel } from '../model/page-model';
import type { Rule, RuleContext } from './rule';

/** The columns whose cells are values (not free text). */
const TYPED: readonly ColumnKey[] = ['status', 'priority', 'owner', 'target', 'feature', 'team', 'date', 'milestone'];

const COLUMN_WORDS: Partial<Record<ColumnKey, string>> = {
  status: 'Status',
  priority: 'Priority',
  owner: 'Owner',
  target: 'Target date',
  feature: 'Feature',
  team: 'Team',
  date: 'Date',
  milestone: 'Milestone',
};

/** Whether the page is itself a template (`Feature template`, `Release criteria template`): its placeholders are on purpose. */
function isTemplatePage(page: PageModel): boolean {
  const h1 = page.headings.find((h) => h.level === 1)?.text ?? '';
  return /\btemplate\b/i.test(`${page.title ?? ''} ${h1}`);
}

/** Whether `range` starts inside a date that date-placeholder reports. */
function reportedAsDate(page: PageModel, range: Range): boolean {
  const { line, character } = range.start;
  return page.dates.some(
    (d) =>
      d.token.kind === 'placeholder' &&
      d.range.start.line === line &&
      d.range.start.character <= character &&
      (d.range.end.line > line || d.range.end.character > character),
  );
}

function columnOf(table: TableModel, index: number): string {
  for (const key of TYPED) if (table.columns[key] === index) return plainText(table.header[index] ?? '') || (COLUMN_WORDS[key] ?? '');
  return '';
}

function checkCell(ctx: RuleContext, cell: CellRef, where: string): void {
  for (const hit of leftovers(cell.text)) {
    const range = { start: cell.posAt(hit.start), end: cell.posAt(hit.end) };
    if (reportedAsDate(ctx.page, range)) continue;
    ctx.report({ range, message: `Template leftover "${hit.text}" in ${where}: write the value, or TBD.` });
  }
}

function checkTables(ctx: RuleContext): void {
  for (const table of ctx.page.tables) {
    if (!table.isFeatureTable && table.columns.status === undefined) continue;
    const columns = TYPED.map((k) => table.columns[k]).filter((i): i is number => i !== undefined);
    // Said once per table, not per cell: a big table has tens of thousands of typed cells and almost no leftover.
    const where = columns.map((i) => `the ${columnOf(table, i)} column`);
    for (const row of table.rows) {
      if (row.malformed) continue; // a misaligned row's values are not read (table-cell-count says why)
      for (let c = 0; c < columns.length; c++) {
        const cell = row.cells[columns[c]] as CellRef | undefined;
        if (cell) checkCell(ctx, cell, where[c]);
      }
    }
  }
}

/** A value on one line: its raw text from `from` on that line. */
function lineValue(page: PageModel, line: number, from: number, to: number): CellRef {
  const text = page.lines[line].text.slice(from, to);
  return {
    text,
    range: { start: { line, character: from }, end: { line, character: to } },
    posAt: (o: number) => ({ line, character: from + o }),
  };
}

function checkSchedules(ctx: RuleContext): void {
  for (const tl of ctx.page.timelines) {
    for (const m of tl.milestones) {
      const r = m.labelRange;
      if (r.start.line !== r.end.line) continue;
      const text = ctx.page.lines[r.start.line].text;
      // A bullet's entry is the rest of its line (the label stops where a field would start, as in
      // `Widget {{ .Version }} RC: **date**`); a table row's entry is its label cell.
      const end = /^\s*\|/.test(text) ? r.end.character : text.length;
      checkCell(ctx, lineValue(ctx.page, r.start.line, r.start.character, end), 'a schedule entry');
    }
  }
}

function checkCriteria(ctx: RuleContext): void {
  for (const c of ctx.page.criteria) {
    const text = ctx.page.lines[c.line].text;
    checkCell(ctx, lineValue(ctx.page, c.line, 0, text.length), 'a release criterion');
  }
}

export const rule: Rule = {
  meta: {
    id: 'template-leftover',
    description:
      'A template leftover in a value readers take as data (`{{ .Version }}`, `X.Y.Z`, `<VERSION>`, `\\1`, `TBD-XXX`, `YYYY-MM-DD`): in a typed table cell, a schedule entry or a release criterion.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    if (isTemplatePage(ctx.page)) return;
    checkTables(ctx);
    checkSchedules(ctx);
    checkCriteria(ctx);
  },
};
