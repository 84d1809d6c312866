/**
 * template-leftover: what a template or a search-and-replace left behind in a value that readers take as
 * data: a typed cell of a status table (Status, Priority, Owner, Feature, Team, Target), a schedule
 * entry's label, a release criterion. `date-placeholder` keeps the leftovers where a date belongs (this
 * rule skips them); free text (Remarks, prose, headings) is never read, as a page may well explain
 * `X.Y.Z` or `{{ .Version }}` there.
 */
import { scanDates } from '../dates';
import type { Range } from '../findings';
import { plainText } from '../model/inline';
import type { CellRef, ColumnKey, PageModel, TableModel } from '../model/page-model';
import type { Rule, RuleContext } from './rule';

/** Words a template puts in brackets: `<VERSION>`, `[Owner]`, `{release_date}`, `${TAG}`, `%VERSION%`. */
const WORD =
  '(?:version|release|release[ _-]?(?:date|version|name|number)|date|name|owner|owner[ _-]?name|team|status|feature|feature[ _-]?name|link|url|issue|ticket|bug|pr|description|title|milestone|priority|target|target[ _-]?date|email|user|user[ _-]?name|person|assignee|tag|branch|commit|number|id|project|component)';

/** One leftover form: its pattern (global) and whether it counts only as the cell's whole value. */
interface Form {
  re: RegExp;
  /** Only when the value is this token and nothing else (`$1` in `costs $1` is money). */
  whole: boolean;
}

const FORMS: readonly Form[] = [
  // Regex back-references: `\1` is no Markdown escape, so it is shown as written.
  { re: /\\[1-9](?![0-9])/g, whole: false },
  { re: /\$\{?[1-9]\}?/g, whole: true },
  // Go, Jinja, Mustache and Handlebars fields. Page syntax is not: Hugo shortcodes (`{{< ref >}}`,
  // `{{% … %}}`) and Jekyll's site variables (`{{ site.baseurl }}`) are filled when the site is built.
  { re: /\{\{(?![<%]|\s*(?:site|page|include|layout|jekyll|paginator)\.)[^{}\n]{1,80}\}\}/g, whole: false },
  { re: new RegExp(`\\$\\{${WORD}\\}|%${WORD}%|__${WORD}__`, 'gi'), whole: false },
  // `<VERSION>` is read as an unknown HTML tag: GFM passes it through and the browser shows nothing.
  { re: new RegExp(`<${WORD}>|\\[${WORD}\\](?![[(:])|\\{${WORD}\\}`, 'gi'), whole: false },
  // Versions written with letters: `X.Y.Z`, `vX.Y`, `XX.XX.XX`, `x.y.z` (not `1.x`, a series).
  { re: /(?<![\p{L}\p{N}.])v?(?:[XYZN]{1,2}\.[XYZN]{1,2}(?:\.[XYZN]{1,2})?|x\.y(?:\.z)?)(?![\p{L}\p{N}]|\.[\p{L}\p{N}])/gu, whole: false },
  // `TBD-XXX`, `#XXXX`, `BZ#xxxxx`: the X's of a number to fill in.
  { re: /(?<![\p{L}\p{N}])(?:[A-Za-z]+[-#])?(?:X{3,}|x{3,})(?![\p{L}\p{N}])/gu, whole: false },
];

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

interface Hit {
  start: number;
  end: number;
  text: string;
}

/** Leftovers in a value's raw text; `[start, end)` are offsets into `raw`. Inside HTML comments: none. */
export function leftovers(raw: string): Hit[] {
  const visible = raw.replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length));
  const plain = plainText(visible).replace(/^[\s*_~`]+|[\s*_~`]+$/g, '');
  const hits: Hit[] = [];
  const taken = (s: number, e: number): boolean => hits.some((h) => s < h.end && e > h.start);
  for (const form of FORMS) {
    form.re.lastIndex = 0;
    for (const m of visible.matchAll(form.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (form.whole && plain !== m[0].replace(/^[\s*_~`]+|[\s*_~`]+$/g, '')) continue;
      // `[release]` may be a reference link defined elsewhere on the page; `[VERSION]` in capitals is not.
      if (m[0].startsWith('[') && m[0] !== m[0].toUpperCase()) continue;
      if (!taken(start, end)) hits.push({ start, end, text: m[0] });
    }
  }
  // Date patterns (`YYYY-MM-DD`, `dd/mm/yyyy`, `2024-xx-xx`) found by the date scanner, in any typed value.
  for (const t of scanDates(visible)) {
    if (t.kind !== 'placeholder') continue;
    if (!taken(t.start, t.end)) hits.push({ start: t.start, end: t.end, text: t.text });
  }
  return hits.sort((a, b) => a.start - b.start);
}

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
    for (const row of table.rows) {
      if (row.malformed) continue; // a misaligned row's values are not read (table-cell-count says why)
      for (const i of columns) {
        const cell = row.cells[i] as CellRef | undefined;
        if (cell) checkCell(ctx, cell, `the ${columnOf(table, i)} column`);
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
