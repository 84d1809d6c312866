// Over 300 lines: one panel's whole life (webview, messages both ways, throttled refresh, reveal, lock, dispose) in one class.
/**
 * One status preview panel: a webview bound to a release page. It asks the language server for the
 * page's status model (throttled while typing, dropped when the document moved on), posts it to the
 * webview, reveals lines the webview asks for, and highlights the item at the editor's cursor.
 */
import * as vscode from 'vscode';
import { t } from '../l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PageStatusRequest, TableEditRequest, type PageStatusResult } from '../../../shared/protocol';
import { ChangesSource } from './changes';
import { previewHtml } from './html';
import { parseWebviewMessage, type HostMessage, type RenderedSummary } from '../../../shared/preview-messages';

export const VIEW_TYPE = 'releasePages.preview';
export const THROTTLE_MS = 200;
const FOCUS_GUARD_MS = 1000;

export interface PreviewHost {
  client: LanguageClient;
  extensionUri: vscode.Uri;
  output: vscode.OutputChannel;
  /** The as-of day (`YYYY-MM-DD`): today, or the `releasePages.preview.asOf` setting. */
  today(): string;
  onDidDispose(preview: StatusPreview): void;
  onDidChangeLock(preview: StatusPreview): void;
}

/** What the integration tests can see of a preview (through an internal command). */
export interface PreviewSnapshot {
  uri: string;
  title: string;
  locked: boolean;
  disposed: boolean;
  active: boolean;
  viewColumn: number | undefined;
  pendingRefresh: boolean;
  sentVersion: number;
  rendered: RenderedSummary | undefined;
  refused: number;
  /** The CSP nonce of the webview document (a fresh one per render of the document). */
  nonce: string;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** A script nonce: 18 random bytes, base64 (Web Crypto: the same in Node and in a browser's web worker). */
function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

export class StatusPreview implements vscode.Disposable {
  private disposed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private sentVersion = -1;
  private refused = 0;
  private rendered: RenderedSummary | undefined;
  private title = '';
  private focusGuard: vscode.Disposable | undefined;
  private readonly nonce = nonce();
  private changesBase = 'previous';
  private changesSequence = 0;
  private readonly changes: ChangesSource;
  private readonly listeners: vscode.Disposable[] = [];
  private readonly renderEmitter = new vscode.EventEmitter<RenderedSummary>();
  readonly onDidRender = this.renderEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: PreviewHost,
    private doc: vscode.TextDocument,
    private locked: boolean,
  ) {
    this.changes = new ChangesSource(host.client, host.output);
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'images', 'icon.png');
    this.updateTitle();
    this.listeners.push(
      this.renderEmitter,
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => this.host.onDidChangeLock(this)),
    );
    const webview = panel.webview;
    const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(host.extensionUri, ...path)).toString();
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      scriptUri: asset('dist', 'preview.js'),
      styleUri: asset('media', 'status.css'),
      changesStyleUri: asset('media', 'changes.css'),
      nonce: this.nonce,
      lang: vscode.env.language,
      title: t('Release status'),
      loading: t('Loading the release status…'),
    });
  }

  get document(): vscode.TextDocument {
    return this.doc;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  snapshot(): PreviewSnapshot {
    return {
      uri: this.doc.uri.toString(),
      title: this.title,
      locked: this.locked,
      disposed: this.disposed,
      active: !this.disposed && this.panel.active,
      viewColumn: this.disposed ? undefined : this.panel.viewColumn,
      pendingRefresh: this.timer !== undefined,
      sentVersion: this.sentVersion,
      rendered: this.rendered,
      refused: this.refused,
      nonce: this.nonce,
    };
  }

  /** A refresh within THROTTLE_MS: while typing, one update per interval (not one per keystroke). */
  schedule(): void {
    if (this.disposed || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, THROTTLE_MS);
  }

  /** Asks the server for the current model and posts it, unless the document or the panel moved on. */
  async refresh(): Promise<void> {
    if (this.disposed) return;
    const doc = this.doc;
    const seq = ++this.sequence;
    const result = await this.request(doc);
    // Read through the getters: the panel may have been disposed while the request was out.
    if (this.isDisposed || doc !== this.doc || seq !== this.sequence) return;
    if (result === undefined) return; // request failed: reported as a notice
    if (!result) {
      this.post({ type: 'notice', text: t('The page is not open in the language server yet.') });
      return;
    }
    if (result.version !== doc.version) {
      this.schedule(); // the server saw an older version: a newer change is on its way
      return;
    }
    this.publish(doc, result);
  }

  /** Follows `doc` when it is a release page (the panel is not locked). */
  async follow(doc: vscode.TextDocument): Promise<void> {
    if (this.disposed || this.locked || doc === this.doc) return;
    const seq = ++this.sequence;
    const result = await this.request(doc);
    // Read through the getters: the panel may have been disposed or locked while the request was out.
    if (this.isDisposed || this.isLocked || seq !== this.sequence) return;
    if (!result || !result.status.isReleasePage || result.version !== doc.version) {
      if (this.sentVersion !== this.doc.version) this.schedule(); // this request replaced a refresh of the current page
      return;
    }
    this.doc = doc;
    this.sentVersion = -1;
    this.updateTitle();
    this.publish(doc, result);
  }

  /** Shows `doc` (the user asked for its preview): no release-page check, no lock check. */
  setDocument(doc: vscode.TextDocument): void {
    if (this.disposed || doc === this.doc) return;
    this.doc = doc;
    this.sentVersion = -1;
    this.updateTitle();
    void this.refresh();
  }

  highlight(line: number): void {
    this.post({ type: 'highlight', line });
  }

  setLocked(locked: boolean): void {
    if (this.disposed || this.locked === locked) return;
    this.locked = locked;
    this.updateTitle();
    this.post({ type: 'locked', locked });
    this.host.onDidChangeLock(this);
  }

  /** Handles a message as if the webview had sent it; false when it was malformed or refused. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parseWebviewMessage(raw);
    if (!message || this.disposed) {
      if (!message) this.host.output.appendLine(`status preview: ignored a malformed message from the webview`);
      return false;
    }
    switch (message.type) {
      case 'ready':
        // The dashboard's words first: the webview draws everything after it in the user's language.
        this.post({ type: 'language', tag: vscode.env.language, bundle: vscode.l10n.bundle ?? {} });
        this.sentVersion = -1;
        this.changes.clear();
        await this.refresh();
        this.highlightCursor();
        return true;
      case 'reveal':
        return this.reveal(message.line);
      case 'showProblems':
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return true;
      case 'toggleLock':
        this.setLocked(!this.locked);
        return true;
      case 'rendered':
        this.rendered = message.summary;
        this.renderEmitter.fire(message.summary);
        return true;
      case 'changesBase':
        this.changesBase = message.base;
        this.changes.clear();
        await this.postChanges(this.doc);
        return true;
      case 'featureHistory':
        this.post(await this.changes.history(this.doc, message.name, this.host.today()));
        return true;
      case 'applySort':
        return this.applySort(message.version, message.lines);
    }
  }

  /** Writes the preview's order of the feature rows to the page (one undo step), unless the page changed since. */
  private async applySort(version: number, lines: number[]): Promise<boolean> {
    const doc = this.doc;
    const stale = (): boolean => doc.version !== version;
    const client = this.host.client;
    const result = stale()
      ? null
      : await client.sendRequest(TableEditRequest, {
          uri: doc.uri.toString(),
          version,
          position: { line: 0, character: 0 },
          op: 'reorderRows',
          args: { lines },
        });
    if (!result || result.edits === null || result.version !== version || stale()) {
      this.post({ type: 'notice', text: t('The page changed (or its rows are not in tables): sort again, then apply.') });
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, await client.protocol2CodeConverter.asTextEdits(result.edits));
    return vscode.workspace.applyEdit(edit);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.focusGuard?.dispose();
    for (const l of this.listeners.splice(0)) l.dispose();
    this.host.onDidDispose(this);
    this.panel.dispose();
  }

  private async request(doc: vscode.TextDocument): Promise<PageStatusResult | null | undefined> {
    try {
      return await this.host.client.sendRequest(PageStatusRequest, { uri: doc.uri.toString(), today: this.host.today() });
    } catch (e) {
      this.host.output.appendLine(`status preview: ${e instanceof Error ? e.message : String(e)}`);
      this.post({ type: 'notice', text: t('The Release Pages language server is not available; the status shown may be out of date.') });
      return undefined;
    }
  }

  private publish(doc: vscode.TextDocument, result: PageStatusResult): void {
    this.sentVersion = result.version;
    this.post({
      type: 'update',
      uri: doc.uri.toString(),
      fileName: vscode.workspace.asRelativePath(doc.uri),
      version: result.version,
      locked: this.locked,
      status: result.status,
    });
    void this.postChanges(doc);
  }

  /** The changes since the chosen base, unless the panel moved on meanwhile. */
  private async postChanges(doc: vscode.TextDocument): Promise<void> {
    const seq = ++this.changesSequence;
    const message = await this.changes.changes(doc, this.changesBase, this.host.today());
    if (!this.isDisposed && doc === this.doc && seq === this.changesSequence) this.post(message);
  }

  private highlightCursor(): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
    if (editor) this.highlight(editor.selection.active.line);
  }

  /** Shows the line in the page's editor; a line outside the document is refused. */
  private async reveal(line: number): Promise<boolean> {
    const doc = this.doc;
    if (line >= doc.lineCount) {
      this.refused++;
      this.host.output.appendLine(
        `status preview: refused to reveal line ${line + 1}: ${vscode.workspace.asRelativePath(doc.uri)} has ${doc.lineCount} lines`,
      );
      return false;
    }
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
      preserveFocus: false,
      preview: false,
    });
    const at = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.keepEditorFocus(editor);
    return true;
  }

  /**
   * The click that asked for the reveal also focused the webview, and the workbench may activate the
   * panel only after the editor was shown: give the focus back to the editor if that happens right away.
   */
  private keepEditorFocus(editor: vscode.TextEditor): void {
    this.focusGuard?.dispose();
    const guard = this.panel.onDidChangeViewState((e) => {
      if (!e.webviewPanel.active) return;
      stop();
      void vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false, preview: false });
    });
    const timer = setTimeout(() => stop(), FOCUS_GUARD_MS);
    const stop = (): void => {
      clearTimeout(timer);
      guard.dispose();
      if (this.focusGuard === handle) this.focusGuard = undefined;
    };
    const handle = { dispose: stop };
    this.focusGuard = handle;
  }

  private post(message: HostMessage): void {
    if (this.disposed) return; // never post to a disposed webview
    void this.panel.webview.postMessage(message);
  }

  private updateTitle(): void {
    if (this.disposed) return;
    const name = this.doc.uri.path.split('/').pop() ?? 'page';
    this.title = this.locked ? t('[Locked] Status: {0}', name) : t('Status: {0}', name);
    this.panel.title = this.title;
  }
}
