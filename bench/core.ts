/**
 * Builds, at run time, the bundle of our core that subject-ours.js loads: the engine, and the formatter
 * and status model if they exist now (they are being written). One bundle, one module graph, the same
 * esbuild options as dist/ (scripts/build.mjs). A part that is absent or does not build is reported, not fatal.
 */
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Esbuild from 'esbuild';
import { ROOT } from '../test/helpers/paths';

export interface CoreBundle {
  path: string;
  /** Per optional part: the module bundled, or why not ("not built", the build error). */
  parts: Record<'format' | 'status', { module: string | null; note: string }>;
}

/** esbuild's API must not be bundled itself: load it from node_modules. */
function esbuild(): typeof Esbuild {
  return createRequire(join(ROOT, 'package.json'))('esbuild') as typeof Esbuild;
}

function firstExisting(candidates: readonly string[]): string | null {
  return candidates.find((c) => existsSync(join(ROOT, `${c}.ts`))) ?? null;
}

async function bundle(entry: string, outfile: string): Promise<string | null> {
  try {
    await esbuild().build({
      stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'bench-core-entry.ts', loader: 'ts' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'linked',
      logLevel: 'silent',
      loader: { '.css': 'text' },
      outfile,
    });
    return null;
  } catch (e) {
    const errors = (e as { errors?: Array<{ text: string }> }).errors;
    return errors?.length ? errors.map((x) => x.text).join('; ') : String(e);
  }
}

export async function buildCore(): Promise<CoreBundle> {
  // Not under out/bench/: `npm run build` (ours or a colleague's) rewrites that folder at any time.
  const outfile = join(ROOT, 'out', 'bench-runtime', `core-${process.pid}.js`);
  const found = {
    format: firstExisting(['server/src/core/format/index']),
    status: firstExisting(['server/src/core/status/index', 'server/src/core/status/build']),
  };
  const parts: CoreBundle['parts'] = {
    format: { module: null, note: found.format ? '' : 'not built' },
    status: { module: null, note: found.status ? '' : 'not built' },
  };
  const entry = (names: ReadonlyArray<'format' | 'status'>): string =>
    ["export * from './server/src/core/engine';", ...names.map((n) => `export * as ${n} from './${found[n]}';`)].join('\n');
  const wanted = (['format', 'status'] as const).filter((n) => found[n] !== null);
  const error = await bundle(entry(wanted), outfile);
  if (error === null) {
    for (const n of wanted) parts[n].module = found[n];
    return { path: outfile, parts };
  }
  // Something does not build: find out which optional part, keep the others.
  const ok: Array<'format' | 'status'> = [];
  for (const n of wanted) {
    const e = await bundle(entry([...ok, n]), outfile);
    if (e === null) ok.push(n);
    else parts[n].note = `does not build: ${e.slice(0, 200)}`;
  }
  const last = await bundle(entry(ok), outfile);
  if (last !== null) throw new Error(`the engine does not build: ${last}`);
  for (const n of ok) parts[n].module = found[n];
  return { path: outfile, parts };
}

/** Removes the run's bundle (and its source map). */
export function removeCore(core: CoreBundle): void {
  for (const f of [core.path, `${core.path}.map`]) rmSync(f, { force: true });
}
