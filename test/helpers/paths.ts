/** Paths of the repository for tests (bundled to out/test/**, so the root is found by walking up). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
