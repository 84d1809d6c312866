// The project's walls, as an allow-list: for each zone of the tree, the zones its files may import
// and the packages they may use. An import not listed is an error (`npm run lint`, rule
// `layers/allowed-imports`). docs/ARCHITECTURE.md explains each zone; change both together.
//
// A zone is a path prefix (repository-relative, `/` separators); the longest prefix that matches a
// file is its zone. `may` lists zone names; `packages` lists bare specifiers (`node:*` = any Node
// built-in, `name/*` = the package and its subpaths).

/** @type {Record<string, {paths: string[], may: string[], packages: string[], note: string}>} */
export const ZONES = {
  assets: {
    paths: ['package.json', 'media/'],
    may: [],
    packages: [],
    note: 'the manifest (name, version) and stylesheets the bundles embed',
  },
  shared: {
    paths: ['shared/'],
    may: ['shared'],
    packages: ['vscode-languageserver-protocol'],
    note: 'types and pure helpers shared by server, client and webview: imports nothing of ours',
  },
  'core/base': {
    paths: [
      'server/src/core/findings.ts',
      'server/src/core/lines.ts',
      'server/src/core/arrays.ts',
      'server/src/core/edits.ts',
      'server/src/core/diff.ts',
    ],
    may: ['core/base', 'shared'],
    packages: [],
    note: 'positions, lines, small helpers: the floor every core folder stands on',
  },
  'core/yaml': {
    paths: ['server/src/core/yaml.ts'],
    may: [],
    packages: ['yaml'], // its types only: the parser itself is given (provideYaml)
    note: 'the YAML parser the core is given by whoever runs it',
  },
  'core/dates': {
    paths: ['server/src/core/dates/'],
    may: ['core/dates', 'core/base', 'core/incremental', 'shared'],
    packages: [],
    note: 'date tokens and the calendar: knows nothing of pages',
  },
  'core/markdown': {
    paths: ['server/src/core/markdown/'],
    may: ['core/markdown', 'core/base', 'core/incremental', 'shared'],
    packages: ['remark-parse', 'remark-gfm', 'unified', 'mdast'],
    note: 'Markdown structure (blocks, tables, regions): knows nothing of release pages',
  },
  'core/model': {
    paths: ['server/src/core/model/'],
    may: ['core/model', 'core/markdown', 'core/dates', 'core/base', 'core/incremental', 'core/yaml', 'shared'],
    packages: ['yaml'],
    note: 'the page model and the domain reading of its values',
  },
  'core/config': {
    paths: ['server/src/core/config/'],
    // core/dates: `dateFormat` patterns are checked when the file is read (dates/style.ts).
    may: ['core/config', 'core/model', 'core/dates', 'core/base', 'core/yaml', 'shared'],
    packages: ['yaml'],
    note: 'configuration as data',
  },
  'core/vocabulary': {
    paths: ['server/src/core/vocabulary.ts'],
    may: ['core/config', 'core/model', 'core/base', 'shared'],
    packages: [],
    note: 'the words a feature table may use',
  },
  'core/rules': {
    paths: ['server/src/core/rules/'],
    may: ['core/rules', 'core/model', 'core/dates', 'core/config', 'core/vocabulary', 'core/base', 'shared'],
    packages: [],
    note: 'one rule a module: reads the page model only',
  },
  'core/incremental': {
    paths: ['server/src/core/incremental/'],
    may: ['core/incremental', 'core/model', 'core/markdown', 'core/base', 'shared'],
    packages: [],
    note: 'speed machinery: slices, caches, steps, kept shapes; no domain knowledge',
  },
  'core/shapes': {
    paths: ['server/src/core/incremental/shapes.ts'],
    may: ['core/engine', 'core/status', 'core/model', 'core/markdown', 'core/dates', 'core/base', 'shared'],
    packages: [],
    note: 'the one registry of kept shapes: imports the classes whose instances it keeps, imported by the engine alone',
  },
  'core/engine': {
    paths: ['server/src/core/engine/', 'server/src/core/fix.ts'],
    may: [
      'core/engine',
      'core/incremental',
      'core/shapes',
      'core/rules',
      'core/model',
      'core/markdown',
      'core/config',
      'core/base',
      'shared',
    ],
    packages: [],
    note: 'input versions, running rules, findings, fixes',
  },
  'core/status': {
    paths: ['server/src/core/status/'],
    may: [
      'core/status',
      'core/engine',
      'core/model',
      'core/dates',
      'core/config',
      'core/vocabulary',
      'core/incremental',
      'core/base',
      'shared',
    ],
    packages: [],
    note: 'the status model built from a checked page',
  },
  'core/format': {
    paths: ['server/src/core/format/'],
    may: ['core/format', 'core/engine', 'core/model', 'core/markdown', 'core/base', 'shared'],
    packages: [],
    note: 'table formatting',
  },
  'core/editor': {
    paths: ['server/src/core/editor/'],
    may: [
      'core/editor',
      'core/status',
      'core/format',
      'core/engine',
      'core/rules',
      'core/model',
      'core/markdown',
      'core/dates',
      'core/config',
      'core/vocabulary',
      'core/base',
      'shared',
    ],
    packages: [],
    note: 'hover, completion, symbols, lenses, code actions over the page model',
  },
  'core/index': {
    paths: ['server/src/core/index.ts'],
    may: ['core/*', 'shared'],
    packages: [],
    note: 'the one way into the core',
  },
  node: {
    paths: ['server/src/node/'],
    may: ['node', 'core/index', 'shared'],
    // globs (tinyglobby, picomatch) and gitignore-style ignore files (ignore) are matched here, never in the core
    packages: ['node:*', 'tinyglobby', 'picomatch', 'ignore', 'yaml'],
    note: 'file system pieces shared by the CLI and the server: configuration files, globs, ignore files, walking folders',
  },
  lsp: {
    paths: ['server/src/lsp/', 'server/src/server-common.ts', 'server/src/settings.ts'],
    may: ['lsp', 'core/index', 'shared', 'assets'],
    // No Node built-in and no file system: the same handlers run in a Node process and in a web worker.
    packages: [
      'vscode-languageserver',
      'vscode-languageserver-textdocument',
      'vscode-languageserver-protocol',
      '@vscode/l10n', // the server's own messages in the user's language (the client sends the bundle)
    ],
    note: 'the language server: thin handlers over the core, shared by the Node and the web entries',
  },
  'server/node': {
    paths: ['server/src/server.ts', 'server/src/node-server/'],
    may: ['server/node', 'lsp', 'node', 'core/index', 'shared', 'assets'],
    packages: ['node:*', 'vscode-languageserver/node'],
    note: 'the language server as a Node process: configuration files from disk (node/)',
  },
  'server/web': {
    paths: ['server/src/server-web.ts', 'server/src/web/'],
    may: ['server/web', 'lsp', 'core/index', 'shared'],
    // picomatch: the settings' and configuration's include/exclude globs (pure JavaScript, no Node built-in).
    packages: ['vscode-languageserver/browser', 'picomatch', 'yaml'],
    note: 'the language server in a web worker: configuration files as texts from the client',
  },
  cli: {
    paths: ['server/src/cli/', 'server/src/cli.ts', 'server/src/cli-check.ts'],
    may: ['cli', 'node', 'core/index', 'shared', 'assets'],
    packages: ['node:*'],
    note: 'the command-line checker: thin commands over the core',
  },
  webview: {
    paths: ['client/src/preview/webview/'],
    may: ['webview', 'shared'],
    packages: [],
    note: 'the status preview page, in a browser sandbox',
  },
  client: {
    paths: ['client/src/'],
    may: ['client', 'shared', 'assets'],
    // No Node built-in: the same modules run in the Node and in the web worker extension host.
    packages: ['vscode', 'vscode-languageclient'],
    note: 'the VS Code extension: commands, the preview panel, the status item, over any client',
  },
  'client/node': {
    paths: ['client/src/extension.ts'],
    may: ['client', 'shared', 'assets'],
    packages: ['node:*', 'vscode', 'vscode-languageclient', 'vscode-languageclient/node'],
    note: 'the desktop entry: starts the server as a Node process',
  },
  'client/web': {
    paths: ['client/src/extension-web.ts'],
    may: ['client', 'shared', 'assets'],
    packages: ['vscode', 'vscode-languageclient', 'vscode-languageclient/browser'],
    note: 'the browser entry: starts the server in a web worker',
  },
};

/** The zone of a repository-relative path, or null (tests, bench, scripts: no wall). */
export function zoneOf(rel) {
  let best = null;
  let bestLen = -1;
  for (const [name, z] of Object.entries(ZONES)) {
    for (const p of z.paths) {
      const hit = p.endsWith('/') ? rel.startsWith(p) : rel === p || rel === p.replace(/\.ts$/, '');
      if (hit && p.length > bestLen) {
        best = name;
        bestLen = p.length;
      }
    }
  }
  return best;
}

/** Whether zone `from` may import zone `to`. */
export function mayImport(from, to) {
  const allowed = ZONES[from].may;
  return allowed.includes(to) || (allowed.includes('core/*') && to.startsWith('core/'));
}

/** Whether zone `from` may import the bare specifier `spec`. */
export function mayUsePackage(from, spec) {
  return ZONES[from].packages.some((p) => {
    if (p === 'node:*') return spec.startsWith('node:');
    if (p.endsWith('/*')) return spec === p.slice(0, -2) || spec.startsWith(p.slice(0, -1));
    return spec === p;
  });
}
