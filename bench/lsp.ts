/**
 * The language server as a user meets it: dist/server.js over stdio with a real JSON-RPC client
 * (test/helpers/lsp-client.ts), debounce 0. Measures open → first diagnostics, didChange of one cell →
 * publishDiagnostics for that version, the server's peak RSS (VmHWM), and how long a request waits
 * while a cold check of a big page runs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc/node';
import { startServer, type LspSession } from '../test/helpers/lsp-client';
import { cellSpan, generatePage, statusEdit, STATUS_COLUMN } from './generate';

export interface LspRoundTrip {
  rows: number;
  bytes: number;
  /** didOpen → publishDiagnostics of version 1 (a cold check of the page, warm server). */
  openMs: number;
  /** didChange → publishDiagnostics of that version, per measured edit. */
  times: number[];
  warmup: number;
  diagnostics: number;
  /** VmHWM of the server after the edits (KiB), null off Linux. */
  serverPeakRssKb: number | null;
  /** process.hrtime (µs, CLOCK_MONOTONIC like the server's CPU profile) around the measured edits. */
  windowUs?: [number, number];
}

export interface Responsiveness {
  rows: number;
  method: string;
  /** Request sent 20 ms after didOpen of a page the server has never seen → response, per trial. */
  latencies: number[];
  /** didOpen → its publishDiagnostics, per trial (the cold check the request waited behind). */
  checkMs: number[];
  serverPeakRssKb: number | null;
}

const SETTINGS = { validate: { debounceMs: 0 } };
export const DIAGNOSTICS_TIMEOUT = 300_000;
const dir = mkdtempSync(join(tmpdir(), 'release-pages-bench-'));
const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);
const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));

export function vmHwmKb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function uriFor(name: string): string {
  return pathToFileURL(join(dir, name)).toString();
}

class OpenPage {
  version = 1;
  private start: number;
  private end: number;

  constructor(
    private readonly session: LspSession,
    readonly uri: string,
    readonly line: number,
    lineText: string,
  ) {
    const span = cellSpan(lineText, STATUS_COLUMN);
    this.start = span.start;
    this.end = span.end;
  }

  /** Replaces the Status cell of the middle row; resolves with ms until the diagnostics of that version. */
  async edit(value: string): Promise<{ ms: number; count: number }> {
    const version = ++this.version;
    const range = { start: { line: this.line, character: this.start }, end: { line: this.line, character: this.end } };
    const published = this.session.nextDiagnostics(this.uri, (p) => p.version === version, DIAGNOSTICS_TIMEOUT);
    const t0 = performance.now();
    await this.session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version },
      contentChanges: [{ range, text: value }],
    });
    const p = await published;
    this.end = this.start + value.length;
    return { ms: performance.now() - t0, count: p.diagnostics.length };
  }
}

async function open(
  session: LspSession,
  name: string,
  rows: number,
  seed: number,
): Promise<{ page: OpenPage; ms: number; count: number; bytes: number }> {
  const g = generatePage(rows, seed);
  const uri = uriFor(name);
  const published = session.nextDiagnostics(uri, (p) => p.version === 1, DIAGNOSTICS_TIMEOUT);
  const t0 = performance.now();
  await session.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: 1, text: g.text },
  });
  const p = await published;
  const lineText = g.text.split('\n', g.middleLine + 1)[g.middleLine];
  return {
    page: new OpenPage(session, uri, g.middleLine, lineText),
    ms: performance.now() - t0,
    count: p.diagnostics.length,
    bytes: Buffer.byteLength(g.text),
  };
}

/**
 * Waits until the debounce-0 setting is in force (the server reads settings asynchronously): a plain
 * Markdown note (not a release page, so its check costs next to nothing) is re-checked within 100 ms
 * of an edit only without the default 150 ms debounce. Then warms the server up on a 100-row page.
 */
export async function settle(session: LspSession): Promise<OpenPage> {
  // The server reads its settings in onInitialized only after subscribing to workspace folder changes,
  // which throws when the client (like test/helpers/lsp-client.ts) does not announce workspaceFolders:
  // the settings are then never read. A configuration change makes it read them.
  await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const uri = uriFor('note.md');
  await session.open(uri, '# Notes\n\nhello\n', (p) => p.version === 1, DIAGNOSTICS_TIMEOUT);
  let applied = false;
  for (let version = 2; version < 30 && !applied; version++) {
    const v = version;
    const published = session.nextDiagnostics(uri, (p) => p.version === v, DIAGNOSTICS_TIMEOUT);
    const t0 = performance.now();
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ text: `# Notes\n\nhello ${v}\n` }],
    });
    await published;
    applied = performance.now() - t0 < 100;
    if (!applied) await sleep(100);
  }
  if (!applied) throw new Error('the server did not apply validate.debounceMs = 0 (every edit of a tiny note took ≥ 100 ms)');
  const { page } = await open(session, 'warm-up.md', 100, 7);
  for (let k = 0; k < 5; k++) await page.edit(statusEdit(k));
  return page;
}

export async function withServer<T>(profileDir: string | null, fn: (s: LspSession) => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  if (profileDir) {
    process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'cpu-prof-preload.js')}`.trim();
    process.env.BENCH_CPU_PROF_DIR = profileDir;
  }
  const session = await startServer(SETTINGS);
  process.env.NODE_OPTIONS = saved.NODE_OPTIONS;
  process.env.BENCH_CPU_PROF_DIR = saved.BENCH_CPU_PROF_DIR;
  if (saved.NODE_OPTIONS === undefined) delete process.env.NODE_OPTIONS;
  if (saved.BENCH_CPU_PROF_DIR === undefined) delete process.env.BENCH_CPU_PROF_DIR;
  try {
    return await fn(session);
  } finally {
    await session.stop();
  }
}

/** didChange of one cell → publishDiagnostics for that version, on a fresh server per size. */
export async function roundTrip(rows: number, edits: number, warmup: number, profileDir: string | null = null): Promise<LspRoundTrip> {
  return withServer(profileDir, async (session) => {
    await settle(session);
    const opened = await open(session, `page-${rows}.md`, rows, 1);
    const times: number[] = [];
    let count = opened.count;
    let from = 0;
    for (let k = 0; k < warmup + edits; k++) {
      if (k === warmup) from = nowUs();
      const r = await opened.page.edit(statusEdit(k));
      if (k >= warmup) times.push(r.ms);
      count = r.count;
    }
    const windowUs: [number, number] = [from, nowUs()];
    return {
      rows,
      bytes: opened.bytes,
      openMs: opened.ms,
      times,
      warmup,
      diagnostics: count,
      serverPeakRssKb: vmHwmKb(session.process.pid),
      windowUs,
    };
  });
}

/** hover if the server provides it, else the custom page summary request. */
async function requestMethod(session: LspSession, page: OpenPage): Promise<string> {
  try {
    await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: page.uri },
      position: { line: page.line, character: 3 },
    });
  } catch (e) {
    if (e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound) return 'releasePages/pageSummary';
  }
  return 'textDocument/hover';
}

/**
 * A request sent while the server runs a cold check of a `rows`-row page it has never seen (new URI,
 * new seed): the latency is how long the editor waits for hover or the status item.
 */
export async function responsiveness(rows: number, trials: number): Promise<Responsiveness> {
  return withServer(null, async (session) => {
    const warm = await settle(session);
    const method = await requestMethod(session, warm);
    // Warm the server up on a big page first, as a session that has been editing would be.
    const first = await open(session, 'warm-big.md', rows, 50);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: first.page.uri } });
    const latencies: number[] = [];
    const checkMs: number[] = [];
    for (let t = 0; t < trials; t++) {
      const g = generatePage(rows, 101 + t);
      const uri = uriFor(`cold-${t}.md`);
      const published = session.nextDiagnostics(uri, (p) => p.version === 1, DIAGNOSTICS_TIMEOUT);
      const t0 = performance.now();
      await session.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: g.text },
      });
      await sleep(20);
      const params = method === 'textDocument/hover' ? { textDocument: { uri }, position: { line: g.middleLine, character: 3 } } : { uri };
      const t1 = performance.now();
      await session.connection.sendRequest(method, params);
      latencies.push(performance.now() - t1);
      await published;
      checkMs.push(performance.now() - t0);
      await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    return { rows, method, latencies, checkMs, serverPeakRssKb: vmHwmKb(session.process.pid) };
  });
}
