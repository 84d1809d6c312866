// The preview's history requests over stdio: changes since a base text the client read from Git, and
// one feature's status over versions of the open page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFixture } from '../helpers/paths';
import { startServer } from '../helpers/lsp-client';
import { isFeatureHistory, isPageChanges } from '../../shared/status';
import type { PageChangesResult } from '../../shared/protocol';

const OLD = readFixture('corpus', 'release__3.3__release-management.html.md');
const NEW = readFixture('corpus', 'releases__3.3__release-management.md');

test('pageChanges compares the open document with a base text; featureHistory follows one feature', async () => {
  const uri = 'untitled:Untitled-changes';
  const s = await startServer({ validate: { debounceMs: 0 } });
  try {
    await s.open(uri, NEW);
    const base = { label: 'previous', commit: 'a'.repeat(40), date: '2013-07-01' };
    const r = await s.connection.sendRequest<PageChangesResult>('releasePages/pageChanges', {
      uri,
      today: '2013-07-12',
      baseText: OLD,
      base,
    });
    assert.equal(r.version, 1);
    assert.ok(isPageChanges(r.changes));
    assert.deepEqual(r.changes.base, base);
    assert.equal(r.changes.ga?.days, 21);
    assert.ok(r.changes.features.some((f) => f.name === 'Cloud-Init Integration' && f.status?.direction === 'better'));
    const versions = [{ commit: 'b'.repeat(40), date: '2013-07-01', text: OLD }];
    const h: unknown = await s.connection.sendRequest('releasePages/featureHistory', {
      uri,
      today: '2013-07-12',
      name: 'Cloud-Init Integration',
      versions,
    });
    assert.ok(isFeatureHistory(h));
    assert.deepEqual(
      h.points.map((p) => [p.date, p.colour]),
      [
        ['2013-07-01', 'red'],
        ['2013-07-12', 'green'], // the editor's text: the page as of the preview's day
      ],
    );
    assert.equal(
      await s.connection.sendRequest('releasePages/pageChanges', { uri: 'untitled:none', today: '2013-07-12', baseText: OLD, base }),
      null,
    );
  } finally {
    await s.stop();
  }
});
