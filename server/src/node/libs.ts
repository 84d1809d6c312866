/**
 * Libraries that only some runs need, loaded on first use so that starting the CLI or the server does not
 * pay for them: the YAML parser (front matter, configuration files) and the glob and ignore-file matchers
 * (globs on the command line, folder walks that meet an ignore file, `ignores:`); remark, for the regions
 * the line reader refuses, is loaded the same way by remark-lazy.ts. In the shipped bundles
 * (scripts/build.mjs defines __RP_SPLIT__ true) each is a bundle of its own in dist/lib/, loaded through
 * bin/load-bundle.js so that its compiled code is kept between runs like the CLI's; in the test and bench
 * bundles (__RP_SPLIT__ false) they are bundled in and evaluated on first use.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as Glob from './libs/glob';
import type { YamlParser } from '../core';

declare const __RP_SPLIT__: boolean;

/** dist/lib/<name>.js, with the compiled code kept when bin/load-bundle.js is there (as in the package). */
export function libBundle(name: string): unknown {
  const file = join(__dirname, 'lib', `${name}.js`);
  const loader = join(__dirname, '..', 'bin', 'load-bundle.js');
  // A path known only at run time: required as it is, not bundled.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!existsSync(loader)) return require(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(loader) as { loadBundle: (file: string) => unknown }).loadBundle(file);
}

/** The YAML parser for the core (`provideYaml(loadYaml)`). */
export function loadYaml(): YamlParser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (__RP_SPLIT__ ? libBundle('yaml') : require('./libs/yaml')) as YamlParser;
}

let glob: typeof Glob | null = null;

/** picomatch, tinyglobby's globSync and ignore, loaded on first use. */
export function globLib(): typeof Glob {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  glob ??= (__RP_SPLIT__ ? libBundle('glob') : require('./libs/glob')) as typeof Glob;
  return glob;
}
