/**
 * The groups of the date expression (scan.ts) by number instead of by name. The expression is written with
 * named groups (readable, and what `test/unit/dates-spans.test.ts` compares positions by), but the scanner
 * runs it with plain numbered groups: for an expression with named groups V8 builds a `groups` object with
 * every name (~45 properties) on every match, eagerly. A match's parts are read as `g[G.name]`.
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
