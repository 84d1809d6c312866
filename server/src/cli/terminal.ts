/**
 * Page text on a terminal: findings quote cell text, and file names come from the disk, so either may
 * hold escape sequences that erase lines, move the cursor or hide what follows (a status cell with
 * `ESC[2K ESC[1G 1 page checked, no problems.` forged an all-clear), or bidi controls that reorder what
 * the reader sees. Every such character is shown as a visible escape instead.
 */

/**
 * C0 controls except tab, DEL, C1 controls; and the bidi controls: embeddings and overrides
 * (U+202A–U+202E), isolates (U+2066–U+2069), marks (U+200E, U+200F, U+061C).
 */
export function unsafe(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c
  );
}

function visible(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Any character `unsafe` names (one test settles the text that holds none, nearly every text). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const ANY_UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** `text` with every control and bidi control character written as `\x1b` / `\u202e` (the text itself when it has none). */
export function terminalText(text: string): string {
  if (!ANY_UNSAFE.test(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!unsafe(c)) continue;
    out += `${text.slice(from, i)}${visible(c)}`;
    from = i + 1;
  }
  return from === 0 ? text : `${out}${text.slice(from)}`;
}

/** Writes `release-pages: <message>` to stderr, the message made safe for a terminal. */
export function printProblem(message: string): void {
  process.stderr.write(`release-pages: ${terminalText(message)}\n`);
}

/**
 * Characters JSON.stringify leaves raw that a terminal still acts on or reorders: DEL, the C1 controls
 * (U+009B is a CSI in many terminals), the bidi controls, and the line and paragraph separators.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/g;

/**
 * `value` as indented JSON that is safe on a terminal and still parses to the very same value: the
 * characters JSON.stringify leaves raw are written as `\u` escapes (they occur only inside strings).
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Whether to colour output: FORCE_COLOR decides when set (0 or false: no; anything else: yes, even into
 * a pipe or a file), then a non-empty NO_COLOR turns colour off, else colour only on a terminal.
 */
export function colorWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}
