/**
 * Every bench/*.ts is built as a bundle of its own, and a bench file imported by another is bundled into
 * it. So a file that runs its benchmark when it is the entry (`if (require.main === module) main()`, or a
 * top-level `main()`) must not be imported: inside the importer's bundle `require.main === module` is true
 * too. bench/structural.ts was both until 3 December 2026, and every `npm run bench` ran a second
 * structural benchmark alongside the core one, which slowed the core figures it measured (the cold check of
 * 10,000 rows 260 ms instead of about 150). Now the benchmark lives in structural-edits.ts and
 * structural.ts only runs it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../helpers/paths';

const BENCH = join(ROOT, 'bench');
const RUNS_ON_LOAD = [/^\s*if \(require\.main === module\)/m, /^(?:void )?main\(\)/m];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'results' ? [] : tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

test('no bench file that another file imports runs a benchmark when loaded', () => {
  const importers = [...tsFiles(BENCH), ...tsFiles(join(ROOT, 'test'))];
  const imported = new Map<string, string[]>();
  for (const file of importers)
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = `${resolve(dirname(file), m[1])}.ts`;
      if (dirname(target) === BENCH && existsSync(target)) imported.set(target, [...(imported.get(target) ?? []), relative(ROOT, file)]);
    }
  assert.ok(imported.size > 5, `bench modules imported: ${imported.size}`);
  const offenders = [...imported].filter(([file]) => RUNS_ON_LOAD.some((re) => re.test(readFileSync(file, 'utf8'))));
  assert.deepEqual(
    offenders.map(([file, by]) => `${relative(ROOT, file)} (imported by ${by.join(', ')})`),
    [],
    'a bench entry point imported by another file',
  );
});
