/** The language server as a Node process (stdio or IPC): configuration files from disk. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server-common';
import { NodeConfigSource } from './node-server/config-source';
import { setRuleDocsRoot } from './lsp/diagnostics';
import { logProcessFailures } from './lsp/failures';
import { provideYaml } from './core';
import { loadYaml } from './node/libs';
import { checkInWorkers, isCheckWorker, runCheckWorker, serverJobs, workersFor } from './node/parallel';
import type { PageChecker } from './lsp/workspace-check';

// The YAML parser is loaded when a page with front matter or a configuration file first needs it.
provideYaml(loadYaml);

/** The workspace check's pages on worker threads running this bundle (as `check --jobs` does); a few pages are checked on the server's thread. */
const pages: PageChecker = {
  checkPages(tasks, options) {
    const workers = workersFor(tasks.length, serverJobs());
    return workers === 0 ? null : checkInWorkers(tasks, workers, __filename, options);
  },
};

function serve(): void {
  const connection = createConnection(ProposedFeatures.all);
  // dist/server.js → the extension's docs/rules/ (each diagnostic links its rule's page).
  setRuleDocsRoot(pathToFileURL(join(__dirname, '..', 'docs', 'rules')).toString());
  // A failure nobody awaited is logged, never the end of the server.
  logProcessFailures(process, (message) => connection.console.error(message));
  startServer(connection, {
    config: new NodeConfigSource(),
    info: () => ({ pid: process.pid, uptimeMs: Math.round(process.uptime() * 1000), host: 'node' }),
    pages,
  });
}

// This bundle is also the script of the workspace check's worker threads.
if (isCheckWorker()) runCheckWorker();
else serve();
