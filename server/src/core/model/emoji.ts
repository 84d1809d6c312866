/**
 * The colour emoji and GitHub shortcodes that start a status cell (`🟢 On track`, `:red_circle: Blocked`,
 * `:white_check_mark:`), with the colour they show. One table for everything that reads them: the
 * built-in status profile's values (profiles.ts: completion, hover) and the dashboard's colours and
 * labels (status/colours.ts).
 */
import type { StatusColour } from '../../../../shared/status/model';

type Lit = Exclude<StatusColour, 'other' | 'unset'>;

interface ColourEmoji {
  /** The emoji as GitHub shows it (with its variation selector where it needs one). */
  readonly glyph: string;
  /** GitHub shortcodes that show this emoji, without their colons. */
  readonly codes: readonly string[];
  readonly colour: Lit;
}

const e = (glyph: string, codes: readonly string[], colour: Lit): ColourEmoji => ({ glyph, codes, colour });

export const COLOUR_EMOJI: readonly ColourEmoji[] = [
  e('🟢', ['green_circle', 'large_green_circle'], 'green'),
  e('🟩', ['green_square'], 'green'),
  e('✅', ['white_check_mark'], 'green'),
  e('✔️', ['heavy_check_mark'], 'green'),
  e('☑️', ['ballot_box_with_check'], 'green'),
  e('🟡', ['yellow_circle', 'large_yellow_circle'], 'orange'),
  e('🟠', ['orange_circle', 'large_orange_circle'], 'orange'),
  e('🟨', ['yellow_square'], 'orange'),
  e('🟧', ['orange_square'], 'orange'),
  e('⚠️', ['warning'], 'orange'),
  e('🔶', ['large_orange_diamond'], 'orange'),
  e('🔴', ['red_circle', 'large_red_circle'], 'red'),
  e('🟥', ['red_square'], 'red'),
  e('❌', ['x'], 'red'),
  e('⛔', ['no_entry'], 'red'),
  e('🚫', ['no_entry_sign'], 'red'),
  e('🛑', ['stop_sign'], 'red'),
];

const VS16 = '\uFE0F';

/** An emoji without its variation selector: how it may be typed (`✔` and `✔️` are one emoji). */
export function bareEmoji(glyph: string): string {
  return glyph.replace(VS16, '');
}

const BY_CODE = new Map<string, ColourEmoji>(COLOUR_EMOJI.flatMap((c) => c.codes.map((code) => [code, c] as const)));

/** The colour of a leading colour emoji or shortcode; null without one. */
export function emojiColour(text: string): Lit | null {
  const t = text.trimStart();
  if (t.startsWith(':')) {
    const code = /^:([a-z_]+):/.exec(t);
    return (code && BY_CODE.get(code[1])?.colour) ?? null;
  }
  for (const c of COLOUR_EMOJI) if (t.startsWith(bareEmoji(c.glyph))) return c.colour;
  return null;
}

/** `:red_circle: Blocked` → `🔴 Blocked` (other shortcodes stay as written). */
export function withEmoji(text: string): string {
  return text.includes(':') ? text.replace(/:([a-z_]+):/g, (m, name: string) => BY_CODE.get(name)?.glyph ?? m) : text;
}
