// Bundles the CLI into one ES module (dist/tthc.js), so that a command costs little more than Node's own start.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
const result = await build({
  entryPoints: ['src/entry.ts'],
  outfile: 'dist/tthc.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  legalComments: 'none',
  sourcemap: false,
  metafile: true,
  // Bundled CommonJS (cli-table3) needs require in an ES module.
  banner: { js: "import { createRequire as __tthcCreateRequire } from 'node:module'; const require = __tthcCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
