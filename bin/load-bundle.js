// Loads one of the bundles in dist/ with V8's compiled code kept between runs, so that a command-line run
// does not compile the bundle again each time it starts.
//
// Node ≥ 22.1 has this built in (module.enableCompileCache): it is used when present. On older Node
// (20 has no compile cache) the bundle is compiled through vm.Script with the code V8 produced on an
// earlier run (cachedData), in a folder of the temporary directory that only this user may write. V8
// itself rejects cached data made from another source, V8 version or flags; any problem with the
// folder or the cache file means the bundle is simply required as usual.
// NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch) turns both off.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

/** A folder of the temporary directory owned by this user and writable by no one else, or null. */
function cacheFolder() {
  if (typeof process.getuid !== 'function') return null; // Windows: no ownership check, no cache
  const uid = process.getuid();
  const dir = path.join(os.tmpdir(), `release-pages-compile-cache-${uid}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if (e.code !== 'EEXIST') return null;
  }
  const st = fs.lstatSync(dir);
  // Cached code is run: a folder that another user could write to (or a link to one) is not trusted.
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o022) !== 0) return null;
  return dir;
}

/** Runs `file` as a CommonJS module compiled with cached code, writing the cache after the run when there was none. */
function runCached(file, dir) {
  const source = fs.readFileSync(file, 'utf8');
  const st = fs.statSync(file);
  const key = `${path.basename(file)}-${st.size}-${Math.trunc(st.mtimeMs)}-${process.version}-${process.arch}.code`;
  const cachePath = path.join(dir, key);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cachePath);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run: the functions compiled while it ran are in the cache too.
    process.once('exit', () => {
      const tmp = `${cachePath}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cachePath);
      } catch {
        fs.rmSync(tmp, { force: true });
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  require.cache[file] = mod;
  const wrapper = script.runInThisContext();
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/** Loads the bundle `file` (absolute), with a compile cache where one can be kept. */
function loadBundle(file) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return require(file);
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache();
    return require(file);
  }
  let dir;
  try {
    dir = cacheFolder();
  } catch {
    dir = null;
  }
  return dir === null ? require(file) : runCached(file, dir);
}

module.exports = { loadBundle };
