/** Shared value types of the pure engine. Positions are LSP-shaped: 0-based line, UTF-16 column. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

import type { Severity } from '../../../shared/kinds';

export { SEVERITIES, type Severity } from '../../../shared/kinds';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one fix an editor should offer first (VS Code's `isPreferred`). */
  preferred?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Every key of T, optional ones too: a literal of this type names them all (a new optional field cannot be left out). */
export type Complete<T> = { [K in keyof Required<T>]: T[K] };
