/** Peer: markdown-it (default preset: GFM tables on), parse to tokens alone (no rendering). */
import MarkdownIt from 'markdown-it';
import { measurePages, runChild } from './harness';

const md = new MarkdownIt();

runChild({
  parse: (plan) =>
    measurePages(
      plan,
      (p) => p.text,
      (text) => md.parse(text, {}),
    ),
});
