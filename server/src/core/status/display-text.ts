/**
 * Display text of a Markdown value for the dashboard: links (inline and reference) become their text,
 * formatting markup, formatting tags and HTML comments (a rendered page does not show them) go, entities
 * are decoded. Anything else stays as written, including other HTML: a feature named
 * `<img src=x onerror=alert(1)>` is shown as those characters (the renderer escapes them).
 */
import { TextMemo } from '../incremental/memo';
import { MARKUP_OR_SPACES } from '../model/inline';

const FORMAT_TAG = /<\/?(?:s|strike|del|ins|b|i|u|em|strong|small|big|sup|sub|span|font|br|code|tt|kbd|mark|p|div|center)\b[^<>]*>/gi;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#160': ' ' };

// Speed: memoised by text (see incremental/memo.ts), as a column repeats a few dozen values over thousands of
// rows; the memo stays beside the function it wraps (the incremental layer cannot import this module).
const DISPLAY = new TextMemo(compute, 20_000);

/** A lone link with plain text (`[Arik Hadas](User:Ahadas)`, also with spaces in the target): its text, without the full reading. */
const PLAIN_LINK = /^\s*\[([^[\]<>*_~`\\&!]*)\]\([^()<>`\n]*\)\s*$/;

export function displayText(raw: string): string {
  if (!MARKUP_OR_SPACES.test(raw)) return raw.trim();
  const link = PLAIN_LINK.exec(raw);
  if (link) return singleSpaced(link[1]);
  return DISPLAY.get(raw);
}

/** `text` with its whitespace runs made one space, trimmed (most link texts already are: then `text` itself). */
function singleSpaced(text: string): string {
  const n = text.length;
  if (n > 0 && (text.charCodeAt(0) === SPACE || text.charCodeAt(n - 1) === SPACE)) return respaced(text);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // A second space, or any other whitespace (tab, no-break space, …; control characters too, to be safe).
    if (c === SPACE ? text.charCodeAt(i + 1) === SPACE : c < SPACE || c === 0xa0 || (c >= 0x1680 && /\s/.test(text[i])))
      return respaced(text);
  }
  return text;
}

function respaced(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const SPACE = 32;

function compute(raw: string): string {
  // Code spans are literal: set their text aside while the markup around them is removed.
  const code: string[] = [];
  const marked = raw.replace(
    /(`+)([\s\S]*?[^`])\1(?!`)/g,
    (_m, _ticks: string, body: string) => `\uE000${code.push(body.trim()) - 1}\uE000`,
  );
  return marked
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|ftp|mailto):[^<>\s]*)>/gi, '$1')
    .replace(FORMAT_TAG, ' ')
    .replace(/~~([\s\S]*?)~~/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^*_]*?\S)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39|#160);/gi, (m, name: string) => ENTITY[name.toLowerCase()] ?? m)
    .replace(/\s+/g, ' ')
    .replace(/\uE000(\d+)\uE000/g, (_m, i: string) => code[Number(i)] ?? '')
    .trim();
}
