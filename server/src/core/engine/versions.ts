/**
 * The versions of one document's input: the text just given (incoming), the input not modelled yet
 * (pending, as a diff from the last model's lines), and the last modelled version (last). Each change of
 * state is a named transition; the engine's steps drive them.
 */
import { diffLines, type LineDiff } from '../diff';
import type { PageModel } from '../model/page-model';
import { splitLinesSteps, type SourceLine } from '../lines';
import type { Steps } from '../incremental/steps';

/** Input not modelled yet: its diff from the last model's lines, and its text when it came whole. */
export interface PendingInput {
  diff: LineDiff;
  /** The whole text when it came by setText(), null when it came as lines. */
  text: string | null;
}

export class InputVersions {
  /** A text given by setText() and not yet compared with the last one (that work belongs to the steps). */
  private incoming: string | null = null;
  /** The input not modelled yet (null: the last model is current). */
  private pendingInput: PendingInput | null = null;
  /** The latest modelled version: its text (made from its lines when asked, if it came as lines) and model. */
  private last: { text: string | null; page: PageModel } | null = null;

  /** Whether a text was given that the steps have not compared with the last one yet. */
  get hasIncoming(): boolean {
    return this.incoming !== null;
  }

  /** The input to model next, once takeIncoming() ran; null when the last model is current. */
  get pending(): PendingInput | null {
    return this.pendingInput;
  }

  /** The last complete model, or null before the first. */
  get lastPage(): PageModel | null {
    return this.last?.page ?? null;
  }

  /** A new whole text: compared with the last version later, by takeIncoming(). */
  setText(text: string): void {
    this.incoming = text;
  }

  /**
   * New lines, sharing the unchanged ones (the same objects) with the lines modelled last: the changed
   * range is found by comparing objects, not text.
   */
  setLines(lines: readonly SourceLine[]): void {
    this.incoming = null;
    const base = this.last?.page.lines;
    // The lines are shared, not copied: neither side changes a lines array once made.
    const shared = lines as SourceLine[];
    if (!base) {
      this.pendingInput = { diff: { lines: shared, from: 0, oldTo: 0, newTo: lines.length }, text: null };
      return;
    }
    let from = 0;
    const max = Math.min(base.length, lines.length);
    while (from < max && base[from] === lines[from]) from++;
    let tail = 0;
    while (tail < max - from && base[base.length - 1 - tail] === lines[lines.length - 1 - tail]) tail++;
    this.pendingInput =
      from === base.length && from === lines.length
        ? null
        : { diff: { lines: shared, from, oldTo: base.length - tail, newTo: lines.length - tail }, text: null };
  }

  /** Turns the incoming text, if any, into the pending input (a diff from the last model's lines). */
  *takeIncoming(): Steps<void> {
    const text = this.incoming;
    if (text === null) return;
    const last = this.last;
    if (!last) {
      const lines = yield* splitLinesSteps(text);
      // A newer text came while this one was split: take that one instead.
      if (this.incoming !== text) return yield* this.takeIncoming();
      this.incoming = null;
      this.pendingInput = { diff: { lines, from: 0, oldTo: 0, newTo: lines.length }, text };
      return;
    }
    this.incoming = null;
    if (last.text === text) {
      this.pendingInput = null;
      return;
    }
    const diff = diffLines(this.lastText(), last.page.lines, text);
    this.pendingInput = diff.from === diff.oldTo && diff.from === diff.newTo ? null : { diff, text };
  }

  /** Models the last version again from its lines (what the model is built from changed, not the text). */
  remodel(): void {
    const last = this.last;
    if (!last || this.pendingInput || this.incoming !== null) return;
    const lines = last.page.lines;
    this.pendingInput = { diff: { lines, from: 0, oldTo: lines.length, newTo: lines.length }, text: last.text };
  }

  /** Whether `input` is still the newest input (nothing came while it was modelled). */
  isNewest(input: PendingInput): boolean {
    return this.pendingInput === input && this.incoming === null;
  }

  /** `input` is modelled as `page`: it becomes the last version. */
  modelled(input: PendingInput, page: PageModel): void {
    this.last = { text: input.text, page };
    this.pendingInput = null;
  }

  /**
   * Line `line` of the current input when it is at hand (not while a new whole text waits to be split).
   * Unchanged lines are the same objects from version to version: the same object means the same line.
   */
  line(line: number): SourceLine | null {
    if (this.incoming !== null) return null;
    const lines = this.pendingInput?.diff.lines ?? this.last?.page.lines;
    return lines?.[line] ?? null;
  }

  private lastText(): string {
    const last = this.last;
    if (!last) return '';
    if (last.text === null) last.text = last.page.lines.map((l) => l.text + l.eol).join('');
    return last.text;
  }
}
