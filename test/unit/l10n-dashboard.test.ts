// The status dashboard in the user's language: real pages drawn with the German bundle say the
// dashboard's words in German; drawn with a pseudo-translation (every message's letters made fullwidth)
// they leave no English word of the dashboard's own outside the page's text, in text or in a tooltip;
// without a language they are English, as before. Then the message that carries the language to the webview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStatus, checkText, compareStatus } from '../../server/src/core';
import { ENGLISH, language, type Language } from '../../shared/l10n';
import {
  changesSummary,
  renderChanges,
  renderDashboard,
  renderFeatureHistory,
  renderReport,
  type FeatureHistory,
  type PageChanges,
  type PageStatus,
} from '../../shared/status';
import { parseHostMessage } from '../../shared/preview-messages';
import { ROOT, readFixture } from '../helpers/paths';

type Strings = Record<string, string>;
const bundle = (name: string): Strings => JSON.parse(readFileSync(join(ROOT, 'l10n', name), 'utf8')) as Strings;
const ENGLISH_BUNDLE = bundle('bundle.l10n.json');
const GERMAN = language('de', bundle('bundle.l10n.de.json'));
const SPANISH = language('es', bundle('bundle.l10n.es.json'));
/** Every message with its ASCII letters made fullwidth (placeholders are digits, so they stay). */
const PSEUDO = language(
  'de',
  Object.fromEntries(
    Object.keys(ENGLISH_BUNDLE).map((k) => [k, k.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))]),
  ),
);

/** Real pages with every section between them: an oVirt release page (timeline, features, criteria), a milestone plan, per-version phase tables. */
const PAGES: Array<[string, PageStatus]> = [
  ['seed 000', buildStatus(checkText(readFixture('seeds', '000_015c11820e0fe26e.md')), { today: { year: 2013, month: 6, day: 10 } })],
  ['milestone plan', buildStatus(checkText(readFixture('pages', 'milestone-plan.md')), { today: { year: 2024, month: 3, day: 1 } })],
  ['phase tables', buildStatus(checkText(readFixture('pages', 'schedule-phases.md')), { today: { year: 2024, month: 6, day: 1 } })],
];

/** The seed page against itself with a feature turned Red, its target moved and the GA date slipped. */
let changesMemo: PageChanges | undefined;
function seedChanges(): PageChanges {
  if (changesMemo) return changesMemo;
  const text = readFixture('seeds', '000_015c11820e0fe26e.md');
  const today = { today: { year: 2013, month: 6, day: 10 } };
  const base = buildStatus(checkText(text), today);
  const feature = base.features.find((f) => f.colour === 'green' && f.target?.iso);
  assert.ok(feature?.target?.iso && base.ga?.date.iso, 'the seed has a Green feature with a target date, and a GA date');
  const lines = text.split('\n');
  lines[feature.line] = lines[feature.line].replace(/\bGreen\b/, 'Red').replace(feature.target.text, '2013-12-24');
  const head = buildStatus(checkText(lines.join('\n').replace(base.ga.date.text, '2013-12-31')), today);
  changesMemo = compareStatus(base, head, {
    base: { label: 'previous', commit: '0123456789abcdef', date: '2013-06-01' },
    head: { label: 'HEAD', commit: null, date: null },
  });
  return changesMemo;
}

const HISTORY: FeatureHistory = {
  name: 'Hot plug',
  points: [
    { commit: '0123456789abcdef', date: '2013-05-01', colour: 'orange', statusLabel: 'Orange', target: '2013-06-01', absent: false },
    { commit: 'fedcba9876543210', date: '2013-05-20', colour: 'green', statusLabel: '', target: null, absent: true },
  ],
};

/** Everything the dashboard draws in a language: the three pages, the changes section, a history strip. */
function drawAll(lang?: Language): string {
  const o = lang ? { interactive: true, language: lang } : { interactive: true };
  return [
    ...PAGES.map(([, s]) => renderDashboard(s, { ...o, fileName: 'docs/release.md' })),
    ...PAGES.map(([, s]) => renderDashboard(s, { interactive: false, language: lang, fileName: 'docs/release.md' })),
    renderChanges(seedChanges(), o),
    renderFeatureHistory(HISTORY, lang),
  ].join('\n');
}

/**
 * Every string the page gave the models (names, labels, dates as written, messages) and the commits as
 * the dashboard abbreviates them: page text, said as written.
 */
function pageStrings(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      // One lowercase word is a value of the model's own vocabularies (a severity, a kind, a state), not page text.
      if (v.trim() && !/^[a-z][a-z-]*$/.test(v)) out.add(v);
      if (/^[0-9a-f]{16,}$/.test(v)) out.add(v.slice(0, 12));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(PAGES.map(([, s]) => s));
  walk(seedChanges());
  walk(HISTORY);
  out.add('docs/release.md');
  return [...out].sort((a, b) => b.length - a.length);
}

const ENTITIES: Strings = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e]);

/**
 * The dashboard's own words in `html`: its text and its tooltips and labels, without the page's text
 * (what `bdi` holds, rule ids in `code`, every string of the models) and without the axis' month names
 * (`Intl`'s) and the milestones' short labels (`GA`, `RC1`, `Beta 2`, or the label's first characters).
 */
function ownWords(html: string): string[] {
  const stripped = html
    .replace(/<bdi>[^<]*<\/bdi>/g, ' ')
    .replace(/<code>[^<]*<\/code>/g, ' ')
    .replace(/<text class="rp-(tick-label|ms-text)"[^>]*>[^<]*<\/text>/g, ' ');
  const texts = stripped.split(/<[^>]*>/);
  const attributes = [...stripped.matchAll(/\s(?:title|aria-label|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const page = pageStrings();
  return [...new Set([...texts, ...attributes])]
    .map((s) => page.reduce((text, p) => text.split(p).join(' '), decode(s).replace(/[\u2066-\u2069]/g, '')))
    .flatMap((s) => s.match(/[A-Za-z]{2,}/g) ?? []);
}

/** Words every language writes as they are: the page's status colours (as the code lens says them) and milestone abbreviations. */
const AS_WRITTEN = new Set(['Green', 'Orange', 'Red', 'GA']);

test('pseudo-translated, the dashboard leaves no English word of its own (and in English it has many: the check can fail)', () => {
  const english = ownWords(drawAll()).filter((w) => !AS_WRITTEN.has(w));
  assert.ok(new Set(english).size >= 80, `${new Set(english).size} different English words found in the English dashboard`);
  const left = ownWords(drawAll(PSEUDO)).filter((w) => !AS_WRITTEN.has(w));
  assert.deepEqual([...new Set(left)], [], 'these words are not translated');
});

test('the German dashboard of real pages speaks German; the page text stays as written', () => {
  const [[, seed], [, plan], [, phases]] = PAGES;
  const html = renderDashboard(seed, { interactive: true, language: GERMAN, fileName: 'docs/release.md' });
  for (const words of [
    'Allgemeine Verfügbarkeit',
    'Nächster Meilenstein',
    'Feature-Status',
    'Zeitplan',
    'Release-Kriterien',
    'Probleme',
    'Fachteam',
    'Zieldatum',
    'Must-Features nicht Green',
    'Heute 2013-06-10',
    'title="Zeile ',
  ])
    assert.ok(html.includes(words), `"${words}" in the German dashboard`);
  // The page's own words are drawn as written: the title, a feature's name and its team.
  assert.ok(seed.title && html.includes(`<bdi>${seed.title}</bdi>`), 'the title as written');
  const f = seed.features[0];
  assert.ok(
    html.includes(`<bdi>${f.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</bdi>`),
    'a feature name as written',
  );
  // Month names on the axis come from Intl in the UI language (seed 001's timeline spans February and March 2014).
  const seed001 = buildStatus(checkText(readFixture('seeds', '001_dc88aac92be68e04.md')), { today: { year: 2013, month: 6, day: 10 } });
  const axis = (lang: Language): string[] =>
    [...renderDashboard(seed001, { interactive: false, language: lang }).matchAll(/<text class="rp-tick-label"[^>]*>([^<]*)<\/text>/g)].map(
      (m) => m[1],
    );
  assert.deepEqual(axis(ENGLISH), ['Feb 2014', 'Mar']);
  assert.deepEqual(axis(GERMAN), ['Feb 2014', 'Mär']);
  assert.deepEqual(axis(SPANISH), ['feb 2014', 'mar']);
  assert.ok(renderDashboard(plan, { interactive: false, language: GERMAN }).includes('Meilensteinplan'));
  const releases = renderDashboard(phases, { interactive: false, language: SPANISH });
  assert.ok(releases.includes('<h2 id="rp-h-releases">Versiones'), 'the releases section in Spanish');
  assert.ok(releases.includes('Fin de vida'), "the releases' legend in Spanish");
});

test('the Changes section and the history strip in German; the summary is the core’s English one without a language', () => {
  const c = seedChanges();
  assert.ok(c.features.length > 0 && c.ga, 'the feature and GA changes are found');
  assert.equal(changesSummary(c), c.summary, 'the shared summary is the one the core wrote');
  const html = renderChanges(c, { interactive: true, language: GERMAN });
  assert.ok(html.includes('Änderungen seit <bdi>previous</bdi> <code>0123456789ab</code> vom 2013-06-01'), html.slice(0, 300));
  assert.ok(html.includes(changesSummary(c, GERMAN.t)) && /GA um \d+ Tage verschoben/.test(html), 'the summary in German');
  assert.ok(html.includes('Schlechter'));
  assert.equal(renderChanges(c, { interactive: true }), renderChanges(c, { interactive: true, language: ENGLISH }));
  const strip = renderFeatureHistory(HISTORY, GERMAN);
  assert.ok(strip.includes('über 2 Revisionen') && strip.includes('nicht auf der Seite') && strip.includes('Verlauf von Hot plug'));
});

test('without a language the dashboard and the report are English, as before', () => {
  const [[, seed]] = PAGES;
  const o = { interactive: false, fileName: 'docs/release.md' };
  assert.equal(renderDashboard(seed, o), renderDashboard(seed, { ...o, language: ENGLISH }));
  const report = (lang?: Language): string =>
    renderReport(seed, {
      css: '',
      styleSource: "'sha256-AAAA'",
      fileName: 'docs/release.md',
      generator: 'release-pages 0.1.0',
      language: lang,
    });
  assert.match(report(), /<html lang="en">/);
  assert.match(report(), /Generated by release-pages 0\.1\.0 from <bdi>docs\/release\.md<\/bdi>, as of 2013-06-10\./);
  assert.match(report(GERMAN), /<html lang="de">/);
  assert.match(report(GERMAN), /Erstellt von release-pages 0\.1\.0 aus <bdi>docs\/release\.md<\/bdi>, Stand 2013-06-10\./);
});

test('the language message: a tag and a bundle of strings; anything else is refused', () => {
  const ok = parseHostMessage({ type: 'language', tag: 'de', bundle: { Timeline: 'Zeitplan' } });
  assert.deepEqual(ok, { type: 'language', tag: 'de', bundle: { Timeline: 'Zeitplan' } });
  assert.ok(parseHostMessage({ type: 'language', tag: 'pt-br', bundle: {} }));
  for (const bad of [
    { type: 'language', tag: 'de"><script>', bundle: {} },
    { type: 'language', tag: '', bundle: {} },
    { type: 'language', tag: 'de', bundle: { Timeline: 3 } },
    { type: 'language', tag: 'de', bundle: [] },
    { type: 'language', tag: 'de', bundle: { x: 'y'.repeat(2001) } },
    { type: 'language', tag: 'de', bundle: Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`m${i}`, 'x'])) },
  ])
    assert.equal(parseHostMessage(bad), null, JSON.stringify(bad).slice(0, 80));
  // A `__proto__` key is a message like any other: it does not change the bundle's prototype.
  const parsed = parseHostMessage(JSON.parse('{"type":"language","tag":"de","bundle":{"__proto__":"x","Today":"Heute"}}'));
  assert.ok(parsed?.type === 'language');
  assert.equal(Object.getPrototypeOf(parsed.bundle), Object.prototype);
  assert.equal(language(parsed.tag, parsed.bundle).t('Today'), 'Heute');
  assert.equal(language(parsed.tag, parsed.bundle).t('__proto__'), 'x');
});
