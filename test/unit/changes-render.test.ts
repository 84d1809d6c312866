// The "Changes" section and the history strip as HTML (page text escaped), their validation at the
// webview boundary, and the preview messages that carry them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStatus, checkText, compareStatus } from '../../server/src/core';
import { isFeatureHistory, isPageChanges, renderChanges, renderFeatureHistory, type PageChanges } from '../../shared/status';
import { parseHostMessage, parseWebviewMessage } from '../../shared/preview-messages';
import { ROOT } from '../helpers/paths';

const TODAY = { year: 2024, month: 3, day: 1 };

function page(name: string, status: string, ga: string): string {
  return [
    '# Example 1.0 Release Management',
    '',
    `* General availability: **${ga}**`,
    '',
    '## Features Status Table',
    '',
    '| Feature | Owner | Status | Target date |',
    '|---|---|---|---|',
    `| ${name} | Ann | ${status} | 2024-04-01 |`,
    '| Plain | Bob | Green | 2024-04-01 |',
    '',
  ].join('\n');
}

const HOSTILE = '<img src=x onerror=alert(1)>';

function changes(): PageChanges {
  const base = buildStatus(checkText(page(HOSTILE, 'Green', '2024-05-01')), { today: TODAY });
  const head = buildStatus(checkText(page(HOSTILE, 'Red', '2024-05-15')), { today: TODAY });
  return compareStatus(base, head, {
    base: { label: '<b>tag</b>', commit: 'abcdef0123456789', date: '2024-02-01' },
    head: { label: 'HEAD', commit: null, date: null },
  });
}

test('the section: worse features with chips, GA moved with the old date struck, page text escaped', () => {
  const c = changes();
  const html = renderChanges(c);
  assert.match(html, /^<section class="rp-section rp-changes"/);
  assert.match(html, /Changes since <bdi>&lt;b&gt;tag&lt;\/b&gt;<\/bdi> <code>abcdef012345<\/code> of 2024-02-01/);
  assert.match(html, /<h3>Worse <span class="rp-count">1<\/span><\/h3>/);
  assert.match(
    html,
    /<del><bdi>2024-05-01<\/bdi><\/del> <span aria-label="moved to">→<\/span> <bdi>2024-05-15<\/bdi> <span class="rp-ch-days rp-ch-late">\+14 days<\/span>/,
  );
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
});

test('the history strip: one chip per revision with its date, absent revisions said so', () => {
  const html = renderFeatureHistory({
    name: HOSTILE,
    points: [
      { commit: 'a'.repeat(40), date: '2024-01-01', colour: 'unset', statusLabel: '', target: null, absent: true },
      { commit: 'b'.repeat(40), date: '2024-02-01', colour: 'red', statusLabel: 'Red', target: '2024-04-01', absent: false },
    ],
  });
  assert.equal((html.match(/class="rp-hs-point"/g) ?? []).length, 2);
  assert.match(html, /not on the page/);
  assert.match(html, /rp-c-red/);
  assert.doesNotMatch(html, /<img/);
});

test('validation: a real result passes, a broken one is refused', () => {
  const c = changes();
  assert.ok(isPageChanges(JSON.parse(JSON.stringify(c))));
  assert.ok(!isPageChanges({ ...c, schema: 2 }));
  assert.ok(!isPageChanges({ ...c, features: [{ ...c.features[0], line: -1 }] }));
  assert.ok(!isPageChanges({ ...c, ga: { from: null, to: { text: 1 }, days: 3 } }));
  assert.ok(isFeatureHistory({ name: 'x', points: [] }));
  assert.ok(!isFeatureHistory({ name: 'x', points: [{ commit: 'a', colour: 'purple' }] }));
});

test('preview messages: changes and history in, base picks and history asks out', () => {
  const c = changes();
  const ok = { type: 'changes', bases: [{ id: 'previous', label: 'Previous revision' }], selected: 'previous', changes: c, note: '' };
  assert.deepEqual(parseHostMessage(JSON.parse(JSON.stringify(ok))), JSON.parse(JSON.stringify(ok)));
  assert.equal(parseHostMessage({ ...ok, changes: { ...c, summary: 7 } }), null);
  assert.equal(parseHostMessage({ ...ok, bases: [{ id: 1 }] }), null);
  assert.deepEqual(parseHostMessage({ type: 'history', history: null, note: 'no Git' }), {
    type: 'history',
    history: null,
    note: 'no Git',
  });
  assert.deepEqual(parseWebviewMessage({ type: 'changesBase', base: 'days:7' }), { type: 'changesBase', base: 'days:7' });
  assert.equal(parseWebviewMessage({ type: 'changesBase', base: 'x'.repeat(301) }), null);
  assert.deepEqual(parseWebviewMessage({ type: 'featureHistory', name: 'Plain' }), { type: 'featureHistory', name: 'Plain' });
});

test('changes.css: theme colours only from variables, nothing loaded from outside', () => {
  const css = readFileSync(join(ROOT, 'media', 'changes.css'), 'utf8');
  assert.doesNotMatch(css, /url\(|@import|https?:|#[0-9a-f]{3,8}\b|rgba?\(/i);
  const vars = [...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]);
  assert.ok(
    vars.every((v) => v.startsWith('--vscode-') || v.startsWith('--rp-')),
    vars.join(', '),
  );
});
