// Bundles the extension client, the language server, the CLI and the test programs with esbuild.
// remark/unified are ESM-only; bundling them to CommonJS means the .vsix needs no node_modules.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

function findTests(dir, pattern) {
  const out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p, pattern));
    else if (pattern.test(name)) out.push(p);
  }
  return out;
}

/** What every bundle shares: Node or browser, shipped or test. */
const base = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

const common = {
  ...base,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // vscode is provided by the extension host; mocha is resolved from node_modules in tests only.
  external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron', 'fast-check'],
  // Stylesheets imported as text: the status report inlines media/*.css.
  loader: { '.css': 'text' },
  // ESM dependencies bundled to CommonJS that call createRequire(import.meta.url) (tinyglobby's fdir)
  // get this file's URL, not undefined.
  define: { 'import.meta.url': '__bundle_import_meta_url' },
  banner: { js: "var __bundle_import_meta_url = require('url').pathToFileURL(__filename).href;" },
};

// ---- Lazy remark (issue #18, "parse what the model reads") ----
// In the shipped Node bundles remark-parse/remark-gfm/unified are a bundle of their own, dist/lib/remark.js
// (entry: the core's remark-parser.ts, built with the other libraries below), loaded on the first region
// the line reader refuses. The plugin swaps the core's import of remark-parser.ts for
// server/src/node/remark-lazy.ts, which loads that bundle through node/libs.ts. Test, bench and web
// bundles keep remark bundled in.
const lazyRemark = {
  name: 'lazy-remark',
  setup(build) {
    build.onResolve({ filter: /\/remark-parser$/ }, (args) =>
      args.kind === 'entry-point' || !/core[\\/]markdown$/.test(args.resolveDir)
        ? undefined
        : { path: join(process.cwd(), 'server', 'src', 'node', 'remark-lazy.ts') },
    );
  },
};

// Start-up (issue #18): libraries only some runs need are bundles of their own in dist/lib/, loaded on
// first use through bin/load-bundle.js (server/src/node/libs.ts); __RP_SPLIT__ tells that code whether it
// runs in a shipped bundle (true: load dist/lib/<name>.js) or in a test or bench bundle (false: bundled in).
const split = { define: { ...common.define, __RP_SPLIT__: 'true' } };
const unsplit = { define: { ...common.define, __RP_SPLIT__: 'false' } };
const libs = {
  ...common,
  entryPoints: {
    yaml: 'server/src/node/libs/yaml.ts',
    glob: 'server/src/node/libs/glob.ts',
    remark: 'server/src/core/markdown/remark-parser.ts',
  },
  outdir: 'dist/lib',
};

const shipped = {
  ...common,
  ...split,
  entryPoints: {
    client: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    cli: 'server/src/cli.ts',
    // `check` alone, what bin/release-pages.js runs for `release-pages check` (start-up: issue #18).
    check: 'server/src/cli-check.ts',
  },
  plugins: [lazyRemark],
  outdir: 'dist',
};

// The status preview's webview script runs in the browser sandbox of the webview, not in Node.
const webview = {
  ...base,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  entryPoints: { preview: 'client/src/preview/webview/main.ts' },
  outdir: 'dist',
};

// The web extension (vscode.dev, github.dev): the client in the browser's extension host, the server in a
// web worker. No Node built-in may reach either bundle: with platform 'browser' and no polyfills an
// import of one fails to resolve, and webBundleCheck() asserts it on the output as well.
const webBase = {
  ...base,
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  mainFields: ['browser', 'module', 'main'],
  // 'worker' first: a web worker has no DOM (decode-named-character-reference's 'browser' build needs `document`).
  conditions: ['worker', 'browser'],
  external: ['vscode'],
  metafile: true,
};
const webClient = { ...webBase, entryPoints: { client: 'client/src/extension-web.ts' }, outdir: 'dist/web' };
const webServer = { ...webBase, format: 'iife', external: [], entryPoints: { server: 'server/src/server-web.ts' }, outdir: 'dist/web' };

/** Fails when a web bundle imports anything at run time but `vscode` (a Node built-in, or a package left out). */
function webBundleCheck(result) {
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    const bad = (out.imports ?? []).filter((i) => i.external && i.path !== 'vscode').map((i) => i.path);
    const node = Object.keys(out.inputs).filter((i) => /^node:|^\(disabled\)/.test(i));
    if (bad.length || node.length) throw new Error(`${file} must run in a browser but imports ${[...bad, ...node].join(', ')}`);
  }
  return result;
}

const testEntries = [
  ...findTests('test', /\.test\.ts$/),
  ...findTests('test/integration', /^(index|run[\w-]*)\.ts$/),
  ...findTests('bench', /^[\w-]+\.ts$/),
  ...findTests('scripts', /\.ts$/),
].filter((f) => !f.split(/[\\/]/).join('/').startsWith('test/integration/web/')); // the web suites: one browser bundle (webTests)
const tests = {
  ...common,
  ...unsplit,
  // The core is given its YAML parser by whoever runs it: in these programs, by this file.
  inject: ['test/helpers/provide-yaml.ts'],
  sourcemap: 'linked',
  minify: false,
  // The layers test lints with ESLint itself (loaded from node_modules, not bundled).
  external: [...common.external, 'eslint', 'typescript-eslint'],
  entryPoints: testEntries,
  outbase: '.',
  outdir: 'out',
};

// The integration suites for the web worker extension host, bundled for the browser like the extension.
const webTests = {
  ...webBase,
  sourcemap: 'linked',
  minify: false,
  loader: { '.css': 'text' },
  alias: { 'node:assert/strict': './test/integration/web/assert.ts' },
  // The suites run the core themselves: it is given its YAML parser here (as in the Node test bundles).
  inject: ['test/helpers/provide-yaml-web.ts'],
  entryPoints: { index: 'test/integration/web/index.ts' },
  outdir: 'out/test/integration/web',
};

// ---- Stale bundles (issue #18) ----
// esbuild writes its outputs and never removes anything: a bundle an older build made (dist/remark.js, from
// before remark moved to dist/lib/) stays in dist/ and looks current. After a full build, the .js and .js.map
// files of dist/ and dist/lib/ that no Node bundle of this build wrote are removed (dist/web/ is its own).
function removeStaleBundles(results) {
  const written = new Set(results.flatMap((r) => Object.keys(r.metafile?.outputs ?? {})).map((f) => f.split(/[\\/]/).join('/')));
  for (const dir of ['dist', 'dist/lib']) {
    let names;
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = `${dir}/${name}`;
      if (/\.js(\.map)?$/.test(name) && !written.has(file) && !written.has(file.replace(/\.map$/, ''))) rmSync(file, { force: true });
    }
  }
}

// ---- ASCII bundles (issue #18, start-up) ----
// esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals and
// comments; one such character makes V8 hold the whole 560 KB source as a two-byte string, and the loader
// must decode it as UTF-8. Each is written as \uXXXX (the same in a regular expression with or without
// the u flag, a surrogate pair included), so bin/load-bundle.js reads the bundle as Latin-1: about 12 M
// instructions less per run (callgrind). A file with a non-ASCII character after a backslash is left as
// it is (an escape would change meaning there); source maps are a few columns off on those lines.
function asciiBundles(files) {
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!/[\u0080-\uffff]/.test(text) || /\\[\u0080-\uffff]/.test(text)) continue;
    writeFileSync(
      file,
      text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
  }
}

if (watch) {
  const ctxs = await Promise.all([
    esbuild.context(shipped),
    esbuild.context(libs),
    esbuild.context(webview),
    esbuild.context(webClient),
    esbuild.context(webServer),
    esbuild.context(webTests),
    esbuild.context(tests),
  ]);
  await Promise.all(ctxs.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  const results = await Promise.all([
    esbuild.build({ ...shipped, metafile: true }),
    esbuild.build({ ...libs, metafile: true }),
    esbuild.build({ ...webview, metafile: true }),
    esbuild.build(webClient).then(webBundleCheck),
    esbuild.build(webServer).then(webBundleCheck),
    esbuild.build(webTests).then(webBundleCheck),
    testEntries.length ? esbuild.build(tests) : Promise.resolve(),
  ]);
  removeStaleBundles(results.slice(0, 3));
  asciiBundles(['dist/cli.js', 'dist/check.js', 'dist/server.js', ...['yaml', 'glob', 'remark'].map((n) => `dist/lib/${n}.js`)]);
}
