/** Paths of the repository for tests (bundled to out/test/**, so the root is found by walking up). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(): string {
  let d = __dirname;
  while (!existsSync(join(d, 'package.json')) || !existsSync(join(d, 'server'))) {
    const up = dirname(d);
    if (up === d) throw new Error('repository root not found');
    d = up;
  }
  return d;
}

export const ROOT = findRoot();
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function pagesIn(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder))
    .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md' && f !== 'README.md')
    .sort();
}

export function readFixture(folder: string, name: string): string {
  return readFileSync(join(FIXTURES, folder, name), 'utf8');
}

/** Every Markdown file under `dir`, in a stable (sorted) order. */
export function markdownUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) markdownUnder(p, out);
    else if (/\.(md|markdown)$/i.test(name)) out.push(p);
  }
  return out;
}
