// The one rule for trusting a cache folder or file, shared by the code cache (bin/tthc.js) and the plan cache.
'use strict';
const fs = require('node:fs');

/**
 * Whether `path` may be trusted as this user's own cache: not a symbolic link, of the expected kind, owned by the
 * current user, and writable by no one else (no group or world write bit). Another account that could write there
 * could make `check` report a broken plan clean or `due` list invented tasks (plan cache), or run code (code cache).
 * On Windows there are no uids or mode bits to judge by, and only the kind is checked.
 * @param {string} path
 * @param {'dir' | 'file'} kind
 * @returns {boolean}
 */
function trusted(path, kind) {
  let st;
  try {
    st = fs.lstatSync(path);
  } catch {
    return false;
  }
  if (kind === 'dir' ? !st.isDirectory() : !st.isFile()) return false;
  if (process.platform === 'win32') return true;
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return false;
  return (st.mode & 0o022) === 0;
}

/**
 * Makes `dir` (mode 0700) if it is missing and says whether it may be used: a folder that exists already must pass
 * `trusted` too, whoever made it.
 * @param {string} dir
 * @returns {boolean}
 */
function privateDir(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return false;
  }
  return trusted(dir, 'dir');
}

module.exports = { trusted, privateDir };
