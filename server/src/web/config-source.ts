/**
 * The web server's configuration source (vscode.dev, github.dev, virtual file systems): a web worker reads
 * no disk, so the client reads the configuration files through `vscode.workspace.fs` and hands their texts
 * over (`shared/protocol.ts`). The lookup is the Node server's (`node/config-loader.ts`): the nearest
 * `.release-pages.yaml`, `.yml` or `.json` from the page's folder up to its workspace folder, then its
 * `extends` chain, bases first, within the workspace folders and the same limits. A base not read yet is
 * asked of the client (`readFiles`); when it arrives every page is checked again.
 */
import picomatch from 'picomatch';
import {
  capProblemsPerFile,
  composeConfig,
  mergeConfig,
  parseConfigText,
  shownText,
  type ParsedConfig,
  type PartialConfig,
  type ResolvedConfig,
} from '../core';
import { CONFIG_FILE_NAMES, type ConfigFileText } from '../../../shared/protocol';
import {
  folderOf,
  type ConfigContext,
  type ConfigLoad,
  type ConfigProblem,
  type ConfigSource,
  type PageConfig,
} from '../lsp/config-source';

/** The Node loader's limits (`node/config-file.ts` CONFIG_LIMITS; a unit test keeps them equal). */
export const WEB_CONFIG_LIMITS = { maxDepth: 32, maxFiles: 100, maxTotalBytes: 8 * 1024 * 1024, maxProblemsPerFile: 100 };

type Known = { text: string; bytes: number } | { problem: string };

function dirOf(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i < 0 ? uri : uri.slice(0, i);
}

function inside(folder: string, uri: string): boolean {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return uri.startsWith(base);
}

/** `written` relative to the folder of `from` (a URI), or null when it cannot be resolved. */
function resolveRelative(from: string, written: string): string | null {
  try {
    return new URL(written, `${dirOf(from)}/`).toString();
  } catch {
    return null;
  }
}

function relativeTo(dir: string, uri: string): string | null {
  if (!inside(dir, uri)) return null;
  const rel = uri.slice(dir.length + (dir.endsWith('/') ? 0 : 1));
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}

export class WebConfigSource implements ConfigSource {
  /** The configuration files of the workspace (the client's snapshot) and the bases read since, by URI. */
  private files = new Map<string, Known>();
  /** Parsed texts by URI (dropped with the snapshot). */
  private parsed = new Map<string, ParsedConfig>();
  /** Bases asked of the client and not answered yet. */
  private readonly pending = new Set<string>();
  /** Resolved chains by first file, for the base they were merged onto (the same object until the files change). */
  private loads = new Map<
    string,
    { flat: PartialConfig; files: string[]; problems: ConfigProblem[]; last: { base: ResolvedConfig; load: ConfigLoad } | null }
  >();
  private readonly none = new WeakMap<ResolvedConfig, ConfigLoad>();

  constructor(
    /** Asks the client for files named by `extends`; the answer comes through `add`. */
    private readonly readFiles: (uris: string[]) => void,
  ) {}

  /** A new snapshot of the workspace's configuration files (files not listed do not exist). */
  replace(files: readonly ConfigFileText[]): void {
    this.files = new Map();
    this.add(files);
  }

  /** Files read by the client (the snapshot, or bases asked for). */
  add(files: readonly ConfigFileText[]): void {
    for (const f of files) {
      this.pending.delete(f.uri);
      this.files.set(
        f.uri,
        f.text === null ? { problem: f.problem ?? 'cannot be read' } : { text: f.text, bytes: new TextEncoder().encode(f.text).length },
      );
    }
    this.parsed = new Map();
    this.loads = new Map();
  }

  clear(): void {
    this.loads = new Map();
  }

  forPage(uri: string, base: ResolvedConfig, context: ConfigContext): PageConfig {
    const folder = folderOf(context.folders, uri);
    const first = folder ? this.nearest(uri, folder.uri) : null;
    let loaded: ConfigLoad;
    if (!first) {
      loaded = this.none.get(base) ?? { config: base, files: [], problems: [] };
      this.none.set(base, loaded);
    } else {
      loaded = this.load(first, base, context);
    }
    const rel = folder ? relativeTo(folder.uri, uri) : null;
    const matches = (globs: readonly string[], path: string | null): boolean =>
      path !== null && globs.length > 0 && globs.some((g) => picomatch.makeRe(g).test(path));
    const fromConfig = first ? relativeTo(dirOf(first), uri) : null;
    return {
      loaded,
      force: matches(context.settings.include, rel) || matches(loaded.config.include, fromConfig),
      exclude: matches(context.settings.exclude, rel) || matches(loaded.config.exclude, fromConfig),
    };
  }

  /** The nearest configuration file from the page's folder up to its workspace folder. */
  private nearest(page: string, folder: string): string | null {
    const root = folder.endsWith('/') ? folder.slice(0, -1) : folder;
    for (let dir = dirOf(page); dir.length >= root.length; dir = dirOf(dir)) {
      for (const name of CONFIG_FILE_NAMES) if (this.files.has(`${dir}/${name}`)) return `${dir}/${name}`;
      if (dir === root || dirOf(dir) === dir) break;
    }
    return null;
  }

  private parse(uri: string, known: { text: string }): ParsedConfig {
    let p = this.parsed.get(uri);
    if (!p) this.parsed.set(uri, (p = parseConfigText(known.text.replace(/^\uFEFF/, ''), uri)));
    return p;
  }

  private load(first: string, base: ResolvedConfig, context: ConfigContext): ConfigLoad {
    let entry = this.loads.get(first);
    if (!entry) this.loads.set(first, (entry = { ...this.resolveChain(first, context), last: null }));
    if (entry.last?.base === base) return entry.last.load;
    const load = { config: mergeConfig(base, entry.flat), files: entry.files, problems: entry.problems };
    entry.last = { base, load };
    return load;
  }

  /** Asks the client for bases not read yet (each once until it answers). */
  private ask(uris: string[]): void {
    if (uris.length === 0) return;
    for (const u of uris) this.pending.add(u);
    this.readFiles(uris);
  }

  /** The chain of `first` flattened (bases first), depth-first with an explicit stack, each file once. */
  private resolveChain(first: string, context: ConfigContext): { flat: PartialConfig; files: string[]; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    const files: string[] = [];
    const ask: string[] = [];
    const head = this.files.get(first);
    if (!head || !('text' in head)) return unreadable(first, head);
    const flattened = new Map<string, PartialConfig>();
    type Frame = { file: string; parsed: ParsedConfig; next: number; acc: PartialConfig };
    const stack: Frame[] = [{ file: first, parsed: this.parse(first, head), next: 0, acc: {} }];
    for (const p of stack[0].parsed.problems) problems.push({ file: first, ...p });
    let bytes = head.bytes;
    let named = 0;
    let result: PartialConfig = {};
    /** A file whose bases are all merged: flattened once, merged into the file that named it; its flat config. */
    const finish = (frame: Frame): PartialConfig => {
      const flat = composeConfig(frame.acc, frame.parsed.config);
      flattened.set(frame.file, flat);
      files.push(frame.file);
      const parent = stack.at(-1);
      if (parent) parent.acc = composeConfig(parent.acc, flat);
      return flat;
    };
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const list = frame.parsed.config.extends ?? [];
      if (frame.next >= list.length) {
        stack.pop();
        result = finish(frame);
        continue;
      }
      const i = frame.next++;
      const written = list[i];
      const pos = frame.parsed.extendsAt[i] ?? { line: 0, column: 0 };
      const problem = (message: string): void => {
        problems.push({ file: frame.file, line: pos.line, column: pos.column, message });
      };
      const what = `\`extends\` "${shownText(written, 80)}"`;
      const target = resolveRelative(frame.file, written);
      const refused = refusal(what, target, stack, context);
      if (refused !== null || target === null) {
        problem(refused ?? what);
        continue;
      }
      const flat = flattened.get(target);
      if (flat) {
        frame.acc = composeConfig(frame.acc, flat);
        continue;
      }
      const known = this.files.get(target);
      if (!known) {
        // Not read yet: asked of the client; every page is checked again when it arrives.
        if (!this.pending.has(target)) ask.push(target);
        continue;
      }
      const over = 'problem' in known ? `${what} ${known.problem}.` : overLimit(written, stack.length, ++named, bytes + known.bytes);
      if (over !== null || !('text' in known)) {
        problem(over ?? what);
        continue;
      }
      bytes += known.bytes;
      const parsed = this.parse(target, known);
      for (const p of parsed.problems) problems.push({ file: target, ...p });
      stack.push({ file: target, parsed, next: 0, acc: {} });
    }
    this.ask(ask);
    return { flat: result, files, problems: capProblemsPerFile(problems, WEB_CONFIG_LIMITS.maxProblemsPerFile) };
  }
}

/** The load of a first file that cannot be read: its problem, no configuration. */
function unreadable(first: string, head: Known | undefined): { flat: PartialConfig; files: string[]; problems: ConfigProblem[] } {
  const why = head && 'problem' in head ? head.problem : 'cannot be read';
  const message = `Configuration file ${first.slice(first.lastIndexOf('/') + 1)} ${why}.`;
  return { flat: {}, files: [first], problems: [{ file: first, line: 0, column: 0, message }] };
}

/** Why an `extends` target is not followed: outside every workspace folder, or a cycle; null when it may be. */
function refusal(what: string, target: string | null, stack: readonly { file: string }[], context: ConfigContext): string | null {
  if (!target || !context.folders.some((f) => inside(f.uri, target)))
    return `${what} is outside the workspace: in the browser \`extends\` may name only files inside the workspace folders.`;
  if (stack.some((f) => f.file === target))
    return `\`extends\` makes a cycle: ${[...stack.map((f) => f.file), target].map((u) => u.slice(u.lastIndexOf('/') + 1)).join(' → ')}`;
  return null;
}

/** Why a base is not read: the chain too deep, too many files, too many bytes (the Node loader's limits); null when it is. */
function overLimit(written: string, depth: number, named: number, bytes: number): string | null {
  const shown = `"${shownText(written, 80)}" is not read.`;
  if (depth >= WEB_CONFIG_LIMITS.maxDepth) return `\`extends\` goes deeper than ${WEB_CONFIG_LIMITS.maxDepth} files: ${shown}`;
  if (named > WEB_CONFIG_LIMITS.maxFiles) return `\`extends\` names more than ${WEB_CONFIG_LIMITS.maxFiles} files in all: ${shown}`;
  if (bytes > WEB_CONFIG_LIMITS.maxTotalBytes) return `The files named by \`extends\` hold more than 8 MB together: ${shown}`;
  return null;
}
