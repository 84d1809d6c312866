/**
 * The Node server's configuration source: configuration files found on disk next to each `file:` page
 * (`node/config-loader.ts`: nearest file up the folders, `extends` within the workspace folders and
 * `releasePages.config.allowExtends`, bounded), and the settings' globs matched against file paths.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import { ConfigLoader, configExcludes, configIncludes, type LoadedConfig } from '../node/config-loader';
import { globToRegExp } from '../node/files';
import type { ResolvedConfig } from '../core';
import { folderOf, type ConfigContext, type ConfigLoad, type ConfigSource, type PageConfig } from '../lsp/config-source';

export function filePath(uri: string): string | null {
  return uri.startsWith('file:') ? fileURLToPath(uri) : null;
}

export class NodeConfigSource implements ConfigSource {
  readonly loader = new ConfigLoader();
  /** The loader's results with URIs for paths, made once per result (the same object while its files are unchanged). */
  private readonly asLoad = new WeakMap<LoadedConfig, ConfigLoad>();
  /** The workspace folders and allow-list the loader's scope was made from. */
  private scopeOf: { folders: ConfigContext['folders']; allow: readonly string[] } | null = null;

  forPage(uri: string, base: ResolvedConfig, context: ConfigContext): PageConfig {
    const path = filePath(uri);
    this.updateScope(context);
    const loaded = path ? this.loader.forPage(path, base) : { config: base, files: [], problems: [] };
    const force = this.named(uri, path, context, context.settings.include) || (path !== null && configIncludes(loaded, path));
    const exclude = this.named(uri, path, context, context.settings.exclude) || (path !== null && configExcludes(loaded, path));
    let load = this.asLoad.get(loaded);
    if (!load) {
      const toUri = (p: string): string => pathToFileURL(p).toString();
      load = {
        config: loaded.config,
        files: loaded.files.map(toUri),
        problems: loaded.problems.map((p) => ({ ...p, file: toUri(p.file) })),
      };
      this.asLoad.set(loaded, load);
    }
    return { loaded: load, force, exclude };
  }

  clear(): void {
    this.loader.clear();
  }

  /** Whether settings globs (`releasePages.include` or `.exclude`) name the page: in a folder by that folder's globs, relative to it. */
  private named(uri: string, path: string | null, context: ConfigContext, globs: readonly string[]): boolean {
    if (!path || globs.length === 0) return false;
    const folder = folderOf(context.folders, uri);
    return (folder ? [folder] : context.folders).some((f) => {
      const root = filePath(f.uri);
      if (!root) return false;
      const rel = relative(root, path).split(sep).join('/');
      return !rel.startsWith('..') && globs.some((g) => globToRegExp(g).test(rel));
    });
  }

  /** `extends` may name files in the workspace folders and in `releasePages.config.allowExtends`. */
  private updateScope(context: ConfigContext): void {
    const allow = context.unscoped.allowExtends;
    if (this.scopeOf?.folders === context.folders && this.scopeOf.allow === allow) return;
    const roots = context.folders.map((f) => filePath(f.uri)).filter((p): p is string => p !== null);
    const previous = this.loader.scope;
    this.scopeOf = { folders: context.folders, allow };
    if (JSON.stringify([previous.roots, previous.allow]) === JSON.stringify([roots, allow]) && previous.projectRoot === 'outside') return;
    this.loader.scope = { roots, allow, projectRoot: 'outside', allowHint: 'the setting releasePages.config.allowExtends' };
  }
}
