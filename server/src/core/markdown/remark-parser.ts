/**
 * remark-parse + remark-gfm, the reference parser: the one module that imports them. The line reader
 * (line-read.ts) reads most regions without it; in the Node bundles (CLI, language server) this module is
 * its own bundle, dist/lib/remark.js, loaded on the first region that needs it (server/src/node/remark-lazy.ts,
 * swapped in by scripts/build.mjs), so a run that parses nothing never loads remark.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

export type ParseMarkdown = (text: string) => Root;

type Processor = ReturnType<typeof makeProcessor>;

function makeProcessor() {
  return unified().use(remarkParse).use(remarkGfm);
}

/** Made on the first parse, not at import. */
let processor: Processor | null = null;

/** The mdast tree of `text`. Throws remark's RangeError on deep nesting. */
export const parseMarkdown: ParseMarkdown = (text) => (processor ??= makeProcessor()).parse(text);
