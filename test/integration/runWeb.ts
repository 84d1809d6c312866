// Runs the integration suites that apply in a browser (out/test/integration/web/index.js, a browser
// bundle) in the *web worker* extension host of code-server's workbench: the payload's
// `extensionDevelopmentKind` "web" makes the workbench run the extension under development there, from
// its `browser` entry (dist/web/client.js, the server in a web worker: dist/web/server.js), as on
// vscode.dev and github.dev. test/integration/README.md says how and why.
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
      payload: [['extensionDevelopmentKind', 'web']],
      screenshot: 'workbench-web.png',
      // A web worker has no environment variables: the grep reaches the runner as a file next to the workspace.
      sandboxFiles: grep ? { 'web-options.json': JSON.stringify({ grep }) } : {},
    }),
  () => session.close(),
);
