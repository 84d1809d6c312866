// The package check's reading of README: fences compared with the source, relative targets that must ship.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fences, relativeTargets } from '../../scripts/package-readme';

const README = [
  '# T',
  '',
  'See [rules](docs/rules/README.md#list), ![shot](docs/images/a%20b.png "title") and [site](https://x.org/y).',
  '[anchor](#quick-start) and `[code](not/a/link.md)`.',
  '',
  '```md',
  '[x](Features/RAM Snapshots) inside a fence is not a link',
  '```',
  '~~~~',
  '```',
  '~~~~',
].join('\n');

test('fences: each fenced block with its fences, a longer or other fence closing only its own kind', () => {
  assert.deepEqual(fences(README), ['```md\n[x](Features/RAM Snapshots) inside a fence is not a link\n```', '~~~~\n```\n~~~~']);
  const rewritten = README.replace('(Features/RAM Snapshots)', '(https://example.invalid/Features/RAM Snapshots)');
  assert.notDeepEqual(fences(rewritten), fences(README), 'a link rewritten inside a fence is seen');
});

test('relativeTargets: links and images outside code, decoded, without fragments; URLs and anchors skipped', () => {
  assert.deepEqual(relativeTargets(README), ['docs/images/a b.png', 'docs/rules/README.md']);
});
