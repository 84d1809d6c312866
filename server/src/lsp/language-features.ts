/** Editor features over the core: hover, completion, document symbols, code lens and code actions (thin handlers). */
import {
  CodeActionKind,
  CompletionItemKind,
  MarkupKind,
  SymbolKind,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type DocumentSymbol,
  type ServerCapabilities,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CheckResult,
  codeActions,
  type CompletionKind,
  completionsAt,
  dayNumber,
  documentSymbols,
  FIX_ALL_KIND,
  fixAllEdits,
  hoverAt,
  type ResolvedConfig,
  type SymbolKindName,
  type SymbolNode,
  tableSummaries,
} from '../core';
import type { TableSummaryArgs } from '../../../shared/protocol';
import { toDiagnostic } from './diagnostics';
import { actionTitle, lensTitle } from './l10n';
import type { ServerState } from './state';

export const SHOW_TABLE_SUMMARY_COMMAND = 'releasePages.showTableSummary';

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  status: CompletionItemKind.EnumMember,
  priority: CompletionItemKind.EnumMember,
  value: CompletionItemKind.EnumMember,
  milestone: CompletionItemKind.Event,
  rule: CompletionItemKind.Value,
  directive: CompletionItemKind.Keyword,
};

const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
  timeline: SymbolKind.Namespace,
  milestone: SymbolKind.Event,
  features: SymbolKind.Struct,
  team: SymbolKind.Module,
  feature: SymbolKind.Field,
  criteria: SymbolKind.Namespace,
  criterion: SymbolKind.Boolean,
};

/** Today's date (local time of the server) as a day number. */
export function today(now = new Date()): number {
  return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function toSymbol(n: SymbolNode): DocumentSymbol {
  return {
    name: n.name,
    detail: n.detail,
    kind: SYMBOL_KINDS[n.kind],
    range: n.range,
    selectionRange: n.selectionRange,
    children: n.children.map(toSymbol),
  };
}

/** How long a hover waits for the check of the current version before it answers without it. */
export const HOVER_WAIT_MS = 30;
/** A page this long that was never checked is not waited for at all: its first check takes a while. */
export const HOVER_COLD_CHARS = 1_000_000;

/** The promise's value, or null when it takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * The check a hover reads: the current version's, if it is done or comes within HOVER_WAIT_MS; else the
 * last finished one when the hovered line is unchanged and unmoved since; else none (a hover never waits behind
 * the first check of a big page).
 */
async function hoverPage(state: ServerState, uri: string, line: number): Promise<{ result: CheckResult; config: ResolvedConfig } | null> {
  const doc = state.documents.get(uri);
  if (!doc || !state.settingsFor(uri).enable) return null;
  const page = <T extends { result: CheckResult }>(p: T | null | undefined): T | null => (p?.result.isReleasePage ? p : null);
  const analysed = state.latest(uri);
  if (analysed?.version === doc.version) return page(analysed);
  if (!analysed && doc.getText().length > HOVER_COLD_CHARS) return null;
  const fresh = await within(state.ready(uri), HOVER_WAIT_MS);
  if (fresh || !analysed) return page(fresh);
  // The same line object: neither edited nor moved since that check.
  const current = state.checks.line(uri, line);
  return current !== null && analysed.result.page.lines[line] === current ? page(analysed) : null;
}

/** What a fix-all code action carries until it is resolved. */
interface FixAllData {
  uri: string;
  rule: string | null;
}

export function registerEditorFeatures(
  state: ServerState,
  capabilities: ServerCapabilities,
): { initialize(client: ClientCapabilities): void } {
  capabilities.hoverProvider = true;
  capabilities.completionProvider = { triggerCharacters: ['|', ' ', '-', ','] };
  capabilities.documentSymbolProvider = { label: 'Release Pages' };
  capabilities.codeLensProvider = { resolveProvider: false };
  const { connection } = state;
  /** The client resolves code actions' edits (VS Code does): fix-all actions then come without them. */
  let resolveEdits = false;
  /** A fix-all's workspace edit, made from the page's current text and findings. */
  const fixAllEdit = (p: { doc: TextDocument; result: CheckResult }, uri: string, rule: string | null): WorkspaceEdit => ({
    changes: { [uri]: fixAllEdits(p.doc.getText(), p.result.findings, rule) },
  });

  /** The open release page behind a URI, checked at its current version (waiting for the check); null for other documents. */
  const pageOf = async (uri: string): Promise<{ doc: TextDocument; result: CheckResult; config: ResolvedConfig } | null> => {
    if (!state.settingsFor(uri).enable) return null;
    const p = await state.ready(uri);
    return p?.result.isReleasePage ? p : null;
  };

  connection.onHover(async ({ textDocument, position }) => {
    const p = await hoverPage(state, textDocument.uri, position.line);
    const h = p && hoverAt(p.result.page, position, { config: p.config, today: today() });
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
  });

  connection.onCompletion(async ({ textDocument, position }): Promise<CompletionItem[]> => {
    const p = await pageOf(textDocument.uri);
    if (!p) return [];
    return completionsAt(p.result.page, position, p.config).map((c) => ({
      label: c.label,
      kind: COMPLETION_KINDS[c.kind],
      detail: c.detail,
      documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
      sortText: c.sortText,
      preselect: c.preselect,
      textEdit: { range: c.range, newText: c.insertText ?? c.label },
    }));
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const p = await pageOf(textDocument.uri);
    return p ? documentSymbols(p.result.page, p.config).map(toSymbol) : [];
  });

  connection.onCodeLens(async ({ textDocument }) => {
    const p = await pageOf(textDocument.uri);
    if (!p) return [];
    return tableSummaries(p.result.page, p.config, today(), p.result.findings).map((s) => {
      const args: TableSummaryArgs = { uri: textDocument.uri, startLine: s.startLine, endLine: s.endLine, revealLine: s.revealLine };
      const range = { start: { line: s.line, character: 0 }, end: { line: s.line, character: 0 } };
      return { range, command: { title: lensTitle(s), command: SHOW_TABLE_SUMMARY_COMMAND, arguments: [args] } };
    });
  });

  connection.onCodeAction(async ({ textDocument, range, context }): Promise<CodeAction[]> => {
    const uri = textDocument.uri;
    const p = await pageOf(uri);
    if (!p) return [];
    return codeActions({ page: p.result.page, findings: p.result.findings, range, only: context.only }).map((a) => {
      const action: CodeAction = {
        title: actionTitle(a),
        kind: a.kind,
        isPreferred: a.preferred || undefined,
        diagnostics: a.findings.length ? a.findings.map(toDiagnostic) : undefined,
      };
      if (!('fixAll' in a)) return { ...action, edit: { changes: { [uri]: a.edits } } };
      // A fix-all's edits (tens of thousands on a big page) are made when the action is picked, by clients that can ask.
      if (resolveEdits) return { ...action, data: { uri, rule: a.fixAll.rule } satisfies FixAllData };
      return { ...action, edit: fixAllEdit(p, uri, a.fixAll.rule) };
    });
  });

  connection.onCodeActionResolve(async (action) => {
    const data = action.data as Partial<FixAllData> | undefined;
    if (typeof data?.uri !== 'string' || (data.rule !== null && typeof data.rule !== 'string')) return action;
    const p = await pageOf(data.uri);
    if (!p) {
      connection.console.warn(`"${action.title}": ${data.uri} is no longer an open release page; nothing to fix`);
      return action;
    }
    return { ...action, edit: fixAllEdit(p, data.uri, data.rule) };
  });

  return {
    initialize(client) {
      resolveEdits = client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
      capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: resolveEdits };
    },
  };
}
