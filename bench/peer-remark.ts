/** Peer: remark-parse + remark-gfm, parse alone (mdast, no transforms). */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { measurePages, runChild } from './harness';

const processor = unified().use(remarkParse).use(remarkGfm);

runChild({
  parse: (plan) =>
    measurePages(
      plan,
      (p) => p.text,
      (text) => processor.parse(text),
    ),
});
