/**
 * "Paste as Markdown table": a document paste edit provider offered when CSV, TSV (a spreadsheet's copy)
 * or an HTML table is pasted into a Markdown page. The API was finalised after our `engines.vscode`, so
 * its minimal shape is declared here and it is registered only when the running VS Code has it.
 */
import * as vscode from 'vscode';
import { t } from './l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { TableEditRequest } from '../../shared/protocol';

/** `vscode.DocumentDropOrPasteEditKind` (VS Code 1.97+). */
interface EditKind {
  append(...parts: string[]): EditKind;
}
interface EditKindClass {
  readonly Empty: EditKind;
}
/** `vscode.DocumentPasteEdit` (VS Code 1.97+). */
type PasteEditClass = new (insertText: string, title: string, kind: EditKind) => { yieldTo?: readonly EditKind[] };
interface PasteEditProvider {
  provideDocumentPasteEdits(
    document: vscode.TextDocument,
    ranges: readonly vscode.Range[],
    dataTransfer: vscode.DataTransfer,
    context: unknown,
    token: vscode.CancellationToken,
  ): Promise<object[] | undefined>;
}
type RegisterPaste = (
  selector: vscode.DocumentSelector,
  provider: PasteEditProvider,
  metadata: { providedPasteEditKinds: readonly EditKind[]; pasteMimeTypes: readonly string[] },
) => vscode.Disposable;

interface PasteApi {
  register: RegisterPaste;
  Kind: EditKindClass;
  Edit: PasteEditClass;
}

/** The paste API of the running VS Code, or null when it has none. */
function pasteApi(): PasteApi | null {
  const languages: object = vscode.languages;
  const api: object = vscode;
  if (!('registerDocumentPasteEditProvider' in languages) || !('DocumentPasteEdit' in api) || !('DocumentDropOrPasteEditKind' in api))
    return null;
  const register = languages.registerDocumentPasteEditProvider;
  const Edit = api.DocumentPasteEdit;
  const Kind = api.DocumentDropOrPasteEditKind;
  if (typeof register !== 'function' || typeof Edit !== 'function' || typeof Kind !== 'function') return null;
  return {
    register: (selector, provider, metadata) => (register as RegisterPaste).call(vscode.languages, selector, provider, metadata),
    Kind: Kind as unknown as EditKindClass,
    Edit: Edit as PasteEditClass,
  };
}

export function registerTablePaste(context: vscode.ExtensionContext, client: LanguageClient): boolean {
  const api = pasteApi();
  if (!api) return false;
  const kind = api.Kind.Empty.append('markdown', 'table');
  const textKind = api.Kind.Empty.append('text');
  const provider: PasteEditProvider = {
    async provideDocumentPasteEdits(document, ranges, dataTransfer, _context, token) {
      const cancelled = (): boolean => token.isCancellationRequested;
      const html = await dataTransfer.get('text/html')?.asString();
      const plain = await dataTransfer.get('text/plain')?.asString();
      const text = html && /<table[\s>]/i.test(html) ? html : plain;
      if (!text || cancelled() || ranges.length !== 1) return undefined;
      const range = client.code2ProtocolConverter.asRange(ranges[0]);
      const result = await client.sendRequest(TableEditRequest, {
        uri: document.uri.toString(),
        version: document.version,
        position: range.start,
        op: 'convert',
        args: { text, range, kind: text === html ? 'html' : undefined },
      });
      if (!result?.text || cancelled()) return undefined;
      // A table needs a line of its own: start on a new line when pasted after text.
      const before = document.lineAt(ranges[0].start.line).text.slice(0, ranges[0].start.character);
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const insert = before.trim() === '' ? result.text : `${eol}${eol}${result.text}`;
      const edit = new api.Edit(insert, t('Paste as Markdown table'), kind);
      // Offered, not imposed: the plain paste stays the default (`editor.pasteAs.preferences` can change that).
      edit.yieldTo = [textKind];
      return [edit];
    },
  };
  context.subscriptions.push(
    api.register([{ language: 'markdown' }], provider, { providedPasteEditKinds: [kind], pasteMimeTypes: ['text/plain', 'text/html'] }),
  );
  return true;
}
