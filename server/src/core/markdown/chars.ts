/**
 * Character codes and the small line measures the Markdown recognisers share. Whitespace is only space
 * and tab (CommonMark's "space or tab"); lines hold no line endings.
 */

export const TAB = 9,
  SPACE = 32,
  BANG = 33,
  DQUOTE = 34,
  HASH = 35,
  SQUOTE = 39,
  RPAREN = 41,
  STAR = 42,
  PLUS = 43,
  DASH = 45,
  DOT = 46,
  SLASH = 47,
  COLON = 58,
  LT = 60,
  EQ = 61,
  GT = 62,
  QMARK = 63,
  LBRACKET = 91,
  BACKSLASH = 92,
  RBRACKET = 93,
  CARET = 94,
  UNDERSCORE = 95,
  BACKTICK = 96,
  PIPE = 124,
  TILDE = 126;

export const isWs = (c: number): boolean => c === SPACE || c === TAB;
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isAlnum = (c: number): boolean => isAlpha(c) || isDigit(c);

/** Index of the first character that is not a space or tab. */
export function firstNonWs(s: string): number {
  let i = 0;
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  return i;
}

/** Column reached by the whitespace s[0, idx) (tabs to the next multiple of 4). */
export function columnOf(s: string, idx: number): number {
  let cols = 0;
  for (let i = 0; i < idx; i++) cols = s.charCodeAt(i) === TAB ? cols + 4 - (cols % 4) : cols + 1;
  return cols;
}

/** Whether s holds only spaces and tabs from i on. */
export function blankFrom(s: string, i: number): boolean {
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  return i === s.length;
}

/** Length of the run of character c at i. */
export function runOf(s: string, i: number, c: number): number {
  let k = i;
  while (k < s.length && s.charCodeAt(k) === c) k++;
  return k - i;
}
