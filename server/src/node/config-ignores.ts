/** The `ignores:` globs of a configuration file: which pages the CLI leaves out. */
import { dirname, relative, sep } from 'node:path';
import type { LoadedConfig } from './config-loader';
import { globLib } from './libs';

/**
 * Whether the config's `ignores` globs (relative to the folder of the nearest config file, or of
 * `explicitFile` given with --config) name the page or one of its folders (`drafts` and `drafts/` leave
 * out everything under drafts/). Dot files match like any other: the user listed them on purpose.
 */
export function configIgnores(loaded: LoadedConfig, pagePath: string): boolean {
  const globs = loaded.config.ignores.map((g) => g.replace(/\/+$/, '')).filter((g) => g !== '');
  if (globs.length === 0 || loaded.files.length === 0) return false;
  const rel = relative(dirname(loaded.files[loaded.files.length - 1]), pagePath)
    .split(sep)
    .join('/');
  if (rel.startsWith('..') || rel === '') return false;
  const match = globLib().picomatch(globs, { dot: true });
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) if (match(parts.slice(0, i).join('/'))) return true;
  return false;
}
