/**
 * The server's open documents, kept as lines. The LSP library's TextDocument keeps one string and
 * rebuilds it on every edit (a copy of the whole page per keystroke: 10 MB at 50,000 rows); this one
 * applies an edit to the lines it touches (core/edits.ts) and makes the whole text, or the line
 * offsets, only when someone asks, once per version. Same answers as the library's TextDocument.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges, firstAtOrAfter, lineStarts, type SourceLine, splitLines } from '../core';

export class LineDocument implements TextDocument {
  private text: string | null;
  private linesOf: SourceLine[] | null;
  private starts: number[] | null = null;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    lines: SourceLine[] | null,
    text: string | null,
  ) {
    this.linesOf = lines;
    this.text = text;
  }

  static create(uri: string, languageId: string, version: number, content: string): LineDocument {
    return new LineDocument(uri, languageId, version, null, content);
  }

  /** The document after the editor's changes (in order, each in the coordinates the previous one left). */
  static update(doc: LineDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): LineDocument {
    let lines: SourceLine[] | null = doc.linesOf;
    let text: string | null = doc.text;
    for (const c of changes) {
      if ('range' in c) {
        lines = applyChanges(lines ?? splitLines(text ?? ''), [{ range: c.range, text: c.text }]).lines;
        text = null;
      } else {
        lines = null;
        text = c.text;
      }
    }
    return new LineDocument(doc.uri, doc.languageId, version, lines, text);
  }

  /** Whether the lines exist yet (a document only opened holds its text until an edit or a check needs lines). */
  get hasLines(): boolean {
    return this.linesOf !== null;
  }

  /** Takes the lines a check split from this very text, instead of splitting it again. */
  adoptLines(lines: readonly SourceLine[]): void {
    if (this.linesOf === null) this.linesOf = lines as SourceLine[];
  }

  /** The lines (split once, when first needed). */
  get lines(): readonly SourceLine[] {
    return (this.linesOf ??= splitLines(this.text ?? ''));
  }

  get lineCount(): number {
    return this.lines.length;
  }

  getText(range?: Range): string {
    const text = (this.text ??= this.lines.map((l) => l.text + l.eol).join(''));
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  private lineStarts(): number[] {
    return (this.starts ??= lineStarts(this.lines));
  }

  offsetAt(p: Position): number {
    const lines = this.lines;
    if (p.line >= lines.length) return this.getText().length;
    if (p.line < 0) return 0;
    return this.lineStarts()[p.line] + Math.max(0, Math.min(p.character, lines[p.line].text.length));
  }

  positionAt(offset: number): Position {
    const text = this.getText();
    const at = Math.max(0, Math.min(offset, text.length));
    const starts = this.lineStarts();
    const line = Math.max(0, firstAtOrAfter(starts, at + 1, (n) => n) - 1);
    // An offset inside a line ending belongs to its line, at the line's end.
    return { line, character: Math.min(at - starts[line], this.lines[line].text.length) };
  }

  getLineRange(line: number): Range {
    const lines = this.lines;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const l = Math.min(line, lines.length - 1);
    return {
      start: { line: l, character: 0 },
      end: { line: l, character: lines[l].text.length + (line >= lines.length ? lines[l].eol.length : 0) },
    };
  }

  getEOLCharacters(line: number): string {
    return line < 0 || line >= this.lines.length ? '' : this.lines[line].eol;
  }
}
