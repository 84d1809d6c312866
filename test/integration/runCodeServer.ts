// Runs the integration suites (out/test/integration/suite/index.js) inside a real VS Code: code-server
// 4.139.1 (VS Code 1.139.1) under Node 24, its workbench in headless Chromium, the extension in the Node
// extension host. Prints one line per test, saves a screenshot of the workbench to test-results/, then
// `N passed, N failed`.
// Usage: node out/test/integration/runCodeServer.js   (env RELEASE_PAGES_TEST_GREP=<pattern> to filter)
import { Session } from './lib/codeServer';
import { runSuites } from './lib/suites';
import { runMain } from './lib/util';

const session = new Session();

runMain(
  'runCodeServer',
  () =>
    runSuites(session, {
      suiteIndex: 'out/test/integration/suite/index.js',
      launcher: 'code-server + headless Chromium',
      screenshot: 'workbench.png',
    }),
  () => session.close(),
);
