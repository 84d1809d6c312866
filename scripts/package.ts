// Packages the extension: `npm run package` = production build, then this script, which runs
// `vsce package --no-dependencies`, prints the .vsix size and files, and checks its contents.
// Usage: npm run package
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listVsix, vsixPath } from '../test/integration/lib/vsix';
import { repoRoot, runCommand, runMain } from '../test/integration/lib/util';

const REQUIRED = ['dist/client.js', 'dist/server.js', 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'images/icon.png'];
const FORBIDDEN: readonly [string, RegExp][] = [
  ['node_modules/', /^extension\/node_modules\//],
  ['test/ (fixtures and tests)', /^extension\/test\//],
  ['out/ (test bundles)', /^extension\/out\//],
  ['sources (*.ts)', /^extension\/.*\.ts$/],
  ['source maps', /\.map$/],
  ['.vscode-test/', /^extension\/\.vscode-test\//],
];

/**
 * vsce rewrites relative links and images in README.md to absolute URLs, and refuses to guess them
 * for a repository that is not on GitHub/GitLab: derive them from package.json's repository.url.
 */
function baseUrlArgs(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: { url?: unknown } | string };
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (typeof url !== 'string' || /github\.com|gitlab\.com/.test(url)) return [];
  const base = url.replace(/^git\+/, '').replace(/\.git$/, '');
  return ['--baseContentUrl', `${base}/blob/HEAD`, '--baseImagesUrl', `${base}/raw/HEAD`];
}

runMain('package', async () => {
  const root = repoRoot();
  const out = vsixPath(root);
  rmSync(out, { force: true });
  const vsce = join(root, 'node_modules', '.bin', 'vsce');
  const result = await runCommand(vsce, ['package', '--no-dependencies', ...baseUrlArgs(root), '--out', out], { cwd: root, echo: true });
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
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
});
