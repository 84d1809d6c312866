// Bidi controls in page text (U+202E turns the rest of a line right to left, so a row could show another
// feature, status or date than it holds) stay inside their own text in the status preview and the report:
// element content is in a <bdi>, plain-text places (attributes, SVG <text> and <title>, the document title,
// <option>) are wrapped in FSI … PDI with the text's own isolates balanced. Parsed with parse5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { buildStatus, checkText } from '../../server/src/core';
import { isolate, renderDashboard, renderFeatureTable, renderReport, renderTimeline } from '../../shared/status';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const PAYLOADS = [
  'Red \u202eneerG',
  'x \u2067isolate left open',
  'stray \u2069 close \u202b embedding',
  '\u200f\u061c\u200e marks \u202a\u202c',
  '\u2066ok\u2069 \u202d\u202e\u2068',
];

const cell = (p: string): string => p.replace(/\|/g, '\\|');
function page(p: string): string {
  return [
    '---',
    `title: ${JSON.stringify(`${p} 9.9 Release Management`)}`,
    'category: release',
    '---',
    '',
    `# oVirt 9.9 ${p} Release Management`,
    '',
    '## Timeline',
    '',
    '*   General availability: **2020-04-01**',
    `*   Beta ${p} release: **2020-03-01**`,
    `*   ${p}: **2020-03-10**`,
    `*   RC ${p}: **${p}**`,
    '',
    '## Release Criteria',
    '',
    `*   **MUST**: ${p}`,
    '',
    '## Features Status Table',
    '',
    '| Functional team | Feature | Release priority | Owner | Status | Target date | Remarks |',
    '|---|---|---|---|---|---|---|',
    `| ${cell(p)} | ${cell(p)} | Must | ${cell(p)} | Red - ${cell(p)} | ${cell(p)} | r |`,
    `| Virt | f | ${cell(p)} | x | ${cell(p)} | 2020-03-15 | r |`,
    `| Virt | g | Must | o | <s>${cell(p)}</s> Green | ~~2020-02-01~~ 2020-05-01 | r |`,
    '',
    'Milestone 1 (2020-03-30)',
    '',
    `Goal: ${p}`,
    '',
    `Status: ${p}`,
    '',
  ].join('\n');
}

function* walk(n: Node, ancestors: Element[] = []): Generator<{ n: Node; ancestors: Element[] }> {
  yield { n, ancestors };
  const inner = 'tagName' in n ? [...ancestors, n] : ancestors;
  if ('childNodes' in n) for (const c of n.childNodes) yield* walk(c, inner);
}

/** True when every bidi control in `s` lies inside a balanced isolate (FSI/LRI/RLI … PDI) and no isolate is left open or closed twice. */
function isolatedPlain(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0x2066 && c <= 0x2068) depth++;
    else if (c === 0x2069) {
      if (depth === 0) return false;
      depth--;
    } else if (BIDI.test(ch) && depth === 0) return false;
  }
  return depth === 0;
}

function assertIsolated(html: string, full: boolean, where: string): number {
  const root = full ? parse(html) : parseFragment(html);
  let seen = 0;
  for (const { n, ancestors } of walk(root)) {
    if (n.nodeName === '#text') {
      const value = (n as DefaultTreeAdapterMap['textNode']).value;
      if (!BIDI.test(value)) continue;
      seen++;
      const inElement = ancestors.some((a) => a.tagName === 'bdi' || a.attrs.some((x) => x.name === 'dir'));
      assert.ok(
        inElement || isolatedPlain(value),
        `${where}: text ${JSON.stringify(value)} in <${ancestors.at(-1)?.tagName}> is not isolated`,
      );
    }
    if ('attrs' in n) {
      for (const a of n.attrs) {
        if (!BIDI.test(a.value)) continue;
        seen++;
        assert.ok(isolatedPlain(a.value), `${where}: ${a.name}=${JSON.stringify(a.value)} on <${n.tagName}> is not isolated`);
      }
    }
  }
  return seen;
}

test('isolate: balanced FSI … PDI around text with bidi controls; text without them unchanged', () => {
  assert.equal(isolate('plain עברית'), 'plain עברית');
  for (const p of PAYLOADS) {
    const out = isolate(p);
    assert.ok(isolatedPlain(out), JSON.stringify(out));
    assert.equal(out.replace(/[\u2066-\u2069]/g, ''), p.replace(/[\u2066-\u2069]/g, ''), 'no other character changes');
  }
  assert.equal(isolate('a\u2069b'), '\u2068ab\u2069', 'a stray PDI would close the wrapper');
  assert.equal(isolate('\u2067a'), '\u2068\u2067a\u2069\u2069', 'an isolate left open is closed first');
});

test('bidi controls from the page are isolated in the preview, the dashboard, the timeline and the report', () => {
  for (const p of PAYLOADS) {
    const status = buildStatus(checkText(page(p)), { today: { year: 2020, month: 3, day: 18 } });
    assert.equal(status.features.length, 3);
    const renders: Array<[string, string, boolean]> = [
      ['preview', renderDashboard(status, { interactive: true, fileName: `f${p}.md` }), false],
      ['dashboard', renderDashboard(status, { interactive: false, fileName: `f${p}.md`, problemList: true }), false],
      [
        'feature table',
        renderFeatureTable(status.features, status.features.length, { key: 'name', dir: 'asc' }, { interactive: true }),
        false,
      ],
      ['timeline', renderTimeline(status, true), false],
      [
        'report',
        renderReport(status, { css: 'x{}', styleSource: "'sha256-AAAA'", fileName: `f${p}.md`, generator: 'release-pages test' }),
        true,
      ],
    ];
    for (const [where, html, full] of renders) {
      const seen = assertIsolated(html, full, `${where} ${JSON.stringify(p)}`);
      assert.ok(seen >= 5, `${where}: the payload reached the HTML ${seen} times`);
    }
  }
});
