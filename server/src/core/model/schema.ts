/**
 * Column schemas: which declaration (a built-in profile, model/profiles.ts, or a `tables:` entry of the
 * configuration) describes a table, and the typed columns that follow. The model keeps the result on
 * `TableModel.schema`; rules, the vocabulary (vocabulary.ts), completion and hover read it from there.
 */
import type { StatusColour } from '../../../../shared/status/model';

export type { StatusColour };
import { plainText } from './inline';

export const COLUMN_TYPES = ['date', 'date-range', 'status', 'priority', 'person', 'link', 'issue', 'percent', 'version', 'text'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Where a schema (or one of its columns) was declared. */
export type SchemaOrigin =
  | { kind: 'builtin'; profile: string }
  /** `file` is the configuration file (null: the editor settings); `line` 0-based. */
  | { kind: 'config'; file: string | null; line: number };

/** A declared value of a status or priority column: its colour (statuses) and rank (0 first). */
export interface SchemaValue {
  value: string;
  colour: StatusColour | null;
  rank: number;
}

/** One column of a declaration: the header names it may have, its type, values and whether it must be filled. */
export interface ColumnDecl {
  names: readonly string[];
  type: ColumnType;
  values: readonly SchemaValue[] | null;
  required: boolean;
  /** For `issue` columns: the tracker reference pattern (a regular expression's source), or null for the usual ones. */
  pattern: string | null;
  origin: SchemaOrigin;
}

/** A table declaration: how it is matched and its typed columns. */
export interface TableDecl {
  name: string;
  /** Each group must be met by some header cell (a group's names are alternatives); empty: headers do not matter. */
  headerGroups: ReadonlyArray<readonly string[]>;
  /** A text the nearest heading above the table must contain (case-insensitive), or null. */
  heading: string | null;
  /** Only tables the build read as schedules (built-in schedule profile). */
  schedule?: boolean;
  columns: readonly ColumnDecl[];
  origin: SchemaOrigin;
}

/** A typed column of a matched table. */
export interface SchemaColumn {
  index: number;
  /** The header cell's plain text (`**When**` → `When`). */
  header: string;
  type: ColumnType;
  values: readonly SchemaValue[] | null;
  required: boolean;
  pattern: string | null;
  origin: SchemaOrigin;
}

/** What the model says of a table's schema: the declaration that matched and its typed columns. */
export interface TableSchema {
  name: string;
  origin: SchemaOrigin;
  columns: readonly SchemaColumn[];
}

/** A header cell as compared with declared names: plain text, lower case, single spaces, no trailing colon. */
export function normaliseHeader(h: string): string {
  return plainText(h).toLowerCase().replace(/\s+/g, ' ').replace(/\s*:$/, '').trim();
}

const COLOURS: Readonly<Record<string, StatusColour>> = {
  green: 'green',
  orange: 'orange',
  yellow: 'orange',
  amber: 'orange',
  red: 'red',
  grey: 'other',
  gray: 'other',
  blue: 'other',
  none: 'other',
};

/** The colour a configuration names (`green`, `yellow`/`amber`/`orange`, `red`, `grey`/`blue`/`none`), or null. */
export function colourNamed(name: string): StatusColour | null {
  return COLOURS[name.trim().toLowerCase()] ?? null;
}

export const COLOUR_NAMES: readonly string[] = Object.keys(COLOURS);

/** Where a declaration was written, for messages and hovers: `.release-pages.yaml:7`, `settings`, `built-in profile "…"`. */
export function originText(o: SchemaOrigin): string {
  if (o.kind === 'builtin') return `built-in profile "${o.profile}"`;
  return o.file === null ? 'the releasePages.tables setting' : `${o.file.split(/[\\/]/).pop() ?? o.file}:${o.line + 1}`;
}

/** Whether `decl` describes a table with this header (normalised cells) under this heading. */
function matches(decl: TableDecl, header: readonly string[], heading: string | null, schedule: boolean): boolean {
  if (decl.schedule && !schedule) return false;
  if (decl.heading !== null && !(heading ?? '').toLowerCase().includes(decl.heading.toLowerCase())) return false;
  return decl.headerGroups.every((group) => group.some((n) => header.includes(n)));
}

/** The typed columns of `decl` in a table with this header: each declared column the table has, first header cell that fits. */
function typedColumns(decl: TableDecl, raw: readonly string[], header: readonly string[]): SchemaColumn[] {
  const out: SchemaColumn[] = [];
  const taken = new Set<number>();
  for (const c of decl.columns) {
    const index = header.findIndex((h, i) => !taken.has(i) && c.names.includes(h));
    if (index < 0) continue;
    taken.add(index);
    out.push({
      index,
      header: plainText(raw[index]).replace(/\s+/g, ' ').trim(),
      type: c.type,
      values: c.values,
      required: c.required,
      pattern: c.pattern,
      origin: c.origin,
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * The schema of a table: the first declaration that matches it (the configuration's, in the order written,
 * before the built-in profiles), or null. A declaration that matches but types none of the table's columns
 * is passed over.
 */
export function matchSchema(
  decls: readonly TableDecl[],
  raw: readonly string[],
  heading: string | null,
  schedule: boolean,
): TableSchema | null {
  const header = raw.map(normaliseHeader);
  for (const decl of decls) {
    if (!matches(decl, header, heading, schedule)) continue;
    const columns = typedColumns(decl, raw, header);
    if (columns.length === 0) continue;
    return { name: decl.name, origin: decl.origin, columns };
  }
  return null;
}

/** The schema's column at a table column index, or null. */
export function schemaColumn(schema: TableSchema | null, index: number): SchemaColumn | null {
  return schema?.columns.find((c) => c.index === index) ?? null;
}
