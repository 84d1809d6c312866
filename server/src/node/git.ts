/**
 * A page's history from Git, for `release-pages changes` and `report --since`: the revisions that
 * changed a page (renames followed), the page's text at a revision, and a base named by the user (a
 * commit, a tag, a date, `previous`). Runs `git` with an argument array (never a shell), bounded in
 * output and time; every failure is a `GitError` with one clear sentence.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { childProcess } from './builtins';

/** At most this much output from one git call (a page at a revision, a log). */
const MAX_OUTPUT = 64 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

export type GitErrorKind = 'no-git' | 'not-a-repository' | 'untracked' | 'unknown-revision' | 'shallow' | 'not-in-revision' | 'failed';

export class GitError extends Error {
  constructor(
    readonly kind: GitErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** One commit that changed the page; `path` is the page's repository path in that commit. */
export interface PageRevision {
  commit: string;
  /** Committer date, `YYYY-MM-DD` as the committer's clock wrote it. */
  date: string;
  subject: string;
  path: string;
}

/** A page inside its repository. */
export interface GitPage {
  root: string;
  /** Repository-relative path with `/` separators. */
  path: string;
  shallow: boolean;
}

/** Runs git in `cwd` and returns its standard output; throws the failure's stderr as a `GitError`. */
function git(cwd: string, args: readonly string[]): Buffer {
  try {
    // A repository's own settings must not start a program: no fsmonitor hook, no external diff or textconv.
    return childProcess().execFileSync('git', ['-c', 'core.quotepath=off', '-c', 'core.fsmonitor=false', ...args], {
      cwd,
      maxBuffer: MAX_OUTPUT,
      timeout: TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer; status?: number | null };
    if (err.code === 'ENOENT') throw new GitError('no-git', 'git is not installed (or not on PATH)');
    if (err.code === 'ENOBUFS') throw new GitError('failed', `git ${args[0]}: output over ${MAX_OUTPUT / 1024 / 1024} MB`);
    const text = (err.stderr?.toString('utf8') ?? '').trim().split('\n')[0] || err.message;
    throw new GitError('failed', `git ${args[0]}: ${text}`);
  }
}

const text = (b: Buffer): string => new TextDecoder('utf-8').decode(b);

/** The repository holding `file` and the file's path in it; throws when there is none or the file is not tracked. */
export function gitPage(file: string): GitPage {
  const abs = resolve(file);
  let root: string;
  try {
    root = text(git(dirname(abs), ['rev-parse', '--show-toplevel'])).trim();
  } catch (e) {
    if (e instanceof GitError && /not a git repository/i.test(e.message))
      throw new GitError('not-a-repository', `${file} is not inside a Git repository: it has no history to compare`);
    throw e;
  }
  const path = relative(root, abs).split(sep).join('/');
  try {
    git(root, ['ls-files', '--error-unmatch', '--', path]);
  } catch (e) {
    if (e instanceof GitError)
      throw new GitError('untracked', `${file} is not tracked by Git (git add and commit it first): it has no history`);
    throw e;
  }
  const shallow = text(git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  return { root, path, shallow };
}

/** The commits that changed the page, newest first, following renames; at most `limit`. */
export function pageRevisions(page: GitPage, limit = 10_000): PageRevision[] {
  const out = text(
    git(page.root, ['log', '--follow', `--max-count=${limit}`, '--name-only', '--format=%x1e%H%x1f%cI%x1f%s', '--', page.path]),
  );
  const revisions: PageRevision[] = [];
  for (const chunk of out.split('\x1e')) {
    const lines = chunk.split('\n');
    const [commit = '', date = '', subject = ''] = lines[0].split('\x1f');
    const path = lines
      .slice(1)
      .filter((l) => l !== '')
      .at(-1);
    if (!commit || !date || path === undefined) continue;
    revisions.push({ commit, date: date.slice(0, 10), subject, path });
  }
  return revisions;
}

/** The page's bytes at a commit, decoded as UTF-8 (the path is the page's path in that commit). */
export function pageAt(page: GitPage, commit: string, path = page.path): string {
  try {
    return text(git(page.root, ['show', `${commit}:${path}`]));
  } catch (e) {
    if (e instanceof GitError && e.kind === 'failed')
      throw new GitError('not-in-revision', `${path} does not exist in ${commit.slice(0, 12)}`);
    throw e;
  }
}

/** True when the page on disk differs from its last commit. */
export function hasLocalChanges(page: GitPage): boolean {
  try {
    git(page.root, ['diff', '--quiet', '--no-ext-diff', '--no-textconv', 'HEAD', '--', page.path]);
    return false;
  } catch (e) {
    if (e instanceof GitError) return true;
    throw e;
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;
const RELATIVE =
  /^(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:day|week|month|year)s?\s+ago|last\s+(?:week|month|year)|yesterday)$/i;

/** A base written as a date (`2024-03-01`, `7 days ago`, `last week`, `yesterday`): git reads it. */
export function isDateBase(spec: string): boolean {
  return ISO_DAY.test(spec.trim()) || RELATIVE.test(spec.trim().replace(/[._]/g, ' '));
}

/** The base to compare with, resolved: a commit and the page's path and text there. */
export interface ResolvedBase {
  commit: string;
  date: string;
  subject: string;
  path: string;
  text: string;
  /** How the user named it. */
  label: string;
}

function shallowHint(what: string): GitError {
  return new GitError(
    'shallow',
    `${what} is not in this shallow clone (only the newest commits are here): fetch the history with git fetch --unshallow`,
  );
}

/** The page's last change at or before `commit` (which may not have touched the page), renames followed. */
function revisionAtCommit(page: GitPage, revisions: readonly PageRevision[], commit: string, label: string): ResolvedBase {
  const hit = revisions.find((r) => r.commit === commit);
  const paths = hit ? [hit.path] : [...new Set([page.path, ...revisions.map((r) => r.path)])];
  const date = text(git(page.root, ['show', '-s', '--format=%cI%x1f%s', commit]))
    .trim()
    .split('\x1f');
  for (const path of paths) {
    try {
      return { commit, date: (date[0] ?? '').slice(0, 10), subject: date[1] ?? '', path, text: pageAt(page, commit, path), label };
    } catch (e) {
      if (!(e instanceof GitError) || e.kind !== 'not-in-revision') throw e;
    }
  }
  throw new GitError('not-in-revision', `the page did not exist in ${label} (${commit.slice(0, 12)})`);
}

/** The change before the page's current state: the last commit when the page has local edits. */
function previousBase(page: GitPage, revisions: readonly PageRevision[]): ResolvedBase {
  const r = hasLocalChanges(page) ? revisions[0] : revisions.at(1);
  if (!r)
    throw page.shallow
      ? shallowHint('the previous change')
      : new GitError('unknown-revision', `${page.path} has only one revision: there is no previous one`);
  return { ...r, text: pageAt(page, r.commit, r.path), label: 'previous' };
}

/** Resolves `spec` (a commit, tag or branch; a date; `previous`) to the page's version there. */
export function resolveBase(page: GitPage, spec: string, revisions = pageRevisions(page)): ResolvedBase {
  if (revisions.length === 0) throw new GitError('untracked', `${page.path} has no committed revision yet`);
  if (spec === 'previous') return previousBase(page, revisions);
  if (isDateBase(spec)) {
    // The newest commit of the branch then, whatever it touched: the page as it was on that day. (With
    // `--follow` on the page's path, `--before` would skip the commit that renamed it and lose it.)
    const out = text(git(page.root, ['log', '-1', `--before=${spec}`, '--format=%H'])).trim();
    if (!out) {
      if (page.shallow) throw shallowHint(`the page as of ${spec}`);
      throw new GitError(
        'unknown-revision',
        `${page.path} did not exist yet on ${spec} (its first revision is ${revisions.at(-1)?.date ?? '?'})`,
      );
    }
    try {
      return revisionAtCommit(page, revisions, out, spec);
    } catch (e) {
      if (!(e instanceof GitError) || e.kind !== 'not-in-revision') throw e;
      throw new GitError(
        'unknown-revision',
        `${page.path} did not exist yet on ${spec} (its first revision is ${revisions.at(-1)?.date ?? '?'})`,
      );
    }
  }
  if (spec.startsWith('-')) throw new GitError('unknown-revision', `"${spec}" is not a revision or a date`);
  let commit: string;
  try {
    commit = text(git(page.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${spec}^{commit}`])).trim();
  } catch {
    if (page.shallow && /^[0-9a-f]{7,40}$/i.test(spec)) throw shallowHint(`revision ${spec}`);
    throw new GitError(
      'unknown-revision',
      `"${spec}" is not a revision (commit, tag, branch) or a date (2024-03-01, 7 days ago, last week)`,
    );
  }
  return revisionAtCommit(page, revisions, commit, spec);
}
