// Bundles the extension client, the language server, the CLI and the test programs with esbuild.
// remark/unified are ESM-only; bundling them to CommonJS means the .vsix needs no node_modules.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
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

const shipped = {
  ...common,
  entryPoints: {
    client: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    cli: 'server/src/cli.ts',
  },
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

const testEntries = [
  ...findTests('test', /\.test\.ts$/),
  ...findTests('test/integration', /^(index|run[\w-]*)\.ts$/),
  ...findTests('bench', /^[\w-]+\.ts$/),
  ...findTests('scripts', /\.ts$/),
];
const tests = {
  ...common,
  sourcemap: 'linked',
  minify: false,
  // The layers test lints with ESLint itself (loaded from node_modules, not bundled).
  external: [...common.external, 'eslint', 'typescript-eslint'],
  entryPoints: testEntries,
  outbase: '.',
  outdir: 'out',
};

if (watch) {
  const ctxs = await Promise.all([esbuild.context(shipped), esbuild.context(webview), esbuild.context(tests)]);
  await Promise.all(ctxs.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all([esbuild.build(shipped), esbuild.build(webview), testEntries.length ? esbuild.build(tests) : Promise.resolve()]);
}
