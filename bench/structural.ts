/**
 * The structural-edit benchmark alone (bench/structural-edits.ts; `npm run bench` runs it too):
 *
 *   node out/bench/structural.js [rows…] [--runs=N] [--only=kind,…]   (after `npm run build`)
 *
 * Prints the table of medians and ratios against a one-cell edit, and the load average before and after.
 */
import os from 'node:os';
import { structural, structuralTable, STRUCTURAL_KINDS, type StructuralKind, type StructuralResult } from './structural-edits';
import { rowsLabel } from './stats';

const loadAverage = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsArg = args.find((a) => a.startsWith('--runs='));
  const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : 15;
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  // --only=cell,insert: those kinds alone (the one-cell edit and the row edits always run: later edits use them).
  const onlyArg = args.find((a) => a.startsWith('--only='));
  const only = new Set((onlyArg ? onlyArg.slice('--only='.length).split(',') : STRUCTURAL_KINDS) as StructuralKind[]);
  const out: StructuralResult[] = [];
  process.stderr.write(`load average ${loadAverage()}\n`);
  for (const rows of sizes.length ? sizes : [10_000, 50_000]) {
    out.push(await structural(rows, runs, 3, only));
    process.stderr.write(`${rowsLabel(rows)} rows done\n`);
  }
  process.stdout.write(structuralTable(out));
  process.stderr.write(`load average ${loadAverage()}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
