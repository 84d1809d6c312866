// Over 400 lines, one job: every bound on reading configuration files from a possibly hostile workspace
// (kinds of file, sizes, extends chains, links, one-run lookups) is enforced in this one loader.
/**
 * Finds and reads configuration files from disk (the core only parses text), within bounds: configuration
 * files come from the workspace, which may be hostile (see SECURITY.md, "What it reads").
 *
 * - Only regular files are read: each is stat'ed first (a device, FIFO or socket is never opened), then
 *   opened, fstat'ed again and read up to CONFIG_LIMITS.maxBytes.
 * - `extends` may name only files inside the scope (the workspace folders, the project, or paths allowed
 *   explicitly); a refused, missing or unreadable base is a problem at its position in the referring file.
 * - The chain is walked without recursion, each file once per load (a diamond costs one read per file),
 *   at most maxDepth deep and maxFiles wide.
 * - A load is cached with the identity (device, inode, size, times) of every file it touched, so the
 *   language server resolves a configuration again only when one of those files changed.
 *
 * Over 300 lines because the chain walk is one loop whose checks must stay together and in order (scope
 * before any stat, cycles and reuse before limits, limits before reading); the reader is config-file.ts.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globToRegExp } from './files';
import { CONFIG_LIMITS, MB, readConfigFile, signatureOf, unresolvable, type ParseCache } from './config-file';
import {
  capProblemsPerFile,
  composeConfig,
  DEFAULT_CONFIG,
  listed,
  mergeConfig,
  shownText,
  type ParsedConfig,
  type PartialConfig,
  type ResolvedConfig,
} from '../core';

export { CONFIG_LIMITS } from './config-file';

export const CONFIG_NAMES = ['.release-pages.yaml', '.release-pages.yml', '.release-pages.json'];

export interface LoadedConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Files read, nearest last. */
  files: string[];
  problems: LoadedConfigProblem[];
}

/** Where `extends` may point. */
export interface ConfigScope {
  /** Folders whose files `extends` may name: the workspace folders (the CLI: the current folder). */
  roots: readonly string[];
  /** Files or folders `extends` may name besides (absolute, `~/…`, or relative to the first root). */
  allow: readonly string[];
  /**
   * Whether the project root of the chain's first file (the nearest folder above it with `.git`, else its
   * own folder) is a root too: `always` (the CLI), or only when the file lies outside every root (`outside`,
   * the language server: a page outside the workspace folders).
   */
  projectRoot: 'always' | 'outside';
  /** How to allow more, for the message (the setting or the CLI flag). */
  allowHint: string;
}

const DEFAULT_SCOPE: ConfigScope = { roots: [], allow: [], projectRoot: 'always', allowHint: '--allow-extends' };

/**
 * The nearest config file in `dir` or its ancestors, or null. A name that exists but cannot be read (a link
 * loop, a dangling link, a pipe) is returned too, so that it is reported rather than skipped. `known`: the
 * answers for folders already looked at (a one-shot run's pages share their folders and ancestors: each is
 * looked at once); the folders walked are added to it.
 */
export function findConfigFile(dir: string, known?: Map<string, string | null>): string | null {
  let d = resolve(dir);
  const walked: string[] = [];
  let found: string | null;
  for (;;) {
    const hit = known?.get(d);
    if (hit !== undefined) {
      found = hit;
      break;
    }
    walked.push(d);
    found = configFileIn(d);
    if (found !== null) break;
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const w of walked) known?.set(w, found);
  return found;
}

/** The config file of one folder (the first of CONFIG_NAMES that is there and not a folder), or null. */
function configFileIn(d: string): string | null {
  for (const name of CONFIG_NAMES) {
    const p = join(d, name);
    try {
      if (!lstatSync(p).isDirectory()) return p;
    } catch {
      // not there
    }
  }
  return null;
}

/** The nearest folder at or above `dir` that holds `.git`, else `dir`. */
export function projectRootOf(dir: string): string {
  let d = resolve(dir);
  for (;;) {
    try {
      lstatSync(join(d, '.git'));
      return d;
    } catch {
      // keep looking
    }
    const parent = dirname(d);
    if (parent === d) return resolve(dir);
    d = parent;
  }
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

interface Load {
  /** Path → signature of every file the load touched (read or failed). */
  deps: Map<string, string>;
  flat: PartialConfig;
  files: string[];
  problems: LoadedConfigProblem[];
  /** The last result, for the base it was merged onto. */
  last: { base: ResolvedConfig; loaded: LoadedConfig } | null;
}

interface Frame {
  file: string;
  parsed: ParsedConfig;
  next: number;
  acc: PartialConfig;
}

export interface ConfigLoaderOptions {
  /**
   * One run over files that do not change meanwhile (the CLI): each folder's lookup is made once, and a load
   * is not checked again against the files it read. A long-lived loader (the language server) looks again
   * each time, as files come and go.
   */
  oneRun?: boolean;
}

export class ConfigLoader {
  /** Parsed files by real path, with the identity they were read with. */
  private readonly parsed: ParseCache = new Map();
  /** Loads by first file. */
  private readonly loads = new Map<string, Load>();
  /** With `oneRun`: each folder's nearest config file. */
  private readonly lookups: Map<string, string | null> | undefined;
  private scopeValue: ConfigScope;

  constructor(
    private readonly base: ResolvedConfig = DEFAULT_CONFIG,
    scope: ConfigScope = DEFAULT_SCOPE,
    private readonly options: ConfigLoaderOptions = {},
  ) {
    this.scopeValue = scope;
    this.lookups = options.oneRun ? new Map() : undefined;
  }

  get scope(): ConfigScope {
    return this.scopeValue;
  }

  /** A new scope (workspace folders or the allow-list changed): every load is resolved again. */
  set scope(scope: ConfigScope) {
    this.scopeValue = scope;
    this.loads.clear();
  }

  private realRoots(first: string, explicit: boolean): string[] {
    const real = (p: string): string => {
      try {
        return realpathSync(p);
      } catch {
        return resolve(p);
      }
    };
    const scope = this.scopeValue;
    const roots = scope.roots.map((r) => resolve(r));
    const firstDir = dirname(first);
    if (explicit || scope.projectRoot === 'always' || !roots.some((r) => inside(r, first))) roots.push(projectRootOf(firstDir));
    const base = scope.roots[0] ?? firstDir;
    for (const a of scope.allow) roots.push(a === '~' ? homedir() : a.startsWith('~/') ? join(homedir(), a.slice(2)) : resolve(base, a));
    return [...new Set(roots.flatMap((r) => [r, real(r)]))];
  }

  /** Reads `file` and its `extends` chain (bases first). `explicit`: the file was named by the user (`--config`). */
  loadFile(file: string, base: ResolvedConfig = this.base, explicit = false): LoadedConfig {
    const first = resolve(file);
    const key = `${explicit ? 'explicit' : 'found'}\u0000${first}`;
    let load = this.loads.get(key);
    if (load && !this.options.oneRun && [...load.deps].some(([p, s]) => signatureOf(p) !== s)) load = undefined;
    if (!load) {
      load = this.resolveChain(first, explicit);
      this.loads.set(key, load);
    }
    if (load.last?.base === base) return load.last.loaded;
    const loaded = { config: mergeConfig(base, load.flat), files: load.files, problems: load.problems };
    load.last = { base, loaded };
    return loaded;
  }

  private resolveChain(first: string, explicit: boolean): Load {
    const deps = new Map<string, string>();
    const problems: LoadedConfigProblem[] = [];
    const files: string[] = [];
    const roots = this.realRoots(first, explicit);
    const allowed = (p: string): boolean => roots.some((r) => inside(r, p));
    const firstDir = dirname(first);
    const shown = (p: string): string => {
      const rel = relative(firstDir, p);
      return rel === '' ? '.' : rel.startsWith('..') && isAbsolute(p) && rel.split(sep).filter((x) => x === '..').length > 3 ? p : rel;
    };
    const chain = (paths: readonly string[]): string => {
      const names = paths.map(shown);
      return names.length <= 7 ? names.join(' → ') : [...names.slice(0, 3), `… (${names.length - 6} more)`, ...names.slice(-3)].join(' → ');
    };
    const fileProblems = (file: string, parsed: ParsedConfig): void => {
      for (const p of parsed.problems) problems.push({ file, ...p });
    };
    const done = (flat: PartialConfig): Load => ({
      deps,
      flat,
      files,
      problems: capProblemsPerFile(problems, CONFIG_LIMITS.maxProblemsPerFile),
      last: null,
    });
    /** Targets as resolved in this load (a file may name the same base thousands of times). */
    const resolved = new Map<string, { real: string } | { reason: string }>();

    // The first file: found by the lookup (or named with --config). A link is followed only into the scope.
    const readFirst = (): { real: string; parsed: ParsedConfig; bytes: number } | null => {
      deps.set(first, signatureOf(first));
      const firstProblem = (why: string): null => {
        problems.push({ file: first, line: 0, column: 0, message: `Configuration file ${basename(first)} ${why}` });
        return null;
      };
      let real: string;
      try {
        real = realpathSync(first);
      } catch (e) {
        return firstProblem(`${unresolvable(first, e)}.`);
      }
      if (!explicit && real !== first && !allowed(real)) {
        return firstProblem(`is a symbolic link to a file outside the workspace: not read (allow it with ${this.scopeValue.allowHint}).`);
      }
      const read = readConfigFile(real, this.parsed);
      if (!read.ok) return firstProblem(`${read.reason}.`);
      return { real, parsed: read.parsed, bytes: read.bytes };
    };
    /** The real path of an `extends` target, or why it has none (once per target and load). */
    const resolveTarget = (target: string): { real: string } | { reason: string } => {
      let resolution = resolved.get(target);
      if (!resolution) {
        deps.set(target, signatureOf(target));
        try {
          resolution = { real: realpathSync(target) };
        } catch (e) {
          resolution = { reason: unresolvable(target, e) };
        }
        resolved.set(target, resolution);
      }
      return resolution;
    };
    const head = readFirst();
    if (!head) return done({});
    const firstReal = head.real;
    fileProblems(first, head.parsed);
    let bytes = head.bytes;
    let named = 0;
    let tooMany = false;
    let tooBig = false;
    let entries = 0;
    /** Flattened files by real path (each read once per load), and bases that could not be read. */
    const flattened = new Map<string, PartialConfig>();
    const failed = new Map<string, string>();
    const onStack = new Map<string, string>([[firstReal, first]]);
    const stack: Frame[] = [{ file: first, parsed: head.parsed, next: 0, acc: {} }];
    const real: string[] = [firstReal];
    let result: PartialConfig = {};
    /** A file whose bases are all merged: flattened once, merged into the file that named it. */
    const finish = (frame: Frame): void => {
      const frameReal = real.pop()!;
      onStack.delete(frameReal);
      const flat = composeConfig(frame.acc, frame.parsed.config);
      flattened.set(frameReal, flat);
      files.push(frame.file);
      const parent = stack.at(-1); // none when the first file is done
      if (parent) parent.acc = composeConfig(parent.acc, flat);
      else result = flat;
    };
    /**
     * Whether to pass over an entry: every entry costs stats (also one that names a missing file), on
     * each check, so a load looks at a bounded number; and once a load's bytes are spent nothing more is read.
     */
    const skipEntry = (problem: (message: string) => void): boolean => {
      if (++entries <= CONFIG_LIMITS.maxEntries) return tooBig;
      if (entries === CONFIG_LIMITS.maxEntries + 1)
        problem(
          `\`extends\` lists more than ${CONFIG_LIMITS.maxEntries} entries in all: this one and the ones after it are not looked at.`,
        );
      return true;
    };
    // An explicit stack, not recursion: a chain of thousands of files cannot overflow the call stack.
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const list = frame.parsed.config.extends ?? [];
      if (frame.next >= list.length) {
        stack.pop();
        finish(frame);
        continue;
      }
      const i = frame.next++;
      const written = list[i];
      const pos = frame.parsed.extendsAt[i] ?? { line: 0, column: 0 };
      const problem = (message: string): void => {
        problems.push({ file: frame.file, line: pos.line, column: pos.column, message });
      };
      if (skipEntry(problem)) continue;
      const what = `\`extends\` "${shownText(written, 80)}"`;
      const target = resolve(dirname(frame.file), written);
      // The path as written is checked before anything is touched (`/etc/shadow`, `/dev/zero` are never stat'ed).
      if (!allowed(target)) {
        problem(
          `${what} is outside the workspace: \`extends\` may name only files inside ${listed(
            roots.filter((r, k) => roots.indexOf(r) === k),
            3,
          )} (allow more with ${this.scopeValue.allowHint}).`,
        );
        continue;
      }
      const resolution = resolveTarget(target);
      if ('reason' in resolution) {
        problem(`${what} ${resolution.reason}.`);
        continue;
      }
      const targetReal = resolution.real;
      const cycleFrom = onStack.get(targetReal);
      if (cycleFrom !== undefined) {
        const k = stack.findIndex((f) => f.file === cycleFrom);
        problem(`\`extends\` makes a cycle: ${[...stack.slice(Math.max(0, k)).map((f) => f.file), target].map(shown).join(' → ')}`);
        continue;
      }
      const flat = flattened.get(targetReal);
      if (flat) {
        frame.acc = composeConfig(frame.acc, flat);
        continue;
      }
      const failure = failed.get(targetReal);
      if (failure) {
        problem(`${what} ${failure}.`);
        continue;
      }
      if (!allowed(targetReal)) {
        problem(`${what} is a symbolic link to a file outside the workspace: not read (allow it with ${this.scopeValue.allowHint}).`);
        continue;
      }
      if (stack.length >= CONFIG_LIMITS.maxDepth) {
        problem(
          `\`extends\` goes deeper than ${CONFIG_LIMITS.maxDepth} files: ${chain([...stack.map((f) => f.file), target])}; ${shown(target)} is not read.`,
        );
        continue;
      }
      if (named >= CONFIG_LIMITS.maxFiles) {
        if (!tooMany)
          problem(
            `\`extends\` names more than ${CONFIG_LIMITS.maxFiles} files in all (from ${shown(first)}): ${shown(target)} and the files after it are not read.`,
          );
        tooMany = true;
        continue;
      }
      named++;
      const r = readConfigFile(targetReal, this.parsed, Math.min(CONFIG_LIMITS.maxBytes, CONFIG_LIMITS.maxTotalBytes - bytes));
      if (!r.ok && !r.overBudget) {
        failed.set(targetReal, r.reason);
        problem(`${what} ${r.reason}.`);
        continue;
      }
      if (!r.ok || bytes + r.bytes > CONFIG_LIMITS.maxTotalBytes) {
        problem(
          `The files named by \`extends\` hold more than ${MB(CONFIG_LIMITS.maxTotalBytes)} together: ${shown(target)} and the files after it are not read.`,
        );
        tooBig = true;
        continue;
      }
      bytes += r.bytes;
      fileProblems(target, r.parsed);
      onStack.set(targetReal, target);
      real.push(targetReal);
      stack.push({ file: target, parsed: r.parsed, next: 0, acc: {} });
    }
    return done(result);
  }

  /** The configuration that applies to a page: the nearest config file above it, else the base. */
  forPage(pagePath: string, base: ResolvedConfig = this.base): LoadedConfig {
    const file = findConfigFile(dirname(pagePath), this.lookups);
    return file ? this.loadFile(file, base) : { config: base, files: [], problems: [] };
  }

  clear(): void {
    this.parsed.clear();
    this.loads.clear();
    this.lookups?.clear();
  }
}

/** Whether the config's `include` globs (relative to the nearest config file's folder) name the page. */
export function configIncludes(loaded: LoadedConfig, pagePath: string): boolean {
  return configNames(loaded, loaded.config.include, pagePath);
}

/** Whether the config's `exclude` globs (relative to the nearest config file's folder) name the page. */
export function configExcludes(loaded: LoadedConfig, pagePath: string): boolean {
  return configNames(loaded, loaded.config.exclude, pagePath);
}

function configNames(loaded: LoadedConfig, globs: readonly string[], pagePath: string): boolean {
  if (globs.length === 0 || loaded.files.length === 0) return false;
  const rel = relative(dirname(loaded.files[loaded.files.length - 1]), pagePath)
    .split(sep)
    .join('/');
  return !rel.startsWith('..') && globs.some((g) => globToRegExp(g).test(rel));
}
