/**
 * The status preview feature: commands, the panel serializer (restore after a window reload), and the
 * editor events every open preview follows (edits, cursor moves, active editor, settings).
 */
import * as vscode from 'vscode';
import { t } from '../l10n';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PageSummaryRequest, ValidatedNotification } from '../../../shared/protocol';
import { parsePreviewState, type RenderedSummary } from '../../../shared/preview-messages';
import { StatusPreview, VIEW_TYPE, webviewOptions, type PreviewHost, type PreviewSnapshot } from './panel';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function asOf(): string {
  const setting = vscode.workspace.getConfiguration('releasePages.preview').get<string>('asOf', '').trim();
  return ISO.test(setting) ? setting : localToday();
}

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Set<StatusPreview>();
  private readonly disposables: vscode.Disposable[] = [];
  private lastDisposed: PreviewSnapshot | undefined;
  private readonly host: PreviewHost;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    output: vscode.OutputChannel,
  ) {
    this.host = {
      client,
      extensionUri: context.extensionUri,
      output,
      today: asOf,
      onDidDispose: (p) => {
        this.previews.delete(p);
        this.lastDisposed = p.snapshot();
        void this.updateLockContext();
      },
      onDidChangeLock: () => void this.updateLockContext(),
    };
    const forDoc = (doc: vscode.TextDocument): StatusPreview[] => [...this.previews].filter((p) => p.document === doc);
    this.disposables.push(
      vscode.commands.registerCommand('releasePages.openPreview', (uri?: vscode.Uri) => this.open(uri, vscode.ViewColumn.Active, false)),
      vscode.commands.registerCommand('releasePages.openPreviewToSide', (uri?: vscode.Uri) =>
        this.open(uri, vscode.ViewColumn.Beside, true),
      ),
      vscode.commands.registerCommand('releasePages.togglePreviewLock', () => {
        const p = this.activePreview();
        p?.setLocked(!p.isLocked);
      }),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restore(panel, state) }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) for (const p of forDoc(e.document)) p.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        for (const p of forDoc(e.textEditor.document)) p.highlight(e.selections[0].active.line);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        void this.updatePageContext();
        if (!editor || editor.document.languageId !== 'markdown') return;
        for (const p of this.previews) void p.follow(editor.document);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('releasePages')) for (const p of this.previews) void p.refresh();
      }),
      client.onNotification(ValidatedNotification, (v) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === v.uri) void this.updatePageContext();
      }),
      ...this.testCommands(),
    );
    void this.updatePageContext();
  }

  /** Opens (or reveals) the preview of `uri` or of the active editor's page. */
  async open(uri: vscode.Uri | undefined, column: vscode.ViewColumn, preserveFocus: boolean): Promise<boolean> {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    const doc = target ? await vscode.workspace.openTextDocument(target) : undefined;
    if (!doc || doc.languageId !== 'markdown') {
      void vscode.window.showInformationMessage(t('Release Pages: open a release page (Markdown) to see its status.'));
      return false;
    }
    const existing = [...this.previews].find((p) => p.document === doc) ?? [...this.previews].find((p) => !p.isLocked);
    if (existing) {
      existing.panel.reveal(column, preserveFocus);
      if (existing.document !== doc) existing.setDocument(doc);
      return true;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      t('Status'),
      { viewColumn: column, preserveFocus },
      webviewOptions(this.context.extensionUri),
    );
    this.previews.add(new StatusPreview(panel, this.host, doc, false));
    return true;
  }

  private async restore(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePreviewState(raw);
    let doc: vscode.TextDocument | undefined;
    try {
      const uri = state ? vscode.Uri.parse(state.uri, true) : undefined;
      if (uri && uri.scheme !== 'untitled') doc = await vscode.workspace.openTextDocument(uri);
    } catch {
      doc = undefined; // the page is gone: nothing to show
    }
    if (!doc) {
      panel.dispose();
      return;
    }
    this.previews.add(new StatusPreview(panel, this.host, doc, state?.locked ?? false));
  }

  private activePreview(): StatusPreview | undefined {
    return [...this.previews].find((p) => p.panel.active) ?? [...this.previews][0];
  }

  private async updateLockContext(): Promise<void> {
    const active = [...this.previews].find((p) => !p.isDisposed && p.panel.active);
    await vscode.commands.executeCommand('setContext', 'releasePages.previewLocked', active?.isLocked ?? false);
  }

  /** `releasePages.isReleasePage`: shows the preview button in the editor title of release pages. */
  private async updatePageContext(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    let isReleasePage = false;
    if (doc?.languageId === 'markdown' && this.client.isRunning()) {
      try {
        isReleasePage = (await this.client.sendRequest(PageSummaryRequest, { uri: doc.uri.toString() }))?.isReleasePage === true;
      } catch {
        isReleasePage = false;
      }
    }
    await vscode.commands.executeCommand('setContext', 'releasePages.isReleasePage', isReleasePage);
  }

  /**
   * Internal commands for the integration tests (not contributed, so not in the Command Palette): read
   * what the previews show, deliver a message as the webview would, wait for the next render.
   */
  private testCommands(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand(
        '_releasePages.preview.inspect',
        (): { previews: PreviewSnapshot[]; lastDisposed: PreviewSnapshot | undefined } => ({
          previews: [...this.previews].map((p) => p.snapshot()),
          lastDisposed: this.lastDisposed,
        }),
      ),
      vscode.commands.registerCommand(
        '_releasePages.preview.receive',
        (message: unknown) => this.activePreview()?.receive(message) ?? false,
      ),
      vscode.commands.registerCommand(
        '_releasePages.preview.waitForRender',
        (want: { version?: number; highlighted?: number; rows?: number; title?: string }, timeoutMs = 20_000) =>
          new Promise<RenderedSummary>((resolve, reject) => {
            const ok = (r: RenderedSummary | undefined): r is RenderedSummary =>
              r !== undefined &&
              (want.version === undefined || r.version >= want.version) &&
              (want.highlighted === undefined || r.highlighted === want.highlighted) &&
              (want.rows === undefined || r.rows === want.rows) &&
              (want.title === undefined || r.title === want.title);
            const now = [...this.previews].map((p) => p.snapshot().rendered).find(ok);
            if (now) {
              resolve(now);
              return;
            }
            const subs = [...this.previews].map((p) =>
              p.onDidRender((r) => {
                if (!ok(r)) return;
                done();
                resolve(r);
              }),
            );
            const timer = setTimeout(() => {
              done();
              reject(
                new Error(
                  `no preview render matching ${JSON.stringify(want)} within ${timeoutMs} ms; last: ${JSON.stringify([...this.previews].map((p) => p.snapshot().rendered))}`,
                ),
              );
            }, timeoutMs);
            const done = (): void => {
              clearTimeout(timer);
              for (const s of subs) s.dispose();
            };
          }),
      ),
    ];
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.OutputChannel): PreviewManager {
  const manager = new PreviewManager(context, client, output);
  context.subscriptions.push(manager);
  return manager;
}
