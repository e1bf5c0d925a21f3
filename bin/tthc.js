#!/usr/bin/env node
// The `tthc` command: runs the bundled CLI that `npm install` (prepare) or `npm run build` writes to dist/.
try {
  require.resolve('../dist/tthc.js');
} catch {
  process.stderr.write('tthc: the CLI is not built yet. Run `npm install` (or `npm run build`) in the tthc folder.\n');
  process.exit(2);
}
require('../dist/tthc.js');
