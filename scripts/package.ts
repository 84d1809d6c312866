// Packages the extension: `npm run package` = production build, then this script, which runs
// `vsce package --no-dependencies`, prints the .vsix size and files, and checks its contents.
// Usage: npm run package
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listVsix, readVsixEntry, vsixPath } from '../test/integration/lib/vsix';
import { fences, relativeTargets } from './package-readme';
import { repoRoot, runCommand, runMain } from '../test/integration/lib/util';

const REQUIRED = [
  'dist/client.js',
  'dist/server.js',
  'dist/cli.js', // the command line (bin/release-pages.js): every command
  'dist/check.js', // and `check` alone, which bin/release-pages.js runs for that command (start-up)
  'bin/release-pages.js',
  'bin/load-bundle.js',
  'dist/lib/remark.js', // remark, loaded by the server and the CLI on first use (server/src/node/remark-lazy.ts)
  'dist/lib/yaml.js', // loaded on first use by the CLI and the Node server (server/src/node/libs.ts)
  'dist/lib/glob.js',
  'dist/web/client.js',
  'dist/web/server.js',
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'images/icon.png',
  // the translations: the manifest's strings and the runtime bundles (package.json `l10n`)
  'package.nls.json',
  'package.nls.de.json',
  'package.nls.es.json',
  'l10n/bundle.l10n.de.json',
  'l10n/bundle.l10n.es.json',
];
const FORBIDDEN: readonly [string, RegExp][] = [
  ['node_modules/', /^extension\/node_modules\//],
  ['test/ (fixtures and tests)', /^extension\/test\//],
  ['out/ (test bundles)', /^extension\/out\//],
  ['sources (*.ts)', /^extension\/.*\.ts$/],
  ['source maps', /\.map$/],
  ['.vscode-test/', /^extension\/\.vscode-test\//],
];

/**
 * vsce would rewrite README's relative links and images to absolute URLs of the repository (inside code
 * fences too); the package keeps them relative instead, and ships the files they name, so that they work
 * in VS Code's extension view. No repository URL is declared until there is a real one.
 */
const VSCE_ARGS = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];
/** Hosts that must never reach the package (placeholders). */
const PLACEHOLDER = /example\.(invalid|com|org)|localhost\.invalid/;
const TEXT = /\.(md|json|js|css|txt|xml|html|vsixmanifest)$/i;

runMain('package', async () => {
  const root = repoRoot();
  const out = vsixPath(root);
  rmSync(out, { force: true });
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  const result = await runCommand(vsce, [...VSCE_ARGS, '--out', out], { cwd: root, echo: true });
  if (result.code !== 0 || !existsSync(out)) {
    console.log(`ERROR: vsce package failed (exit ${result.code})`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const entries = listVsix(out);
  console.log(`\n${out.slice(root.length + 1)}: ${(statSync(out).size / 1024).toFixed(1)} KiB, ${entries.length} files`);
  for (const e of entries) console.log(`  ${e.name.padEnd(60)} ${e.size.toString().padStart(9)}`);

  // vsce stores README.md as readme.md, CHANGELOG.md as changelog.md and LICENSE as LICENSE.txt.
  const names = new Set(entries.map((e) => e.name.toLowerCase().replace(/^extension\/license\.txt$/, 'extension/license')));
  let passed = 0;
  let failed = 0;
  const check = (ok: boolean, what: string): void => {
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? '✔ PASS' : '✘ FAIL'} ${what}`);
  };
  for (const file of REQUIRED) check(names.has(`extension/${file}`.toLowerCase()), `contains ${file}`);
  for (const [what, pattern] of FORBIDDEN) {
    const bad = entries.filter((e) => pattern.test(e.name)).map((e) => e.name);
    check(bad.length === 0, `contains no ${what}${bad.length ? `: ${bad.slice(0, 5).join(', ')}` : ''}`);
  }
  const textOf = (name: string): string => {
    const e = entries.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return e ? readVsixEntry(out, e).toString('utf8') : '';
  };
  const placeholders = entries
    .filter((e) => TEXT.test(e.name) && PLACEHOLDER.test(readVsixEntry(out, e).toString('utf8')))
    .map((e) => e.name);
  check(placeholders.length === 0, `no placeholder URL in any file${placeholders.length ? `: ${placeholders.join(', ')}` : ''}`);
  const source = readFileSync(join(root, 'README.md'), 'utf8');
  const shipped = textOf('extension/readme.md');
  const [a, b] = [fences(source), fences(shipped)];
  const changed = a.filter((f, i) => f !== b[i]).length + Math.abs(a.length - b.length);
  check(
    a.length > 0 && changed === 0,
    `README's ${a.length} code fences reach the package unchanged${changed ? ` (${changed} differ)` : ''}`,
  );
  const missing = relativeTargets(shipped).filter((t) => !names.has(`extension/${t}`.toLowerCase()));
  check(
    missing.length === 0,
    `every relative link and image of README is in the package${missing.length ? `: missing ${missing.join(', ')}` : ''}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
});
