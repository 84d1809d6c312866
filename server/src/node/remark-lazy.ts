/**
 * The Node bundles' stand-in for core/markdown/remark-parser.ts (scripts/build.mjs swaps it in): remark
 * lives in a bundle of its own (dist/lib/remark.js, loaded like the other libraries of libs.ts, its compiled
 * code kept between runs) and is loaded on the first region the line reader refuses, so a run that parses
 * nothing never loads or compiles it.
 */
import type { ParseMarkdown } from '../core/index';
import { libBundle } from './libs';

let loaded: ParseMarkdown | null = null;

function load(): ParseMarkdown {
  return (libBundle('remark') as { parseMarkdown: ParseMarkdown }).parseMarkdown;
}

export const parseMarkdown: ParseMarkdown = (text) => (loaded ??= load())(text);
