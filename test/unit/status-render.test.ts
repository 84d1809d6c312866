import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatus, checkText } from '../../server/src/core';
import { type PageStatus, renderDashboard, renderReport } from '../../shared/status';
import { previewHtml, contentSecurityPolicy } from '../../client/src/preview/html';
import { parseHostMessage, parsePreviewState, parseWebviewMessage } from '../../shared/preview-messages';
import { ROOT, readFixture } from '../helpers/paths';
import { RENDERED_TAGS } from '../helpers/html-tags';

const HOSTILE = [
  '---',
  'title: "</title><script>alert(5)</script> 9.9 release management"',
  'category: release',
  '---',
  '',
  '## Timeline',
  '',
  '*   General availability: **2020-04-01**',
  '*   Beta "quoted" <b>release</b>: **2020-03-01**',
  '',
  '## Release Criteria',
  '',
  '*   **MUST**: <svg onload=alert(4)> works',
  '',
  '## Features Status Table',
  '',
  '| Functional team | Feature | Release priority | Owner | Status | Target date |',
  '|---|---|---|---|---|---|',
  '| Virt & Co | <img src=x onerror=alert(1)> | Must | "><script>alert(2)</script> | Red - <iframe src=javascript:alert(3)> | 2020-03-15 |',
  "| Storage &amp; &lt;Co&gt; | it's `<b onmouseover=alert(6)>` | Must | x' onmouseover='alert(7) | Green | 2020-03-20 |",
].join('\n');

function hostile(): PageStatus {
  return buildStatus(checkText(HOSTILE), { today: { year: 2020, month: 3, day: 18 } });
}

/** The report's document adds these around the rendered fragments. */
const ALLOWED_TAGS = new Set([...RENDERED_TAGS, 'body', 'head', 'html', 'meta', 'style']);

/** Every tag's name and attribute names, from a scan that treats `<` only as markup when a tag name follows. */
function tags(html: string): Array<{ name: string; attrs: string[]; raw: string }> {
  const out: Array<{ name: string; attrs: string[]; raw: string }> = [];
  for (const m of html
    .replace(/<style>[\s\S]*?<\/style>/g, '<style></style>')
    .matchAll(/<([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    out.push({ name: m[1].toLowerCase(), attrs: [...m[2].matchAll(/\s([\w:-]+)(?:=|\s|$)/g)].map((a) => a[1].toLowerCase()), raw: m[0] });
  }
  return out;
}

function assertInert(html: string): void {
  for (const t of tags(html)) {
    assert.ok(ALLOWED_TAGS.has(t.name), `unexpected element <${t.name}>: ${t.raw.slice(0, 120)}`);
    assert.deepEqual(
      t.attrs.filter((a) => a.startsWith('on') || a === 'src' || a === 'href' || a === 'style'),
      [],
      `no handler, source or inline style: ${t.raw.slice(0, 120)}`,
    );
  }
  assert.doesNotMatch(html, /<(script|img|iframe|object|embed|link)\b/i);
  // Every `<` that is not one of our tags is escaped: the only raw `<` start a tag the scan accepted.
  const raw = (html.match(/<(?!\/|!DOCTYPE)/g) ?? []).length;
  assert.equal(raw, tags(html).length, 'every unescaped < opens a known tag');
}

test('hostile page text is shown as text: features, owners, comments, criteria, titles', () => {
  const s = hostile();
  assert.equal(s.features[0].name, '<img src=x onerror=alert(1)>', 'unknown HTML is kept as the characters written');
  assert.equal(s.features[0].owner, '"><script>alert(2)</script>');
  assert.equal(s.features[0].statusComment, '<iframe src=javascript:alert(3)>');
  assert.equal(s.features[1].name, "it's <b onmouseover=alert(6)>");
  assert.equal(s.features[1].team, 'Storage & <Co>', 'entities are decoded, then escaped again on output');
  assert.equal(s.criteria[0].text, '<svg onload=alert(4)> works');
  for (const interactive of [true, false]) {
    const html = renderDashboard(s, { interactive, fileName: 'a<b>.md' });
    assertInert(html);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the feature name appears escaped');
    assert.ok(html.includes('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;iframe src=javascript:alert(3)&gt;'));
    assert.ok(html.includes('&lt;svg onload=alert(4)&gt; works'));
    assert.ok(html.includes('&lt;/title&gt;&lt;script&gt;alert(5)&lt;/script&gt; 9.9 release management'));
    assert.ok(html.includes('x&#39; onmouseover=&#39;alert(7)'));
    assert.ok(html.includes('a&lt;b&gt;.md'));
    assert.ok(html.includes('Storage &amp; &lt;Co&gt;'));
    assert.ok(html.includes('it&#39;s &lt;b onmouseover=alert(6)&gt;'));
  }
});

test('the report is one self-contained file: CSP default-src none, hashed inline style, no script, no URL', () => {
  const s = hostile();
  const css = '.rp-dashboard { color: var(--vscode-foreground); }';
  const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  const html = renderReport(s, { css, styleSource: hash, fileName: 'page.md', generator: 'release-pages test' });
  assertInert(html);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.equal(csp, `default-src 'none'; style-src ${hash}; base-uri 'none'; form-action 'none'`);
  assert.equal(/<style>([\s\S]*?)<\/style>/.exec(html)?.[1], css, 'the hash covers exactly the inline stylesheet');
  assert.doesNotMatch(html, /https?:|url\(|@import/);
  assert.throws(() => renderReport(s, { css, styleSource: "'unsafe-inline'", fileName: 'p', generator: 'g' }), /invalid CSP/);
});

test('the real stylesheets: theme colours only from --vscode-* variables, nothing loaded from outside', () => {
  const status = readFileSync(join(ROOT, 'media', 'status.css'), 'utf8');
  const report = readFileSync(join(ROOT, 'media', 'report.css'), 'utf8');
  for (const css of [status, report]) assert.doesNotMatch(css, /url\(|@import|https?:/);
  const colours = status.replace(/\/\*[\s\S]*?\*\//g, '').match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/gi) ?? [];
  assert.deepEqual(colours, [], 'status.css names no colour of its own');
  const vars = new Set([...status.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]).filter((v) => !v.startsWith('--rp-')));
  assert.ok(
    [...vars].every((v) => v.startsWith('--vscode-')),
    [...vars].join(', '),
  );
  for (const theme of ['vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'])
    assert.ok(status.includes(`body.${theme}`), theme);
});

test('the webview document: CSP default-src none, the script only by nonce, the style only from the extension', () => {
  const nonce = 'c2VjcmV0LW5vbmNlLTEyMzQ1Ng==';
  const html = previewHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://x/dist/preview.js',
    styleUri: 'https://x/media/status.css',
    nonce,
  });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  assert.equal(csp, contentSecurityPolicy({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce }));
  assert.match(csp, /^default-src 'none'; /);
  assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`));
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  assert.match(html, new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}" src="https://x/dist/preview.js"></script>`));
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script element, no inline script');
  assert.doesNotMatch(html, /\son\w+=/);
  assert.throws(() => previewHtml({ cspSource: 'x', scriptUri: 'a', styleUri: 'b', nonce: 'short' }), /nonce/);
  assert.throws(() => previewHtml({ cspSource: "x 'unsafe-inline'", scriptUri: 'a', styleUri: 'b', nonce }), /CSP source/);
  assert.throws(() => previewHtml({ cspSource: 'x; script-src *', scriptUri: 'a', styleUri: 'b', nonce }), /CSP source/);
  assert.match(
    previewHtml({ cspSource: "'self' https://*.vscode-cdn.net", scriptUri: 'a', styleUri: 'b', nonce }),
    /style-src 'self' https:\/\/\*\.vscode-cdn\.net;/,
  );
});

test('messages are validated on both sides: reveal lines, model fields, saved state', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'reveal', line: 87 }), { type: 'reveal', line: 87 });
  for (const line of [-1, 1.5, '87', null, 1e12]) assert.equal(parseWebviewMessage({ type: 'reveal', line }), null, `line ${String(line)}`);
  assert.equal(parseWebviewMessage({ type: 'eval', code: 'x' }), null);
  assert.equal(parseWebviewMessage('reveal'), null);
  assert.deepEqual(parseWebviewMessage({ type: 'toggleLock', extra: 1 }), { type: 'toggleLock' });
  const status = buildStatus(checkText(readFixture('seeds', '000_015c11820e0fe26e.md')), { today: { year: 2013, month: 6, day: 10 } });
  const update = {
    type: 'update',
    uri: 'file:///a.md',
    fileName: 'a.md',
    version: 3,
    locked: false,
    status: JSON.parse(JSON.stringify(status)) as unknown,
  };
  assert.equal(parseHostMessage(update)?.type, 'update');
  const broken = JSON.parse(JSON.stringify(update)) as {
    status: { features: Array<Record<string, unknown>>; counts: Record<string, unknown> };
  };
  broken.status.features[0].colour = 'blue" onclick="x';
  assert.equal(parseHostMessage(broken), null, 'a colour outside the set is refused (it becomes a class name)');
  const broken2 = JSON.parse(JSON.stringify(update)) as typeof broken;
  broken2.status.counts.red = '12';
  assert.equal(parseHostMessage(broken2), null);
  assert.equal(parseHostMessage({ type: 'highlight', line: -3 }), null);
  assert.deepEqual(
    parsePreviewState({
      uri: 'file:///a.md',
      locked: true,
      filter: { colour: 'purple', text: 3 },
      sort: { key: 'owner', dir: 'desc' },
      scrollY: -5,
    }),
    {
      uri: 'file:///a.md',
      locked: true,
      filter: { team: '', colour: '', status: '', priority: '', text: '', only: '' },
      sort: { key: 'owner', dir: 'desc' },
      scrollY: 0,
    },
  );
  assert.equal(parsePreviewState({ locked: true }), null);
});

test('release-pages report: HTML file, JSON model, usage errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'release-pages-report-'));
  writeFileSync(join(dir, 'page.md'), readFixture('seeds', '000_015c11820e0fe26e.md'));
  writeFileSync(join(dir, 'other.md'), readFixture('seeds', '001_dc88aac92be68e04.md'));
  const cli = join(ROOT, 'bin', 'release-pages.js');
  const run = (args: string[]): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const html = run(['report', 'page.md', '-o', 'status.html', '--as-of', '2013-06-10']);
  assert.equal(html.code, 0, html.stderr);
  const file = readFileSync(join(dir, 'status.html'), 'utf8');
  assertInert(file);
  const style = /<style>([\s\S]*?)<\/style>/.exec(file)?.[1] ?? '';
  assert.ok(file.includes(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`), 'CSP hash matches the inlined CSS');
  assert.ok(style.includes('--vscode-charts-green') && style.includes('.rp-chip'), 'both stylesheets are inlined');
  assert.match(file, /<h1 class="rp-title"><bdi>OVirt 3\.3 release-management<\/bdi><\/h1>/);
  assert.match(file, /21 days to GA/);
  assert.equal((file.match(/<tr class="rp-row /g) ?? []).length, 36);
  const json = run(['report', 'page.md', '--format', 'json', '--as-of', '2013-06-10']);
  assert.equal(json.code, 0, json.stderr);
  const model = JSON.parse(json.stdout) as PageStatus & { file: string };
  assert.equal(model.file, 'page.md');
  assert.deepEqual([model.counts.total, model.counts.green, model.mustNotGreen.length, model.overdue.length], [36, 6, 11, 7]);
  const page = readFixture('seeds', '000_015c11820e0fe26e.md').split('\n');
  assert.equal(model.ga?.line, 22, 'lines are 1-based, as in check --format json');
  assert.match(page[model.ga.line - 1], /General availability/);
  const gateways = model.features.find((f) => f.name === 'Multiple Gateways');
  assert.equal(gateways?.line, 100);
  assert.ok(model.overdue.includes(100) && model.mustNotGreen.includes(100));
  assert.equal(model.problems.items[0].line, checkText(page.join('\n')).findings[0].range.start.line + 1);
  assert.equal(run(['report', 'page.md', '--as-of', '10/06/2013']).code, 2);
  assert.equal(run(['report', 'page.md', 'other.md']).code, 2);
  assert.equal(run(['report']).code, 2);
  assert.equal(run(['report', 'missing.md']).code, 2);
  assert.equal(run(['report', 'page.md', '--format', 'pdf']).code, 2);
  assert.match(run(['report', '--help']).stdout, /Usage: release-pages report/);
  // --language: the report's own words from the extension's bundles; page text as written.
  const german = run(['report', 'page.md', '--language', 'de-CH', '--as-of', '2013-06-10']);
  assert.equal(german.code, 0, german.stderr);
  assert.match(german.stdout, /<html lang="de"/);
  assert.match(german.stdout, /<h2 id="rp-h-timeline">Zeitplan/);
  assert.match(german.stdout, /<bdi>OVirt 3\.3 release-management<\/bdi>/);
  assert.doesNotMatch(german.stdout, /days to GA/);
  assert.match(run(['report', 'page.md', '--language', 'es']).stdout, /<html lang="es"/);
  const unknown = run(['report', 'page.md', '--language', 'fr']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--language must be one of en, de, es/);
});
