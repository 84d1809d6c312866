/** What every page command shares: expanding paths, reading pages, finding their configuration. */
import { resolve } from 'node:path';
import { ConfigLoader, configIncludes, type LoadedConfig, type LoadedConfigProblem } from '../node/config-loader';
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

export function collectPages(paths: readonly string[], opts: { config?: string; all?: boolean }, cwd = process.cwd()): PagesRun {
  const { files, problems } = expandPaths(paths.length ? paths : ['.'], cwd);
  let ioProblem = problems.length > 0;
  for (const p of problems) printProblem(p);
  const loader = new ConfigLoader();
  const configProblems: LoadedConfigProblem[] = [];
  const addProblems = (list: readonly LoadedConfigProblem[]): void => {
    for (const p of list) if (!configProblems.some((q) => q.file === p.file && q.line === p.line && q.message === p.message)) configProblems.push(p);
  };
  const explicit = opts.config ? loader.loadFile(resolve(cwd, opts.config)) : null;
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
