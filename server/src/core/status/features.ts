// Over 300 lines: every reading of a feature row (status with its emoji colours, priority, target, the repair of a misshapen row) stays beside the row memo that depends on all of them.
/** Feature rows of the page's feature tables, read into status items (colour, priority, target). */
import { isoDay, scanDates, toIso, type DateToken } from '../dates';
import { matchLeading, plainText } from '../model/inline';
import type { CellRef, LogicalRow, PageModel, TableModel } from '../model/page-model';
import { dayOf } from '../model/page-dates';
import { isUnsetCell, readValue, struckPrefix } from '../model/values';
import { displayText } from './display-text';
import type { FeatureStatus, StatusColour, StatusDate } from '../../../../shared/status/model';
import { rowShape } from '../model/row-shape';
import { valueKey } from '../model/learned';
import { emojiColour, statusColour, withEmoji } from './colours';

export interface Vocabulary {
  statuses: readonly string[];
  priorities: readonly string[];
  /** The colour of each status that has one (lower-case value → colour: vocabulary.ts, declared or built in). */
  colours?: Readonly<Record<string, StatusColour>>;
}

const DATE_KINDS = new Set<DateToken['kind']>(['date', 'invalid', 'placeholder']);

/** A date token as a status date: its text and, when it names a day on this page, the ISO day. */
export function statusDate(page: PageModel, token: DateToken): StatusDate {
  const ymd = dayOf(page, token);
  return { text: token.text, iso: ymd ? toIso(ymd.year, ymd.month, ymd.day) : null };
}

/** The struck-through values before the live one (`<s>Red</s> ~~Orange~~ Green` → Red, Orange). */
function history(raw: string): string[] {
  const prefix = raw.slice(0, struckPrefix(raw));
  const out: string[] = [];
  for (const m of prefix.matchAll(/<(s|del|strike)>([\s\S]*?)<\/\1>|~~([\s\S]*?)~~/gi)) {
    const groups: readonly (string | undefined)[] = m; // one shape matched: the other's group is undefined
    const text = displayText(groups[2] ?? groups[3] ?? '');
    if (text) out.push(text);
  }
  return out;
}

interface StatusRead {
  colour: StatusColour;
  label: string;
  comment: string;
  history: string[];
}

function tidyComment(after: string): string {
  return after
    .replace(/(,\s*)+,/g, ',')
    .replace(/^[\s\-–—:,;.]+/, '')
    .replace(/[\s,]+$/, '');
}

/**
 * A status cell read for the dashboard: the value (the vocabulary's spelling when the page knows it, else
 * the cell's words up to its comment: `Supported (current)` → `Supported`), what follows it, and its
 * colour (colours.ts: legend, emoji, colour names, common status words).
 */
function readStatus(page: PageModel, cell: CellRef | undefined, statuses: readonly string[], colours?: Vocabulary['colours']): StatusRead {
  if (!cell) return { colour: 'unset', label: '', comment: '', history: [] };
  const raw = cell.text;
  const past = history(raw);
  const live = raw.slice(struckPrefix(raw));
  if (isUnsetCell(live)) return { colour: 'unset', label: '', comment: '', history: past };
  const shown = displayText(live);
  const m = matchLeading(plainText(live), statuses);
  if (!m) {
    const key = valueKey.get(live);
    const split = key !== '' && key !== shown && shown.startsWith(key);
    const label = withEmoji(split ? key : shown);
    return {
      colour: statusColour(page, label, shown, colours),
      label,
      comment: split ? tidyComment(shown.slice(key.length)) : '',
      history: past,
    };
  }
  const after = matchLeading(shown, statuses) ? shown.slice(m.length) : '';
  return { colour: statusColour(page, m.match, shown, colours), label: m.match, comment: tidyComment(after), history: past };
}

interface PriorityRead {
  priority: string | null;
  must: boolean;
}

function readPriority(cell: CellRef, priorities: readonly string[]): PriorityRead {
  const v = readValue(cell, priorities);
  const priority =
    v.state === 'unset' ? null : v.state === 'unknown' ? displayText(cell.text.slice(struckPrefix(cell.text))) || null : v.match;
  return { priority, must: priority !== null && priority.toLowerCase() === 'must' };
}

const NO_PRIORITY: PriorityRead = { priority: null, must: false };
const NO_TARGET: TargetRead = { target: null, history: [], day: null };

function readText(cell: CellRef | undefined): string | null {
  if (!cell || isUnsetCell(cell.text)) return null;
  return displayText(cell.text) || null;
}

interface TargetRead {
  target: StatusDate | null;
  history: StatusDate[];
  /** The target's day number (see dayNumber), when it names a day. */
  day: number | null;
}

function readTarget(page: PageModel, cell: CellRef | undefined): TargetRead {
  const { target, history } = targetOf(page, cell);
  return { target, history, day: target?.iso ? isoDay(target.iso) : null };
}

function targetOf(page: PageModel, cell: CellRef | undefined): { target: StatusDate | null; history: StatusDate[] } {
  if (!cell) return { target: null, history: [] };
  const tokens = scanDates(cell.text).filter((t) => DATE_KINDS.has(t.kind));
  const live = tokens.filter((t) => !t.struck);
  const past = tokens.filter((t) => t.struck).map((t) => statusDate(page, t));
  const last = live.at(-1);
  if (last) return { target: statusDate(page, last), history: past };
  if (isUnsetCell(cell.text)) return { target: null, history: past };
  return { target: { text: displayText(cell.text), iso: null }, history: past };
}

/**
 * A row with one cell too many that has a stray empty cell (`| |[Owner]…`): the cells with that empty
 * cell dropped, when the Status column then reads a known status. A short row is read as GFM shows it
 * (padded with empty cells) unless a left-out cell moved a typed value into the wrong column. Null when
 * no such repair exists.
 */
function repairRow(row: LogicalRow, table: TableModel, vocab: Vocabulary): CellRef[] | null {
  const cells = row.cells;
  const statuses = vocab.statuses;
  if (cells.length < table.header.length) {
    const shape = rowShape(table, row, vocab);
    return shape.kind === 'short' && shape.misplaced === null ? [...cells] : null;
  }
  const col = table.columns.status;
  if (cells.length !== table.header.length + 1 || col === undefined) return null;
  for (let i = 1; i < cells.length; i++) {
    if (cells[i].text.trim() !== '') continue;
    const candidate = [...cells.slice(0, i), ...cells.slice(i + 1)];
    const status = candidate[col] as CellRef | undefined;
    if (status && !isUnsetCell(status.text) && (matchLeading(plainText(status.text), statuses) || emojiColour(status.text)))
      return candidate;
  }
  return null;
}

/** Rows per memo entry (see CHUNKS). */
const CHUNK = 256;

interface Chunk {
  key: string;
  rows: readonly LogicalRow[];
  items: ReadonlyArray<FeatureStatus | null>;
}

/**
 * Status items of runs of rows, found by the run's first row: a row untouched by an edit is the same
 * object in the next version of the page (see model/patch.ts), so the dashboard of a big page is rebuilt
 * from the changed rows only. One entry per run of rows, not per row: ten thousand WeakMap entries cost
 * more than reading the rows they save. The key holds everything else an item depends on (vocabulary,
 * today, the page's date reading, the table); a run keeps SLOTS keys, as the preview (its as-of day)
 * and the code lens (today) read the same rows.
 */
const CHUNKS = new WeakMap<LogicalRow, Chunk[]>();
const SLOTS = 2;

/**
 * One build's readings of cell texts: statuses, targets and display texts repeat down a column (a few
 * dozen statuses, a few hundred dates in 10,000 rows), so each distinct text is read once per build.
 * The results are shared by the rows' items (nothing changes them).
 */
export class FeatureReader {
  private readonly statuses = new Map<string, StatusRead>();
  private readonly targets = new Map<string, TargetRead>();
  private readonly priorities = new Map<string, PriorityRead>();
  private readonly texts = new Map<string, string | null>();

  constructor(private readonly vocab: Vocabulary) {}

  /** The reader serves one page per build: `page` is that page (its legend gives colours). */
  status(page: PageModel, cell: CellRef | undefined): StatusRead {
    if (!cell) return readStatus(page, cell, this.vocab.statuses, this.vocab.colours);
    let r = this.statuses.get(cell.text);
    if (!r) this.statuses.set(cell.text, (r = readStatus(page, cell, this.vocab.statuses, this.vocab.colours)));
    return r;
  }

  target(page: PageModel, cell: CellRef | undefined): TargetRead {
    if (!cell) return readTarget(page, cell);
    let r = this.targets.get(cell.text);
    if (!r) this.targets.set(cell.text, (r = readTarget(page, cell)));
    return r;
  }

  priority(cell: CellRef | undefined): PriorityRead {
    if (!cell) return NO_PRIORITY;
    let r = this.priorities.get(cell.text);
    if (!r) this.priorities.set(cell.text, (r = readPriority(cell, this.vocab.priorities)));
    return r;
  }

  text(cell: CellRef | undefined): string | null {
    if (!cell) return null;
    let r = this.texts.get(cell.text);
    if (r === undefined) this.texts.set(cell.text, (r = readText(cell)));
    return r;
  }
}

/**
 * The tables the dashboard reads as feature lists: the feature tables, and any other table with a Status
 * column (a support-policy table, a tracker with `On track` / `At risk`, a component list with emoji).
 * `FeatureStatus.table` indexes this list.
 */
export function statusTables(page: PageModel): TableModel[] {
  return page.tables.filter((t) => t.isFeatureTable || t.columns.status !== undefined);
}

/** Headers that name what a row is about, in a table without a Feature column. */
const NAME_HEADER =
  /\b(?:name|release|version|component|item|task|enhancement|kep|story|epic|deliverable|project|service|module|package|sdk|runtime|product|area|goal|objective|milestone|phase|step|scenario)s?\b/i;

const NAME_COLUMNS = new WeakMap<TableModel, number | undefined>();

/**
 * The column that names a row when the table has no Feature column: the first whose header names a thing
 * (`Release`, `Component`, `Version`; not `Release date`), else the first column that is not typed.
 */
function nameColumn(table: TableModel): number | undefined {
  if (NAME_COLUMNS.has(table)) return NAME_COLUMNS.get(table);
  const typed = new Set(Object.values(table.columns));
  const free = table.header.map((h, i) => ({ h: plainText(h), i })).filter(({ i }) => !typed.has(i));
  const named = free.find(({ h }) => NAME_HEADER.test(h) && !/\b(?:date|day|eta|due|deadline)s?\b/i.test(h));
  const col = (named ?? free.at(0))?.i;
  NAME_COLUMNS.set(table, col);
  return col;
}

/** Every row of every feature table, in page order. `today` is a day number (see `dayNumber`). */
export function readFeatures(page: PageModel, vocab: Vocabulary, today: number): FeatureStatus[] {
  const out: FeatureStatus[] = [];
  const tables = statusTables(page);
  const context = JSON.stringify([vocab, today, page.slashOrder, page.releaseYear]);
  const reading = new FeatureReader(vocab);
  tables.forEach((table, index) => {
    const key = `${context}\u0000${index}\u0000${JSON.stringify(table.columns)}\u0000${table.header.length}`;
    const rows = table.rows;
    for (let from = 0; from < rows.length; from += CHUNK) {
      const to = Math.min(rows.length, from + CHUNK);
      const kept = CHUNKS.get(rows[from]) ?? [];
      const before = kept.find((c) => c.key === key);
      const items: Array<FeatureStatus | null> = [];
      let same = before?.rows.length === to - from;
      for (let i = from; i < to; i++) {
        const row = rows[i];
        const unchanged = before?.rows[i - from] === row;
        const item = unchanged ? before.items[i - from] : readRow(reading, page, table, index, row, vocab, today);
        same &&= unchanged;
        items.push(item);
        if (item) out.push(item);
      }
      const chunk = same && before ? before : { key, rows: rows.slice(from, to), items };
      if (kept[0] !== chunk) CHUNKS.set(rows[from], [chunk, ...kept.filter((c) => c.key !== key)].slice(0, SLOTS));
    }
  });
  return out;
}

/** The status item of one row, or null for an empty row. */
function readRow(
  reading: FeatureReader,
  page: PageModel,
  table: TableModel,
  index: number,
  row: LogicalRow,
  vocab: Vocabulary,
  today: number,
): FeatureStatus | null {
  const c = table.columns;
  let cells = row.cells;
  let repaired = false;
  if (row.malformed) {
    const fixed = repairRow(row, table, vocab);
    if (fixed) {
      cells = fixed;
      repaired = true;
    }
  }
  const readable = !row.malformed || repaired;
  const at = (col: number | undefined): CellRef | undefined => (col === undefined ? undefined : cells[col]);
  const { name, link } = readName(cells, c.feature ?? nameColumn(table));
  if (name === '' && cells.every((x) => x.text.trim() === '')) return null;
  const status: StatusRead = readable
    ? reading.status(page, at(c.status))
    : { colour: 'other', label: 'Unreadable row', comment: 'the row does not match the header', history: [] };
  const { target, history: targetHistory, day } = readable ? reading.target(page, at(c.target)) : NO_TARGET;
  const { priority, must } = readable ? reading.priority(at(c.priority)) : NO_PRIORITY;
  const overdueDays = day !== null && status.colour !== 'green' ? Math.max(0, today - day) : 0;
  const item: FeatureStatus = {
    line: row.lines[0],
    endLine: row.lines[row.lines.length - 1],
    table: index,
    team: readable ? reading.text(at(c.team)) : reading.text(cells[c.team ?? -1]),
    name: name || '(unnamed)',
    owner: readable ? reading.text(at(c.owner)) : null,
    priority,
    colour: status.colour,
    statusLabel: status.label,
    statusComment: status.comment,
    statusHistory: status.history,
    target,
    targetHistory,
    overdue: overdueDays > 0,
    overdueDays,
    mustNotGreen: must && status.colour !== 'green',
    malformed: row.malformed,
    repaired,
  };
  // Set after, not spread into the literal (`...(link === null ? {} : { link })`): a spread in an object
  // literal is copied property by property at run time, a third of the status model's time at 10,000 rows.
  if (link !== null) item.link = link;
  return item;
}

/** The feature's display name and link target (empty name and null link when the table has no feature column). */
function readName(cells: readonly CellRef[], col: number | undefined): { name: string; link: string | null } {
  const raw = col === undefined ? '' : (cells[col]?.text ?? '');
  return raw === '' ? { name: '', link: null } : { name: displayText(raw), link: featureLink(raw) };
}

/** The first link target in a feature's name cell (`[RAM Snapshots](Features/RAM Snapshots)`), trimmed; null without one. */
function featureLink(raw: string): string | null {
  if (!raw.includes('](')) return null;
  const m = /\]\(\s*<?([^()<>\n]*?)>?\s*\)/.exec(raw);
  return m && m[1] !== '' ? m[1] : null;
}
