// The part of node:assert/strict the integration suites use, for their browser bundle (the web worker
// extension host has no Node built-ins; the build aliases `node:assert/strict` to this file for that
// bundle only). Strict semantics: Object.is for equal, structural deep equality with prototypes checked.

export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(v: unknown): string {
  try {
    // JSON.stringify gives undefined (typed string) for undefined and functions.
    return v === undefined || typeof v === 'function' ? String(v) : JSON.stringify(v);
  } catch {
    return String(v);
  }
}

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `expected a value other than ${show(expected)}`);
}

type Seen = Map<object, object>;

function sameMaps(a: Map<unknown, unknown>, b: Map<unknown, unknown>, seen: Seen): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.has(k) || !deepEqualValues(v, b.get(k), seen)) return false;
  return true;
}

function sameSets(a: Set<unknown>, b: Set<unknown>): boolean {
  return a.size === b.size && [...a].every((v) => b.has(v));
}

function sameKeys(a: object, b: object, seen: Seen): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      deepEqualValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen),
  );
}

function deepEqualValues(a: unknown, b: unknown, seen: Seen): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map) return sameMaps(a, b as Map<unknown, unknown>, seen);
  if (a instanceof Set) return sameSets(a, b as Set<unknown>);
  return sameKeys(a, b, seen);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepEqualValues(actual, expected, new Map())) fail(message, `expected ${show(expected)}\n     got ${show(actual)}`);
}

export function match(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || !pattern.test(value)) fail(message, `expected ${show(value)} to match ${String(pattern)}`);
}

export const strictEqual = equal;
export const deepStrictEqual = deepEqual;
