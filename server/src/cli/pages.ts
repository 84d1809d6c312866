/** What every page command shares: expanding paths, reading pages, finding their configuration. */
import { delimiter, resolve } from 'node:path';
import { ConfigLoader, configExcludes, configIncludes, type LoadedConfig, type LoadedConfigProblem } from '../node/config-loader';
import { type CheckOptions } from '../core';
import { expandPaths } from '../node/files';
import { printProblem } from './terminal';
import { readPage, type ReadPage } from './write';

export interface PageJob {
  file: string;
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
export function collectPages(
  paths: readonly string[],
  opts: { config?: string; all?: boolean; allowExtends?: string },
  cwd = process.cwd(),
): PagesRun {
  const { files, problems } = expandPaths(paths.length ? paths : ['.'], cwd);
  let ioProblem = problems.length > 0;
  for (const p of problems) printProblem(p);
  const allow = (opts.allowExtends ?? '')
    .split(delimiter)
    .filter((a) => a !== '')
    .map((a) => (a.startsWith('~') ? a : resolve(cwd, a)));
  const loader = new ConfigLoader(undefined, { roots: [cwd], allow, projectRoot: 'always', allowHint: '--allow-extends' });
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
  for (const file of files) {
    let page: ReadPage;
    try {
      page = readPage(file);
    } catch (e) {
      printProblem(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
      ioProblem = true;
      continue;
    }
    const loaded = explicit ?? loader.forPage(file);
    if (!explicit) addProblems(loaded.problems);
    const failedRules = new Set<string>(); // --fix checks a page several times: tell each failure once
    jobs.push({
      file,
      page,
      loaded,
      checkOptions: {
        config: loaded.config,
        force: opts.all === true || configIncludes(loaded, file),
        exclude: configExcludes(loaded, file),
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
