/**
 * Ignore files with gitignore semantics (the `ignore` package): the `.gitignore` files of the nearest git
 * repository (the root's, nested ones, `.git/info/exclude`) and `.release-pagesignore` files (same syntax,
 * same places). Each file's patterns are relative to its folder; a deeper file can re-include (`!x`) what
 * a shallower one ignored; what lies inside an ignored folder stays ignored, as in git.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Ignore } from 'ignore';
import { globLib } from './libs';

export const PAGES_IGNORE = '.release-pagesignore';
/** An ignore file larger than this is not read (it is no list of patterns a person wrote). */
const MAX_IGNORE_FILE = 1024 * 1024;

/** The text of a small regular file, or null (missing, a folder, a pipe: never waited on, too big). */
function readSmallFile(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | ((constants.O_NONBLOCK as number | undefined) ?? 0));
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_IGNORE_FILE) return null;
    return readFileSync(fd, 'utf8');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree), or null. */
export function repositoryRoot(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return null;
  }
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** Decides whether paths are ignored, reading each folder's ignore files once. */
export class IgnoreFiles {
  private readonly perFolder = new Map<string, Ignore | null>();
  private readonly folderVerdict = new Map<string, boolean>();
  /** The repository root of each folder asked about (a walk asks once per entry). */
  private readonly repoOf = new Map<string, string | null>();

  /**
   * `names`: the ignore files read in each folder (`.gitignore`, `.release-pagesignore`). `cwd`: the root
   * used for paths outside any repository.
   */
  constructor(
    private readonly names: readonly string[],
    private readonly cwd: string,
  ) {}

  private rootFor(path: string): string {
    const dir = dirname(path);
    let repo = this.repoOf.get(dir);
    if (repo === undefined) {
      repo = repositoryRoot(dir);
      this.repoOf.set(dir, repo);
    }
    if (repo) return repo;
    return isInside(this.cwd, path) ? this.cwd : dirname(path);
  }

  private rules(dir: string, root: string): Ignore | null {
    const key = `${root}\u0000${dir}`;
    if (this.perFolder.has(key)) return this.perFolder.get(key) ?? null;
    let ig: Ignore | null = null;
    const texts = this.names.map((n) => readSmallFile(join(dir, n)));
    if (dir === root && this.names.includes('.gitignore')) texts.push(readSmallFile(join(dir, '.git', 'info', 'exclude')));
    for (const text of texts) {
      if (text === null) continue;
      ig = (ig ?? globLib().ignore()).add(text);
    }
    this.perFolder.set(key, ig);
    return ig;
  }

  /** What the ignore files of the folders from `root` down to `path`'s folder say of `path` itself. */
  private verdict(path: string, isDir: boolean, root: string): boolean {
    let ignored = false;
    const folders: string[] = [];
    for (let d = dirname(path); isInside(root, d); d = dirname(d)) {
      folders.unshift(d);
      if (d === root || dirname(d) === d) break;
    }
    for (const d of folders) {
      const ig = this.rules(d, root);
      if (!ig) continue;
      const rel = relative(d, path).split(sep).join('/');
      const r = ig.test(isDir ? `${rel}/` : rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }

  /** Whether `path` (absolute) or one of its folders below its root is ignored. */
  ignored(path: string, isDir = false): boolean {
    const root = this.rootFor(path);
    if (!isInside(root, path) || path === root) return false;
    for (let d = dirname(path); d !== root && isInside(root, d); d = dirname(d)) {
      const key = `${root}\u0000${d}`;
      let v = this.folderVerdict.get(key);
      if (v === undefined) {
        v = this.verdict(d, true, root);
        this.folderVerdict.set(key, v);
      }
      if (v) return true;
    }
    return this.verdict(path, isDir, root);
  }
}
