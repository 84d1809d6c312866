import { scanDates } from '../dates';
import { plainText } from '../model/inline';
import { RELEASE_OF } from '../model/schedule-columns';
import type { ColumnType } from '../model/schema';
import { isUnsetCell, struckPrefix } from '../model/values';
import { shownText } from '../lines';
import type { Rule } from './rule';
import { columnName, schemaCells, type SchemaCell } from './schema-cells';

/** Cells are read up to this many characters (a pattern never runs over a pasted essay). */
const MAX_CELL = 500;

const PERCENT = /^(\d{1,3}(?:[.,]\d+)?)\s?%/;
const VERSION = /^v?\d+(?:\.(?:\d+|x|z))+(?:[-+][0-9A-Za-z.-]+)?(?![\w.])/i;
/** Usual tracker references: `#123`, `JIRA-123`, `BZ 123`/`bug 123`, GitHub issue or pull URLs, Bugzilla URLs. */
const ISSUE =
  /(?:^|[^\w&])#\d+\b|\b[A-Z][A-Z0-9]+-\d+\b|\b(?:bz|bug|rhbz)\s*#?\s*\d+\b|https?:\/\/\S+?\/(?:issues|pull|merge_requests)\/\d+|show_bug\.cgi\?id=\d+/i;
/** A Markdown link, a reference link (full, collapsed or shortcut: `[master-blocking]`), an autolink, a bare URL or a wiki link. */
const LINK = /\[[^\]]*\]\([^)]*\)|\[[^\]]+\]|<(?:https?|mailto):[^>]+>|\bhttps?:\/\/\S+/;

const DATE_KINDS = new Set(['date', 'invalid', 'placeholder']);

function dates(text: string): number {
  return scanDates(text).filter((t) => DATE_KINDS.has(t.kind) && !t.struck).length;
}

/** What is wrong with a typed cell's value, or null. */
function problem(type: ColumnType, raw: string, pattern: string | null): string | null {
  const text = raw.slice(struckPrefix(raw)).slice(0, MAX_CELL);
  const plain = plainText(text).trim();
  switch (type) {
    case 'date':
      return dates(text) > 0 || RELEASE_OF.test(plain) ? null : 'is not a date';
    case 'date-range': {
      const tokens = scanDates(text).filter((t) => DATE_KINDS.has(t.kind) && !t.struck);
      return tokens.length >= 2 || tokens.some((t) => t.until) ? null : 'is not a date range (two dates, or `March 1–5, 2025`)';
    }
    case 'percent': {
      const m = PERCENT.exec(plain);
      if (!m) return 'is not a percentage (`40%`)';
      return Number(m[1].replace(',', '.')) > 100 ? 'is over 100%' : null;
    }
    case 'version':
      return VERSION.test(plain) ? null : 'is not a version (`1.29`, `v2.0.1`)';
    case 'issue':
      return (pattern ? new RegExp(pattern, 'u') : ISSUE).test(text)
        ? null
        : pattern
          ? `does not match the pattern \`${pattern}\``
          : 'is not an issue reference (`#123`, `PROJ-123`, an issue URL)';
    case 'link':
      return LINK.test(text) ? null : 'is not a link';
    default:
      return null;
  }
}

/** Patterns compiled once per declaration (the same string, the same RegExp). */
const CHECKED = new Map<string, string | null>();

function memoProblem(c: SchemaCell): string | null {
  const key = `${c.column.type}\u0000${c.column.pattern ?? ''}\u0000${c.cell.text}`;
  if (CHECKED.has(key)) return CHECKED.get(key) ?? null;
  const p = problem(c.column.type, c.cell.text, c.column.pattern);
  if (CHECKED.size > 10_000) CHECKED.clear();
  CHECKED.set(key, p);
  return p;
}

export const rule: Rule = {
  meta: {
    id: 'column-type',
    description: 'A cell that is not of its configured column type: `date`, `date-range`, `percent`, `version`, `issue` or `link`.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    for (const c of schemaCells(ctx.page)) {
      if (isUnsetCell(c.cell.text)) continue;
      const p = memoProblem(c);
      if (p)
        ctx.report({
          range: c.cell.range,
          message: `"${shownText(plainText(c.cell.text), 40)}" ${p}: ${columnName(c)} holds ${c.column.type} values.`,
        });
    }
  },
};
