/**
 * A strict reader of the XML the CLI writes (JUnit reports), for tests: elements, attributes, text,
 * the five predefined entities and character references, an XML declaration. Anything not well-formed
 * (an unbalanced or mismatched tag, a raw `<` or `&`, a duplicate attribute, a character XML 1.0 does not
 * allow, text after the root) throws. No DTDs, comments, CDATA or processing instructions: the CLI writes none.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function checkChars(s: string, at: number): void {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const ok =
      c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
    if (!ok) throw new Error(`character U+${c.toString(16)} is not allowed in XML (near ${at})`);
  }
}

function decode(raw: string, at: number): string {
  if (/[<]/.test(raw)) throw new Error(`raw < at ${at}`);
  return raw.replace(/&([^;]*);|&/g, (_m, body: string | undefined) => {
    if (body === undefined) throw new Error(`raw & at ${at}`);
    if (body in ENTITIES) return ENTITIES[body];
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(body);
    if (!num) throw new Error(`unknown entity &${body}; at ${at}`);
    const code = num[1].startsWith('x') ? parseInt(num[1].slice(1), 16) : parseInt(num[1], 10);
    const ch = String.fromCodePoint(code);
    checkChars(ch, at);
    return ch;
  });
}

/** Reads `<name attr="v"…>` or `<name…/>` from just after the `<` at `i`; returns the element, where it ends and whether it closed itself. */
function startTag(text: string, i: number): { el: XmlElement; end: number; selfClosing: boolean } {
  const name = NAME.exec(text.slice(i));
  if (!name) throw new Error(`bad tag at ${i}`);
  let at = i + name[0].length;
  const el: XmlElement = { name: name[0], attrs: {}, children: [], text: '' };
  for (;;) {
    const attr = /^\s+([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(text.slice(at));
    if (!attr) break;
    if (attr[1] in el.attrs) throw new Error(`duplicate attribute ${attr[1]} at ${at}`);
    el.attrs[attr[1]] = decode(attr[2], at);
    at += attr[0].length;
  }
  const end = /^\s*(\/?)>/.exec(text.slice(at));
  if (!end) throw new Error(`unterminated tag <${el.name} at ${i}`);
  return { el, end: at + end[0].length, selfClosing: end[1] === '/' };
}

/** Reads `</name>` from just after the `<` at `i` (which must close `open`); returns where it ends. */
function endTag(text: string, i: number, open: XmlElement | undefined): number {
  const m = NAME.exec(text.slice(i + 1));
  if (!m || !open || open.name !== m[0] || text[i + 1 + m[0].length] !== '>') throw new Error(`mismatched close tag at ${i}`);
  return i + m[0].length + 2;
}

export function parseXml(text: string): XmlElement {
  checkChars(text, 0);
  let i = 0;
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n?/.exec(text);
  if (decl) i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (stack.length === 0 && chunk.trim() !== '') throw new Error(`text outside the root at ${i}`);
    if (stack.length) stack[stack.length - 1].text += decode(chunk, i);
    if (lt < 0) break;
    if (text[lt + 1] === '/') {
      i = endTag(text, lt + 1, stack.pop());
      continue;
    }
    if (root && stack.length === 0) throw new Error(`a second root element at ${lt}`);
    const { el, end, selfClosing } = startTag(text, lt + 1);
    i = end;
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length || !root) throw new Error(`unclosed element ${stack.at(-1)?.name ?? '(none)'}`);
  return root;
}
