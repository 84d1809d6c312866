/**
 * Where a page's configuration comes from, injected by the server's entry: from disk next to the page
 * (the Node server, `server/src/node-server/`), or from the texts the client read through
 * `vscode.workspace.fs` (the web server, `server/src/web/`). The handlers see only this interface.
 */
import type { ResolvedConfig } from '../core';
import type { EditorSettings } from '../settings';

export interface ConfigProblem {
  /** The configuration file's URI. */
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One resolved configuration: the same object while none of its files changed (problems are published once per object). */
export interface ConfigLoad {
  config: ResolvedConfig;
  /** URIs of the files read, nearest last. */
  files: readonly string[];
  problems: readonly ConfigProblem[];
}

export interface PageConfig {
  loaded: ConfigLoad;
  /** The settings' or the configuration's `include` globs name the page. */
  force: boolean;
  /** The settings' or the configuration's `exclude` globs name the page. */
  exclude: boolean;
}

export interface ConfigContext {
  /** The page's settings (its folder's). */
  settings: EditorSettings;
  /** The unscoped settings (`config.allowExtends` is machine-wide). */
  unscoped: EditorSettings;
  folders: readonly { uri: string }[];
}

export interface ConfigSource {
  /** The configuration of a page: the settings layer `base`, then the nearest configuration file's chain. */
  forPage(uri: string, base: ResolvedConfig, context: ConfigContext): PageConfig;
  /** Configuration files changed: read them again. */
  clear(): void;
}

/** The folder of a document: the workspace folder whose URI is the longest prefix of the document's. */
export function folderOf<F extends { uri: string }>(folders: readonly F[], uri: string): F | null {
  let best: F | null = null;
  for (const f of folders) {
    const base = f.uri.endsWith('/') ? f.uri : `${f.uri}/`;
    if (uri.startsWith(base) && (!best || f.uri.length > best.uri.length)) best = f;
  }
  return best;
}
