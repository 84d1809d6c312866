/** A real JSON-RPC client that starts the built server over stdio (used by the LSP tests and the benchmark). */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from './paths';
import { SERVER_EXEC_ARGV } from '../../shared/server-process';

export interface LspSession {
  connection: MessageConnection;
  /** The server's answer to `initialize`. */
  init: InitializeResult;
  process: ChildProcess;
  /** Resolves with the next publishDiagnostics for `uri` that satisfies `accept`. */
  nextDiagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Opens a Markdown document (version 1) and resolves with its first publishDiagnostics that satisfies `accept`. */
  open(uri: string, text: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

/**
 * `settings`: the `releasePages` section the client answers, or a function of the item's `scopeUri`
 * (undefined for the unscoped request) for per-folder settings.
 * `textDocument`: client capabilities added to the default ones (e.g. code action resolve support).
 * `io.stderr`: receives the server's stderr (else it goes to the test's own stderr). `io.window`: the client's
 * window capabilities (e.g. `workDoneProgress`).
 */
export async function startServer(
  settings: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown>) = {},
  rootUri: string | null = null,
  folders?: Array<{ uri: string; name: string }>,
  textDocument: Record<string, unknown> = {},
  io: { stderr?: (chunk: string) => void; window?: Record<string, unknown> } = {},
): Promise<LspSession> {
  // Started as the client starts it (shared/server-process.ts), so the tests and benchmarks run what users run.
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(ROOT, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', io.stderr ? 'pipe' : 'inherit'],
  });
  if (io.stderr) {
    const sink = io.stderr;
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => sink(chunk));
  }
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> =
    [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const i = waiters.findIndex((w) => w.uri === p.uri && w.accept(p));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(p);
  });
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string; scopeUri?: string }> }) =>
    params.items.map((item) => (typeof settings === 'function' ? settings(item.scopeUri) : settings)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const init: InitializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: folders ?? (rootUri ? [{ uri: rootUri, name: 'ws' }] : null),
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true }, ...textDocument },
      ...(io.window ? { window: io.window } : {}),
    },
  });
  await connection.sendNotification('initialized', {});
  const nextDiagnostics: LspSession['nextDiagnostics'] = (uri, accept = () => true, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const w = {
        uri,
        accept,
        resolve: (p: PublishDiagnosticsParams) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(w), 1);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.push(w);
    });
  return {
    connection,
    init,
    process: child,
    nextDiagnostics,
    async open(uri, text, accept, timeoutMs) {
      const published = nextDiagnostics(uri, accept, timeoutMs);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      return published;
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } finally {
        connection.dispose();
        if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
      }
    },
  };
}
