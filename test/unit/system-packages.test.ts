// The test runner's Debian package check: what is missing, and the command it prints where it may not install.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensurePackages, installCommand, missingPackages, PrerequisiteError } from '../integration/lib/system';

const NONE = 'release-pages-no-such-package';

test('a package is present by its command on PATH or an existing file, else by dpkg', () => {
  assert.deepEqual(
    missingPackages([
      { package: 'node-on-path', command: 'node' },
      { package: 'root', command: '/' },
    ]),
    [],
  );
  assert.deepEqual(
    missingPackages([{ package: NONE }, { package: NONE, command: `${NONE}-command` }, { package: 'x', command: `/${NONE}` }]),
    [NONE, 'x'],
  );
});

test('the install command names every package, with sudo when not root', () => {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  assert.equal(installCommand(['a', 'b']), `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends a b`);
});

test('without leave to install, ensurePackages throws with the command to run; nothing missing is a no-op', () => {
  const saved = process.env.RELEASE_PAGES_NO_APT;
  process.env.RELEASE_PAGES_NO_APT = '1';
  try {
    assert.deepEqual(ensurePackages([{ package: 'node', command: 'node' }], 'why'), []);
    assert.throws(
      () => ensurePackages([{ package: NONE }], 'for a test'),
      (e: unknown) =>
        e instanceof PrerequisiteError &&
        e.message === `missing Debian packages ${NONE} (for a test); install them with: ${installCommand([NONE])}`,
    );
  } finally {
    if (saved === undefined) delete process.env.RELEASE_PAGES_NO_APT;
    else process.env.RELEASE_PAGES_NO_APT = saved;
  }
});
