#!/usr/bin/env node
// The Release Pages language server for any LSP client (Neovim, Helix, Emacs…): stdio by default,
// or --node-ipc / --socket=N / --pipe=NAME as vscode-languageserver reads them.
'use strict';
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: release-pages-language-server [--stdio]\n\nSpeaks the Language Server Protocol on stdin/stdout (the default).\nSee the README, "Other editors", for Neovim, Helix and Emacs.\n',
  );
  process.exit(0);
}
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
  process.exit(0);
}
if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a))) process.argv.push('--stdio');
require('../dist/server.js');
