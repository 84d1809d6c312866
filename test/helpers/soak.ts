// Over 300 lines: the soak's seeded generator of edits and requests and its checks stay together, so one seed reproduces a run.
/**
 * A standing adversarial soak of the built language server over stdio: a 2,000-row release page, then a
 * seeded random mix of edits (typing and deleting in cells, new and removed rows, stray pipes, rows
 * rewritten with wrong-case or unknown values, edits above the table that move every slice, several
 * changes in one notification) and requests (hover, completion, code actions, formatting, symbols, code
 * lenses, the status model), some applied back as edits, some sent while an edit is in flight. It records
 * every error response, error log message and byte on the server's stderr, the server's RSS after the
 * warm-up and at the end, and compares the final diagnostics with a fresh server's for the final text.
 * Used by `test/lsp/soak.test.ts` (a few hundred operations) and `npm run fuzz` (5,000).
 */
import { readFileSync } from 'node:fs';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { featureRow, FEATURES_TABLE_HEAD, PAGE_HEAD, TIMELINE } from './big-pages';
import { startServer, type LspSession } from './lsp-client';
import { prng } from '../../bench/generate';

/** A 2,000-row page with a few hundred findings (well under the 1,000 published), so every finding is compared. */
export function soakPage(rows: number): string {
  const lines = [...PAGE_HEAD, ...TIMELINE, '## Release Criteria', '', '*   **MUST**: no regressions', '', ...FEATURES_TABLE_HEAD];
  for (let i = 0; i < rows; i++) {
    lines.push(
      i % 25 === 0
        ? featureRow(i)
        : `| Team ${i % 12} | Feature ${i} | ${['Must', 'Should', 'Optional'][i % 3]} | owner${i % 37} | ${['Green', 'Orange - in progress', 'Red - blocked'][i % 3]} | 2024-0${1 + (i % 8)}-1${i % 10} | ok |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface SoakOptions {
  operations: number;
  seed: number;
  rows: number;
  /** Operations before the RSS taken as the baseline. */
  warmup: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  errors: string[];
  rssAfterWarmupMb: number;
  rssEndMb: number;
  rssPeakMb: number;
  counts: Record<string, number>;
  /** Milliseconds waited for the answers, per kind of request (a kind of edit has none). */
  waited: Partial<Record<string, number>>;
  finalVersion: number;
  finalDiagnostics: PublishDiagnosticsParams['diagnostics'];
  freshDiagnostics: PublishDiagnosticsParams['diagnostics'];
  seconds: number;
}

const URI = 'untitled:soak.md';
const STATUS_WORDS = ['Green', 'green', 'Orange - x', 'Red', 'RED', 'Blue', '?', 'TBD', 'Grn', ''];
const DATES = ['2024-02-30', '2024-03-01', '31/06/2013', 'TBD', '\\1', '2025-01-01', 'March 3, 2024'];
const TYPED = ['a', ' ', '|', '\\|', '`', '日', '🎉', '-', '0', '\u202e', '\t'];

function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Diagnostics in a stable order, as plain data. */
export function normalised(d: PublishDiagnosticsParams['diagnostics']): string[] {
  return d
    .map((x) =>
      JSON.stringify([x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character, x.severity, x.code, x.message]),
    )
    .sort();
}

interface Waiter {
  version: number;
  resolve: (p: PublishDiagnosticsParams) => void;
}

/** Opens `text` in `s` and follows its diagnostics: the latest per version, and a wait for a given version. */
function follow(s: LspSession, errors: string[]): { wait(version: number, ms: number): Promise<PublishDiagnosticsParams> } {
  const latest = new Map<number, PublishDiagnosticsParams>();
  const waiters: Waiter[] = [];
  s.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.uri !== URI || p.version === undefined) return;
    latest.set(p.version, p);
    for (const w of waiters.filter((x) => x.version === p.version)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  s.connection.onNotification('window/logMessage', (m: { type: number; message: string }) => {
    if (m.type === 1) errors.push(`server error log: ${m.message}`);
  });
  s.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => {
    if (m.type === 1) errors.push(`server error message: ${m.message}`);
  });
  return {
    wait(version, ms) {
      const done = latest.get(version);
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const w: Waiter = {
          version,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`no diagnostics for version ${version} within ${ms} ms`));
        }, ms);
        waiters.push(w);
      });
    },
  };
}

/** Content changes that apply `edits` (positions in the current text) one after another: bottom-up, so none moves another. */
function changesOf(edits: readonly TextEdit[]): TextDocumentContentChangeEvent[] {
  return [...edits]
    .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
    .map((e) => ({ range: e.range, text: e.newText }));
}

/** What the random moves of a soak use: the seeded generator and the operations on the open document. */
interface SoakMoves {
  rnd: () => number;
  pick: <T>(xs: readonly T[]) => T;
  int: (n: number) => number;
  /** Sends a request; an error response is recorded and gives null. */
  request: <T>(kind: string, method: string, params: unknown) => Promise<T | null>;
  /** Applies `changes` to the document and sends them (nothing when there are none). */
  change: (changes: TextDocumentContentChangeEvent[], kind: string) => Promise<void>;
  tableLines: () => number[];
  lineText: (line: number) => string;
  randomRow: () => number;
  position: () => { line: number; character: number };
  cellRange: (line: number, c: number) => { line: number; from: number; to: number } | null;
}

/** Several changes in one notification (multi-cursor typing), each relative to the text after the previous one. */
function multiCursorChanges(m: SoakMoves): TextDocumentContentChangeEvent[] {
  const a = m.cellRange(m.randomRow(), 6);
  const b = m.cellRange(m.randomRow(), 1);
  const changes: TextDocumentContentChangeEvent[] = [];
  if (a) changes.push({ range: { start: { line: a.line, character: a.from }, end: { line: a.line, character: a.from } }, text: 'x' });
  if (b && (!a || b.line !== a.line))
    changes.push({ range: { start: { line: b.line, character: b.from }, end: { line: b.line, character: b.from } }, text: 'y' });
  return changes;
}

/** One random edit: typing, deleting, a retyped cell, rows inserted or deleted, a pasted line, a line above the table, several at once. */
async function randomEdit(m: SoakMoves): Promise<void> {
  const { rnd, pick, int, change, lineText } = m;
  const e = rnd();
  const line = m.randomRow();
  if (e < 0.3) {
    const p = m.position();
    await change([{ range: { start: p, end: p }, text: pick(TYPED) }], 'edit: type');
  } else if (e < 0.45) {
    const len = lineText(line).length;
    const at = int(Math.max(1, len));
    await change(
      [{ range: { start: { line, character: at }, end: { line, character: Math.min(len, at + 1 + int(3)) } }, text: '' }],
      'edit: delete',
    );
  } else if (e < 0.6) {
    const cell = m.cellRange(line, pick([4, 4, 2, 5]));
    if (cell)
      await change(
        [
          {
            range: { start: { line, character: cell.from }, end: { line, character: cell.to } },
            text: ` ${pick(rnd() < 0.6 ? STATUS_WORDS : DATES)} `,
          },
        ],
        'edit: retype cell',
      );
  } else if (e < 0.7) {
    await change(
      [
        {
          range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } },
          text: `${featureRow(int(100_000))}\n`,
        },
      ],
      'edit: insert row',
    );
  } else if (e < 0.78) {
    if (m.tableLines().length > 50)
      await change([{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }], 'edit: delete row');
  } else if (e < 0.84) {
    await change(
      [
        {
          range: { start: { line, character: 0 }, end: { line, character: 0 } },
          text: pick(['| stray | pipes |\n', '|a|b|c|d|e|f|g|h|\n', '| Virt | x | Must | o | Green | 2024-01-01 | `a|b` |\n']),
        },
      ],
      'edit: paste line',
    );
  } else if (e < 0.92) {
    // Above the table: every slice moves.
    const at = { line: 9, character: 0 };
    const text = lineText(9).startsWith('*   Test day') ? '' : '*   Test day: **2024-05-01**\n';
    await change(
      [text ? { range: { start: at, end: at }, text } : { range: { start: at, end: { line: 10, character: 0 } }, text: '' }],
      'edit: above the table',
    );
  } else {
    await change(multiCursorChanges(m), 'edit: multi');
  }
}

/** Code actions on a random row; some of the time the first with an edit of the page is applied. */
async function codeActionRound(m: SoakMoves): Promise<void> {
  const line = m.randomRow();
  const actions = await m.request<Array<{ edit?: { changes?: Record<string, TextEdit[]> } }>>('code actions', 'textDocument/codeAction', {
    textDocument: { uri: URI },
    range: { start: { line, character: 0 }, end: { line, character: m.lineText(line).length } },
    context: { diagnostics: [] },
  });
  const edits = actions?.find((a) => a.edit?.changes?.[URI])?.edit?.changes?.[URI];
  if (edits && m.rnd() < 0.3) await m.change(changesOf(edits), 'apply: code action');
}

/** One random request (some applied back as edits, one sent while an edit is in flight). */
async function randomRequest(m: SoakMoves): Promise<void> {
  const { rnd, request, change } = m;
  const q = rnd();
  const textDocument = { uri: URI };
  if (q < 0.2) {
    await request('hover', 'textDocument/hover', { textDocument, position: m.position() });
  } else if (q < 0.35) {
    await request('completion', 'textDocument/completion', { textDocument, position: m.position() });
  } else if (q < 0.5) {
    await codeActionRound(m);
  } else if (q < 0.6) {
    const edits = await request<TextEdit[]>('formatting', 'textDocument/formatting', {
      textDocument,
      options: { tabSize: 2, insertSpaces: true },
    });
    if (edits && rnd() < 0.25) await change(changesOf(edits), 'apply: formatting');
  } else if (q < 0.7) {
    await request('symbols', 'textDocument/documentSymbol', { textDocument });
  } else if (q < 0.78) {
    await request('code lens', 'textDocument/codeLens', { textDocument });
  } else if (q < 0.88) {
    await request('status', 'releasePages/pageStatus', { uri: URI, today: '2024-06-01' });
  } else {
    // A request in flight while the next edit arrives: answered for whichever version, never an error.
    const pending = request('hover (in flight)', 'textDocument/hover', { textDocument, position: m.position() });
    const line = m.randomRow();
    await change([{ range: { start: { line, character: 2 }, end: { line, character: 2 } }, text: 'z' }], 'edit: during a request');
    await pending;
  }
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const started = performance.now();
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (n: number): number => Math.floor(rnd() * n);
  const errors: string[] = [];
  const counts: Record<string, number> = {};
  const count = (k: string): void => {
    counts[k] = (counts[k] ?? 0) + 1;
  };
  /** Milliseconds spent waiting for each kind of request (printed, to see what a slow run spends its time on). */
  const waited: Record<string, number> = {};

  const s = await startServer(
    { validate: { debounceMs: 0 } },
    null,
    undefined,
    {},
    { stderr: (chunk) => errors.push(`server stderr: ${chunk.slice(0, 500)}`) },
  );
  const pid = s.process.pid!;
  let doc = TextDocument.create(URI, 'markdown', 1, soakPage(o.rows));
  const diagnostics = follow(s, errors);
  let rssAfterWarmupMb = NaN;
  let rssPeakMb = 0;
  const request = async <T>(kind: string, method: string, params: unknown): Promise<T | null> => {
    count(kind);
    const t0 = performance.now();
    try {
      return await s.connection.sendRequest<T>(method, params);
    } catch (e) {
      errors.push(`${kind} (version ${doc.version}): ${e instanceof Error ? e.message : String(e)}`);
      return null;
    } finally {
      waited[kind] = (waited[kind] ?? 0) + performance.now() - t0;
    }
  };
  const change = async (changes: TextDocumentContentChangeEvent[], kind: string): Promise<void> => {
    if (changes.length === 0) return;
    count(kind);
    doc = TextDocument.update(doc, changes, doc.version + 1);
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: doc.version },
      contentChanges: changes,
    });
  };
  const tableLines = (): number[] => {
    const out: number[] = [];
    const lines = doc.getText().split('\n');
    for (let i = 0; i < lines.length; i++) if (lines[i].startsWith('| ') && !lines[i].startsWith('| Functional')) out.push(i);
    return out;
  };
  const lineText = (line: number): string =>
    doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const randomRow = (): number => {
    const rows = tableLines();
    return rows.length ? pick(rows) : 20;
  };
  const position = (): { line: number; character: number } => {
    const line = rnd() < 0.8 ? randomRow() : int(doc.lineCount);
    return { line, character: int(lineText(line).length + 1) };
  };
  /** Column range of cell `c` (0-based) of a row line, between its pipes. */
  const cellRange = (line: number, c: number): { line: number; from: number; to: number } | null => {
    const text = lineText(line);
    const pipes = [...text.matchAll(/(?<!\\)\|/g)].map((m) => m.index);
    if (pipes.length < c + 2) return null;
    return { line, from: pipes[c] + 1, to: pipes[c + 1] };
  };
  const moves: SoakMoves = { rnd, pick, int, request, change, tableLines, lineText, randomRow, position, cellRange };

  try {
    await s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'markdown', version: 1, text: doc.getText() },
    });
    await diagnostics.wait(1, 60_000);
    for (let op = 0; op < o.operations; op++) {
      if (op === o.warmup) {
        await diagnostics.wait(doc.version, 60_000);
        rssAfterWarmupMb = rssMb(pid);
      }
      if (op % 50 === 0) rssPeakMb = Math.max(rssPeakMb, rssMb(pid));
      if (o.log && op % 1000 === 0 && op > 0)
        o.log(`soak: ${op} operations, ${((performance.now() - started) / 1000).toFixed(0)} s, RSS ${rssMb(pid).toFixed(0)} MB`);
      if (rnd() < 0.55) await randomEdit(moves);
      else await randomRequest(moves);
    }
    if (Number.isNaN(rssAfterWarmupMb)) rssAfterWarmupMb = rssMb(pid);
    const final = await diagnostics.wait(doc.version, 60_000);
    const rssEndMb = rssMb(pid);
    rssPeakMb = Math.max(rssPeakMb, rssEndMb);
    if (s.process.exitCode !== null) errors.push(`the server exited with ${s.process.exitCode}`);

    const fresh = await startServer({ validate: { debounceMs: 0 } });
    let freshDiagnostics: PublishDiagnosticsParams['diagnostics'];
    try {
      freshDiagnostics = (await fresh.open(URI, doc.getText(), undefined, 60_000)).diagnostics;
    } finally {
      await fresh.stop();
    }
    return {
      errors,
      rssAfterWarmupMb,
      rssEndMb,
      rssPeakMb,
      counts,
      waited,
      finalVersion: doc.version,
      finalDiagnostics: final.diagnostics,
      freshDiagnostics,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await s.stop();
  }
}
