// The language status item's text (client/src/status-text.ts is pure: no vscode).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusText } from '../../client/src/status-text';

const SUMMARY = {
  isReleasePage: true,
  kind: 'release-management',
  title: 'OVirt 3.3 release-management',
  errors: 4,
  warnings: 12,
  infos: 3,
  gaDate: '2013-07-01',
  features: 33,
  mustNotGreen: 10,
};

test('a release page: kind and counts in the text; title, GA, Must not Green and server state in the detail', () => {
  const t = statusText(SUMMARY, 'running');
  assert.equal(t.text, '$(checklist) Release page: 4 errors, 12 warnings');
  assert.equal(t.detail, 'OVirt 3.3 release-management · GA 2013-07-01 · 33 features, 10 Must not Green · server running');
  assert.equal(t.level, 'error');
  assert.equal(t.showProblems, true);
  const clean = statusText({ ...SUMMARY, kind: 'z-stream', errors: 0, warnings: 0, infos: 0, features: 0, gaDate: null }, 'running');
  assert.equal(clean.text, '$(pass) Z-stream release page: no problems');
  assert.equal(clean.detail, 'OVirt 3.3 release-management · server running');
  assert.equal(clean.level, 'information');
  assert.equal(statusText({ ...SUMMARY, errors: 0, warnings: 1 }, 'running').text, '$(checklist) Release page: 0 errors, 1 warning');
});

test('not a release page, and the server starting or stopped', () => {
  assert.equal(statusText({ ...SUMMARY, isReleasePage: false }, 'running').text, 'Release Pages: not a release page');
  assert.equal(statusText(null, 'running').showProblems, false);
  assert.equal(statusText(SUMMARY, 'starting').text, 'Release Pages: starting…');
  const stopped = statusText(SUMMARY, 'stopped');
  assert.equal(stopped.text, 'Release Pages: server stopped');
  assert.equal(stopped.level, 'error');
});

test('the item says why a page was or was not taken (the verdict and the strongest reasons)', () => {
  const why = {
    verdict: 'not a release page (score 1, needs 3)',
    reasons: [
      '+3 front matter category: release (line 3)',
      '-2 the title "X" names a template or a guide, not one release (line 2)',
      '+0 a',
      '+0 b',
    ],
  };
  const not = statusText({ ...SUMMARY, isReleasePage: false, why }, 'running');
  assert.equal(
    not.detail,
    'not a release page (score 1, needs 3): +3 front matter category: release (line 3); -2 the title "X" names a template or a guide, not one release (line 2); +0 a · server running',
  );
  const taken = statusText(
    { ...SUMMARY, features: 0, gaDate: null, why: { verdict: 'release page (score 8, needs 3)', reasons: ['+4 t', '+4 f', '+0 z'] } },
    'running',
  );
  assert.equal(taken.detail, 'OVirt 3.3 release-management · release page (score 8, needs 3): +4 t; +4 f · server running');
});
