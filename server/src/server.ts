/** The language server as a Node process (stdio or IPC): configuration files from disk. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server-common';
import { NodeConfigSource } from './node-server/config-source';
import { setRuleDocsRoot } from './lsp/diagnostics';
import { logProcessFailures } from './lsp/failures';

const connection = createConnection(ProposedFeatures.all);
// dist/server.js → the extension's docs/rules/ (each diagnostic links its rule's page).
setRuleDocsRoot(pathToFileURL(join(__dirname, '..', 'docs', 'rules')).toString());
// A failure nobody awaited is logged, never the end of the server.
logProcessFailures(process, (message) => connection.console.error(message));
startServer(connection, {
  config: new NodeConfigSource(),
  info: () => ({ pid: process.pid, uptimeMs: Math.round(process.uptime() * 1000), host: 'node' }),
});
