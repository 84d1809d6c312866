/**
 * Extension entry point in the browser (vscode.dev, github.dev, a web worker extension host): the language
 * server runs in a web worker (`dist/web/server.js`); configuration files reach it through the client
 * (`web-config.ts`). No Node API here or in anything it imports.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { DOCUMENT_SCHEMES, type WebInitializationOptions } from '../../shared/protocol';
import { clientOptions, CONFIG_GLOB, startFeatures } from './features';
import { configSnapshot, serveConfigFiles } from './web-config';

/** The browser's `Worker` (this project compiles without the DOM library). */
declare const Worker: new (scriptUrl: string) => ConstructorParameters<typeof LanguageClient>[2];

let client: LanguageClient | undefined;

/**
 * The server's web worker. The web worker extension host refuses a worker whose script is a `vscode-remote`
 * URI (an extension on a remote such as code-server); its text read through the file system, as a blob,
 * is accepted. vscode.dev and github.dev give https URIs, used as they are.
 */
async function serverWorker(script: vscode.Uri): Promise<ConstructorParameters<typeof LanguageClient>[2]> {
  if (script.scheme !== 'vscode-remote') return withEventTarget(new Worker(script.toString(true)));
  const bytes = await vscode.workspace.fs.readFile(script);
  return withEventTarget(new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }))));
}

/** What the client's message reader and writer use of a worker. */
interface WorkerLike {
  onmessage: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener?: (type: string, listener: (event: unknown) => void) => void;
}

/**
 * The worker as the client's reader wants it: the extension host's nested worker (code-server) has
 * `onmessage`, `onerror` and `postMessage` but no `addEventListener`, which the reader calls for errors.
 */
function withEventTarget(created: ConstructorParameters<typeof LanguageClient>[2]): ConstructorParameters<typeof LanguageClient>[2] {
  const worker = created as unknown as WorkerLike;
  const errorListeners: ((event: unknown) => void)[] = [];
  worker.onerror = (event) => {
    for (const l of errorListeners) l(event);
  };
  const adapted = {
    set onmessage(listener: ((event: unknown) => void) | null) {
      worker.onmessage = listener;
    },
    get onmessage(): ((event: unknown) => void) | null {
      return worker.onmessage;
    },
    addEventListener(type: string, listener: (event: unknown) => void): void {
      if (type === 'error') errorListeners.push(listener);
    },
    postMessage: (message: unknown) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
  return adapted;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Release Pages', { log: true });
  context.subscriptions.push(output);

  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  context.subscriptions.push(watcher);
  const initializationOptions: WebInitializationOptions = {
    configFiles: await configSnapshot(),
    ruleDocsRoot: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
  };
  // Every scheme a browser workspace may use: GitHub (vscode-vfs), code-server (vscode-remote), in-memory ones.
  const options = clientOptions(output, DOCUMENT_SCHEMES, watcher, initializationOptions);
  const worker = await serverWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js'));
  client = new LanguageClient('releasePages', 'Release Pages', worker, options);
  context.subscriptions.push(serveConfigFiles(client, watcher));
  await startFeatures(context, client, output);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
