/** The entry of dist/lib/glob.js: the glob and ignore-file matchers (node/files.ts, node/ignore-files.ts, node/config-ignores.ts). */
export { default as picomatch } from 'picomatch';
export { globSync } from 'tinyglobby';
export { default as ignore } from 'ignore';
