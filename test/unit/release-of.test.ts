// An end of life written as a later version's release (`Release of 1.18`, cert-manager's supported
// releases): an EOL milestone dated by that version's release when the page gives it, else undated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';

const PAGE = `# Supported releases

## Currently supported releases

| Release  | Release Date | End of Life     |
|----------|--------------|-----------------|
| [1.17][] | Feb 03, 2025 | Release of 1.19 |
| [1.16][] | Oct 03, 2024 | Release of 1.18 |

## Upcoming releases

| Release  | Release Date | End of Life     |
|----------|--------------|-----------------|
| [1.18][] | Jun 04, 2025 | release of v1.20 |
`;

test('"Release of 1.18" is an end dated by 1.18\'s release; "Release of 1.19" an end to come', () => {
  const { page } = checkText(PAGE, { force: true });
  const eol = (v: string) => page.timelines.find((t) => t.source === 'phases' && t.release === v)?.milestones.find((m) => m.kind === 'eol');
  const m16 = eol('1.16');
  assert.equal(m16?.releaseOf, '1.18');
  assert.equal(m16.date?.token.text, 'Jun 04, 2025');
  assert.equal(m16.date.range.start.line, 13, "the date is 1.18's, where the page writes it");
  assert.equal(eol('1.17')?.releaseOf, '1.19');
  assert.equal(eol('1.17')?.date, null);
  assert.equal(eol('1.18')?.releaseOf, '1.20');
  // The shared date is one date of the page.
  assert.equal(page.dates.filter((d) => d.token.text === 'Jun 04, 2025').length, 1);
});

test('text that only mentions a release is no end', () => {
  const { page } = checkText(PAGE.replace('Release of 1.19', 'After the release of 1.19 and more'), { force: true });
  const m = page.timelines.find((t) => t.release === '1.17')?.milestones.find((x) => x.kind === 'eol');
  assert.equal(m, undefined);
});
