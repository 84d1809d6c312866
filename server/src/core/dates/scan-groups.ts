/**
 * The form of the date expression (scan.ts) the scanner runs. The expression is written with named groups and
 * the `i` flag (readable, and what `test/unit/dates-spans.test.ts` compares positions by); the scanner runs it
 * with plain numbered groups (for an expression with named groups V8 builds a `groups` object with every name,
 * ~45 properties, on every match, eagerly; a match's parts are read as `g[G.name]`) and without the `i` flag
 * (each letter written in both cases: V8 closes every letter over its case with ICU when it compiles an `i`
 * expression, a third of this one's compile). `test/unit/dates-expression.test.ts` holds both forms equal.
 */

/** The names of the date expression's groups, in the order they open: group `GROUP_NAMES[i]` is number i + 1. */
const GROUP_NAMES = [
  ...['pre', 'tm', 'tz', 'wd'],
  ...['iy', 'im', 'id', 'yy', 'ym', 'yd', 'ry', 'rm', 'rd', 'ty', 'tm2', 'td', 'sa', 'sb', 'sy'],
  ...['dd', 'do', 'wd2', 'de', 'deo', 'dm', 'dy', 'mm', 'md', 'mo', 'me', 'meo', 'my'],
  ...['qm', 'qy', 'qq', 'qqy', 'qyq', 'qq2', 'bs', 'dl', 'pi', 'ps', 'pb', 'bd', 'bo'],
] as const;

export type GroupName = (typeof GROUP_NAMES)[number];

/** The captures of one match, by number (a group that took no part is undefined). */
export type Groups = ReadonlyArray<string | undefined>;

function indices(): Readonly<Record<GroupName, number>> {
  const out: Partial<Record<GroupName, number>> = {};
  GROUP_NAMES.forEach((name, i) => (out[name] = i + 1));
  return out as Record<GroupName, number>;
}

/** The number of each named group: `g[G.iy]` is the ISO date's year. */
export const G = indices();

const NAMED_GROUP = /\(\?<([A-Za-z][A-Za-z0-9]*)>/g;

/**
 * `pattern` with its named groups made plain capturing groups. Throws when its names are not GROUP_NAMES in
 * that order: a change to the expression's groups must be made here too. (That it holds no other capturing
 * group is a unit test's: counting them here would compile the expression at load.)
 */
export function numberedPattern(pattern: string): string {
  const names: string[] = [];
  const source = pattern.replace(NAMED_GROUP, (_, name: string) => {
    names.push(name);
    return '(';
  });
  if (names.join(' ') !== GROUP_NAMES.join(' ')) throw new Error(`date expression: groups ${names.join(' ')} are not GROUP_NAMES`);
  return source;
}

/**
 * `source`, an expression for the `i` flag with ASCII letters only, for use without it: each letter outside a
 * character class becomes `[xX]`. A class is copied as it is: the expression writes both cases in its classes
 * (`[A-Za-z]`). Without the `u` flag, `i` makes an ASCII letter match itself and its other case and nothing
 * else (no other character folds to an ASCII one), which is what `[xX]` matches. Escapes are copied
 * (`\d`, `\u00a0`); a named group is refused (number the groups first).
 */
export function bothCases(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const width = source[i + 1] === 'u' ? 6 : source[i + 1] === 'x' ? 4 : 2;
      out += source.slice(i, i + width);
      i += width - 1;
    } else if (inClass || c === '[' || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      if (c === '(' && source.startsWith('(?<', i) && /[A-Za-z]/.test(source[i + 3] ?? '')) throw new Error('bothCases: a named group');
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c;
    } else out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
  }
  return out;
}
