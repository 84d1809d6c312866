/** Results of the editor features (hover, completion, symbols, code lens, code actions): plain data, mapped to LSP by the server. */
import type { Finding, Range, TextEdit } from '../findings';

export interface HoverResult {
  range: Range;
  /** Markdown shown in the hover. */
  markdown: string;
}

/** `value`: a declared or learned value of a typed table column (a table schema's). */
export type CompletionKind = 'status' | 'priority' | 'value' | 'milestone' | 'rule' | 'directive';

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
  /** Features whose status has no colour (neither in the vocabulary nor an emoji, colour word or legend entry). */
  unknown: number;
  /** Whether the table has a Priority column: without one, no feature is Must and the lens does not say so. */
  hasPriority: boolean;
  mustNotGreen: number;
  /** The line to reveal: the first finding in the table, else the first Must feature not Green, else the header. */
  revealLine: number;
  /** One-line text of the code lens. */
  title: string;
}

export type ActionKind = 'quickfix' | 'source.fixAll.releasePages';

export const FIX_ALL_KIND: ActionKind = 'source.fixAll.releasePages';

interface ActionBase {
  title: string;
  kind: ActionKind;
  preferred?: boolean;
  /** The findings the action resolves (shown as its diagnostics); a fix-all action lists them only when they are few (up to 10). */
  findings: Finding[];
}

/** An action with its edits. */
export interface EditAction extends ActionBase {
  edits: TextEdit[];
  /** The rule a "Disable … for this line" action turns off (an editor may word its title itself). */
  disables?: string;
}

/**
 * A fix-all action (every fixable finding of `rule`, or of every rule when null). Its edits span the page
 * (tens of thousands on a big one), so they are made when the action is picked: see `fixAllEdits` in fix.ts.
 */
export interface FixAllAction extends ActionBase {
  fixAll: { rule: string | null };
}

export type EditorAction = EditAction | FixAllAction;
