/** `release-pages` command line, every command (dist/cli.js): the dispatcher in cli/dispatch.ts over the commands in cli/. */
import { changesCommand } from './cli/changes';
import { checkCommand } from './cli/check';
import { startCli } from './cli/dispatch';
import { formatCommand } from './cli/format';
import { reportCommand } from './cli/report';

startCli([checkCommand, reportCommand, changesCommand, formatCommand]);
