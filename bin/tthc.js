#!/usr/bin/env node
// The `tthc` command: runs the bundled CLI built into dist/ by `npm install` (prepare) or `npm run build`.
import('../dist/tthc.js').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist')) {
    process.stderr.write('tthc: the CLI is not built yet. Run `npm install` (or `npm run build`) in the tthc folder.\n');
    process.exitCode = 2;
  } else throw e;
});
