/**
 * A page's revisions read through the built-in Git extension's API (`vscode.git`, `getAPI(1)`), with
 * renames followed: the API's `log` has no `--follow`, so when the oldest revision under the current
 * name is the one that created it, that commit's changes (`diffBetween` its parent) tell whether it was
 * a rename, and the log goes on under the old name from the parent. No `git` process of our own.
 */
import * as vscode from 'vscode';
import { t } from '../l10n';

/** The parts of the Git extension's API this module reads (its API version 1). */
export interface GitCommit {
  hash: string;
  message: string;
  parents?: string[];
  commitDate?: Date;
  authorDate?: Date;
}
export interface GitRef {
  type: number;
  name?: string;
  commit?: string;
}
interface GitChange {
  originalUri: vscode.Uri;
  renameUri?: vscode.Uri;
}
export interface GitRepository {
  state: { refs?: GitRef[] };
  getRefs?(query: { pattern?: string; count?: number }): Promise<GitRef[]>;
  log(options: { maxEntries?: number; path?: string; range?: string }): Promise<GitCommit[]>;
  show(ref: string, path: string): Promise<string>;
  diffBetween?(ref1: string, ref2: string): Promise<GitChange[]>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

/** One revision of the page: the commit, and the page's path (absolute) in it. */
export interface Revision {
  commit: GitCommit;
  path: string;
}

/** Renames followed at most this many times (a page renamed more often keeps its older names' history out). */
const MAX_RENAMES = 20;

/** The page's repository, or why there is none. */
export async function repositoryOf(doc: vscode.TextDocument): Promise<GitRepository | string> {
  if (doc.uri.scheme !== 'file')
    return t('The page is not in a local folder (a browser, a virtual workspace): its Git history needs a local folder.');
  const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!ext) return t('The built-in Git extension is not available: no history to compare.');
  const exports = ext.isActive ? ext.exports : await ext.activate();
  const repo = exports.getAPI(1).getRepository(doc.uri);
  return repo ?? t('The page is not inside a Git repository: it has no history to compare.');
}

/** The path the page had before `commit` renamed it to `path`, if that commit was a rename. */
async function renamedFrom(repo: GitRepository, commit: GitCommit, path: string): Promise<string | undefined> {
  const parent = commit.parents?.[0];
  if (!parent || !repo.diffBetween) return undefined;
  const changes = await repo.diffBetween(parent, commit.hash);
  const rename = changes.find((c) => c.renameUri?.fsPath === path && c.originalUri.fsPath !== path);
  return rename?.originalUri.fsPath;
}

/** The page's revisions, newest first, at most `max`, each with the page's path then (renames followed). */
export async function pageRevisions(repo: GitRepository, path: string, max: number): Promise<Revision[]> {
  const out: Revision[] = [];
  const seen = new Set<string>();
  let current = path;
  let range: string | undefined;
  for (let renames = 0; renames <= MAX_RENAMES && out.length < max; renames++) {
    const log = await repo.log({ path: current, maxEntries: max - out.length, ...(range ? { range } : {}) });
    for (const commit of log) {
      if (seen.has(commit.hash)) continue; // the rename commit, seen under the newer name
      seen.add(commit.hash);
      out.push({ commit, path: current });
    }
    const oldest = log.at(-1);
    if (!oldest || out.length >= max) break;
    const before = await renamedFrom(repo, oldest, current);
    if (!before) break;
    current = before;
    range = oldest.parents?.[0];
  }
  return out;
}

/** The page's paths over its history, newest first, without repeats. */
export function pathsOf(revisions: readonly Revision[], path: string): string[] {
  return [...new Set([path, ...revisions.map((r) => r.path)])];
}
