// Loads one of the bundles in dist/ with V8's compiled code kept between runs, so that a command-line run
// does not compile the bundle again each time it starts.
//
// Node ≥ 22.1 has this built in (module.enableCompileCache): it is used when present. On older Node
// (20 has no compile cache) the bundle is compiled through vm.Script with the code V8 produced on an
// earlier run (cachedData), in a folder of the temporary directory that only this user may write. V8
// itself rejects cached data made from another source, V8 version or flags; any problem with the
// folder or the cache file means the bundle is simply required as usual. The cache holds the functions
// the run that made it compiled: a longer run that compiled noticeably more makes it again, and files
// of older builds that no run read for a week are removed when a new one is written.
// NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch) turns both off.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');
const { isAscii } = require('node:buffer');

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

/**
 * A run this long after the bundle loaded (ms) has compiled functions a short run (`--version`, one tiny page)
 * does not: a thin cache (THIN) is made again when the run's holds noticeably more (GROWTH).
 */
const LONG_RUN_MS = Number(process.env.RELEASE_PAGES_CACHE_LONG_RUN_MS ?? 100); // the tests set 0
const GROWTH = 1.1;
/**
 * Asking V8 for the cache costs (~8 ms for a full one): only a cache smaller than this share of the bundle's
 * text is looked at again (measured on dist/check.js: `check --help` makes 0.41 of it, a tiny page 0.89, the 49
 * corpus pages 1.21).
 */
const THIN = 0.9;
/** Cache files of other builds (another size, time or Node) not read for this long are removed when a cache is written. */
const STALE_MS = 7 * 24 * 3600 * 1000;
const STALE_AT_MOST = 50;

/** Writes `data` to `cachePath` whole (a temporary file renamed) or not at all. */
function writeCache(cachePath, data) {
  const tmp = `${cachePath}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, cachePath);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Removes cache files of `name` made for other builds that no run has read for STALE_MS (their access time;
 * at most STALE_AT_MOST a time): each build leaves one, and another install may share the folder, so a file
 * still in use is kept.
 */
function removeStale(dir, name, keep) {
  try {
    const now = Date.now();
    let removed = 0;
    for (const f of fs.readdirSync(dir)) {
      if (removed >= STALE_AT_MOST) break;
      if (f === keep || !f.startsWith(`${name}-`) || !f.endsWith('.code')) continue;
      const p = path.join(dir, f);
      const st = fs.lstatSync(p);
      if (st.isFile() && now - Math.max(st.atimeMs, st.mtimeMs) > STALE_MS) {
        fs.rmSync(p, { force: true });
        removed++;
      }
    }
  } catch {
    // the cache is an optimisation: a folder that cannot be tidied is left as it is
  }
}

/** The bundle's text: read as Latin-1 when it is ASCII (the build escapes the rest), a faster read than UTF-8. */
function readSource(file) {
  const bytes = fs.readFileSync(file);
  return typeof isAscii === 'function' && isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * Runs `file` as a CommonJS module compiled with cached code, writing the cache after the run when there was
 * none (or V8 refused it), or when a long run compiled noticeably more than the cache held.
 */
function runCached(file, dir) {
  const source = readSource(file);
  const st = fs.statSync(file);
  const name = path.basename(file);
  const key = `${name}-${st.size}-${Math.trunc(st.mtimeMs)}-${process.version}-${process.arch}.code`;
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
  const loadedAt = Date.now();
  const fresh = cachedData === undefined || script.cachedDataRejected;
  // After the run: the functions compiled while it ran are in the cache too. A cache made by a short run
  // (the first after a build may be `--version`) would leave every later run compiling the rest lazily.
  process.once('exit', () => {
    if (fresh) {
      writeCache(cachePath, script.createCachedData());
      removeStale(dir, name, key);
    } else if (cachedData.length < source.length * THIN && Date.now() - loadedAt > LONG_RUN_MS) {
      const data = script.createCachedData();
      if (data.length > cachedData.length * GROWTH) writeCache(cachePath, data);
    }
  });
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
