import { readFileSync } from 'node:fs';
import { Engine } from './core/engine';

function main(argv: string[]): number {
  const [command, ...paths] = argv;
  if (command !== 'check' || paths.length === 0) {
    process.stderr.write('usage: release-pages check <paths…>\n');
    return 2;
  }
  let errors = 0;
  for (const p of paths) {
    const r = new Engine().check(readFileSync(p, 'utf8'));
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      process.stdout.write(`${p}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}\n`);
    }
  }
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
