/** The benchmark's results: their shape (bench/results/latest.json), the targets, the printed tables. */
import type { CoreBundle } from './core';
import type { LspRoundTrip, Responsiveness } from './lsp';
import { structuralTable, type StructuralResult } from './structural-edits';
import { markdownTable, mb, median, ms, quantile, ratio, rowsLabel } from './stats';

export type SubjectId =
  | 'ours-check'
  | 'ours-incremental'
  | 'ours-format'
  | 'ours-format-cold'
  | 'ours-status'
  | 'ours-history'
  | 'markdownlint'
  | 'remark'
  | 'markdown-it'
  | 'scan';

export interface SubjectResult {
  subject: SubjectId;
  rows: number;
  bytes: number | null;
  state: 'ok' | 'n/a' | 'skipped' | 'failed';
  note: string;
  warmup: number;
  times: number[];
  cpu: number[];
  medianMs: number | null;
  cpuMedianMs: number | null;
  firstMs: number | null;
  peakRssKb: number | null;
  baseRssKb: number | null;
  info: Record<string, string | number | boolean>;
}

export interface Machine {
  cpus: number;
  model: string;
  node: string;
  memGiB: number;
  loadavgStart: number[];
  loadavgEnd: number[];
}

export interface Target {
  what: string;
  limit: string;
  measured: string;
  verdict: 'PASS' | 'FAIL' | 'not measured';
}

export interface Results {
  date: string;
  quick: boolean;
  machine: Machine;
  sizes: number[];
  core: CoreBundle['parts'];
  subjects: SubjectResult[];
  lsp: LspRoundTrip[];
  responsiveness: Responsiveness | null;
  /** Structural edits of the big table over LSP (bench/structural-edits.ts). */
  structural: StructuralResult[];
  targets: Target[];
  elapsedS: number;
  notes: string[];
}

export const LABELS: Record<SubjectId, string> = {
  'ours-check': 'ours: cold full check',
  'ours-incremental': 'ours: re-check after 1-cell edit',
  'ours-format': 'ours: format table (checked doc)',
  'ours-format-cold': 'ours: format table (fresh Engine)',
  'ours-status': 'ours: status model',
  'ours-history': "ours: a feature's history, 500 revisions",
  markdownlint: 'markdownlint (sync, default rules)',
  remark: 'remark-parse + remark-gfm (parse)',
  'markdown-it': 'markdown-it (parse)',
  scan: 'line scan splitting cells (floor)',
};

export function find(r: Pick<Results, 'subjects'>, subject: SubjectId, rows: number): SubjectResult | undefined {
  return r.subjects.find((s) => s.subject === subject && s.rows === rows);
}

function cell(s: SubjectResult | undefined): string {
  if (!s) return '–';
  if (s.state === 'ok') return ms(s.medianMs);
  return s.state;
}

function target(what: string, limit: number, unit: 'ms' | 'MB', value: number | null | undefined, measured: boolean): Target {
  const shown = value == null ? '–' : unit === 'ms' ? `${ms(value)} ms` : `${value.toFixed(0)} MB`;
  if (!measured || value == null) return { what, limit: `≤ ${limit} ${unit}`, measured: shown, verdict: 'not measured' };
  return { what, limit: `≤ ${limit} ${unit}`, measured: shown, verdict: value <= limit ? 'PASS' : 'FAIL' };
}

export function evaluateTargets(r: Omit<Results, 'targets'>): Target[] {
  const lsp = (rows: number): LspRoundTrip | undefined => r.lsp.find((l) => l.rows === rows);
  const at = (s: SubjectId, rows: number): number | null => find(r, s, rows)?.medianMs ?? null;
  const l10 = lsp(10_000);
  const l50 = lsp(50_000);
  const resp = r.responsiveness;
  const edit = (rows: number, ...kinds: Array<keyof StructuralResult['times']>): number | null => {
    const s = r.structural.find((x) => x.rows === rows);
    return s ? Math.max(...kinds.map((k) => median(s.times[k]))) : null;
  };
  return [
    target('cold full check, 10,000 rows (median)', 200, 'ms', at('ours-check', 10_000), true),
    target('didChange → publishDiagnostics, 10,000 rows (median)', 30, 'ms', l10 ? median(l10.times) : null, true),
    target('didChange → publishDiagnostics, 50,000 rows (median)', 50, 'ms', l50 ? median(l50.times) : null, true),
    target('format table, 10,000 rows (median, checked doc)', 100, 'ms', at('ours-format', 10_000), true),
    target('status model, 10,000 rows (median)', 50, 'ms', at('ours-status', 10_000), true),
    target("one feature's history over 500 revisions, 1,000 rows (median)", 2000, 'ms', at('ours-history', 1000), true),
    target(
      'server peak RSS (VmHWM) with the 50,000-row page',
      300,
      'MB',
      l50?.serverPeakRssKb != null ? l50.serverPeakRssKb / 1024 : null,
      true,
    ),
    target(`${resp?.method ?? 'request'} during a cold 50,000-row check (median)`, 100, 'ms', resp ? median(resp.latencies) : null, true),
    target('row insert / delete / paste 100, 10,000 rows (slowest median)', 20, 'ms', edit(10_000, 'insert', 'delete', 'paste100'), true),
    target('row insert / delete / paste 100, 50,000 rows (slowest median)', 50, 'ms', edit(50_000, 'insert', 'delete', 'paste100'), true),
    target('sort / column move applied, 10,000 rows (slowest median)', 150, 'ms', edit(10_000, 'sort', 'moveColumn'), true),
  ];
}

const PEERS: SubjectId[] = ['markdownlint', 'remark', 'markdown-it', 'scan'];
const OURS: SubjectId[] = ['ours-check', 'ours-incremental', 'ours-format', 'ours-status'];

function summary(r: Results): string {
  const header = [
    'rows',
    'KB',
    'check',
    're-check',
    'format',
    'status',
    'markdownlint',
    'remark+gfm',
    'markdown-it',
    'line scan',
    'ours÷mdlint',
    'ours÷remark',
    'ours÷floor',
  ];
  const rows = r.sizes.map((n) => {
    const ours = find(r, 'ours-check', n);
    const bytes = ours?.bytes ?? r.subjects.find((s) => s.rows === n && s.bytes)?.bytes ?? null;
    const m = (s: SubjectId): number | null => find(r, s, n)?.medianMs ?? null;
    return [
      rowsLabel(n),
      bytes == null ? '–' : Math.round(bytes / 1024).toLocaleString('en-US'),
      ...OURS.map((s) => cell(find(r, s, n))),
      ...PEERS.map((s) => cell(find(r, s, n))),
      ratio(m('ours-check'), m('markdownlint')),
      ratio(m('ours-check'), m('remark')),
      ratio(m('ours-check'), m('scan')),
    ];
  });
  return markdownTable(
    header,
    rows,
    header.map(() => true),
  );
}

function details(r: Results): string {
  const header = ['rows', 'subject', 'median ms', 'min–max ms', 'runs', 'CPU ms (median)', '1st call ms', 'peak RSS MB', 'note'];
  const rows: string[][] = [];
  for (const n of r.sizes) {
    for (const s of r.subjects.filter((x) => x.rows === n)) {
      const ok = s.state === 'ok';
      rows.push([
        rowsLabel(n),
        LABELS[s.subject],
        ok ? ms(s.medianMs) : s.state,
        ok ? `${ms(Math.min(...s.times))}–${ms(Math.max(...s.times))}` : '–',
        ok ? `${s.times.length}${s.warmup ? ` (+${s.warmup} warm-up)` : ''}` : '–',
        ok ? ms(s.cpuMedianMs) : '–',
        ms(s.firstMs),
        mb(s.peakRssKb),
        s.note,
      ]);
    }
  }
  return markdownTable(header, rows, [false, false, true, true, true, true, true, true, false]);
}

function lspTable(r: Results): string {
  const header = [
    'rows',
    'open → diagnostics ms',
    'didChange → publishDiagnostics ms (median)',
    'p90 ms',
    'edits',
    'diagnostics',
    'server VmHWM MB',
  ];
  const rows = r.lsp.map((l) => [
    rowsLabel(l.rows),
    ms(l.openMs),
    ms(median(l.times)),
    ms(quantile(l.times, 0.9)),
    `${l.times.length} (+${l.warmup} warm-up)`,
    l.diagnostics.toLocaleString('en-US'),
    mb(l.serverPeakRssKb),
  ]);
  return markdownTable(
    header,
    rows,
    header.map(() => true),
  );
}

function targetTable(r: Results): string {
  return markdownTable(
    ['target', 'limit', 'measured', 'verdict'],
    r.targets.map((t) => [t.what, t.limit, t.measured, t.verdict]),
    [false, true, true, false],
  );
}

export function render(r: Results): string {
  const m = r.machine;
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' / ');
  const out = [
    `Release Pages benchmark — ${r.date}${r.quick ? ' (--quick)' : ''}`,
    '',
    `Machine: ${m.cpus} cores (${m.model}), ${m.memGiB} GiB, Node ${m.node}. Load average (1/5/15 min): ${load(m.loadavgStart)} at start, ${load(m.loadavgEnd)} at end.`,
    `Wall time ${Math.round(r.elapsedS)} s. Figures are wall-clock medians in ms; other load on the machine inflates them (compare the CPU ms column).`,
    '',
    '### Summary (median ms)',
    '',
    summary(r),
    '',
    '### Targets',
    '',
    targetTable(r),
    '',
    '### Language server (dist/server.js over stdio, debounce 0)',
    '',
    r.lsp.length ? lspTable(r) : '(not run)',
    '',
    '### Structural edits over LSP (didChange → publishDiagnostics; ratio against a one-cell edit of the same page)',
    '',
    r.structural.length ? structuralTable(r.structural) : '(not run)',
  ];
  if (r.responsiveness) {
    const x = r.responsiveness;
    out.push(
      '',
      `Responsiveness: \`${x.method}\` sent 20 ms after didOpen of a ${rowsLabel(x.rows)}-row page the server had not seen: ` +
        `answered after ${x.latencies.map(ms).join(', ')} ms (median ${ms(median(x.latencies))}); the cold checks took ${x.checkMs.map(ms).join(', ')} ms ` +
        `(didOpen → diagnostics). Server VmHWM ${mb(x.serverPeakRssKb)} MB.`,
    );
  }
  out.push('', '### Details (each subject in its own process)', '', details(r));
  if (r.notes.length) out.push('', ...r.notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}
