import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/core';
import { withTable } from '../../scripts/rules-table';
import { ROOT } from '../helpers/paths';

test('every rule has a unique id, metadata, its own module and a doc page', () => {
  const ids = RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of RULES) {
    assert.match(r.meta.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(r.meta.description.length > 10);
    assert.ok(existsSync(join(ROOT, 'server/src/core/rules', `${r.meta.id}.ts`)), `module for ${r.meta.id}`);
    const doc = join(ROOT, 'docs/rules', `${r.meta.id}.md`);
    assert.ok(existsSync(doc), `docs/rules/${r.meta.id}.md`);
    const text = readFileSync(doc, 'utf8');
    assert.match(text, new RegExp(`^# ${r.meta.id}`, 'm'));
    assert.match(text, new RegExp(r.meta.defaultSeverity));
  }
});

test("README's rule table is the registry's (regenerate with npm run docs:rules)", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.equal(withTable(readme), readme);
});

test('the JSON schema of the config file knows every rule', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/release-pages.schema.json'), 'utf8')) as Record<string, unknown>;
  const text = JSON.stringify(schema);
  for (const r of RULES) assert.ok(text.includes(`"${r.meta.id}"`), r.meta.id);
});
