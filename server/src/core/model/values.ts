/** Reading Status and Priority cells against a vocabulary (struck history, unset values, case): shared by the rules, the status model and the editor features. */
import { isUnsetValue } from '../dates';
import { leadingMarkupEnd, matchLeading, plainText } from './inline';
import type { CellRef } from './page-model';
import type { Range } from '../findings';
import { TextMemo } from '../incremental/memo';

export type CellValue =
  | { state: 'unset' }
  | { state: 'ok'; match: string }
  | { state: 'case'; match: string; written: string; range: Range }
  | { state: 'unknown'; value: string };

/** A cell's value read against a vocabulary, line-independent (offsets into the cell's text). */
type RawValue =
  | { state: 'unset' }
  | { state: 'ok'; match: string }
  | { state: 'case'; match: string; written: string; offset: number; length: number }
  | { state: 'unknown'; value: string };

/** Length of leading struck-through history (`<s>orange</s> `, `~~Must~~ `): the value is what follows. */
export function struckPrefix(raw: string): number {
  const m = /^(?:\s|<(s|del|strike)>[\s\S]*?<\/\1>|~~[\s\S]*?~~|<br\s*\/?>)*/i.exec(raw);
  return m ? m[0].length : 0;
}

// Speed: memoised by text (see incremental/memo.ts), as a column repeats a few dozen values over thousands of
// rows; the memo stays beside the function it wraps (the incremental layer cannot import this module).
/** Whether a cell's live value (after struck history) is unset (`?`, `TBD`, empty…); memoised by text. */
const UNSET = new TextMemo((text: string) => isUnsetValue(plainText(text.slice(struckPrefix(text)))));
export function isUnsetCell(text: string): boolean {
  return UNSET.get(text);
}

function readRaw(text: string, known: readonly string[]): RawValue {
  if (UNSET.get(text)) return { state: 'unset' };
  const live = struckPrefix(text);
  const offset = live + leadingMarkupEnd(text.slice(live));
  const rest = text.slice(offset);
  const m = matchLeading(rest, known);
  if (!m) return { state: 'unknown', value: plainText(text.slice(live)) };
  if (m.exact) return { state: 'ok', match: m.match };
  return { state: 'case', match: m.match, written: rest.slice(0, m.length), offset, length: m.length };
}

/** One memo per vocabulary: the same cell texts are read by several rules on every check. */
const READERS = new Map<string, TextMemo<RawValue>>();

/** Readers by vocabulary array: rules read whole columns with the same arrays, so the join is rare. */
const READER_OF = new WeakMap<readonly string[], TextMemo<RawValue>>();

function readerOf(known: readonly string[]): TextMemo<RawValue> {
  let memo = READER_OF.get(known);
  if (memo) return memo;
  const key = known.join('\u0000');
  memo = READERS.get(key);
  if (!memo) {
    if (READERS.size > 64) {
      for (const m of READERS.values()) m.dispose();
      READERS.clear();
    }
    READERS.set(key, (memo = new TextMemo((text) => readRaw(text, known))));
  }
  READER_OF.set(known, memo);
  return memo;
}

export function readValue(cell: CellRef, known: readonly string[]): CellValue {
  const v = readerOf(known).get(cell.text);
  if (v.state !== 'case') return v;
  return {
    state: 'case',
    match: v.match,
    written: v.written,
    range: { start: cell.posAt(v.offset), end: cell.posAt(v.offset + v.length) },
  };
}
