/** Results of the editor features (hover, completion, symbols, code lens, code actions): plain data, mapped to LSP by the server. */
import type { Finding, Range, TextEdit } from '../types';

export interface HoverResult {
  range: Range;
  /** Markdown shown in the hover. */
  markdown: string;
}

export type CompletionKind = 'status' | 'priority' | 'milestone' | 'rule' | 'directive';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** The text that replaces `range` (defaults to the label). */
  insertText?: string;
  range: Range;
  detail?: string;
  documentation?: string;
  sortText?: string;
  /** The entry a person most likely wants (selected first). */
  preselect?: boolean;
}

export type SymbolKindName = 'timeline' | 'milestone' | 'features' | 'team' | 'feature' | 'criteria' | 'criterion';

export interface SymbolNode {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  /** The whole element (contains `selectionRange` and every child's range). */
  range: Range;
  /** What is revealed and highlighted when the symbol is chosen. */
  selectionRange: Range;
  children: SymbolNode[];
}

export interface StatusCount {
  value: string;
  count: number;
}

export interface TableSummary {
  /** Index into `page.tables`. */
  table: number;
  heading: string | null;
  /** Header line of the table: where the code lens goes. */
  line: number;
  startLine: number;
  endLine: number;
  features: number;
  counts: StatusCount[];
  unset: number;
  unknown: number;
  mustNotGreen: number;
  /** The line to reveal: the first finding in the table, else the first Must feature not Green, else the header. */
  revealLine: number;
  /** One-line text of the code lens. */
  title: string;
}

export type ActionKind = 'quickfix' | 'source.fixAll.releasePages';

export const FIX_ALL_KIND: ActionKind = 'source.fixAll.releasePages';

export interface EditorAction {
  title: string;
  kind: ActionKind;
  edits: TextEdit[];
  preferred?: boolean;
  /** The findings the action resolves (shown as its diagnostics). */
  findings: Finding[];
}
