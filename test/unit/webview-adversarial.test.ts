// An adversarial test of the status renderer (preview webview and `report`), independent of its own tests:
// pages whose every value (title, release, milestones, dates, features, owners, teams, statuses, comments,
// priorities, criteria, plans, legends, file name) carries script, attribute-breaking, javascript: and CSS
// payloads, fixed and generated (fast-check). The HTML is parsed with parse5, a spec-compliant HTML parser
// (what the webview's browser does): no element, attribute, URL or style comes from the page, and each
// payload is there only as text. The CSPs allow no inline script and only the stylesheet we ship.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fc from 'fast-check';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { checkText } from '../../server/src/core';
import { applyView, EMPTY_FILTER } from '../../shared/status';
import { buildStatus } from '../../server/src/core';
import { renderDashboard, renderFeatureTable, renderReleases, renderReport, renderTimeline } from '../../shared/status';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/html';
import { assertProperty } from '../fuzz/check';
import { budget, fuzzLabel, params } from '../helpers/fuzz';
import { RENDERED_TAGS } from '../helpers/html-tags';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg/onload=alert(3)>",
  '</td></tr></table><iframe srcdoc="<script>alert(4)</script>">',
  'javascript:alert(5)',
  '</style><style>*{background:url(https://evil.invalid/6)}</style>',
  'x" style="background-image:url(//evil.invalid/7)" data-x="',
  '<a href="javascript:alert(8)">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(9)>',
  '<!--<script>alert(10)//-->',
  '<base href="https://evil.invalid/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.invalid/">',
  '<form action="https://evil.invalid/"><button>go</button></form>',
  '{{constructor.constructor("alert(11)")()}}',
  '<noscript><p title="</noscript><img src=x onerror=alert(12)>">',
  '<object data="javascript:alert(13)"></object>',
];

/** Escapes a payload for one Markdown table cell (a pipe would split it; GFM reads `\|` as `|`). */
const cell = (p: string): string => p.replace(/\|/g, '\\|');

function page(p: (i: number) => string): string {
  return [
    '---',
    `title: ${JSON.stringify(`${p(0)} 9.9 Release Management`)}`,
    'category: release',
    '---',
    '',
    `# oVirt 9.9 ${p(1)} Release Management`,
    '',
    '## Timeline',
    '',
    '*   General availability: **2020-04-01**',
    `*   Beta ${p(2)} release: **2020-03-01**`,
    `*   ${p(3)}: **2020-03-10**`,
    '',
    '## Release Criteria',
    '',
    `*   **MUST**: ${p(4)}`,
    `*   **SHOULD**: [${p(5)}](javascript:alert(1))`,
    '',
    '## Features Status Table',
    '',
    '| Functional team | Feature | Release priority | Owner | Status | Target date | Remarks |',
    '|---|---|---|---|---|---|---|',
    `| ${cell(p(6))} | [${cell(p(7))}](javascript:alert(2)) | Must | ${cell(p(8))} | Red - ${cell(p(9))} | 2020-03-15 | ${cell(p(10))} |`,
    `| Virt | <span style="color:red">${cell(p(11))}</span> | ${cell(p(12))} | x | ${cell(p(13))} | ${cell(p(14))} | \`${cell(p(15))}\` |`,
    `| ${cell(p(16))} | f | Should | o | <s>Orange</s> Green - ${cell(p(17))} | 2020-05-01 | r |`,
    '',
    '### Feature Table Mapping',
    '',
    '#### Release priority:',
    '',
    `*   Must - ${p(18)}`,
    `*   ${p(19)} - ${p(20)}`,
    '',
    'Milestone 1 (2020-03-30)',
    '',
    `Goal: ${p(22)} ${p(21)}`,
    '',
    `Status: ${p(23)}`,
    '',
    '## Supported releases',
    '',
    '| Version | Release date | End of life |',
    '|---|---|---|',
    `| 9.7 ${cell(p(24))} | 2019-05-01 | 2020-05-01 |`,
    '| 9.8 | 2019-11-01 | 2020-11-01 |',
    '',
    '## Old releases',
    '',
    '| Version | Release date | End of life |',
    '|---|---|---|',
    '| 9.0 | 2018-01-10 | 2019-01-10 |',
    `| 9.1 | 2018-06-01 | ${cell(p(25))} |`,
    '',
  ].join('\n');
}

const DANGEROUS_ATTRIBUTE =
  /^(on|style$|href$|src$|srcset$|srcdoc$|action$|formaction$|xlink:href$|background$|poster$|data$|http-equiv$|content$|content$)/i;
const FRAGMENT_TAGS = RENDERED_TAGS;

function* walk(n: Node): Generator<Node> {
  yield n;
  if ('childNodes' in n) for (const c of n.childNodes) yield* walk(c);
  if (n.nodeName === 'template') yield* walk((n as DefaultTreeAdapterMap['template']).content);
}

const isElement = (n: Node): n is Element => 'tagName' in n;

/** Text the browser shows, and attribute values, of a parsed tree. */
function texts(root: Node): string {
  const out: string[] = [];
  for (const n of walk(root)) {
    if (n.nodeName === '#text') out.push((n as DefaultTreeAdapterMap['textNode']).value);
    if (isElement(n)) for (const a of n.attrs) out.push(a.value);
  }
  return out.join('\u0001');
}

/** Every element is one the renderer writes, with no handler, URL or inline style, and page text only in title and aria-label. */
function assertInert(root: Node, allowed: ReadonlySet<string>, where: string): void {
  for (const n of walk(root)) {
    if (!isElement(n)) continue;
    assert.ok(allowed.has(n.tagName), `${where}: element <${n.tagName}> from the page`);
    for (const a of n.attrs) {
      assert.doesNotMatch(a.name, DANGEROUS_ATTRIBUTE, `${where}: attribute ${a.name}="${a.value.slice(0, 60)}" on <${n.tagName}>`);
      // Only title and aria-label carry page text (as text); every other value is the renderer's own.
      if (a.name !== 'title' && a.name !== 'aria-label')
        assert.match(a.value, /^[\w .,:%-]*$/, `${where}: page text in ${a.name}="${a.value.slice(0, 60)}"`);
    }
  }
}

function renders(text: string): Array<{ where: string; html: string; full: boolean }> {
  const result = checkText(text);
  const status = buildStatus(result, { today: { year: 2020, month: 3, day: 18 } });
  const css = '.rp-dashboard { color: var(--vscode-foreground); }';
  const styleSource = `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
  const sorted = applyView(status, { ...EMPTY_FILTER, text: '<' }, { key: 'name', dir: 'desc' });
  return [
    { where: 'preview', html: renderDashboard(status, { interactive: true, fileName: PAYLOADS[0] }), full: false },
    { where: 'dashboard', html: renderDashboard(status, { interactive: false, fileName: PAYLOADS[1], problemList: true }), full: false },
    {
      where: 'feature table (filtered, sorted)',
      html: renderFeatureTable(sorted, status.features.length, { key: 'name', dir: 'desc' }, { interactive: true }),
      full: false,
    },
    { where: 'timeline', html: renderTimeline(status, true), full: false },
    { where: 'releases', html: renderReleases(status, true), full: false },
    { where: 'report', html: renderReport(status, { css, styleSource, fileName: PAYLOADS[6], generator: PAYLOADS[2] }), full: true },
  ];
}

function assertReportLocked(html: string, where: string): void {
  const doc = parse(html);
  const styles = [...walk(doc)].filter((n): n is Element => isElement(n) && n.tagName === 'style');
  assert.equal(styles.length, 1, `${where}: one <style>, ours`);
  const css = styles[0].childNodes.map((c) => (c as DefaultTreeAdapterMap['textNode']).value).join('');
  const metas = [...walk(doc)].filter((n): n is Element => isElement(n) && n.tagName === 'meta');
  const csp = metas.find((m) => m.attrs.some((a) => a.name === 'http-equiv' && a.value === 'Content-Security-Policy'));
  assert.ok(csp, `${where}: CSP meta`);
  const policy = csp.attrs.find((a) => a.name === 'content')?.value ?? '';
  assert.equal(
    policy,
    `default-src 'none'; style-src 'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'; base-uri 'none'; form-action 'none'`,
  );
  const kinds = metas.map((m) => m.attrs.map((a) => (a.name === 'content' ? 'content' : `${a.name}=${a.value}`)).join(' '));
  assert.deepEqual(
    kinds,
    [
      'charset=utf-8',
      'http-equiv=Content-Security-Policy content',
      'name=referrer content',
      'name=viewport content',
      'name=generator content',
    ],
    `${where}: no meta from the page`,
  );
  const body = [...walk(doc)].find((n): n is Element => isElement(n) && n.tagName === 'body');
  assert.ok(body);
  assertInert(body, new Set([...FRAGMENT_TAGS, 'body']), `${where} body`);
}

test('fixed payloads in every value: parsed like a browser parses them, the HTML holds each only as text', () => {
  PAYLOADS.forEach((payload, k) => {
    const status = buildStatus(checkText(page(() => payload)), { today: { year: 2020, month: 3, day: 18 } });
    // The payloads did reach the model: three features, criteria, milestones, a plan item, problems.
    assert.deepEqual(
      [status.features.length, status.criteria.length >= 2, status.milestones.length >= 2, status.plan.length, status.releases.length >= 1],
      [3, true, true, 1, true],
      `#${k}: ${status.criteria.length} criteria, ${status.milestones.length} milestones`,
    );
    assert.ok(
      status.features.some((f) =>
        f.name.includes(
          // What a rendered page shows of it: an HTML comment (#9) shows nothing.
          payload
            .replace(/<!--[\s\S]*?-->/g, '')
            .replace(/<[^>]*>/g, '')
            .trim()
            .slice(0, 4),
        ),
      ),
      `#${k}: feature names`,
    );
    for (const { where, html, full } of renders(page(() => payload))) {
      const root = full ? parse(html) : parseFragment(html);
      if (full) assertReportLocked(html, `${where} #${k}`);
      else assertInert(root, FRAGMENT_TAGS, `${where} #${k}`);
      assert.ok(!/<script/i.test(html.replace(/&lt;script/gi, '')), `${where} #${k}: a raw <script`);
      // The feature's remarks are not shown; each page shows the payload in its title, features and criteria.
      if (where === 'preview' || where === 'report') {
        assert.ok(
          texts(root).includes(payload.replace(/\s+/g, ' ').trim()) ||
            texts(root).includes(
              payload
                .replace(/<[^>]*>/g, ' ')
                .replace(/\s+/g, ' ')
                .trim(),
            ),
          `${where} #${k}: the payload is not shown as text`,
        );
      }
    }
  });
});

// A case renders a page with 26 payloads four ways and parses each HTML (about 30-80 ms).
const PAYLOAD_PAGES = budget(60, 3_000);

test(`generated payloads (fast-check, ${fuzzLabel(PAYLOAD_PAGES, 'pages')}): no element, handler, URL or style from the page reaches the HTML`, () => {
  const piece = fc.oneof(
    fc.constantFrom(...PAYLOADS),
    fc.constantFrom(
      '<',
      '>',
      '"',
      "'",
      '&',
      '&lt;',
      '&#60;',
      '`',
      '\\',
      '</',
      '<!--',
      ']]>',
      '\u0000',
      '\u2028',
      'javascript:',
      'url(',
      'expression(',
    ),
    fc.string({ maxLength: 6 }),
  );
  const payload = fc.array(piece, { minLength: 1, maxLength: 4 }).map((ps) => ps.join(''));
  assertProperty(
    fc.property(fc.array(payload, { minLength: 26, maxLength: 26 }), (values) => {
      for (const { where, html, full } of renders(page((i) => values[i]))) {
        if (full) assertReportLocked(html, where);
        else assertInert(parseFragment(html), FRAGMENT_TAGS, where);
      }
    }),
    params(PAYLOAD_PAGES),
  );
});

test('the webview shell: CSP default-src none, script only by a fresh nonce, no inline or eval, styles and images only from the extension; bad inputs refused', () => {
  const o = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://x/dist/preview.js?"><script>alert(1)</script>',
    styleUri: 'https://x/media/status.css',
    nonce: 'AAAAAAAAAAAAAAAAAAAAAA==',
  };
  const csp = contentSecurityPolicy(o);
  assert.equal(
    csp,
    `default-src 'none'; style-src ${o.cspSource}; script-src 'nonce-${o.nonce}'; img-src ${o.cspSource}; font-src ${o.cspSource}; base-uri 'none'; form-action 'none'`,
  );
  assert.doesNotMatch(csp, /unsafe-|\*|data:|http:/);
  const doc = parse(previewHtml(o));
  const scripts = [...walk(doc)].filter((n): n is Element => isElement(n) && n.tagName === 'script');
  assert.equal(scripts.length, 1);
  assert.deepEqual(scripts[0].attrs.map((a) => a.name).sort(), ['nonce', 'src']);
  assert.equal(scripts[0].childNodes.length, 0, 'no inline script');
  assert.equal(scripts[0].attrs.find((a) => a.name === 'src')?.value, o.scriptUri, 'the URI is one attribute value, escaped');
  for (const bad of [
    { ...o, cspSource: "'self'; script-src 'unsafe-inline'" },
    { ...o, cspSource: "'unsafe-eval'" },
    { ...o, nonce: 'short' },
    { ...o, nonce: 'AAAAAAAAAAAAAAAAAAAA"><script>' },
  ]) {
    assert.throws(() => previewHtml(bad));
  }
});
