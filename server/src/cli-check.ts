/**
 * `release-pages check` alone (dist/check.js): what bin/release-pages.js runs when the first argument is
 * `check`, the command CI and the editor's folder checks run most. Without the other commands' code (the
 * HTML report and its stylesheets, history, formatting) the bundle is about a quarter smaller, and a run
 * starts ~3 ms sooner (its compiled code is smaller to read back). Every other command line, `--help`
 * and `--version` included, runs dist/cli.js.
 */
import { checkCommand } from './cli/check';
import { startCli } from './cli/dispatch';

startCli([checkCommand]);
