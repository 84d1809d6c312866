/**
 * One table of colour emoji (model/emoji.ts) serves the built-in status profile (completion, hover) and
 * the dashboard's colours: every emoji value the profile offers shows its declared colour on the
 * dashboard, written with or without its variation selector, as an emoji or as a shortcode.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATUS_EMOJI } from '../../server/src/core/model/profiles';
import { emojiColour, withEmoji } from '../../server/src/core/status/colours';

test('every built-in emoji status value has the colour the dashboard draws', () => {
  assert.ok(STATUS_EMOJI.length >= 30, `${STATUS_EMOJI.length} values`);
  for (const v of STATUS_EMOJI) {
    assert.equal(emojiColour(`${v.value} Blocked`), v.colour, v.value);
    assert.equal(emojiColour(`  ${v.value}\uFE0F`), v.colour, `${v.value} with a variation selector`);
  }
});

test('emoji the two tables once disagreed on', () => {
  const colour = (v: string): string | null | undefined => STATUS_EMOJI.find((x) => x.value === v)?.colour;
  for (const [v, c] of [
    ['🚫', 'red'],
    ['🟩', 'green'],
    ['🟧', 'orange'],
    ['🟥', 'red'],
    [':no_entry_sign:', 'red'],
  ] as const) {
    assert.equal(colour(v), c, `profile value ${v}`);
    assert.equal(emojiColour(v), c, `dashboard colour of ${v}`);
  }
});

test('shortcodes are shown as GitHub shows them; other text is left alone', () => {
  assert.equal(withEmoji(':red_circle: Blocked'), '🔴 Blocked');
  assert.equal(withEmoji(':heavy_check_mark: done :warning:'), '✔️ done ⚠️');
  assert.equal(withEmoji('Time: 10:30 :unknown_code:'), 'Time: 10:30 :unknown_code:');
  assert.equal(emojiColour(':unknown_code: x'), null);
  assert.equal(emojiColour('Green'), null);
});
