/** What every page command shares: expanding paths, reading pages, finding their configuration. */
import { readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { ConfigLoader, configExcludes, configIncludes, type LoadedConfig, type LoadedConfigProblem } from '../node/config-loader';
import { configIgnores } from '../node/config-ignores';
import { type CheckOptions } from '../core';
import { expandPaths } from '../node/files';
import { UsageError } from './args';
import { printProblem } from './terminal';
import { decodePage, readPage, type ReadPage } from './write';

/** The name of a page read from standard input when --stdin-filename does not name it. */
export const STDIN_NAME = '<stdin>';

export interface PageJob {
  /** Absolute path; for standard input the --stdin-filename (resolved) or `<stdin>`. */
  file: string;
  /** Read from standard input (`-`): never written back. */
  stdin: boolean;
  page: ReadPage;
  loaded: LoadedConfig;
  checkOptions: CheckOptions;
}

export interface PagesRun {
  jobs: PageJob[];
  /** Usage or I/O problems already printed to stderr: exit 2. */
  ioProblem: boolean;
  configProblems: LoadedConfigProblem[];
}

/**
 * `allowExtends`: paths (joined with the platform's path delimiter, `:` or `;`) that `extends` may name
 * besides the current folder and the project of each configuration file.
 */
export interface CollectOptions {
  config?: string;
  all?: boolean;
  allowExtends?: string;
  /** Folder walks follow .gitignore files (default: true; --no-gitignore). */
  gitignore?: boolean;
  /** The name of the page read from standard input (`-`): for config lookup and output. */
  stdinFilename?: string;
}

/** `-` must be the only path (standard input is one page); --stdin-filename needs it. */
function checkStdinArgs(paths: readonly string[], stdinFilename: string | undefined): boolean {
  const stdin = paths.includes('-');
  if (stdin && paths.length > 1) throw new UsageError('- (standard input) must be the only path');
  if (!stdin && stdinFilename !== undefined)
    throw new UsageError('--stdin-filename names the page read from standard input: give - as the path');
  return stdin;
}

export function collectPages(paths: readonly string[], opts: CollectOptions, cwd = process.cwd()): PagesRun {
  const stdin = checkStdinArgs(paths, opts.stdinFilename);
  const { files, problems, named, ignoredNamed } = stdin
    ? { files: [], problems: [], named: new Set<string>(), ignoredNamed: [] }
    : expandPaths(paths, cwd, { gitignore: opts.gitignore });
  let ioProblem = problems.length > 0;
  for (const p of problems) printProblem(p);
  for (const p of ignoredNamed) printProblem(`${p}: ignored (a .release-pagesignore file or a ! pattern leaves it out)`);
  const allow = (opts.allowExtends ?? '')
    .split(delimiter)
    .filter((a) => a !== '')
    .map((a) => (a.startsWith('~') ? a : resolve(cwd, a)));
  // One run: each folder's configuration is looked up once for all its pages.
  const loader = new ConfigLoader(
    undefined,
    { roots: [cwd], allow, projectRoot: 'always', allowHint: '--allow-extends' },
    { oneRun: true },
  );
  const configProblems: LoadedConfigProblem[] = [];
  // Pages of one folder share one load (the same object): its problems are added once.
  const added = new Set<LoadedConfigProblem[]>();
  const seen = new Set<string>();
  const addProblems = (list: LoadedConfigProblem[]): void => {
    if (added.has(list)) return;
    added.add(list);
    for (const p of list) {
      const key = `${p.file}\u0000${p.line}\u0000${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      configProblems.push(p);
    }
  };
  const explicit = opts.config ? loader.loadFile(resolve(cwd, opts.config), undefined, true) : null;
  if (explicit) addProblems(explicit.problems);
  const jobs: PageJob[] = [];
  const inputs: Array<{ file: string; read: () => ReadPage }> = files.map((file) => ({ file, read: () => readPage(file) }));
  if (stdin) {
    const file = opts.stdinFilename === undefined ? STDIN_NAME : resolve(cwd, opts.stdinFilename);
    inputs.push({ file, read: () => decodePage(file, readFileSync(0)) });
  }
  for (const { file, read } of inputs) {
    let page: ReadPage;
    try {
      page = read();
    } catch (e) {
      printProblem(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
      ioProblem = true;
      continue;
    }
    // A page from standard input without a name finds its configuration from the current folder.
    const lookup = file === STDIN_NAME ? join(cwd, STDIN_NAME) : file;
    const loaded = explicit ?? loader.forPage(lookup);
    if (!explicit) addProblems(loaded.problems);
    if (!stdin && configIgnores(loaded, file)) {
      if (named.has(file)) printProblem(`${file}: ignored (\`ignores\` in ${loaded.files[loaded.files.length - 1]})`);
      continue;
    }
    const failedRules = new Set<string>(); // --fix checks a page several times: tell each failure once
    jobs.push({
      file,
      stdin,
      page,
      loaded,
      checkOptions: {
        config: loaded.config,
        force: opts.all === true || configIncludes(loaded, lookup),
        exclude: configExcludes(loaded, lookup),
        onRuleError: (rule, e) => {
          if (failedRules.has(rule)) return;
          failedRules.add(rule);
          printProblem(`${file}: rule ${rule} failed (its other findings are reported): ${e instanceof Error ? e.message : String(e)}`);
        },
      },
    });
  }
  return { jobs, ioProblem, configProblems };
}

export function printConfigProblems(problems: readonly LoadedConfigProblem[]): void {
  for (const p of problems) printProblem(`${p.file}:${p.line + 1}:${p.column + 1}: ${p.message}`);
}
