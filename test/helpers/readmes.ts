/** The README files of the installed packages: ordinary Markdown pages written by other people. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/** README files of node_modules (one level, and scoped packages), at most 1 MB each, in a stable order. */
export function nodeModulesReadmes(): string[] {
  const nm = join(ROOT, 'node_modules');
  const dirs: string[] = [];
  for (const name of readdirSync(nm).sort()) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) for (const sub of readdirSync(join(nm, name)).sort()) dirs.push(join(nm, name, sub));
    else dirs.push(join(nm, name));
  }
  const out: string[] = [];
  for (const d of dirs) {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      continue; // a file, not a package folder
    }
    for (const n of names) if (/^readme\.(md|markdown)$/i.test(n) && statSync(join(d, n)).size <= 1_000_000) out.push(join(d, n));
  }
  return out;
}
