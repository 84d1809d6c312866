/**
 * Expands CLI path arguments: files, folders (recursing into *.md/*.markdown), globs (tinyglobby, with
 * picomatch's semantics: `*`, `**`, `?`, `[ab]`, nested braces, `\*` escapes, dot files only when the
 * pattern names them) and `!pattern` negations. Folder walks skip `node_modules/`, `dist/`, `out/` and
 * what the `.gitignore` files say; a glob matches what it says. `.release-pagesignore` files apply to all.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { IgnoreFiles, PAGES_IGNORE } from './ignore-files';
import { globLib } from './libs';

const PAGE = /\.(md|markdown)$/i;
/** Folders a folder walk never enters (build output, dependencies, VS Code test downloads, git's own). */
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** A glob as a regular expression (picomatch: `*` does not match a dot file or cross `/`). */
export function globToRegExp(glob: string): RegExp {
  return globLib().picomatch.makeRe(glob);
}

/** Characters without which picomatch sees no glob (a plain path does not load the glob library). */
const MAY_BE_GLOB = /[*?[\]{}()!+@\\]/;

/** Whether a path argument is a glob: magic characters, or a `\` escape (`a\*.md` names the file `a*.md`). */
export function isGlob(arg: string): boolean {
  if (!MAY_BE_GLOB.test(arg)) return false;
  return globLib().picomatch.scan(arg).isGlob || (sep === '/' && arg.includes('\\'));
}

interface WalkContext {
  out: string[];
  problems: string[];
  filter: (p: string) => boolean;
  seen: Set<string>;
  ignores: IgnoreFiles;
  /** Pages left out by an ignore file (a folder of ignored pages is not "a folder without pages"). */
  ignored: number;
}

/**
 * Page files under `dir`, sorted. Each real folder is read once (symbolic link loops end); a page that
 * cannot be read (a dangling link) is reported, anything else unreadable is skipped.
 */
function walk(dir: string, ctx: WalkContext): void {
  let entries: Dirent[];
  try {
    const real = realpathSync(dir);
    if (ctx.seen.has(real)) return;
    ctx.seen.add(real);
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return;
  }
  for (const entry of entries) {
    const name = entry.name;
    if (SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    // The entry's type when the folder gives it (no stat); a link (or an unknown type) is followed.
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (!isDir && !isFile) {
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (e) {
        if (ctx.filter(p)) ctx.problems.push(`${p}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
    }
    if (!isDir && !(isFile && ctx.filter(p))) continue;
    if (ctx.ignores.ignored(p, isDir)) {
      ctx.ignored++;
      continue;
    }
    if (isDir) walk(p, ctx);
    else ctx.out.push(p);
  }
}

export interface ExpandOptions {
  /** Folder walks leave out what `.gitignore` files ignore (default: true). */
  gitignore?: boolean;
}

export interface Expanded {
  files: string[];
  problems: string[];
  /** Files named one by one on the command line (not found by a walk or a glob). */
  named: Set<string>;
  /** Named files left out by `.release-pagesignore` or a negation (say so: the user asked for them). */
  ignoredNamed: string[];
}

/** The files a glob matches, absolute, sorted; a page reached through several links once (its shortest path). */
function globFiles(pattern: string, cwd: string): string[] {
  const found = globLib().globSync([pattern], {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
    followSymbolicLinks: true,
  });
  const byReal = new Map<string, string>();
  for (const f of found.map((x) => resolve(x)).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    let real = f;
    try {
      real = realpathSync(f);
    } catch {
      // a dangling link: reported when it is read
    }
    if (!byReal.has(real)) byReal.set(real, f);
  }
  return [...byReal.values()].sort();
}

export function expandPaths(args: readonly string[], cwd: string, opts: ExpandOptions = {}): Expanded {
  const negations = args.filter((a) => a.startsWith('!') && a.length > 1).map((a) => globLib().picomatch(a.slice(1), { dot: true }));
  const positives = args.filter((a) => !(a.startsWith('!') && a.length > 1));
  const walkIgnores = new IgnoreFiles(opts.gitignore === false ? [PAGES_IGNORE] : ['.gitignore', PAGES_IGNORE], cwd);
  const pageIgnores = new IgnoreFiles([PAGES_IGNORE], cwd);
  const files: string[] = [];
  const problems: string[] = [];
  const named = new Set<string>();
  const ignoredNamed: string[] = [];
  const negated = (p: string): boolean => negations.some((m) => m(relative(cwd, p).split(sep).join('/')));
  for (const arg of positives.length ? positives : ['.']) {
    if (isGlob(arg)) {
      const all = globFiles(arg, cwd);
      if (all.length === 0) problems.push(`${arg}: no files match this pattern`);
      files.push(...all.filter((f) => !pageIgnores.ignored(f) && !negated(f)));
      continue;
    }
    const p = resolve(cwd, arg);
    let st;
    try {
      st = statSync(p);
    } catch {
      problems.push(`${arg}: no such file or folder`);
      continue;
    }
    if (st.isDirectory()) {
      const ctx: WalkContext = { out: [], problems, filter: (f) => PAGE.test(f), seen: new Set(), ignores: walkIgnores, ignored: 0 };
      const before = problems.length;
      walk(p, ctx);
      const found = ctx.out.filter((f) => !negated(f));
      if (ctx.out.length === 0 && ctx.ignored === 0 && problems.length === before)
        problems.push(`${arg}: folder has no .md or .markdown pages`);
      files.push(...found);
    } else if (st.isFile()) {
      if (pageIgnores.ignored(p) || negated(p)) ignoredNamed.push(arg);
      else {
        files.push(p);
        named.add(p);
      }
    } else problems.push(`${arg}: not a regular file (a pipe or a device is never read)`);
  }
  return { files: [...new Set(files)], problems, named, ignoredNamed };
}
