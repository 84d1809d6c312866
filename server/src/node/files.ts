/** Expands CLI path arguments: files, folders (recursing into *.md/*.markdown) and globs. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const PAGE = /\.(md|markdown)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&'))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Page files under `dir`, sorted. Each real folder is read once (symbolic link loops end); a page that
 * cannot be read (a dangling link) is reported, anything else unreadable is skipped.
 */
function walk(dir: string, out: string[], filter: (p: string) => boolean, problems: string[], seen = new Set<string>()): void {
  let names: string[];
  try {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      if (filter(p)) problems.push(`${p}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (st.isDirectory()) walk(p, out, filter, problems, seen);
    else if (st.isFile() && filter(p)) out.push(p);
  }
}

export interface Expanded {
  files: string[];
  problems: string[];
}

export function expandPaths(args: readonly string[], cwd: string): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    if (/[*?{]/.test(arg)) {
      const firstMagic = arg.search(/[*?{]/);
      const baseDir = arg.slice(0, firstMagic).replace(/[^/]*$/, '') || '.';
      const re = globToRegExp(arg.replace(/^\.\//, ''));
      const found: string[] = [];
      walk(resolve(cwd, baseDir), found, (p) => re.test(relative(cwd, p).split(sep).join('/')), problems);
      if (found.length === 0) problems.push(`${arg}: no files match this pattern`);
      files.push(...found);
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
      const found: string[] = [];
      const before = problems.length;
      walk(p, found, (f) => PAGE.test(f), problems);
      if (found.length === 0 && problems.length === before) problems.push(`${arg}: folder has no .md or .markdown pages`);
      files.push(...found);
    } else if (st.isFile()) files.push(p);
    else problems.push(`${arg}: not a regular file (a pipe or a device is never read)`);
  }
  return { files: [...new Set(files)], problems };
}
