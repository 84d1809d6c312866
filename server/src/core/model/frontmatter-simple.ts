/**
 * A reader for the front matter most pages have (`key: value` lines and block lists of plain values),
 * giving exactly the fields `yaml` gives, or null for anything else (which then goes to `yaml`). Loading
 * and running the `yaml` package costs a command-line run about as much as checking the page: a folder of
 * release pages, each with a few `title:`/`authors:` lines, need not pay it.
 *
 * What it reads (anything else, or any doubt, is null):
 * - `key: value`: a key of letters, digits, `_` and `-` (starting with a letter or `_`; not `null`,
 *   `true`, `false`) at the start of the line; a value that is a plain string (no YAML indicator first,
 *   no `: `, ` #`, tab or trailing space, not ending with `:`, not a null or number of the core schema
 *   except whole numbers without a leading zero of at most 15 digits; booleans are read), possibly
 *   going on over indented lines (folded with spaces), or a one-line quoted string without escapes
 *   (`"…"` without `\` or `"`; `'…'` without `'`);
 * - `key:` then one or more `- value` items, all with the same indentation, each a value as above (plain or quoted);
 *   the line after the last item is another key (or the end);
 * - `key: [a, "b"]`: a flow list on one line, of plain values (no flow indicator, `:` or `#` in them) and
 *   quoted ones as above (`aliases: [ "/release" ]`, Hugo's front matter);
 * - `key: |` then lines indented alike (a literal block, clipped: `description: |` and a paragraph), blank
 *   lines inside it, the line after it another key (or the end); `key: >` (folded) the same, its lines all
 *   at one indentation and without blank lines between them;
 * - empty lines between pairs (not right after a list).
 *
 * `test/unit/frontmatter-simple.test.ts` holds reader = `yaml` (fields, types, values, raw text and
 * ranges) on every fixture page's front matter and on generated ones.
 */
import type { Range } from '../findings';
import type { FrontMatterField } from './frontmatter';

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
const NOT_A_STRING_KEY = /^(?:null|true|false)$/i;
/** A plain value's first character may not be a YAML indicator (or a space). */
const INDICATOR_FIRST = /^[-?:,[\]{}#&*!|>'"%@` ]/;
/** Core-schema scalars that are not strings: nulls, booleans, numbers (ints, octal, hex, floats, inf, nan). */
const CORE_NON_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF))|\.(?:nan|NaN|NAN))$/;
const WHOLE = /^(?:0|[1-9][0-9]{0,14})$/;
const BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
/** A line that continues a plain value: indented, not a list item or a comment. */
const CONTINUATION = /^ +[^ \-#]/;

/**
 * Characters no line is read with: controls (tab included), line separators, BOM, surrogates, non-characters
 * (code units: no `u` flag). Speed: one search, not a step of our code per character.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this expression is for
const ODD = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

/** Whether `line` holds one of ODD's characters (exported for the test that holds ODD to its definition). */
export function odd(line: string): boolean {
  return ODD.test(line);
}

type Value = { type: 'string'; value: string } | { type: 'integer'; value: number } | { type: 'boolean'; value: boolean };

/** A plain (unquoted) value: its type and value, or null when `yaml` must read it. */
function plainValue(v: string): Value | null {
  if (v === '' || INDICATOR_FIRST.test(v) || v.endsWith(' ') || v.endsWith(':')) return null;
  if (v.includes(': ') || v.includes(' #')) return null;
  if (WHOLE.test(v)) return { type: 'integer', value: Number(v) };
  if (BOOLEAN.test(v)) return { type: 'boolean', value: v[0] === 't' || v[0] === 'T' };
  if (CORE_NON_STRING.test(v)) return null;
  return { type: 'string', value: v };
}

/** A value after `key: `: plain, or quoted without escapes. */
function scalarValue(v: string): Value | null {
  const q = v[0];
  if (q === '"' || q === "'") {
    if (v.length < 2 || !v.endsWith(q)) return null;
    const inner = v.slice(1, -1);
    if (inner.includes(q) || (q === '"' && inner.includes('\\'))) return null;
    return { type: 'string', value: inner };
  }
  return plainValue(v);
}

type Pos = Range['start'];
/** `body[i]` is page line i + 1. */
const pos = (i: number, character: number): Pos => ({ line: i + 1, character });

interface Read {
  field: Omit<FrontMatterField, 'key' | 'keyRange'>;
  /** The line after the value. */
  next: number;
}

/** A flow list's item: quoted as scalarValue reads it, or plain without flow indicators, `:` or `#`. */
function flowItem(v: string): Value | null {
  if (v[0] === '"' || v[0] === "'") return scalarValue(v);
  return /[[\]{},:#]/.test(v) ? null : plainValue(v);
}

/** `[a, "b"]` whole on one line: its items' values, or null. */
function flowList(v: string): Array<string | number | boolean> | null {
  const inner = v.slice(1, -1).trim();
  if (inner === '') return [];
  const items: Array<string | number | boolean> = [];
  // Split at every comma: a quoted item holding one is cut in two, and its halves are refused.
  for (const part of inner.split(',')) {
    const item = flowItem(part.trim());
    if (!item) return null;
    items.push(item.value);
  }
  return items;
}

/**
 * `key: |` (or `>`, `folded`) on line `i`: a literal block (clip chomping) of lines indented alike, or null. A
 * folded block is read only when its lines are all at one indentation with no blank line between them: its
 * lines are then joined with spaces.
 */
function readBlock(body: readonly string[], i: number, at: number, folded: boolean): Read | null {
  const indent = /^ */.exec(body[i + 1] ?? '')?.[0].length ?? 0;
  if (indent === 0 || indent === body[i + 1].length) return null;
  const prefix = ' '.repeat(indent);
  let last = i + 1;
  let j = i + 1;
  for (; j < body.length; j++) {
    const l = body[j];
    if (l === '') continue;
    if (!l.startsWith(prefix) || odd(l) || l.trim() === '') break;
    last = j;
  }
  // After the block (and the blank lines that end it): the end, or another key at the start of a line.
  if (j < body.length && !KEY.test(body[j])) return null;
  const block = body.slice(i + 1, last + 1);
  const content = block.map((l) => l.slice(indent));
  if (folded && content.some((l) => l === '' || l[0] === ' ')) return null;
  const more = last + 1 < body.length;
  const raw = `${folded ? '>' : '|'}\n${block.join('\n')}${more ? '\n' : ''}`;
  const end = more ? pos(last + 1, 0) : pos(last, body[last].length);
  return {
    field: { type: 'string', value: `${content.join(folded ? ' ' : '\n')}\n`, raw, valueRange: { start: pos(i, at), end } },
    next: j,
  };
}

/** `key: value` on line `i`, the value from column `at`, perhaps going on over indented lines. */
function readPair(body: readonly string[], i: number, at: number): Read | null {
  const line = body[i];
  const first = line.slice(at);
  if (first === '|' || first === '>') return readBlock(body, i, at, first === '>');
  let j = i + 1;
  while (j < body.length && CONTINUATION.test(body[j])) j++;
  const more = body.slice(i + 1, j);
  if (first[0] === '[') {
    const items = more.length === 0 && first.endsWith(']') ? flowList(first) : null;
    return (
      items && { field: { type: 'list', value: items, raw: first, valueRange: { start: pos(i, at), end: pos(i, line.length) } }, next: j }
    );
  }
  const bad = (l: string): boolean => odd(l) || l.endsWith(':') || l.endsWith(' ');
  if (more.length > 0 && (bad(line) || more.some(bad) || line[at] === '"' || line[at] === "'")) return null;
  const v = scalarValue([first, ...more.map((l) => l.trimStart())].join(' '));
  if (!v || (more.length > 0 && v.type !== 'string')) return null;
  const last = j - 1;
  const raw = [first, ...more].join('\n');
  return { field: { ...v, raw, valueRange: { start: pos(i, at), end: pos(last, body[last].length) } }, next: j };
}

/** `key:` on line `i`, then a block list of plain values. */
function readList(body: readonly string[], i: number): Read | null {
  const first = /^( *)- /.exec(body[i + 1] ?? '');
  if (!first) return null;
  const indent = first[1].length;
  const items: Array<string | number | boolean> = [];
  let j = i + 1;
  for (; j < body.length && body[j].startsWith(first[0]) && !odd(body[j]); j++) {
    const v = scalarValue(body[j].slice(indent + 2));
    if (!v) return null;
    items.push(v.value);
  }
  const next = j < body.length ? body[j] : null;
  // After the list: the end, or another key at the start of a line (anything else may belong to the list).
  if (next !== null && (next === '' || !KEY.test(next))) return null;
  const last = j - 1;
  // yaml's range of the list: from the first `-` to the end of its last item, with that line's break when more follows.
  const raw =
    body
      .slice(i + 1, j)
      .join('\n')
      .slice(indent) + (next === null ? '' : '\n');
  const end = next === null ? pos(last, body[last].length) : pos(j, 0);
  return { field: { type: 'list', value: items, raw, valueRange: { start: pos(i + 1, indent), end } }, next: j };
}

/**
 * The fields of a front matter (its lines between the `---` lines, `body[i]` being page line i + 1), as
 * `parseFrontMatter` reads them with `yaml`; null when the text is not of the simple shapes above.
 */
export function readSimpleFrontMatter(body: readonly string[]): Map<string, FrontMatterField> | null {
  const fields = new Map<string, FrontMatterField>();
  let i = 0;
  while (i < body.length) {
    const line = body[i];
    if (line === '') {
      i++;
      continue;
    }
    const k = odd(line) ? null : KEY.exec(line);
    if (!k || NOT_A_STRING_KEY.test(k[1]) || fields.has(k[1])) return null;
    const key = k[1];
    const at = k[0].length;
    // `key:` alone starts a list; `key:` and spaces only is left to yaml.
    const read = at < line.length ? readPair(body, i, at) : line.length === key.length + 1 ? readList(body, i) : null;
    if (!read) return null;
    fields.set(key, { key, keyRange: { start: pos(i, 0), end: pos(i, key.length) }, ...read.field });
    i = read.next;
  }
  return fields.size > 0 ? fields : null;
}
