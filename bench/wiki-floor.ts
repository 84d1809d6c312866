/**
 * The floor of the real-wiki benchmark, as a whole process: reads every Markdown file under the folders
 * given and splits each table line into cells (bench/scan-cells.ts). Prints the number of cells.
 * Usage: node out/bench/wiki-floor.js DIR...
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanCells } from './scan-cells';

function walk(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(md|markdown)$/.test(e.name)) out.push(p);
  }
  return out;
}

let cells = 0;
for (const dir of process.argv.slice(2)) for (const file of walk(dir, [])) cells += scanCells(readFileSync(file, 'utf8'));
process.stdout.write(`${cells}\n`);
