/**
 * Node built-ins that cost a start-up to load and only some runs use, required on first use:
 * child_process (git history; it loads net and the streams) and crypto (atomic writes, locks, the report's
 * style hash). Node caches a built-in after its first require.
 */
import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';

export function childProcess(): typeof ChildProcess {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:child_process') as typeof ChildProcess;
}

export function crypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:crypto') as typeof Crypto;
}
