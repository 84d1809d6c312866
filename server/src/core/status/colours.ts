/**
 * The colour a status value shows on the dashboard, for any status column, not only the oVirt
 * Green / Orange / Red one: `On track`, `Active LTS`, `🟢`, `:red_circle: Blocked`, `Supported (current)`.
 *
 * One function, `statusColour`, asked in this order: a colour the configuration declares for the value
 * (`declared`: the column schema's values), the page's legend (`- 🟢 On track: …`,
 * `- Blocked: red, nothing moves`), a leading colour emoji or GitHub shortcode, the value naming a colour
 * itself (`Green`, `Amber`), then the meaning of common status words (`Done`, `At risk`, `End-of-life`).
 * A value none of them knows is `other`: never guessed from its spelling alone.
 */
import type { PageModel } from '../model/page-model';
import type { StatusColour } from '../../../../shared/status/model';
import { emojiColour } from '../model/emoji';

type Lit = 'green' | 'orange' | 'red';

export { emojiColour, withEmoji } from '../model/emoji';

/** Values that name their colour (`Amber` and `Yellow` are drawn orange: the dashboard has three colours). */
const COLOUR_WORDS: Readonly<Partial<Record<string, Lit>>> = {
  green: 'green',
  orange: 'orange',
  amber: 'orange',
  yellow: 'orange',
  red: 'red',
};

/**
 * What common status words mean, as colours: the words of release trackers (K8s enhancements, RAG
 * reports), support-policy tables (Node, Dapr, Electron) and the oVirt test-day pages. Only words whose
 * meaning is not in doubt; `Deferred`, `Planned` or `Cancelled` stay `other`.
 */
const KNOWN_WORDS: Readonly<Partial<Record<string, Lit>>> = {
  'on track': 'green',
  done: 'green',
  complete: 'green',
  completed: 'green',
  finished: 'green',
  ready: 'green',
  shipped: 'green',
  released: 'green',
  merged: 'green',
  'merged upstream': 'green',
  fixed: 'green',
  implemented: 'green',
  passed: 'green',
  supported: 'green',
  active: 'green',
  'active lts': 'green',
  current: 'green',
  lts: 'green',
  stable: 'green',
  'at risk': 'orange',
  'in progress': 'orange',
  'in review': 'orange',
  'under review': 'orange',
  'code review': 'orange',
  started: 'orange',
  partial: 'orange',
  partially: 'orange',
  'partially done': 'orange',
  'mostly done': 'orange',
  maintenance: 'orange',
  'maintenance lts': 'orange',
  'security fixes only': 'orange',
  'best effort': 'orange',
  wip: 'orange',
  'work in progress': 'orange',
  'needs attention': 'orange',
  blocked: 'red',
  'off track': 'red',
  'not started': 'red',
  failed: 'red',
  broken: 'red',
  unsupported: 'red',
  'not supported': 'red',
  'end-of-life': 'red',
  'end of life': 'red',
  eol: 'red',
};

/** `- 🟢 On track: …` or `* :red_circle: Blocked - …`: a legend item that gives its value a colour by emoji. */
const LEGEND_EMOJI_ITEM = /^\s*[*+-]\s+(\S+)\s+\**([\p{L}][\p{L}\p{N} -]*?)\**\s*(?:[-–—:]|$)/u;
/** `- Blocked - red: …`, `- On track (green)`: a legend item whose meaning names its colour. */
const LEGEND_COLOUR_WORD = /\b(green|orange|amber|yellow|red)\b/i;

const LEGEND_COLOURS = new WeakMap<PageModel, Map<string, Lit>>();

/** The colours the page's legend gives its values (lower-case value → colour). */
function legendColours(page: PageModel): Map<string, Lit> {
  const hit = LEGEND_COLOURS.get(page);
  if (hit) return hit;
  const out = new Map<string, Lit>();
  // The model's legend needs items that start with a word (`- Green - …`); a legend of emoji items
  // (`- 🟢 On track: …`) is found by its heading here.
  const top = page.legend
    ? page.headings.find((h) => h.line === page.legend?.line)
    : page.headings.find((h) => /legend|status (?:mapping|key)|feature table mapping/i.test(h.text));
  if (top) {
    const end = page.headings.find((h) => h.line > top.line && h.level <= top.level)?.line ?? page.lines.length;
    for (let l = top.line + 1; l < Math.min(end, top.line + 60); l++) {
      const text = page.lines[l].text;
      const emoji = LEGEND_EMOJI_ITEM.exec(text);
      if (emoji) {
        const colour = emojiColour(emoji[1]);
        if (colour) out.set(emoji[2].trim().toLowerCase(), colour);
        continue;
      }
      const item = /^\s*[*+-]\s+\**([\p{L}][\p{L}\p{N} ]*?)\**(?:\s+[-–—]+|\s*:)\s+(.*)$/u.exec(text);
      if (!item) continue;
      const value = item[1].trim().toLowerCase();
      if (COLOUR_WORDS[value]) continue; // `Green - …` names itself
      const word = LEGEND_COLOUR_WORD.exec(item[2].split(/[.;]/)[0]);
      const colour = word ? COLOUR_WORDS[word[1].toLowerCase()] : undefined;
      if (colour) out.set(value, colour);
    }
  }
  LEGEND_COLOURS.set(page, out);
  return out;
}

/**
 * The dashboard colour of a status value. `value` is the value as read (the vocabulary's spelling, or
 * the cell's words up to its comment); `cell` the cell's display text, for a leading emoji. `declared`
 * maps lower-case values to the colours a column schema (built-in or configured) gives them
 * (`Vocabulary.colours`, from vocabulary.ts `columnVocabulary`).
 */
export function statusColour(
  page: PageModel,
  value: string,
  cell: string,
  declared?: Readonly<Record<string, StatusColour>>,
): StatusColour {
  const key = value.trim().toLowerCase();
  const fromConfig = declared?.[key];
  if (fromConfig) return fromConfig;
  const fromLegend = legendColours(page).get(key);
  if (fromLegend) return fromLegend;
  const emoji = emojiColour(cell) ?? emojiColour(value);
  if (emoji) return emoji;
  return COLOUR_WORDS[key] ?? KNOWN_WORDS[key] ?? KNOWN_WORDS[key.replace(/[\s_]+/g, ' ')] ?? 'other';
}
