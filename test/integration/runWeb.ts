// Runs the integration suites that apply in a browser (out/test/integration/web/index.js, a browser
// bundle) in the *web worker* extension host of code-server's workbench, as on vscode.dev and github.dev:
// the user setting `remote.extensionKind` makes the extension a "web" extension, which a browser workbench
// runs in its web worker from the `browser` entry (dist/web/client.js; the server in a web worker:
// dist/web/server.js); the tests then run there too (they lie inside the extension's folder).
// test/integration/README.md says how and why.
// Usage: node out/test/integration/runWeb.js   (env RELEASE_PAGES_TEST_GREP=<pattern> to filter)
import { Session } from './lib/codeServer';
import { runSuites } from './lib/suites';
import { runMain } from './lib/util';

const session = new Session();
const grep = process.env.RELEASE_PAGES_TEST_GREP;

runMain(
  'runWeb',
  () =>
    runSuites(session, {
      suiteIndex: 'out/test/integration/web/index.js',
      launcher: 'code-server + headless Chromium, web worker extension host',
      // Read by the workbench but without effect in VS Code 1.139.1's web workbench (README): the setting does it.
      payload: [['extensionDevelopmentKind', 'web']],
      userSettings: { 'remote.extensionKind': { 'release-pages.release-pages': ['web'] } },
      startTimeoutMs: 300_000,
      totalTimeoutMs: 15 * 60_000,
      screenshot: 'workbench-web.png',
      // A web worker has no environment variables: the grep reaches the runner as a file next to the workspace.
      sandboxFiles: grep ? { 'web-options.json': JSON.stringify({ grep }) } : {},
    }),
  () => session.close(),
);
