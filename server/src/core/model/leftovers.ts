/**
 * Template leftovers in a value's raw text (`{{ .Version }}`, `<VERSION>`, `X.Y.Z`, `\\1`, `TBD-XXX`,
 * `YYYY-MM-DD`): what the `template-leftover` rule reports in typed cells, schedule entries and criteria.
 * A reading of values like model/values.ts, memoised by text as the other cell readings are.
 */
import { mayHoldPlaceholder, scanDates } from '../dates';
import { TextMemo } from '../incremental/memo';
import { plainText } from './inline';

/** Words a template puts in brackets: `<VERSION>`, `[Owner]`, `{release_date}`, `${TAG}`, `%VERSION%`. */
const WORD =
  '(?:version|release|release[ _-]?(?:date|version|name|number)|date|name|owner|owner[ _-]?name|team|status|feature|feature[ _-]?name|link|url|issue|ticket|bug|pr|description|title|milestone|priority|target|target[ _-]?date|email|user|user[ _-]?name|person|assignee|tag|branch|commit|number|id|project|component)';

/** One leftover form: its pattern (global) and whether it counts only as the cell's whole value. */
interface Form {
  re: RegExp;
  /** Only when the value is this token and nothing else (`$1` in `costs $1` is money). */
  whole: boolean;
  /**
   * What a match holds, tested first where the pattern is slow to fail (a look-behind over Unicode classes
   * at every position: a tenth of this reading's time on a big table, where no cell holds one).
   */
  needs?: RegExp;
}

const FORMS: readonly Form[] = [
  // Regex back-references: `\1` is no Markdown escape, so it is shown as written.
  { re: /\\[1-9](?![0-9])/g, whole: false },
  { re: /\$\{?[1-9]\}?/g, whole: true },
  // Go, Jinja, Mustache and Handlebars fields. Page syntax is not: Hugo shortcodes (`{{< ref >}}`,
  // `{{% … %}}`) and Jekyll's site variables (`{{ site.baseurl }}`) are filled when the site is built.
  { re: /\{\{(?![<%]|\s*(?:site|page|include|layout|jekyll|paginator)\.)[^{}\n]{1,80}\}\}/g, whole: false },
  { re: new RegExp(`\\$\\{${WORD}\\}|%${WORD}%|__${WORD}__`, 'gi'), whole: false },
  // `<VERSION>` is read as an unknown HTML tag: GFM passes it through and the browser shows nothing.
  { re: new RegExp(`<${WORD}>|\\[${WORD}\\](?![[(:])|\\{${WORD}\\}`, 'gi'), whole: false },
  // Versions written with letters: `X.Y.Z`, `vX.Y`, `XX.XX.XX`, `x.y.z` (not `1.x`, a series).
  { re: /(?<![\p{L}\p{N}.])v?(?:[XYZN]{1,2}\.[XYZN]{1,2}(?:\.[XYZN]{1,2})?|x\.y(?:\.z)?)(?![\p{L}\p{N}]|\.[\p{L}\p{N}])/gu, whole: false },
  // `TBD-XXX`, `#XXXX`, `BZ#xxxxx`: the X's of a number to fill in.
  { re: /(?<![\p{L}\p{N}])(?:[A-Za-z]+[-#])?(?:X{3,}|x{3,})(?![\p{L}\p{N}])/gu, whole: false, needs: /XXX|xxx/ },
];

export interface Hit {
  start: number;
  end: number;
  text: string;
}

/**
 * What every match of a form of FORMS holds (a backslash and a digit, `{`, `%` and a letter, `<` and a
 * letter, a bracketed word, `X.Y`, `XXX`…): a value without it (most cells: `Green`, `Must`, a name, a link)
 * is not matched against them at all. A link's `[` or a URL's `_` alone is no reason to try them.
 */
const MAY_MATCH_A_FORM = /\\[1-9]|\$[{1-9]|\{|%[A-Za-z]|__[A-Za-z]|<[A-Za-z]|\[[A-Za-z]+(?:[ _-]?[A-Za-z]+)?\]|[XYZN]\.[XYZN]|x\.y|XXX|xxx/;

/**
 * The leftovers of `raw`, computed. `precheck` false: every form and the date scanner are tried whatever the
 * value holds (the reference the test of the pre-checks compares with).
 */
export function computeLeftovers(raw: string, precheck = true): readonly Hit[] {
  const visible = raw.includes('<!--') ? raw.replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length)) : raw;
  const hits: Hit[] = [];
  let plainValue: string | null = null;
  const plain = (): string => (plainValue ??= plainText(visible).replace(/^[\s*_~`]+|[\s*_~`]+$/g, ''));
  const taken = (s: number, e: number): boolean => hits.some((h) => s < h.end && e > h.start);
  // exec on the forms' own (global) expressions, not matchAll: that copies the expression and makes an iterator
  // on every call, and most of a command-line run is not optimized. No form matches the empty string.
  if (!precheck || MAY_MATCH_A_FORM.test(visible))
    for (const form of FORMS) {
      if (precheck && form.needs && !form.needs.test(visible)) continue;
      form.re.lastIndex = 0;
      for (let m = form.re.exec(visible); m !== null; m = form.re.exec(visible)) {
        const start = m.index;
        const end = start + m[0].length;
        if (form.whole && plain() !== m[0].replace(/^[\s*_~`]+|[\s*_~`]+$/g, '')) continue;
        // `[release]` may be a reference link defined elsewhere on the page; `[VERSION]` in capitals is not.
        if (m[0].startsWith('[') && m[0] !== m[0].toUpperCase()) continue;
        if (!taken(start, end)) hits.push({ start, end, text: m[0] });
      }
    }
  // Date patterns (`YYYY-MM-DD`, `dd/mm/yyyy`, `2024-xx-xx`) found by the date scanner, in any typed value.
  // Most values hold none (a link, a name, a real date), and scanning them is most of this reading's cost.
  if (!precheck || mayHoldPlaceholder(visible))
    for (const t of scanDates(visible)) {
      if (t.kind !== 'placeholder') continue;
      if (!taken(t.start, t.end)) hits.push({ start: t.start, end: t.end, text: t.text });
    }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * Leftovers in a value's raw text; `[start, end)` are offsets into `raw`. Inside HTML comments: none.
 * Memoised by text (a table repeats its values; a big table's first check reads every cell): the hits
 * are shared and must not be changed.
 */
const LEFTOVERS = new TextMemo((raw: string) => computeLeftovers(raw), 100_000);

/**
 * What every leftover needs: a character of MAY_MATCH_A_FORM's or what a placeholder date holds
 * (`yyyy`, `-xx`, `dd/`, `{{`: see mayHoldPlaceholder). Speed: most cells (`Green`, `Must`, a name, a real
 * date) have none and never reach the memo; a 50,000-row table has more distinct cells than the memo keeps,
 * so they would be computed again on every check. `test/unit/leftovers-prefilter.test.ts` holds it sound.
 */
const mayHoldALeftover = (raw: string): boolean => MAY_MATCH_A_FORM.test(raw) || mayHoldPlaceholder(raw);
const NONE: readonly Hit[] = [];

export function leftovers(raw: string): readonly Hit[] {
  return mayHoldALeftover(raw) ? LEFTOVERS.get(raw) : NONE;
}

/**
 * Whether a value is nothing but template leftovers (`\1`, `<priority>`, `{{ .Owner }}`, `X.Y.Z`): no
 * value was written at all, so the readers that judge a value (unknown status, unset priority…) leave it
 * to `template-leftover`, which says what happened. Memoised like `leftovers`.
 */
const LEFTOVER_VALUE = new TextMemo((raw: string): boolean => {
  const hits = leftovers(raw);
  if (hits.length === 0) return false;
  let rest = '';
  let from = 0;
  for (const h of hits) {
    rest += raw.slice(from, h.start);
    from = h.end;
  }
  rest += raw.slice(from).replace(/<!--[\s\S]*?-->/g, '');
  return plainText(rest).replace(/[\s*_~`]+/g, '') === '';
}, 100_000);

export function isLeftoverValue(raw: string): boolean {
  return mayHoldALeftover(raw) && LEFTOVER_VALUE.get(raw);
}
