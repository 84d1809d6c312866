/** Expands CLI path arguments: files, folders (recursing into *.md/*.markdown) and globs. */
import { readdirSync, statSync } from 'node:fs';
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
        re += `(?:${glob.slice(i + 1, end).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, out: string[], filter: (p: string) => boolean): void {
  let names: string[];
  try {
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
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(p, out, filter);
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
      walk(resolve(cwd, baseDir), found, (p) => re.test(relative(cwd, p).split(sep).join('/')));
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
      walk(p, found, (f) => PAGE.test(f));
      if (found.length === 0) problems.push(`${arg}: folder has no .md or .markdown pages`);
      files.push(...found);
    } else files.push(p);
  }
  return { files: [...new Set(files)], problems };
}
