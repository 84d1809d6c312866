// Localisation is complete by test: every manifest string is a %key% of package.nls.json and of each
// package.nls.<language>.json; every message of a `t('…')` call in the extension, the server and shared/
// is a key of l10n/bundle.l10n.json and of each bundle.l10n.<language>.json; placeholders, code spans and
// setting links survive translation; no key is unused (the status dashboard's words included: its renderers
// and the webview's). Then the translations at work: the status item and the server's code lens and action
// titles in German (the dashboard's: l10n-dashboard.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/paths';
import { english, fill, fromBundle } from '../../shared/l10n';
import { statusText } from '../../client/src/status-text';
import { actionTitle, configureL10n, lensTitle, t as serverT } from '../../server/src/lsp/l10n';

type Strings = Record<string, string>;
const readJson = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(ROOT, ...parts), 'utf8')) as T;
const LANGUAGES = ['de', 'es'] as const;

/** The languages with a translation of the manifest and a runtime bundle: both must be the same set. */
test('German and Spanish are translated, manifest and runtime bundle alike', () => {
  const nls = readdirSync(ROOT).flatMap((f) => /^package\.nls\.([\w-]+)\.json$/.exec(f)?.[1] ?? []);
  const bundles = readdirSync(join(ROOT, 'l10n')).flatMap((f) => /^bundle\.l10n\.([\w-]+)\.json$/.exec(f)?.[1] ?? []);
  assert.deepEqual(nls.sort(), [...LANGUAGES]);
  assert.deepEqual(bundles.sort(), [...LANGUAGES]);
  assert.equal(readJson<{ l10n?: string }>('package.json').l10n, './l10n', 'package.json names the bundles folder');
});

// ---- the manifest ----

/** Every string value of the manifest, with its JSON path. */
function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

const manifest = readJson<Record<string, unknown>>('package.json');
const manifestStrings = strings(manifest, '');
const KEY = /^%([^%]+)%$/;

/** Manifest paths a user reads in VS Code (palette, settings editor, extension view): each must be a %key%. */
const USER_VISIBLE = [
  /^\.description$/,
  /^\.capabilities\.untrustedWorkspaces\.description$/,
  /^\.contributes\.commands\[\d+\]\.(title|category|shortTitle)$/,
  /^\.contributes\.configuration\.title$/,
  /^\.contributes\.configuration\.properties\.[^.]+(\.[^.]+)*\.(description|markdownDescription|deprecationMessage|markdownDeprecationMessage)$/,
  /^\.contributes\.configuration\.properties\..+\.(enumDescriptions|markdownEnumDescriptions)\[\d+\]$/,
  /^\.contributes\.(viewsContainers|views)\..*\.(title|name|contextualTitle)$/,
  /^\.contributes\.walkthroughs\b.*\.(title|description)$/,
];

test('every user-visible manifest string is a %key% (command titles and categories, settings, enum descriptions)', () => {
  const visible = manifestStrings.filter(([path]) => USER_VISIBLE.some((r) => r.test(path)));
  assert.ok(visible.length >= 30, `${visible.length} user-visible strings found`);
  const plain = visible.filter(([, v]) => !KEY.test(v)).map(([p, v]) => `${p}: ${v}`);
  assert.deepEqual(plain, [], 'write these in package.nls.json and use %key% in package.json');
});

test('every %key% of package.json is in package.nls.json and each translation, and no key there is unused', () => {
  const used = new Set(manifestStrings.flatMap(([, v]) => KEY.exec(v)?.[1] ?? []));
  const english = readJson<Strings>('package.nls.json');
  assert.deepEqual(Object.keys(english).sort(), [...used].sort(), 'package.nls.json has exactly the keys package.json uses');
  for (const lang of LANGUAGES) {
    const translated = readJson<Strings>(`package.nls.${lang}.json`);
    assert.deepEqual(Object.keys(translated).sort(), [...used].sort(), `package.nls.${lang}.json has exactly the keys package.json uses`);
    for (const [key, text] of Object.entries(translated)) {
      assert.ok(text.trim() !== '', `${lang}: ${key} is empty`);
      assert.deepEqual(kept(text), kept(english[key]), `${lang}: ${key} keeps the code spans, setting links and placeholders`);
    }
  }
});

/** What a translation must keep as written: placeholders, `code spans` and #setting.links#, as a sorted multiset. */
function kept(text: string): string[] {
  return [...text.matchAll(/\{\d+\}|`[^`]+`|#[\w.]+#/g)].map((m) => m[0]).sort();
}

// ---- the runtime bundles ----

/** The TypeScript sources whose `t('…')` messages the bundle holds: the extension, the server's LSP side and wiring, shared/. */
const SOURCE_ROOTS = ['client/src', 'server/src/lsp', 'server/src/server.ts', 'server/src/server-common.ts', 'shared'];

function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(full).flatMap((name) => sourceFiles(`${path}/${name}`));
}

/** Every `t(` call (not `x.t(`): its message, which must be one single-quoted literal. */
function messages(): { found: Map<string, string>; nonLiteral: string[] } {
  const found = new Map<string, string>();
  const nonLiteral: string[] = [];
  for (const file of SOURCE_ROOTS.flatMap(sourceFiles)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const call of text.matchAll(/(?<![\w.$])t\(\s*/g)) {
      const rest = text.slice(call.index + call[0].length);
      const literal = /^'((?:[^'\\\n]|\\.)*)'/.exec(rest);
      const line = text.slice(0, call.index).split('\n').length;
      // The wrappers' own `(message, ...args)` and comments that name `t(…)` are not messages.
      if (!literal) {
        if (!/^(message\b|…)/.test(rest)) nonLiteral.push(`${file}:${line}: t(${rest.slice(0, 30)}`);
        continue;
      }
      found.set(literal[1].replace(/\\(.)/g, '$1'), `${file}:${line}`);
    }
  }
  return { found, nonLiteral };
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

test('every t() message in the sources is a literal and a key of l10n/bundle.l10n.json, which has no other key', () => {
  const { found, nonLiteral } = messages();
  assert.deepEqual(nonLiteral, [], 'a message must be a single-quoted literal, so that this test can find it');
  assert.ok(found.size >= 50, `${found.size} messages found`);
  const bundle = readJson<Strings>('l10n', 'bundle.l10n.json');
  const missing = [...found].filter(([m]) => !(m in bundle)).map(([m, where]) => `${where}: ${m}`);
  assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.json (and translate them)');
  const unused = Object.keys(bundle).filter((k) => !found.has(k));
  assert.deepEqual(unused, [], 'no source says these any more');
  for (const [k, v] of Object.entries(bundle)) assert.equal(v, k, 'the English bundle maps each message to itself');
});

for (const lang of LANGUAGES) {
  test(`l10n/bundle.l10n.${lang}.json translates every message, with the same placeholders and code spans`, () => {
    const english = readJson<Strings>('l10n', 'bundle.l10n.json');
    const translated = readJson<Strings>('l10n', `bundle.l10n.${lang}.json`);
    assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort(), `${lang}: exactly the English keys`);
    for (const [key, text] of Object.entries(translated)) {
      assert.ok(text.trim() !== '', `${lang}: "${key}" is empty`);
      assert.deepEqual(placeholders(text), placeholders(key), `${lang}: "${key}" → "${text}" keeps its placeholders`);
      assert.deepEqual(kept(text), kept(key), `${lang}: "${key}" → "${text}" keeps its code spans`);
    }
  });
}

// ---- the translations at work ----

const SUMMARY = {
  isReleasePage: true,
  kind: 'release-management',
  title: 'Orbit 4.2',
  errors: 2,
  warnings: 1,
  infos: 0,
  gaDate: '2025-10-09',
  features: 1,
  mustNotGreen: 0,
};

test('fill and fromBundle: placeholders filled in any order, a message the bundle lacks stays English', () => {
  assert.equal(fill('{1} before {0}', ['a', 2]), '2 before a');
  assert.equal(fill('{0} and {1}', ['only']), 'only and {1}');
  const t = fromBundle({ '{0} error': '{0} Fehler' });
  assert.equal(t('{0} error', 1), '1 Fehler');
  assert.equal(t('Restart'), 'Restart');
  assert.equal(fromBundle(undefined)('{0} files', 3), english('{0} files', 3));
});

test('the status item in German and Spanish', () => {
  const de = fromBundle(readJson<Strings>('l10n', 'bundle.l10n.de.json'));
  const es = fromBundle(readJson<Strings>('l10n', 'bundle.l10n.es.json'));
  assert.equal(statusText(SUMMARY, 'running', de).text, '$(checklist) Release-Seite: 2 Fehler, 1 Warnung');
  assert.equal(statusText(SUMMARY, 'running', es).text, '$(checklist) Página de versión: 2 errores, 1 advertencia');
  assert.equal(statusText(SUMMARY, 'running', de).detail, 'Orbit 4.2 · GA 2025-10-09 · 1 Feature, 0 Must nicht Green · Server läuft');
  assert.equal(statusText(null, 'stopped', es).text, 'Release Pages: servidor detenido');
  assert.equal(statusText(SUMMARY, 'running').text, '$(checklist) Release page: 2 errors, 1 warning', 'English without a bundle');
});

test("the server's titles: English without a bundle, German with the bundle the client sends", () => {
  const lens = {
    table: 0,
    heading: null,
    line: 3,
    startLine: 3,
    endLine: 6,
    features: 3,
    counts: [
      { value: 'Green', count: 2 },
      { value: 'Red', count: 0 },
    ],
    unset: 1,
    unknown: 0,
    hasPriority: true,
    mustNotGreen: 1,
    revealLine: 3,
    title: '',
  };
  const fixAll = { title: 'x', kind: 'source.fixAll.releasePages' as const, fixAll: { rule: null }, findings: [] };
  const disable = {
    title: 'Disable date-format for this line',
    kind: 'quickfix' as const,
    edits: [],
    findings: [],
    disables: 'date-format',
  };
  const ruleFix = { title: 'Write Fri', kind: 'quickfix' as const, edits: [], findings: [] };
  try {
    assert.equal(configureL10n({}), false, 'no bundle: English');
    assert.equal(lensTitle(lens), '3 features: 2 Green · 1 not set — 1 Must not Green');
    assert.equal(actionTitle(disable), 'Disable date-format for this line');
    assert.equal(configureL10n({ l10nBundle: readJson<Strings>('l10n', 'bundle.l10n.de.json') }), true);
    assert.equal(lensTitle(lens), '3 Features: 2 Green · 1 nicht gesetzt — 1 Must nicht Green');
    assert.equal(lensTitle({ ...lens, hasPriority: false }), '3 Features: 2 Green · 1 nicht gesetzt', 'no Priority column: no Must part');
    assert.equal(actionTitle(fixAll), 'Alle Release-Pages-Probleme in dieser Datei beheben');
    assert.equal(actionTitle(disable), 'date-format für diese Zeile deaktivieren');
    assert.equal(actionTitle(ruleFix), 'Write Fri', "a rule's own fix keeps the rule's words");
    assert.equal(serverT('{0} of {1} files', 1, 2), '1 von 2 Dateien');
  } finally {
    configureL10n({ l10nBundle: {} });
  }
});

test('the sources scanned are where the messages are (a moved folder must not empty the scan)', () => {
  for (const root of SOURCE_ROOTS) assert.ok(sourceFiles(root).length > 0, relative(ROOT, join(ROOT, root)));
  // The status dashboard's words: its renderers (shared/status) and the webview's own (filters, toolbar, Changes).
  const where = [...messages().found.values()];
  assert.ok(where.filter((w) => w.startsWith('shared/status/')).length >= 150, 'the dashboard renderers say their words through t()');
  assert.ok(where.filter((w) => w.startsWith('client/src/preview/webview/')).length >= 25, "the webview's own words go through t()");
});
