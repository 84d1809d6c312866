/**
 * The floor: one pass over the lines that splits every table line into trimmed cells at unescaped
 * pipes. No Markdown semantics; nothing that checks a page can be faster than this.
 */
const PIPE = 124;
const BACKSLASH = 92;

export function scanCells(text: string): number {
  let cells = 0;
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    if (text.charCodeAt(start) === PIPE) {
      let from = start + 1;
      const out: string[] = [];
      for (let j = from; j < end; j++) {
        if (text.charCodeAt(j) === PIPE && text.charCodeAt(j - 1) !== BACKSLASH) {
          out.push(text.slice(from, j).trim());
          from = j + 1;
        }
      }
      cells += out.length;
    }
    start = end + 1;
  }
  return cells;
}
