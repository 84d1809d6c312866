/**
 * A real Git repository holding several revisions of a corpus page (the two oVirt 3.3 snapshots and
 * hand-made ones between and after them, with a rename): the unit tests of `node/git.ts` and the CLI,
 * and the preview's Changes section in real VS Code, read the same history.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixture } from './paths';

export const OLD = readFixture('corpus', 'release__3.3__release-management.html.md');
export const NEW = readFixture('corpus', 'releases__3.3__release-management.md');
/** Between the two snapshots: Cloud-Init went from Red to Orange. */
export const MID = OLD.replace(/(Cloud-Init Integration.*?\|[^|]*\|[^|]*\|\s*)Red/, '$1Orange');
/** After the newer one: RAM Snapshots went Red, and a feature (Live merge) was added. */
export const LATER = NEW.replace(/(RAM Snapshots.*?\|[^|]*\|[^|]*\|\s*)Green/, '$1Red').replace(
  /(\| Virt\s+\| \[RAM Snapshots\])/,
  '| Virt | Live merge | ? | Adam Litke | Orange | 2013-08-01 | | |\n$1',
);

/** `git` in `dir` with a fixed identity, no signing, and (with `date`) that author and commit date. */
export function git(dir: string, args: string[], date?: string): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.org',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.org',
  };
  const dated = date ? { ...env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : env;
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir,
    env: dated,
    encoding: 'utf8',
  });
}

export function commit(dir: string, file: string, text: string, date: string, message: string): string {
  writeFileSync(join(dir, file), text);
  git(dir, ['add', file]);
  git(dir, ['commit', '-q', '-m', message], date);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/**
 * In the empty folder `dir`: old (2013-06-01, tag v3.3-plan) → mid (2013-06-20) → new (2013-07-10) →
 * renamed `rm.md` → `release-management.md` and later (2013-07-20); `notes.md` left untracked.
 * Returns the four commits, oldest first.
 */
export function buildPageHistory(dir: string): string[] {
  git(dir, ['init', '-q']);
  const commits = [commit(dir, 'rm.md', OLD, '2013-06-01', 'old snapshot')];
  git(dir, ['tag', 'v3.3-plan']);
  commits.push(commit(dir, 'rm.md', MID, '2013-06-20', 'Cloud-Init: orange'));
  commits.push(commit(dir, 'rm.md', NEW, '2013-07-10', 'new snapshot'));
  git(dir, ['mv', 'rm.md', 'release-management.md']);
  commits.push(commit(dir, 'release-management.md', LATER, '2013-07-20', 'rename; RAM snapshots red'));
  writeFileSync(join(dir, 'notes.md'), NEW);
  return commits;
}
