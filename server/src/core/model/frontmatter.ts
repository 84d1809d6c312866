/** YAML front matter with the exact positions of keys, values and errors. */
import type { Document, Node as YamlNode, YAMLMap } from 'yaml';
import { yaml } from '../yaml';
import type { SourceLine } from '../lines';
import type { Range } from '../findings';
import { readSimpleFrontMatter } from './frontmatter-simple';

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'list' | 'map' | 'other';

export interface FrontMatterField {
  key: string;
  keyRange: Range;
  type: FieldType;
  /** Scalar value (strings, numbers, booleans); list items' scalar values for lists. */
  value: string | number | boolean | null | Array<string | number | boolean | null>;
  /** Source text of the value exactly as written. */
  raw: string;
  valueRange: Range;
}

export interface FrontMatterError {
  message: string;
  range: Range;
}

export interface FrontMatter {
  startLine: number;
  endLine: number;
  fields: Map<string, FrontMatterField>;
  errors: FrontMatterError[];
}

const MAX_YAML_CHARS = 256 * 1024;
const MAX_EXPANDED = 10_000;

type ToRange = (from: number, to: number) => Range;
type Scalar = string | number | boolean | null;

/**
 * How many values the document would have with its aliases expanded, measured without expanding
 * (aliases can expand exponentially: "billion laughs"), capped a little above `MAX_EXPANDED`; and the
 * first alias met, to point at.
 */
function expansion(doc: Document.Parsed): { size: number; firstAlias: [number, number] | null } {
  const { isAlias, isMap, isPair, isSeq } = yaml();
  const sizes = new Map<unknown, number>();
  let firstAlias: [number, number] | null = null;
  const expandedSize = (node: unknown, depth: number): number => {
    if (depth > 64) return Infinity;
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, Infinity); // a cycle counts as unbounded
    let size = 1;
    if (isAlias(node)) {
      firstAlias ??= node.range ? [node.range[0], node.range[1]] : null;
      size = expandedSize(node.resolve(doc), depth + 1);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        size += isPair(item) ? expandedSize(item.key, depth + 1) + expandedSize(item.value, depth + 1) : expandedSize(item, depth + 1);
        if (size > MAX_EXPANDED) break;
      }
    }
    sizes.set(node, size);
    return size;
  };
  return { size: expandedSize(doc.contents, 0), firstAlias };
}

function scalarOf(x: unknown): Scalar {
  return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? x : x === null ? null : String(x);
}

/** The type and value of one top-level field's value node. */
function typed(v: YamlNode | null, raw: string): Pick<FrontMatterField, 'type' | 'value'> {
  const { isMap, isScalar, isSeq } = yaml();
  if (v === null || (isScalar(v) && v.value === null)) return { type: 'null', value: null };
  if (isScalar(v)) {
    const val = v.value;
    const type: FieldType =
      typeof val === 'string'
        ? 'string'
        : typeof val === 'number'
          ? Number.isInteger(val) && !/[.eE]/.test(raw)
            ? 'integer'
            : 'number'
          : typeof val === 'boolean'
            ? 'boolean'
            : 'other';
    return { type, value: scalarOf(val) };
  }
  if (isSeq(v)) return { type: 'list', value: v.items.map((it) => (isScalar(it) ? scalarOf(it.value) : null)) };
  return { type: isMap(v) ? 'map' : 'other', value: null };
}

/** The top-level fields of a mapping, with the ranges of their keys and values. */
function readFields(map: YAMLMap, text: string, toRange: ToRange, into: Map<string, FrontMatterField>): void {
  const { isScalar } = yaml();
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const kr = pair.key.range ?? [0, 0];
    const v = pair.value as YamlNode | null;
    const vr = v?.range ?? [kr[1], kr[1]];
    const raw = text.slice(vr[0], vr[1]);
    into.set(key, { key, keyRange: toRange(kr[0], kr[1]), ...typed(v, raw), raw, valueRange: toRange(vr[0], vr[1]) });
  }
}

export function parseFrontMatter(lines: readonly SourceLine[], endLine: number): FrontMatter {
  const fm: FrontMatter = { startLine: 0, endLine, fields: new Map(), errors: [] };
  const bodyLines = lines.slice(1, endLine).map((l) => l.text);
  const text = bodyLines.join('\n');
  if (text.length > MAX_YAML_CHARS) {
    fm.errors.push({
      message: `Front matter is ${text.length} characters long; only ${MAX_YAML_CHARS} are read.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
    });
    return fm;
  }
  // Speed: most front matter is a few `key: value` lines, read without loading yaml (the same fields: see frontmatter-simple.ts).
  const simple = readSimpleFrontMatter(bodyLines);
  if (simple) {
    fm.fields = simple;
    return fm;
  }
  return parseWithYaml(fm, text, bodyLines);
}

/** The front matter's fields (or errors) as `yaml` reads them. */
export function parseWithYaml(fm: FrontMatter, text: string, bodyLines: readonly string[]): FrontMatter {
  const { isMap, LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  // LineCounter lines are 1-based within the YAML, which starts on page line 1: the same number is the
  // 0-based page line. A position past a line's end (YAML reports some errors on the line break itself)
  // is clamped to it.
  const at = (offset: number): { line: number; character: number } => {
    const p = lc.linePos(Math.min(offset, text.length));
    return { line: p.line, character: Math.min(p.col - 1, bodyLines[p.line - 1]?.length ?? 0) };
  };
  const toRange: ToRange = (from, to) => ({ start: at(from), end: at(to) });
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, strict: false });
  for (const e of doc.errors) {
    fm.errors.push({ message: e.message.split('\n')[0], range: toRange(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)) });
  }
  if (fm.errors.length > 0 || !doc.contents) return fm;
  const { size, firstAlias } = expansion(doc);
  if (size > MAX_EXPANDED) {
    const [a, b] = firstAlias ?? [0, 1];
    fm.errors.push({ message: `aliases (*name) here expand to more than ${MAX_EXPANDED} values: refused`, range: toRange(a, b) });
    return fm;
  }
  if (!isMap(doc.contents)) {
    const r = doc.contents.range;
    fm.errors.push({ message: 'Front matter must be a mapping of keys to values.', range: toRange(r[0], r[1]) });
    return fm;
  }
  readFields(doc.contents, text, toRange, fm.fields);
  return fm;
}
