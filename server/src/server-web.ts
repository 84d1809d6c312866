/**
 * The language server in a web worker (vscode.dev, github.dev, code-server's web worker extension host):
 * the same handlers as the Node server (`server-common.ts`), over `postMessage`; configuration files are
 * the texts the client read through `vscode.workspace.fs` (`web/config-source.ts`). No Node built-in here.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import * as YAML from 'yaml';
import { startServer } from './server-common';
import { provideYaml } from './core';
import { WebConfigSource } from './web/config-source';
import { setRuleDocsRoot } from './lsp/diagnostics';
import { describeError } from './lsp/failures';
import { ConfigFilesNotification, ReadConfigFilesRequest, type WebInitializationOptions } from '../../shared/protocol';

// The web worker bundles the YAML parser (one file is loaded anyway).
provideYaml(() => YAML);

/** The worker's global scope (typed as the reader wants it: this project compiles without `lib: webworker`). */
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const started = performance.now();
let recheck = (): void => undefined;
const config = new WebConfigSource((uris) => {
  connection.sendRequest(ReadConfigFilesRequest, { uris }).then(
    ({ files }) => {
      config.add(files);
      recheck();
    },
    (e: unknown) => connection.console.error(`reading configuration files through the editor failed: ${describeError(e)}`),
  );
});

startServer(connection, {
  config,
  info: () => ({ pid: null, uptimeMs: Math.round(performance.now() - started), host: 'web' }),
  initialize: (params) => {
    const options = (params.initializationOptions ?? {}) as WebInitializationOptions;
    if (typeof options.ruleDocsRoot === 'string') setRuleDocsRoot(options.ruleDocsRoot);
    if (Array.isArray(options.configFiles)) config.replace(options.configFiles);
  },
  register: (state, again) => {
    recheck = again;
    state.connection.onNotification(ConfigFilesNotification, ({ files }) => {
      if (!Array.isArray(files)) return;
      config.replace(files);
      again();
    });
  },
});
