// Over 300 lines: every key of a `tables:` entry is read and reported here, in one place, so the configuration file and the editor settings read tables alike.
/**
 * The `tables:` setting: table declarations (model/schema.ts) read from a configuration file's YAML nodes
 * or from the editor settings' JSON, each problem reported at its place. The form:
 *
 * ```yaml
 * tables:
 *   - name: Supported releases          # optional
 *     match: { headers: [Release, Status], anyHeaders: [EOL, End of life], heading: Support }  # optional
 *     columns:
 *       Release: version                # a type alone
 *       Status: { type: status, values: [Supported: green, Unsupported: red], required: true }
 * ```
 */
import type { Node as YamlNode, YAMLMap as YamlMap } from 'yaml';
import { yaml } from '../yaml';
import { shownText } from '../lines';
import {
  COLUMN_TYPES,
  colourNamed,
  COLOUR_NAMES,
  normaliseHeader,
  type ColumnDecl,
  type ColumnType,
  type SchemaOrigin,
  type SchemaValue,
  type TableDecl,
} from '../model/schema';
import type { StatusColour } from '../../../../shared/status/model';

/** Reports a problem at a node (its start; the file's start when there is none). */
export type ReportAt = (node: YamlNode | null | undefined, message: string) => void;

/** Where a node is written: its 0-based line (0 when unknown, as for the editor settings). */
export type LineOf = (node: YamlNode | null | undefined) => number;

/** Bounds: a configuration is data a workspace may hand us, so nothing in it is unbounded. */
export const TABLE_LIMITS = { tables: 200, columns: 100, values: 1000, pattern: 200 } as const;

const TABLE_KEYS = ['name', 'match', 'columns'];
const MATCH_KEYS = ['headers', 'anyHeaders', 'heading'];
const COLUMN_KEYS = ['type', 'values', 'required', 'pattern', 'aliases'];

function str(node: YamlNode | null | undefined): string | null {
  return yaml().isScalar(node) && typeof node.value === 'string' ? node.value : null;
}

function names(node: YamlNode | null, what: string, at: ReportAt): string[] | null {
  if (!yaml().isSeq(node) || !node.items.every((i) => str(i as YamlNode) !== null) || node.items.length === 0) {
    at(node, `\`${what}\` must be a non-empty list of header names.`);
    return null;
  }
  return node.items.map((i) => normaliseHeader(str(i as YamlNode) ?? ''));
}

/**
 * A quantified group that itself holds a quantifier (`(a+)+`, `(\w*)*`): the shape of patterns that take
 * exponential time on a crafted cell. Refused, so a workspace's configuration cannot hang the checker.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;

function patternOf(node: YamlNode | null, at: ReportAt): string | null {
  const p = str(node);
  if (p === null || p === '') {
    at(node, '`pattern` must be a regular expression, e.g. `#\\d+` or `[A-Z]+-\\d+`.');
    return null;
  }
  if (p.length > TABLE_LIMITS.pattern) {
    at(node, `\`pattern\` is longer than ${TABLE_LIMITS.pattern} characters.`);
    return null;
  }
  if (NESTED_QUANTIFIER.test(p)) {
    at(
      node,
      '`pattern` repeats a group that repeats (such as `(a+)+`): it could take very long on some cells; write it without the nesting.',
    );
    return null;
  }
  try {
    new RegExp(p, 'u');
  } catch (e) {
    at(node, `\`pattern\` is not a regular expression: ${shownText(e instanceof Error ? e.message : String(e), 120)}.`);
    return null;
  }
  return p;
}

/** One value: `On track`, `On track: green` (a string or a one-key map), in a list or as a map's entry. */
function valueOf(key: string, colourNode: YamlNode | null, keyNode: YamlNode | null, rank: number, at: ReportAt): SchemaValue | null {
  let colour: StatusColour | null = null;
  if (colourNode !== null) {
    const name = str(colourNode);
    colour = name === null ? null : colourNamed(name);
    if (colour === null) {
      at(colourNode, `Unknown colour for "${shownText(key)}": use ${COLOUR_NAMES.join(', ')}.`);
      return null;
    }
  }
  if (key.trim() === '') {
    at(keyNode, 'A value must not be empty.');
    return null;
  }
  return { value: key.trim(), colour, rank };
}

function valuesOf(node: YamlNode | null, at: ReportAt): SchemaValue[] | null {
  const out: SchemaValue[] = [];
  const entries: Array<[string, YamlNode | null, YamlNode | null]> = [];
  if (yaml().isMap(node)) {
    for (const p of node.items)
      entries.push([String((p.key as { value?: unknown } | null)?.value ?? ''), p.value as YamlNode | null, p.key as YamlNode | null]);
  } else if (yaml().isSeq(node)) {
    for (const item of node.items as YamlNode[]) {
      const s = str(item);
      if (s !== null) {
        // `"On track: green"` written as one string: the colour after the last colon, when it names one.
        const m = /^(.*\S)\s*:\s*(\w+)$/.exec(s);
        if (m && colourNamed(m[2])) entries.push([m[1], new (yaml().Document)(m[2]).contents, item]);
        else entries.push([s, null, item]);
      } else if (yaml().isMap(item) && item.items.length === 1) {
        const p = item.items[0];
        entries.push([String((p.key as { value?: unknown } | null)?.value ?? ''), p.value as YamlNode | null, item]);
      } else {
        at(item, 'A value is a string, or `Value: colour`.');
        return null;
      }
    }
  } else {
    at(node, '`values` must be a list (`[On track: green, At risk: orange]`) or a map of value → colour.');
    return null;
  }
  if (entries.length > TABLE_LIMITS.values) {
    at(node, `\`values\` lists more than ${TABLE_LIMITS.values} values.`);
    return null;
  }
  for (const [key, colourNode, keyNode] of entries) {
    const v = valueOf(key, colourNode, keyNode, out.length, at);
    if (!v) return null;
    out.push(v);
  }
  return out;
}

function unknownKeys(node: YamlNode, known: readonly string[], what: string, at: ReportAt): void {
  if (!yaml().isMap(node)) return;
  for (const p of node.items) {
    const k = str(p.key as YamlNode);
    if (k === null || !known.includes(k))
      at(p.key as YamlNode, `Unknown ${what} setting "${shownText(String(k ?? ''))}": use ${known.join(', ')}.`);
  }
}

function typeOf(node: YamlNode | null, at: ReportAt): ColumnType | null {
  const t = str(node);
  if (t === null || !(COLUMN_TYPES as readonly string[]).includes(t)) {
    at(node, `Unknown column type${t === null ? '' : ` "${shownText(t)}"`}: use ${COLUMN_TYPES.join(', ')}.`);
    return null;
  }
  return t as ColumnType;
}

/** A column's `values`, `required`, `pattern` and `aliases` for its type; null after reporting what is wrong. */
function columnOptions(
  node: YamlMap,
  type: ColumnType,
  at: ReportAt,
): { values: SchemaValue[] | null; required: boolean; pattern: string | null; aliases: string[] } | null {
  const valuesNode = node.get('values', true) as YamlNode | undefined;
  const values = valuesNode === undefined ? null : valuesOf(valuesNode, at);
  if (valuesNode !== undefined && values === null) return null;
  if (values && type !== 'status' && type !== 'priority' && type !== 'text') {
    at(valuesNode, `\`values\` belong to status, priority or text columns, not to a ${type} column.`);
    return null;
  }
  const requiredNode = node.get('required', true) as YamlNode | undefined;
  const required =
    requiredNode === undefined
      ? false
      : yaml().isScalar(requiredNode) && typeof requiredNode.value === 'boolean'
        ? requiredNode.value
        : null;
  if (required === null) {
    at(requiredNode, '`required` must be true or false.');
    return null;
  }
  const patternNode = node.get('pattern', true) as YamlNode | undefined;
  const pattern = patternNode === undefined ? null : patternOf(patternNode, at);
  if (patternNode !== undefined && pattern === null) return null;
  if (pattern !== null && type !== 'issue') {
    at(patternNode, '`pattern` belongs to issue columns.');
    return null;
  }
  const aliasesNode = node.get('aliases', true) as YamlNode | undefined;
  const aliases = aliasesNode === undefined ? [] : names(aliasesNode, 'aliases', at);
  return aliases && { values, required, pattern, aliases };
}

function columnOf(header: string, node: YamlNode | null, origin: SchemaOrigin, at: ReportAt): ColumnDecl | null {
  const base = normaliseHeader(header);
  if (base === '') {
    at(node, 'A column needs a header name.');
    return null;
  }
  if (!yaml().isMap(node)) {
    const type = typeOf(node, at);
    return type && { names: [base], type, values: null, required: false, pattern: null, origin };
  }
  unknownKeys(node, COLUMN_KEYS, 'column', at);
  const type = typeOf(node.get('type', true) as YamlNode | null, at);
  const options = type && columnOptions(node, type, at);
  if (!type || !options) return null;
  return { names: [base, ...options.aliases], type, values: options.values, required: options.required, pattern: options.pattern, origin };
}

/** `match`: the header groups and heading it asks for; null after reporting what is wrong. */
function matchOf(matchNode: YamlNode, at: ReportAt): { headerGroups: string[][]; heading: string | null } | null {
  if (!yaml().isMap(matchNode)) {
    at(matchNode, '`match` is a mapping: `{ headers, anyHeaders, heading }`.');
    return null;
  }
  unknownKeys(matchNode, MATCH_KEYS, 'match', at);
  const all = matchNode.get('headers', true) as YamlNode | undefined;
  const any = matchNode.get('anyHeaders', true) as YamlNode | undefined;
  const head = matchNode.get('heading', true) as YamlNode | undefined;
  const headerGroups: string[][] = [];
  if (all !== undefined) {
    const list = names(all, 'headers', at);
    if (!list) return null;
    headerGroups.push(...list.map((n) => [n]));
  }
  if (any !== undefined) {
    const list = names(any, 'anyHeaders', at);
    if (!list) return null;
    headerGroups.push(list);
  }
  let heading: string | null = null;
  if (head !== undefined) {
    heading = str(head);
    if (heading === null || heading.trim() === '') {
      at(head, '`heading` must be a text the heading above the table contains.');
      return null;
    }
  }
  if (headerGroups.length === 0 && heading === null) {
    at(matchNode, '`match` needs `headers`, `anyHeaders` or `heading`.');
    return null;
  }
  return { headerGroups, heading };
}

function tableOf(node: YamlNode, index: number, file: string | null, lineOf: LineOf, at: ReportAt): TableDecl | null {
  if (!yaml().isMap(node)) {
    at(node, 'A table is a mapping: `{ name, match, columns }`.');
    return null;
  }
  unknownKeys(node, TABLE_KEYS, 'table', at);
  const origin: SchemaOrigin = { kind: 'config', file, line: lineOf(node) };
  const columnsNode = node.get('columns', true) as YamlNode | undefined;
  if (!yaml().isMap(columnsNode) || columnsNode.items.length === 0) {
    at(columnsNode ?? node, 'A table needs `columns`: a map of header name → type or { type, values, required, pattern }.');
    return null;
  }
  if (columnsNode.items.length > TABLE_LIMITS.columns) {
    at(columnsNode, `A table declares more than ${TABLE_LIMITS.columns} columns.`);
    return null;
  }
  const columns: ColumnDecl[] = [];
  for (const p of columnsNode.items) {
    const header = str(p.key as YamlNode);
    const colOrigin: SchemaOrigin = { kind: 'config', file, line: lineOf(p.key as YamlNode) };
    const c = header === null ? null : columnOf(header, p.value as YamlNode | null, colOrigin, at);
    if (header === null) at(p.key as YamlNode, 'A column header must be a string.');
    if (c) columns.push(c);
  }
  const matchNode = node.get('match', true) as YamlNode | undefined;
  const match = matchNode === undefined ? { headerGroups: columns.map((c) => [...c.names]), heading: null } : matchOf(matchNode, at);
  if (!match) return null;
  const { headerGroups, heading } = match;
  const nameNode = node.get('name', true) as YamlNode | undefined;
  const name = nameNode === undefined ? null : str(nameNode);
  if (nameNode !== undefined && name === null) at(nameNode, '`name` must be a string.');
  return { name: name ?? `table ${index + 1}`, headerGroups, heading, columns, origin };
}

/** `tables:` read from its YAML node; null after reporting that it is no list. */
export function tablesOf(node: YamlNode | null, file: string | null, lineOf: LineOf, at: ReportAt): TableDecl[] | null {
  if (!yaml().isSeq(node)) {
    at(node, '`tables` must be a list of tables: `- { name, match, columns }`.');
    return null;
  }
  if (node.items.length > TABLE_LIMITS.tables) {
    at(node, `\`tables\` lists more than ${TABLE_LIMITS.tables} tables.`);
    return null;
  }
  const out: TableDecl[] = [];
  (node.items as YamlNode[]).forEach((item, i) => {
    const t = tableOf(item, i, file, lineOf, at);
    if (t) out.push(t);
  });
  return out;
}

/**
 * `releasePages.tables` from the editor settings (JSON): read with the same rules, problems returned as
 * messages that name the entry (`releasePages.tables[1] "Components": …`: the settings have no lines to
 * point at). Declarations are `config` ones with no file.
 */
export function tablesFromSettings(value: unknown): { tables: TableDecl[]; problems: string[] } {
  if (value === undefined || value === null) return { tables: [], problems: [] };
  const problems: string[] = [];
  const node = new (yaml().Document)(value).contents;
  if (!yaml().isSeq(node) || node.items.length > TABLE_LIMITS.tables) {
    tablesOf(
      node,
      null,
      () => 0,
      (_n, message) => problems.push(`releasePages.tables: ${message}`),
    );
    return { tables: [], problems };
  }
  const tables: TableDecl[] = [];
  (node.items as YamlNode[]).forEach((item, i) => {
    const name = yaml().isMap(item) ? item.get('name') : undefined;
    const where = `releasePages.tables[${i}]${typeof name === 'string' ? ` "${shownText(name)}"` : ''}`;
    const t = tableOf(
      item,
      i,
      null,
      () => 0,
      (_n, message) => problems.push(`${where}: ${message}`),
    );
    if (t) tables.push(t);
  });
  return { tables, problems };
}
