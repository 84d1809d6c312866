/** Runs the built CLI (bin/release-pages.js) as a user would, in temporary folders. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths';

export const CLI = join(ROOT, 'bin', 'release-pages.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout as bytes (format - writes a page byte for byte). */
  raw: Buffer;
}

/**
 * Runs `release-pages args…` in `cwd`. `input`: standard input (else empty). `env`: added to a copy of
 * this process's environment without the colour variables (a test sets them when it means to).
 */
export function runCli(args: readonly string[], cwd: string, opts: { input?: string | Buffer; env?: Record<string, string> } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input: opts.input ?? '', env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

/** A temporary folder holding `files` (names may contain folders). */
export function tempFolder(files: Record<string, string | Buffer> = {}, prefix = 'release-pages-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The distinct files a `--format json` report names, sorted. */
export function reportedFiles(stdout: string): string[] {
  return [...new Set((JSON.parse(stdout) as Array<{ file: string }>).map((f) => f.file))].sort();
}
