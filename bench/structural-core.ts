/**
 * Structural edits in-process, for load-independent figures: one Engine over the benchmark page, given
 * its lines as the language server gives them (setLines after applyChanges), checked once, then `count`
 * edits of one kind, each checked and its diagnostics made as the server makes them (pageDiagnostics).
 * Run it under `valgrind --tool=callgrind` twice, with `count` 0 and N: the difference of the two
 * instruction counts, divided by N, is the cost of one edit, whatever the machine's load.
 *
 * `node out/bench/structural-core.js ROWS KIND COUNT` (KIND: cell, insert, delete, paste100, moveRow,
 * moveColumn, sort). Prints the diagnostics of the last check and the path the last model took.
 */
import { applyChanges, drain, Engine, findingCount, type SourceLine, splitLines, type TextChange } from '../server/src/core';
import { pageDiagnostics } from '../server/src/lsp/diagnostics';
import { cellSpan, generatePage, statusEdit, STATUS_COLUMN } from './generate';

const KINDS = ['cell', 'insert', 'delete', 'paste100', 'moveRow', 'moveColumn', 'sort'] as const;
type Kind = (typeof KINDS)[number];

function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1);
}

function wholeLines(from: number, to: number, replacement: readonly string[]): TextChange {
  return {
    range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } },
    text: replacement.map((l) => `${l}\n`).join(''),
  };
}

/** The k-th edit of `kind` on the page's current lines (the edit of bench/structural-edits.ts; a delete removes a row it inserts first when k is odd). */
function editOf(kind: Kind, k: number, lines: readonly SourceLine[], header: number, middle: number): TextChange {
  const at = middle + 1 + ((k * 37) % 200) - 100;
  const text = (l: number): string => lines[l].text;
  let end = header;
  while (end + 1 < lines.length && text(end + 1).startsWith('|')) end++;
  end++;
  switch (kind) {
    case 'cell': {
      const span = cellSpan(text(middle), STATUS_COLUMN);
      return { range: { start: { line: middle, character: span.start }, end: { line: middle, character: span.end } }, text: statusEdit(k) };
    }
    case 'insert':
      return wholeLines(at, at, [text(at).replace(/^\|[^|]*\|/, `| Inserted ${k} |`)]);
    case 'delete':
      return wholeLines(at, at + 1, []);
    case 'paste100':
      return wholeLines(
        at,
        at,
        lines.slice(header + 2, header + 102).map((l) => l.text),
      );
    case 'moveRow':
      return wholeLines(at, at + 2, [text(at + 1), text(at)]);
    case 'moveColumn':
      return wholeLines(
        header,
        end,
        lines.slice(header, end).map((l) => {
          const c = cells(l.text);
          if (c.length <= 2) return l.text;
          [c[1], c[2]] = [c[2], c[1]];
          return `|${c.join('|')}|`;
        }),
      );
    case 'sort': {
      const body = lines.slice(header + 2, end).map((l, i) => ({ l: l.text, i, s: (cells(l.text)[STATUS_COLUMN] ?? '').trim() }));
      body.sort((x, y) => (k % 2 === 0 ? x.s.localeCompare(y.s) : y.s.localeCompare(x.s)) || x.i - y.i);
      return wholeLines(
        header + 2,
        end,
        body.map((x) => x.l),
      );
    }
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const [rowsArg, kindArg, countArg] = [args.at(0), args.at(1), args.at(2)];
  const rows = Number(rowsArg ?? 10_000);
  const kind = (kindArg ?? 'insert') as Kind;
  const count = Number(countArg ?? 1);
  if (!KINDS.includes(kind) || !Number.isInteger(rows) || !Number.isInteger(count)) {
    process.stderr.write(`usage: structural-core.js ROWS (${KINDS.join('|')}) COUNT\n`);
    process.exit(2);
  }
  const g = generatePage(rows, 1);
  const engine = new Engine();
  let lines = splitLines(g.text);
  let found = 0;
  const check = (): number => {
    engine.setLines(lines);
    const result = drain(engine.checkSteps());
    found = findingCount(result);
    return pageDiagnostics(result).length;
  };
  let n = check();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < count; k++) {
    lines = applyChanges(lines, [editOf(kind, k, lines, g.headerLine, g.middleLine)]).lines;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    n = check();
    const c1 = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  // Wall-clock times are noisy on a shared machine: for comparisons, use the instruction counts (above).
  // The process's CPU time (its threads': the collector's helpers count) waits for no other process, so
  // it varies less with the load than the wall clock (the caches are still shared).
  const median = (xs: number[]): string => (xs.length ? xs.sort((a, b) => a - b)[xs.length >> 1].toFixed(1) : '-');
  process.stdout.write(
    `${rows} rows, ${count} × ${kind}: ${n} diagnostics of ${found} findings, last model ${engine.lastModel}, ${engine.lastMovedSlices} slices moved with columns, ${engine.lastMovedRows} rows' findings moved; median check ${median(times)} ms (CPU ${median(cpu)} ms)\n`,
  );
}

main();
