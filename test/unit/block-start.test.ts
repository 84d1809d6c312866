// The block-start recogniser (markdown/block-start.ts) against remark-parse@11 + remark-gfm@4, and the
// readers that ask it: the region splitter (blocks.ts) and the line-by-line reading of a region (region-read.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { RootContent } from 'mdast';
import { Engine } from '../../server/src/core';
import { blockStart, completeTag, isThematicBreak, type BlockStart, type StartContext } from '../../server/src/core/markdown/block-start';
import { splitRegions } from '../../server/src/core/markdown/blocks';
import { firstNonWs } from '../../server/src/core/markdown/chars';
import { parseRegion } from '../../server/src/core/markdown/region-read';

const processor = unified().use(remarkParse).use(remarkGfm);

const startOf = (line: string, context: StartContext = 'document'): BlockStart => blockStart(line, firstNonWs(line), context);
const kindOf = (line: string, context: StartContext = 'document'): string => startOf(line, context).kind;

/** What remark makes of a line alone at the top of a document, in the recogniser's words. */
function remarkKind(line: string): string {
  const node = processor.parse(line).children[0] as RootContent | undefined; // a blank line: no node
  switch (node?.type) {
    case 'heading':
      return node.position?.end.line === 1 && /^ {0,3}#/.test(line) ? 'atx-heading' : 'setext';
    case 'thematicBreak':
      return 'thematic-break';
    case 'code':
      return /^ {0,3}[`~]/.test(line) ? 'fence' : 'indented';
    case 'html':
      return 'html';
    case 'blockquote':
      return 'block-quote';
    case 'list':
      return 'list-item';
    case 'footnoteDefinition':
      return 'footnote-definition';
    default:
      return 'none';
  }
}

const LINES = [
  '# h',
  '###### h',
  '####### h',
  '#h',
  '#',
  '## h ##',
  '---',
  '***',
  '* * *',
  '_ _ _',
  '- - -',
  '--',
  '===',
  '```',
  '```js',
  '``` a`b',
  '~~~ a`b',
  '~~',
  '> q',
  '>q',
  '- item',
  '-',
  '+ x',
  '* x',
  '1. x',
  '2) x',
  '1234567890. x',
  '10. x',
  '[^a]: note',
  '[^]: x',
  '[^a b]: x',
  '[x]: /url',
  '<!-- c',
  '<!-->',
  '<?php',
  '<!DOCTYPE html>',
  '<![CDATA[ x',
  '<pre>',
  '<script src="x">',
  '<textarea',
  '<style/>',
  '<div>',
  '</div>',
  '<div/>',
  '<hr/>',
  '<a href="x">',
  '<a href=x>',
  "<a b='c' d>",
  '<a b=c',
  '<a b="c>',
  '</a >',
  '</a x>',
  '<x-y z=1/>',
  '<a>b',
  '<a><b>',
  '<a b=`c`>',
  '<a =b>',
  '<1a>',
  'text',
  '| a | b |',
  ':-',
  '\\# not',
  '  # h',
  '   ```',
  '  > q',
  '<a\tb>',
];

test('blockStart: every line alone reads as remark reads it (document context)', () => {
  for (const line of LINES) assert.equal(kindOf(line), remarkKind(line), JSON.stringify(line));
});

test('blockStart: in a paragraph, a list item needs `1` or a bullet and content, kind 7 HTML cannot start, `===` and `---` underline', () => {
  const inParagraph = (line: string): string => {
    const nodes = processor.parse(`para\n${line}`).children;
    if (nodes[0]?.type === 'heading') return 'setext-underline';
    return nodes.length === 1 ? 'none' : remarkKind(line);
  };
  for (const line of ['2. x', '1. x', '-', '- x', '<a href="x">', '<div>', '===', '---', '--', '# h', '> q', '```', '<!-- c', 'text']) {
    assert.equal(kindOf(line, 'paragraph'), inParagraph(line), JSON.stringify(line));
  }
});

test('blockStart: named answers, one object per kind (a fence carries its marker and length)', () => {
  assert.deepEqual(startOf('## h'), { kind: 'atx-heading', level: 2 });
  assert.deepEqual(startOf('<!-- c'), { kind: 'html', html: 'comment' });
  assert.deepEqual(startOf('<a href="x">'), { kind: 'html', html: 'complete' });
  assert.deepEqual(startOf('~~~~ x'), { kind: 'fence', fence: { marker: 126, length: 4 } });
  assert.equal(startOf('text'), startOf('more text'));
  assert.equal(kindOf('2. x', 'after-indented-code'), 'none');
  assert.equal(kindOf('<a href="x">', 'after-indented-code'), 'html');
});

test('completeTag: the rest of a tag after its name, then only whitespace', () => {
  const complete = (s: string, closing = false): boolean => completeTag(s, /^<\/?[a-z][a-z0-9-]*/i.exec(s)?.[0].length ?? 0, closing);
  assert.equal(complete('<a>'), true);
  assert.equal(complete('<a b="c" d=\'e\' f=g h/>  '), true);
  assert.equal(complete('<a b="c"d>'), false, 'no whitespace between attributes');
  assert.equal(complete('<a b="c'), false, 'unclosed quote');
  assert.equal(complete('<a b=>'), false, 'no value');
  assert.equal(complete('<a> x'), false, 'text after the tag');
  assert.equal(complete('</a  >', true), true);
  assert.equal(complete('</a b>', true), false, 'a closing tag has no attributes');
});

test('regions: `<!-->` and `<!--->` are comments closed on their own line, as remark reads them (the lines after stay Markdown)', () => {
  for (const open of ['<!-->', '<!--->']) {
    const text = `${open}\n# Heading\n-->`;
    assert.deepEqual(
      processor.parse(text).children.map((n) => n.type),
      ['html', 'heading', 'paragraph'],
    );
    assert.deepEqual(
      splitRegions(text.split('\n').map((t) => ({ text: t })) as never).map((r) => r.kind),
      ['markdown'],
    );
    assert.deepEqual(
      new Engine().model(text).headings.map((h) => h.text),
      ['Heading'],
    );
  }
});

test('regions: a raw HTML block ends at any of `</pre>` `</script>` `</style>` `</textarea>`, as remark reads it', () => {
  const text = '<textarea\n</style>\n# Heading';
  assert.deepEqual(
    processor.parse(text).children.map((n) => n.type),
    ['html', 'heading'],
  );
  const regions = splitRegions(text.split('\n').map((t) => ({ text: t })) as never);
  assert.deepEqual(
    regions.map((r) => [r.kind, r.startLine, r.endLine]),
    [
      ['html', 0, 1],
      ['markdown', 2, 2],
    ],
  );
  assert.deepEqual(
    new Engine().model(text).headings.map((h) => h.text),
    ['Heading'],
  );
});

test('line-by-line reading (a region nested too deeply): ATX heading text as remark reads it, list items at any indentation', () => {
  const deep = `${'>'.repeat(101)} quoted`;
  const info = parseRegion([deep, '# #', '## Title ##', '# a #b', '  - item', '- ---', '* * *', '-  '], 10);
  assert.match(info.degraded ?? '', /nesting/);
  const remarkText = (h: string): string => {
    const node = processor.parse(h).children[0] as RootContent | undefined;
    return node?.type === 'heading' ? node.children.map((c) => ('value' in c ? c.value : '')).join('') : '?';
  };
  assert.deepEqual(
    info.headings.map((h) => [h.line, h.level, h.text]),
    [
      [11, 1, remarkText('# #')],
      [12, 2, 'Title'],
      [13, 1, 'a #b'],
    ],
  );
  assert.deepEqual(
    info.listItems.map((i) => [i.line, i.contentColumn, i.depth]),
    [
      [14, 4, 1],
      [15, 2, 0],
      [16, 2, 0],
    ],
  );
});

test('isThematicBreak (one sticky search) = the reading one character at a time, on generated lines', () => {
  const reference = (s: string, i: number): boolean => {
    const m = s[i];
    if (m !== '*' && m !== '-' && m !== '_') return false;
    let count = 0;
    for (let k = i; k < s.length; k++) {
      if (s[k] === m) count++;
      else if (s[k] !== ' ' && s[k] !== '\t') return false;
    }
    return count >= 3;
  };
  const pieces = ['*', '-', '_', ' ', '\t', '  ', 'a', '\u00a0', '\r', '=', '**', '--'];
  let seed = 11;
  const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), Math.floor(seed / 65536) % n);
  let breaks = 0;
  for (let n = 0; n < 20_000; n++) {
    let s = '';
    for (let k = next(9); k > 0; k--) s += pieces[next(n % 2 === 0 ? 5 : pieces.length)];
    for (let i = 0; i <= s.length; i++) {
      const want = reference(s, i);
      assert.equal(isThematicBreak(s, i), want, `${JSON.stringify(s)} at ${i}`);
      if (want) breaks++;
    }
  }
  assert.ok(breaks > 1000, `${breaks} breaks`);
});
