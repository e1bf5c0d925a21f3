#!/usr/bin/env node
// The `tthc` command: runs the bundled CLI (dist/tthc.js, written by `npm install` or `npm run build`), compiled
// from a code cache when one is at hand (Node's own from 22.1, a V8 one kept by hand on Node 20), so that a command
// costs little more than Node's own start.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// The package's own folder, through any link to this file (npm link, npm install -g ., a shim on Windows), so that
// dist/ is found next to the real bin/ even when Node is told to keep symbolic links (--preserve-symlinks-main).
const home = path.join(realDir(__filename), '..');
const bundle = path.join(home, 'dist', 'tthc.js');

function realDir(file) {
  try {
    return path.dirname(fs.realpathSync(file));
  } catch {
    return path.dirname(file);
  }
}
let source;
try {
  source = fs.readFileSync(bundle, 'utf8');
} catch {
  process.stderr.write('tthc: the CLI is not built yet. Run `npm install` (or `npm run build`) in the tthc folder.\n');
  process.exit(2);
}

/** Bytecode is code: a cache folder or file is used only if it is this user's own (the rule of ./trust.js). */
// Through the package's real folder: a link kept as the script path (--preserve-symlinks-main) has no trust.js beside it.
const { trusted, privateDir } = require(path.join(home, 'bin', 'trust.js'));

/** The folders the code cache may live in: the plan cache's (TTHC_CACHE_DIR, else next to the package, else tmp). */
function cacheDirs() {
  const env = process.env;
  if (env.TTHC_NO_CACHE) return [];
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return env.TTHC_CACHE_DIR
    ? [env.TTHC_CACHE_DIR]
    : [path.join(home, 'node_modules', '.cache', 'tthc'), path.join(require('node:os').tmpdir(), `tthc-cache-${uid}`)];
}

/**
 * Node's own compile cache (module.enableCompileCache, Node 22.1 and later), in a folder of the cache that passes
 * the trust rule: Node keeps, checks and refreshes its entries (for dist/heavy.js too), so nothing is kept by hand.
 * Says whether it is on.
 */
function builtInCache(dirs) {
  const Module = require('node:module');
  if (typeof Module.enableCompileCache !== 'function') return false;
  for (const dir of dirs) {
    const own = path.join(dir, 'node-compile-cache');
    if (!privateDir(dir) || !privateDir(own)) continue;
    const r = Module.enableCompileCache(own);
    const S = Module.constants && Module.constants.compileCacheStatus;
    return Boolean(S && (r.status === S.ENABLED || r.status === S.ALREADY_ENABLED));
  }
  return false;
}

/**
 * A file of the bundle compiled with V8's code cache, as a function that runs it and returns its exports: the bytecode
 * of the functions the same command ran last time, kept per command (`due` and `check` run different code; see `kind`) and per
 * file in the folder the plan cache uses. The files the bundle requires (its chunks, `dist/heavy.js` with YAML, zod and
 * the checks, each language's catalogue) are compiled the same way when asked for, each once. V8 checks that a cache
 * fits this source and this Node; one that does not is rejected and rewritten. Anything unexpected: a plain require.
 */
function compiled(dirs, file, prefix) {
  if (dirs.length === 0) return undefined;
  const vm = require('node:vm');
  const Module = require('node:module');
  const text = file === bundle ? source : fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  // V8 rejects a cache made under other flags: one compiled with TurboFan off (see `optimise`) has a name of its own.
  const key = `${kind()}-${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}-${process.version}-${process.arch}${turbofan ? '' : '-q'}`;
  let cachedData;
  for (const dir of dirs) {
    try {
      const cached = path.join(dir, `${prefix}-${key}.v8`);
      if (!trustedDir(dir) || !trusted(cached, 'file')) continue;
      cachedData = fs.readFileSync(cached);
      break;
    } catch {
      // not there: the next folder, or compile afresh
    }
  }
  const script = new vm.Script(Module.wrap(text), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, when the functions this command needed have been compiled too; atomically, never blocking.
    if (unwritten.length === 0) process.once('exit', writeCaches);
    unwritten.push({ dirs, name: `${prefix}-${key}.v8`, script, turbofan });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const req = (id) => (typeof id === 'string' && /^\.\/[\w-]+\.js$/.test(id) ? part(dirs, id, mod) : mod.require(id));
  req.resolve = (id) => Module._resolveFilename(id, mod);
  // An ES module of a package (pdfjs-dist, for `tthc import` of a PDF), imported here: a script compiled from a code
  // cache has no import() of its own on Node 20.
  req.importModule = (id) => import(id);
  return () => {
    // Known before it runs, as Node does, so that a file required again while it runs gets its exports so far.
    parts.set(file, mod);
    try {
      script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
    } catch (e) {
      parts.delete(file);
      throw e;
    }
    mod.loaded = true;
    return mod.exports;
  };
}

/**
 * Which code a run needs, as far as the command line tells: the command, and the output format and a folder of
 * plans (`--plans`) where given, which run other code (a JSON list, a bordered table across plans). A cache holds the
 * functions its first run compiled, so that a `due` whose cache was made by `due --format json` would compile its
 * table's drawing afresh on every run.
 */
function kind() {
  const args = process.argv.slice(2);
  const command = args.find((a) => !a.startsWith('-')) ?? '';
  let name = /^[a-z-]{1,20}$/.test(command) ? command : 'other';
  const at = args.findIndex((a) => a === '--format' || a.startsWith('--format='));
  const format = at < 0 ? '' : args[at] === '--format' ? args[at + 1] ?? '' : args[at].slice('--format='.length);
  if (/^[a-z]{1,10}$/.test(format)) name += `.${format}`;
  if (args.some((a) => a === '--plans' || a.startsWith('--plans='))) name += '.plans';
  return name;
}

/** Whether a cache folder passes the trust rule, asked once per run and folder, not once per file of the bundle. */
const dirTrust = new Map();
function trustedDir(dir) {
  if (!dirTrust.has(dir)) dirTrust.set(dir, trusted(dir, 'dir'));
  return dirTrust.get(dir);
}

/** The code caches to write at exit: of the files this run compiled afresh or whose cache V8 rejected. */
const unwritten = [];

function writeCaches() {
  for (const { dirs, name, script, turbofan: was } of unwritten) {
    // V8 stamps a cache with the flags of the moment it is made, and rejects it where they differ when it is read:
    // each is made under the setting its file was compiled under (see `optimise`).
    if (was !== turbofan) optimise(was);
    for (const dir of dirs) {
      try {
        if (!privateDir(dir)) continue;
        const cached = path.join(dir, name);
        const tmp = `${cached}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { flag: 'wx', mode: 0o600 });
        fs.renameSync(tmp, cached);
        break;
      } catch {
        // a cache that cannot be written only costs time
      }
    }
  }
}

/** The files of the bundle loaded so far, by path: each runs once, whichever file asks for it first. */
const parts = new Map();

/** A file of the bundle that another requires (`./heavy.js`, `./chunk-….js`, `./messages-en.js`), compiled from the code cache. */
function part(dirs, id, parent) {
  const file = path.join(path.dirname(bundle), id.slice(2));
  const known = parts.get(file);
  if (known) return known.exports;
  if (file === heavyFile) {
    heavyLoaded = true;
    optimise(true);
  }
  let load;
  try {
    // `code-` and `heavy-` name the caches of dist/tthc.js and dist/heavy.js; a file's own name those of the others.
    load = compiled(dirs, file, file === bundle ? 'code' : path.basename(file, '.js'));
  } catch {
    load = undefined;
  }
  return load ? load() : parent.require(id);
}

/**
 * V8's optimising compiler (TurboFan) is turned off by a command that reads plans (`due`, `show`, …) once it has read
 * many tasks from the plan cache (`host/cache.ts` asks, through the hook below), and back on when the cold half of the
 * bundle is loaded. Such a warm run is over in a tenth of a second, before optimised code repays its compiling (at
 * 10 000 tasks a warm `due` took a fifth fewer instructions and less time without it); a plan analysed afresh
 * (dist/heavy.js: YAML, zod, the checks) runs for a second or more and keeps it; a small plan's run, where turning it
 * off costs more than it saves, never asks.
 */
const READERS = new Set(['due', 'show', 'status', 'agencies', 'check', 'ics']);
const heavyFile = path.join(path.dirname(bundle), 'heavy.js');
let turbofan = true;
let heavyLoaded = false;
function optimise(on) {
  if (on === turbofan) return;
  try {
    require('node:v8').setFlagsFromString(on ? '--turbofan' : '--no-turbofan');
    turbofan = on;
  } catch {
    // a Node without the flag: as it is
  }
}
if (READERS.has(kind().split('.')[0])) {
  globalThis[Symbol.for('tthc.manyTasks')] = () => {
    if (!heavyLoaded) optimise(false);
  };
}

let run;
try {
  const dirs = cacheDirs();
  run = builtInCache(dirs) ? undefined : compiled(dirs, bundle, 'code');
} catch {
  run = undefined;
}
if (run) run();
else require(bundle);
