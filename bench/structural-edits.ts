/**
 * Structural edits of a big table over LSP, as an editor sends them: didChange → publishDiagnostics of
 * that version, against the built server (dist/server.js, debounce 0), with a one-cell edit of the same
 * page for the ratio. Kinds: insert a row, delete a row, paste 100 rows, move a row down, move a column
 * (the whole table replaced: header, delimiter and every row with two cells swapped) and sort the rows by
 * the Status column (the body replaced). The whole-table kinds stand for the table commands: what the
 * editor applies is that replacement, so this is the server's share of "request → edit applied" (the
 * computing of the edit itself is the command's, not measured here).
 *
 * Run by `npm run bench` (bench.ts) and alone by bench/structural.ts. This module runs nothing when
 * imported: every bench/*.ts is a bundle of its own, and a `require.main === module` here was true inside
 * bench.js too, which ran a second structural benchmark alongside the core one (test/unit/bench-entries.test.ts).
 */
import { performance } from 'node:perf_hooks';
import type { LspSession } from '../test/helpers/lsp-client';
import { DIAGNOSTICS_TIMEOUT, settle, uriFor, vmHwmKb, withServer } from './lsp';
import { cellSpan, generatePage, statusEdit, STATUS_COLUMN } from './generate';
import { median, ms, rowsLabel } from './stats';

export const STRUCTURAL_KINDS = ['cell', 'insert', 'delete', 'paste100', 'moveRow', 'moveColumn', 'sort'] as const;
export type StructuralKind = (typeof STRUCTURAL_KINDS)[number];

export const STRUCTURAL_LABELS: Record<StructuralKind, string> = {
  cell: 'one-cell edit',
  insert: 'insert a row',
  delete: 'delete a row',
  paste100: 'paste 100 rows',
  moveRow: 'move a row down',
  moveColumn: 'move a column (whole table replaced)',
  sort: 'sort by Status (body replaced)',
};

export interface StructuralResult {
  rows: number;
  /** ms per measured edit, by kind. */
  times: Record<StructuralKind, number[]>;
  /** Diagnostics published after the last edit. */
  diagnostics: number;
  serverPeakRssKb: number | null;
}

interface Change {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** An open page whose lines the client keeps, so that each edit is computed from the current text. */
class Doc {
  version = 1;
  constructor(
    private readonly session: LspSession,
    readonly uri: string,
    public lines: string[],
    readonly header: number,
  ) {}

  /** Last line of the table body (the line before the first blank line after the header). */
  get tableEnd(): number {
    let l = this.header;
    while (l + 1 < this.lines.length && this.lines[l + 1].startsWith('|')) l++;
    return l;
  }

  /** Applies `change` (whole lines [from, to) replaced by `replacement`) here and in the server; ms until its diagnostics. */
  async replaceLines(from: number, to: number, replacement: string[]): Promise<{ ms: number; count: number }> {
    // A range ending at the start of line `to` (a whole-line edit, as editors send for line moves and pastes).
    const change: Change = {
      range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } },
      text: replacement.map((l) => `${l}\n`).join(''),
    };
    this.lines.splice(from, to - from, ...replacement);
    return this.send([change]);
  }

  async send(changes: Change[]): Promise<{ ms: number; count: number }> {
    const version = ++this.version;
    const published = this.session.nextDiagnostics(this.uri, (p) => p.version === version, DIAGNOSTICS_TIMEOUT);
    const t0 = performance.now();
    await this.session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version },
      contentChanges: changes,
    });
    const p = await published;
    return { ms: performance.now() - t0, count: p.diagnostics.length };
  }
}

/** Cells of a row split at unescaped pipes (the generated rows have no code spans). */
function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1);
}

function swapColumns(line: string, a: number, b: number): string {
  const c = cells(line);
  if (c.length <= Math.max(a, b)) return line;
  [c[a], c[b]] = [c[b], c[a]];
  return `|${c.join('|')}|`;
}

function statusOf(line: string): string {
  return (cells(line)[STATUS_COLUMN] ?? '').trim();
}

/** The order of a round's `n` steps: a permutation drawn from round `k` alone (a small linear congruential generator). */
export function roundOrder(k: number, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = (k * 2654435761 + 1013904223) >>> 0;
  for (let i = n - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Runs `runs` edits of every kind in `only` (all when absent) after `warmup` of each, on a fresh server. */
export async function structural(
  rows: number,
  runs: number,
  warmup: number,
  only: ReadonlySet<StructuralKind> = new Set(STRUCTURAL_KINDS),
): Promise<StructuralResult> {
  return withServer(null, async (session) => {
    await settle(session);
    const g = generatePage(rows, 1);
    const uri = uriFor(`structural-${rows}.md`);
    await session.open(uri, g.text, (p) => p.version === 1, DIAGNOSTICS_TIMEOUT);
    const doc = new Doc(session, uri, g.text.split('\n'), g.headerLine);
    const times = Object.fromEntries(STRUCTURAL_KINDS.map((k) => [k, [] as number[]])) as Record<StructuralKind, number[]>;
    let count = 0;
    const middle = g.middleLine;
    const span = cellSpan(doc.lines[middle], STATUS_COLUMN);
    let cellEnd = span.end;
    for (let k = 0; k < warmup + runs; k++) {
      const keep = k >= warmup;
      const record = (kind: StructuralKind, r: { ms: number; count: number }): void => {
        if (keep) times[kind].push(r.ms);
        count = r.count;
      };
      // Around the table's middle, a row that moves from round to round.
      const at = middle + 1 + ((k * 37) % 200) - 100;
      const steps: Array<() => Promise<void>> = [
        // A one-cell edit of the middle row (the ratio's unit).
        async () => {
          const value = statusEdit(k);
          const range = { start: { line: middle, character: span.start }, end: { line: middle, character: cellEnd } };
          record('cell', await doc.send([{ range, text: value }]));
          doc.lines[middle] = doc.lines[middle].slice(0, span.start) + value + doc.lines[middle].slice(cellEnd);
          cellEnd = span.start + value.length;
        },
        // Insert a row, then delete it again.
        async () => {
          const row = doc.lines[at].replace(/^\|[^|]*\|/, `| Inserted ${k} |`);
          record('insert', await doc.replaceLines(at, at, [row]));
          record('delete', await doc.replaceLines(at, at + 1, []));
        },
        // Paste 100 rows (a block copied from the top of the table), then take them out again (not measured).
        async () => {
          const block = doc.lines.slice(doc.header + 2, doc.header + 102);
          record('paste100', await doc.replaceLines(at, at, block));
          await doc.replaceLines(at, at + block.length, []);
        },
        // Move a row down (swap it with the next, one edit of both lines, as editors send Alt+Down).
        async () => {
          record('moveRow', await doc.replaceLines(at, at + 2, [doc.lines[at + 1], doc.lines[at]]));
        },
        // Move a column: Feature and Release priority swap places in every line of the table.
        async () => {
          if (!only.has('moveColumn')) return;
          const end = doc.tableEnd + 1;
          const moved = doc.lines.slice(doc.header, end).map((l) => swapColumns(l, 1, 2));
          record('moveColumn', await doc.replaceLines(doc.header, end, moved));
        },
        // Sort the body by Status (stable; ascending, then descending on the next round): a whole-body replacement.
        // Made only when measured: at 50,000 rows the client's sort took about 30 ms of the 2 cores the server shares.
        async () => {
          if (!only.has('sort')) return;
          const end = doc.tableEnd + 1;
          const sorted = doc.lines
            .slice(doc.header + 2, end)
            .map((l, i) => ({ l, i, s: statusOf(l) }))
            .sort((x, y) => (k % 2 === 0 ? x.s.localeCompare(y.s) : y.s.localeCompare(x.s)) || x.i - y.i)
            .map((x) => x.l);
          record('sort', await doc.replaceLines(doc.header + 2, end, sorted));
        },
      ];
      // The steps of a round in an order of their own (seeded: the same in every run of the bench). In a
      // fixed order a young-generation collection, which comes about as often as a round allocates a
      // young generation's worth, fell on the same kind of edit round after round and made that kind's
      // median a collection's: at 50,000 rows the deletes took 45–65 ms while the inserts, a step away,
      // took 25–28 (docs/performance.md). An editor's collections fall on whichever keystroke comes.
      for (const i of roundOrder(k, steps.length)) await steps[i]();
    }
    return { rows, times, diagnostics: count, serverPeakRssKb: vmHwmKb(session.process.pid) };
  });
}

/** The result as a Markdown table: median, p90 and the ratio against the one-cell edit, per kind. */
export function structuralTable(results: readonly StructuralResult[]): string {
  const lines = [
    '| rows | edit | median ms | min–max ms | runs | ÷ one-cell edit |',
    '|-----:|------|----------:|-----------:|-----:|----------------:|',
  ];
  for (const r of results) {
    const unit = median(r.times.cell);
    for (const kind of STRUCTURAL_KINDS) {
      const t = r.times[kind];
      if (t.length === 0) continue;
      lines.push(
        `| ${rowsLabel(r.rows)} | ${STRUCTURAL_LABELS[kind]} | ${ms(median(t))} | ${ms(Math.min(...t))}–${ms(Math.max(...t))} | ${t.length} | ${(median(t) / unit).toFixed(1)}× |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
