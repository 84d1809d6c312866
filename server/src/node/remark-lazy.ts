/**
 * The Node bundles' stand-in for core/markdown/remark-parser.ts (scripts/build.mjs swaps it in): remark
 * lives in its own bundle beside this one (dist/remark.js) and is required on the first region the line
 * reader refuses, so a run that parses nothing never loads or compiles it.
 */
import type { ParseMarkdown } from '../core/index';

let loaded: ParseMarkdown | null = null;

function load(): ParseMarkdown {
  // A CommonJS require of the sibling bundle, on purpose: esbuild leaves `./remark.js` external.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('./remark.js') as { parseMarkdown: ParseMarkdown };
  return mod.parseMarkdown;
}

export const parseMarkdown: ParseMarkdown = (text) => (loaded ??= load())(text);
