/**
 * The floor: one pass over the lines that splits every table line into trimmed cells at unescaped
 * pipes. No Markdown semantics; nothing that checks a page can be faster than this.
 */
import { measurePages, runChild } from './harness';
import { scanCells } from './scan-cells';

runChild({
  scan: (plan) =>
    measurePages(
      plan,
      (p) => p.text,
      (text) => scanCells(text),
    ),
});
