// The injection grammar (syntaxes/release-pages.injection.tmLanguage.json) run by a real TextMate engine
// (vscode-textmate + vscode-oniguruma, the engine VS Code uses) over lines of the seed pages. The
// markdown grammar itself is not available offline: a small host grammar with the scopes the injection
// selector excludes (fenced code, inline code, comments, link targets) stands in for it, and the injection
// is attached to it exactly as VS Code does for `injectTo: ["text.html.markdown"]`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import { readFixture, ROOT } from '../helpers/paths';

const INJECTION = 'markdown.release-pages.injection';
const HOST = 'text.html.markdown';

const HOST_GRAMMAR = {
  scopeName: HOST,
  patterns: [
    { begin: '^\\s*```', end: '^\\s*```\\s*$', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]+`', name: 'markup.inline.raw.string.markdown' },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
    { match: '\\]\\(([^)]*)\\)', captures: { 1: { name: 'markup.underline.link.markdown' } } },
    { begin: '\\*\\*', end: '\\*\\*', name: 'markup.bold.markdown' },
  ],
};

let grammarPromise: Promise<IGrammar> | undefined;

function grammar(): Promise<IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: (scope: string) => {
        if (scope === HOST) return Promise.resolve(parseRawGrammar(JSON.stringify(HOST_GRAMMAR), 'host.json'));
        if (scope === INJECTION) {
          const path = join(ROOT, 'syntaxes', 'release-pages.injection.tmLanguage.json');
          return Promise.resolve(parseRawGrammar(readFileSync(path, 'utf8'), path));
        }
        return Promise.resolve(null);
      },
      getInjections: (scope: string) => (scope === HOST ? [INJECTION] : undefined),
    });
    const g = await registry.loadGrammar(HOST);
    if (!g) throw new Error('host grammar did not load');
    return g;
  })();
  return grammarPromise;
}

/** Tokenises lines in order (multi-line constructs carry over) and returns each line's tokens. */
async function tokenise(lines: readonly string[]): Promise<Array<Array<{ text: string; scopes: string[] }>>> {
  const g = await grammar();
  let stack: StateStack = INITIAL;
  return lines.map((line) => {
    const r = g.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The tokens that overlap `needle` on a line. */
async function tokensAt(line: string, needle: string): Promise<Array<{ text: string; scopes: string[] }>> {
  const [tokens] = await tokenise([line]);
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in ${line}`);
  let pos = 0;
  const out: Array<{ text: string; scopes: string[] }> = [];
  for (const t of tokens) {
    if (pos < at + needle.length && pos + t.text.length > at) out.push(t);
    pos += t.text.length;
  }
  return out;
}

function releaseScopes(scopes: readonly string[]): string[] {
  return scopes.filter((s) => s.endsWith('.release-pages'));
}

/** `needle` (its first occurrence on the line) is one token with exactly this release-pages scope, or (null) has none. */
async function expectScope(line: string, needle: string, scope: string | null): Promise<void> {
  const tokens = await tokensAt(line, needle);
  if (scope === null) {
    assert.deepEqual(
      tokens.flatMap((t) => releaseScopes(t.scopes)),
      [],
      `"${needle}" in ${line}`,
    );
    return;
  }
  assert.deepEqual(
    tokens.map((t) => t.text),
    [needle],
    `"${needle}" is not a token of its own in ${line}`,
  );
  assert.deepEqual(releaseScopes(tokens[0].scopes), [scope], `"${needle}" in ${line}`);
}

const SEED0 = readFixture('seeds', '000_015c11820e0fe26e.md').split('\n');
const SEED1 = readFixture('seeds', '001_dc88aac92be68e04.md').split('\n');
const line0 = (n: number): string => SEED0[n - 1];

test('ISO dates in the timeline are dates, inside the host bold', async () => {
  await expectScope(line0(22), '2013-07-01', 'constant.numeric.date.iso.release-pages');
  const [date] = await tokensAt(line0(22), '2013-07-01');
  assert.ok(date.scopes.includes('markup.bold.markdown'), 'the host grammar still sees the bold');
  await expectScope(line0(12), '2013-08-27', 'constant.numeric.date.iso.release-pages');
});

test('dates written another way are scoped as written dates', async () => {
  await expectScope(line0(110), '1/7/2013', 'constant.numeric.date.written.release-pages');
  await expectScope('*   General availability: June 11, 2013', 'June 11, 2013', 'constant.numeric.date.written.release-pages');
});

test('template placeholders (\\1) are invalid', async () => {
  const line = SEED1.find((l) => l.includes('RC2 Build: **\\1**'));
  assert.ok(line);
  await expectScope(line, '\\1', 'invalid.illegal.placeholder.release-pages');
  await expectScope('| GA | 2019-xx-xx |', '2019-xx-xx', 'invalid.illegal.placeholder.release-pages');
});

test('MUST/SHOULD criteria keywords: bold, parenthesised and plain', async () => {
  await expectScope(line0(42), 'MUST', 'keyword.other.criteria.release-pages');
  await expectScope(line0(75), 'SHOULD', 'keyword.other.criteria.release-pages');
  await expectScope(line0(213), 'MUST', 'keyword.other.criteria.release-pages');
  await expectScope('MUST: all sources are on ovirt.org', 'MUST', 'keyword.other.criteria.release-pages');
  // Prose is not a keyword: "must" in a sentence.
  await expectScope(line0(38), 'must', null);
});

test('status values in table cells get red, orange and green scopes (any case)', async () => {
  await expectScope(line0(87), 'Orange', 'markup.changed.status.orange.release-pages');
  await expectScope(line0(110), 'red', 'markup.deleted.status.red.release-pages');
  await expectScope(line0(114), 'orange', 'markup.changed.status.orange.release-pages');
  await expectScope('| Virt | x | Must | me | **Green** - done | 2013-05-01 |', 'Green', 'markup.inserted.status.green.release-pages');
  await expectScope('| Virt | x | Must | me | <s>orange</s> Green | 2013-05-01 |', 'Green', 'markup.inserted.status.green.release-pages');
  // The legend (un-indented: the seed's indented copy is a code block, which the markdown grammar scopes as raw).
  await expectScope(line0(133).trim(), 'Red', 'markup.deleted.status.red.release-pages');
  // Not a status: a word in prose, or a name that starts with one.
  await expectScope('Built by Red Hat engineers', 'Red', null);
  await expectScope('| Node | Redesign |', 'Redesign', null);
});

test('release priorities in table cells', async () => {
  await expectScope(line0(92), 'must', 'keyword.other.priority.must.release-pages');
  await expectScope(line0(94), 'Must', 'keyword.other.priority.must.release-pages');
  await expectScope(line0(93), 'should', 'keyword.other.priority.should.release-pages');
  await expectScope(line0(99), 'Optional', 'keyword.other.priority.optional.release-pages');
  // A cell that only starts with the word is not a priority: "Should be ready" in a remark.
  await expectScope('| Virt | x | Should be ready soon |', 'Should', null);
});

test('nothing is scoped in code, comments or link targets', async () => {
  const [fenced] = (await tokenise(['```', '| Virt | Must | Red | 2013-05-31 |', '```'])).slice(1);
  assert.deepEqual(
    fenced.flatMap((t) => releaseScopes(t.scopes)),
    [],
  );
  await expectScope('Run `release 2013-05-31` first', '2013-05-31', null);
  await expectScope('<!-- GA 2013-05-31 -->', '2013-05-31', null);
  await expectScope('See [notes](Notes/2013-05-31) here', '2013-05-31', null);
});

test('every line of the seed pages tokenises', async () => {
  for (const name of [
    '000_015c11820e0fe26e.md',
    '001_dc88aac92be68e04.md',
    '002_b2c45803c922cfb7.md',
    '003_b019c6ff070c67ad.md',
    '004_9116975cb6519a9e.md',
  ]) {
    const lines = readFixture('seeds', name).split('\n');
    const tokens = await tokenise(lines);
    assert.equal(tokens.length, lines.length);
    tokens.forEach((t, i) => assert.equal(t.map((x) => x.text).join(''), lines[i]));
  }
});
