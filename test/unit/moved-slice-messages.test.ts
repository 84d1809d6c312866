// Found by the LSP soak (seed 14): a slice of rows moved by an edit above it keeps its findings, moved
// by range only, so a finding whose message named its lines ("lines 1213–1214 joined") kept the old
// numbers. Messages of row findings no longer depend on where the row is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../server/src/core';
import { bigTablePage } from '../helpers/big-pages';

test('an edit above a big table: the moved findings equal a fresh check, messages included', () => {
  const lines = bigTablePage(400).split('\n');
  const row = lines.findIndex((l) => l.startsWith('| Team 0 | [Feature 300]'));
  lines.splice(row, 1, '| Virt | broken | Must | o | Green', '2024-01-01 | extra | cells | x | y | z |');
  const before = lines.join('\n');
  const after = before.replace('## Timeline\n', '## Timeline\n\nA new paragraph.\n');
  const engine = new Engine();
  engine.check(before);
  const incremental = engine.check(after).findings.map((f) => [f.rule, f.range.start.line, f.message]);
  const fresh = new Engine().check(after).findings.map((f) => [f.rule, f.range.start.line, f.message]);
  assert.ok(
    fresh.some(([rule, , message]) => rule === 'table-cell-count' && String(message).includes('joined')),
    'the joined row is reported',
  );
  assert.deepEqual(incremental, fresh);
});
