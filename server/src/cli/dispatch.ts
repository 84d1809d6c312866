/**
 * The command line's dispatcher: `release-pages <command> [options]` over a list of commands. Two entries
 * use it: `cli.ts` (every command; dist/cli.js) and `cli-check.ts` (the `check` command alone; dist/check.js,
 * which bin/release-pages.js runs for `check`, so that the common run loads and compiles no other command).
 */
import { version } from '../../../package.json';
import { UsageError, type Command } from './args';
import { isCheckWorker, runCheckWorker } from '../node/parallel';
import { terminalText } from './terminal';
import { provideYaml } from '../core';
import { loadYaml } from '../node/libs';

function help(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: release-pages <command> [options]\n\nCommands:\n${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}\n\nRun \`release-pages <command> --help\` for a command's options.\n`;
}

function main(commands: readonly Command[], argv: readonly string[]): number | Promise<number> {
  const name = argv[0] as string | undefined; // no command given
  const rest = argv.slice(1);
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(help(commands));
    return 0;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`release-pages: unknown command "${terminalText(name)}"\n\n${help(commands)}`);
    return 2;
  }
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest; // after --, -h is a page name
  if (options.includes('-h') || options.includes('--help')) {
    process.stdout.write(command.usage);
    return 0;
  }
  try {
    const code = command.run(rest);
    return typeof code === 'number' ? code : code.catch((e: unknown) => failed(command, e));
  } catch (e) {
    return failed(command, e);
  }
}

/** Exit code 2 after saying what went wrong: a usage error with the hint to --help, anything else with its stack. */
function failed(command: Command, e: unknown): number {
  if (e instanceof UsageError) {
    process.stderr.write(
      `release-pages ${command.name}: ${terminalText(e.message)}\nRun \`release-pages ${command.name} --help\` for its options.\n`,
    );
    return 2;
  }
  // A stack keeps its lines; anything else in it (a file name in a message) is made visible.
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(`release-pages ${command.name}: ${text.split('\n').map(terminalText).join('\n')}\n`);
  return 2;
}

/**
 * Runs the command line of this process with `commands`, or the page checks of a worker thread when the
 * bundle was started as one (`check --jobs`: the bundle is its own worker script).
 */
export function startCli(commands: readonly Command[]): void {
  // The YAML parser is loaded when a page with front matter or a configuration file first needs it.
  provideYaml(loadYaml);
  // A reader that stops early (`| head`) closes the pipe: that ends the output, it is no crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  if (isCheckWorker()) {
    runCheckWorker();
    return;
  }
  const code = main(commands, process.argv.slice(2));
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}
