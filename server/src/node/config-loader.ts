/** Finds and reads configuration files from disk (the core only parses text). */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globToRegExp } from './files';
import { DEFAULT_CONFIG, mergeConfig, parseConfigText, type PartialConfig, type ResolvedConfig } from '../core';

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

function exists(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The nearest config file in `dir` or its ancestors, or null. */
export function findConfigFile(dir: string): string | null {
  let d = resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(d, name);
      if (exists(p)) return p;
    }
    const parent = dirname(d);
    if (parent === d) return null;
    d = parent;
  }
}

export class ConfigLoader {
  private cache = new Map<string, { mtimeMs: number; config: PartialConfig; problems: LoadedConfigProblem[] }>();

  constructor(private readonly base: ResolvedConfig = DEFAULT_CONFIG) {}

  private read(file: string): { config: PartialConfig; problems: LoadedConfigProblem[] } {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return { config: {}, problems: [{ file, line: 0, column: 0, message: 'Configuration file not found.' }] };
    }
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    let text: string;
    try {
      text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      return { config: {}, problems: [{ file, line: 0, column: 0, message: `Cannot read: ${e instanceof Error ? e.message : String(e)}` }] };
    }
    const parsed = parseConfigText(text);
    const entry = { mtimeMs, config: parsed.config, problems: parsed.problems.map((p) => ({ file, ...p })) };
    this.cache.set(file, entry);
    return entry;
  }

  /** Reads `file` and its `extends` chain (bases first). */
  loadFile(file: string, base: ResolvedConfig = this.base): LoadedConfig {
    const files: string[] = [];
    const problems: LoadedConfigProblem[] = [];
    const visit = (f: string, seen: string[], into: ResolvedConfig): ResolvedConfig => {
      if (seen.includes(f)) {
        problems.push({ file: seen[seen.length - 1], line: 0, column: 0, message: `\`extends\` makes a cycle: ${[...seen, f].join(' → ')}` });
        return into;
      }
      const { config, problems: own } = this.read(f);
      problems.push(...own);
      let merged = into;
      for (const ext of config.extends ?? []) {
        const target = isAbsolute(ext) ? ext : resolve(dirname(f), ext);
        merged = visit(target, [...seen, f], merged);
      }
      files.push(f);
      return mergeConfig(merged, config);
    };
    const config = visit(resolve(file), [], base);
    return { config, files, problems };
  }

  /** The configuration that applies to a page: the nearest config file above it, else the base. */
  forPage(pagePath: string, base: ResolvedConfig = this.base): LoadedConfig {
    const file = findConfigFile(dirname(pagePath));
    return file ? this.loadFile(file, base) : { config: base, files: [], problems: [] };
  }

  clear(): void {
    this.cache.clear();
  }
}

/** Whether the config's `include` globs (relative to the nearest config file's folder) name the page. */
export function configIncludes(loaded: LoadedConfig, pagePath: string): boolean {
  const include = loaded.config.include;
  if (include.length === 0 || loaded.files.length === 0) return false;
  const rel = relative(dirname(loaded.files[loaded.files.length - 1]), pagePath).split(sep).join('/');
  return !rel.startsWith('..') && include.some((g) => globToRegExp(g).test(rel));
}
