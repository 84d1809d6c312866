/**
 * The budget of every generated (fuzz and property) test, from one place. `npm test` runs the short
 * budget (a few seconds a file); `npm run fuzz` sets RELEASE_PAGES_FUZZ=long. Every property is seeded
 * with RELEASE_PAGES_FUZZ_SEED (default 20240501; a failure prints the seed and path to reproduce).
 *
 *   RELEASE_PAGES_FUZZ=short|long   (unset: short)
 *   RELEASE_PAGES_FUZZ_SEED=N       (an integer)
 */
import type * as fc from 'fast-check';

function readMode(): 'short' | 'long' {
  for (const old of ['FUZZ_RUNS', 'FUZZ_SEED']) {
    if (process.env[old] !== undefined)
      throw new Error(`${old} is no longer read: use RELEASE_PAGES_FUZZ=long (npm run fuzz) and RELEASE_PAGES_FUZZ_SEED`);
  }
  const v = process.env.RELEASE_PAGES_FUZZ ?? '';
  if (v === '' || v === 'short') return 'short';
  if (v === 'long') return 'long';
  throw new Error(`RELEASE_PAGES_FUZZ must be "short" or "long", not ${JSON.stringify(v)}`);
}

function readSeed(): number {
  const v = process.env.RELEASE_PAGES_FUZZ_SEED ?? '';
  if (v === '') return 20_240_501;
  if (!/^-?\d{1,10}$/.test(v.trim())) throw new Error(`RELEASE_PAGES_FUZZ_SEED must be an integer, not ${JSON.stringify(v)}`);
  return Number(v) | 0;
}

/** `short` in `npm test`, `long` in `npm run fuzz`. */
export const FUZZ_MODE = readMode();
/** The seed of every property of the run. */
export const FUZZ_SEED = readSeed();

/** How many cases a property runs: `short` in `npm test`, `long` in `npm run fuzz`. */
export function budget(short: number, long: number): number {
  return Math.max(1, Math.round(FUZZ_MODE === 'long' ? long : short));
}

/** fast-check parameters for `runs` cases with the run's seed (`offset` keeps the properties of one file apart). */
export function params<T>(runs: number, offset = 0): fc.Parameters<T> {
  return { seed: (FUZZ_SEED + offset) | 0, numRuns: Math.max(1, Math.round(runs)) };
}

/** `12000 cases, fuzz short, seed 20240501`: for test names and logs. */
export function fuzzLabel(runs: number, what = 'cases'): string {
  return `${runs} ${what}, fuzz ${FUZZ_MODE}, seed ${FUZZ_SEED}`;
}
