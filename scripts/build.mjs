// Bundles the CLI so that a command costs little more than Node's own start: dist/tthc.js and the chunks it shares
// with the parts loaded on demand (CommonJS files, which Node 20 loads faster than ES modules and which bin/tthc.js
// compiles with a V8 code cache): the YAML reader, zod and the checker in dist/heavy.js, loaded only when a plan's
// cached analysis is missing or a plan is edited; each language's messages, help and findings in a file of its own;
// the report, import and diff code where only their commands load it. No module is in two files.
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const lf = (file) => readFileSync(file, 'utf8').replace(/\r\n/g, '\n');

/** Identifies this build: caches of plan analyses written by another build are never read. */
function buildId() {
  const h = createHash('sha256');
  const walk = (dir) => {
    // The same id on every system: '/' whatever the OS separator, names in code-unit order whatever the locale, and
    // LF line ends whatever git's checkout made of them (Windows's core.autocrlf).
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(p)) h.update(p).update(lf(p));
    }
  };
  walk('src');
  h.update(lf('package-lock.json'));
  return h.digest('hex').slice(0, 16);
}

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: !process.env.TTHC_NO_MINIFY,
  legalComments: 'none',
  sourcemap: false,
  metafile: true,
  define: { __TTHC_BUILD__: JSON.stringify(buildId()) },
  logLevel: 'warning',
};
/**
 * The build of src/messages/catalogues.ts: each language's catalogue (messages, help, findings) from its own file of
 * the build, loaded (synchronously, by require: `say` is called anywhere) the first time the run says something in it.
 */
const CATALOGUE_CHUNKS = { messagesOf: ['messages-vi', 'vi', 'messages-en', 'en'], helpOf: ['help-vi', 'helpVi', 'help-en', 'helpEn'], findingsOf: ['findings-vi', 'findingsVi', 'findings-en', 'findingsEn'] };
const catalogueChunks = {
  name: 'catalogue-chunks',
  setup(b) {
    b.onResolve({ filter: /^\.\/(messages|help|findings)-(vi|en)\.js$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /[\\/]src[\\/]messages[\\/]catalogues\.ts$/ }, () => ({
      contents: Object.entries(CATALOGUE_CHUNKS)
        .map(([fn, [vi, viName, en, enName]]) => `let ${fn}Vi, ${fn}En; export const ${fn} = (lang) => (lang === 'vi' ? (${fn}Vi ??= require('./${vi}.js').${viName}) : (${fn}En ??= require('./${en}.js').${enName}));`)
        .join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * commander requires node:child_process at start-up only for executable subcommands, which tthc has none of;
 * loading it costs more than a twentieth of a run. Its spawn stays available, loaded on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes('commander') ? { path: 'lazy-child-process', namespace: 'tthc' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'tthc' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * node:crypto (a digest and random names, for edits and undo) loads node:stream and more: about ten milliseconds of
 * every start-up for commands that never edit. Its functions are looked up on first use.
 */
const lazyCrypto = {
  name: 'lazy-crypto',
  setup(b) {
    b.onResolve({ filter: /^(node:)?crypto$/ }, (args) => (args.namespace === 'tthc-crypto' ? undefined : { path: 'lazy-crypto', namespace: 'tthc-crypto' }));
    b.onLoad({ filter: /.*/, namespace: 'tthc-crypto' }, () => ({
      contents: "const c = () => require('node:crypto'); module.exports = { createHash: (...a) => c().createHash(...a), randomBytes: (...a) => c().randomBytes(...a) };",
      loader: 'js',
    }));
  },
};

/**
 * chalk is always given its colour level (src/render/style.ts decides by our rules: NO_COLOR, FORCE_COLOR, --no-color,
 * a terminal), so its own detection, which loads node:tty (a few ms of every start-up when output is piped), is left out.
 */
const chalkNoDetection = {
  name: 'chalk-no-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'tthc-chalk' }));
    b.onLoad({ filter: /.*/, namespace: 'tthc-chalk' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

/**
 * cli-table3 in the main bundle, set up on the first table drawn (check, done and the rest draw none). Its measure of
 * a cell, string-width, gives way to ours: the cells it is given are composed (NFC) text, one column per letter (code
 * point), colour codes stripped by cli-table3 itself. Its colours (@colors/colors) are left out: tthc colours the cells and borders itself (chalk).
 */
const tableOnDemand = {
  name: 'table-on-demand',
  setup(b) {
    b.onResolve({ filter: /^cli-table3$/ }, (args) => (args.importer.endsWith('table.ts') ? { path: 'cli-table3', namespace: 'tthc-table' } : undefined));
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer.includes('cli-table3') ? { path: 'string-width', namespace: 'tthc-table' } : undefined));
    b.onResolve({ filter: /^@colors\/colors/ }, (args) => (args.importer.includes('cli-table3') ? { path: 'colors', namespace: 'tthc-table' } : undefined));
    const contents = {
      'cli-table3': "let T; module.exports = function Table(options) { T ??= require('cli-table3'); return new T(options); };",
      // Code points, counted without building an array: cli-table3 measures a cell several times per printed line.
      // Most lines have no surrogate at all: one native test says so, and the length is the answer.
      'string-width': 'module.exports = (s) => { if (!/[\\ud800-\\udfff]/.test(s)) return s.length; let n = s.length; for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0xdc00 && c <= 0xdfff) n--; } return n; };',
      colors: 'module.exports = {};',
    };
    b.onLoad({ filter: /.*/, namespace: 'tthc-table' }, (args) => ({ contents: contents[args.path], loader: 'js', resolveDir: process.cwd() }));
    // Each line a cell draws first shortens the cell's whole text to ten letters, a letter at a time, for a debug
    // message tthc never shows: quadratic in a cell of several lines, most of the drawing's time. Left out.
    const debugLine = ['let content = utils.truncate(this.content, 10, this.truncate);', "let content = '';"];
    // Every cell merges the table's options into its own, name by name (fifteen border characters and the padding):
    // each name camel-cased again and its value found by filtering an array. The same result, the names' camel case
    // kept once, the first defined value found by `??`: the larger part of drawing a table of a few dozen rows.
    const setOption = [
      `function setOption(objA, objB, nameB, targetObj) {
  let nameA = nameB.split('-');
  if (nameA.length > 1) {
    nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);
    nameA = nameA.join('');
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`,
      `const camelNames = new Map();
function setOption(objA, objB, nameB, targetObj) {
  let nameA = camelNames.get(nameB);
  if (nameA === undefined) {
    const parts = nameB.split('-');
    if (parts.length > 1) parts[1] = parts[1].charAt(0).toUpperCase() + parts[1].substr(1);
    camelNames.set(nameB, (nameA = parts.join('')));
  }
  if (nameA !== nameB) targetObj[nameA] = objA[nameA] ?? objA[nameB] ?? objB[nameA] ?? objB[nameB] ?? undefined;
  else targetObj[nameB] = objA[nameB] ?? objB[nameB] ?? undefined;
}`,
    ];
    // A cell without border characters of its own takes the table's: merged once per table, then shared (a cell only
    // reads its characters).
    const charsOnce = [
      `    let chars = (this.chars = {});
    CHAR_NAMES.forEach(function (name) {
      setOption(optionsChars, tableChars, name, chars);
    });`,
      `    const own = this.options.chars !== undefined;
    const merged = own ? undefined : mergedChars.get(tableChars);
    if (merged) this.chars = merged;
    else {
      let chars = (this.chars = {});
      CHAR_NAMES.forEach(function (name) {
        setOption(optionsChars, tableChars, name, chars);
      });
      if (!own) mergedChars.set(tableChars, chars);
    }`,
    ];
    const mergedCharsMap = ["const { info, debug } = require('./debug');", "const { info, debug } = require('./debug');\nconst mergedChars = new WeakMap();"];
    // Per printed line cli-table3 measures the text (truncate, then pad) by stripping colour codes and splitting lines,
    // and carries colour state from line to line through objects whose keys it deletes. A line without an escape or a
    // line break measures as itself; cells without any escape carry no state: the same results without the work.
    // A cell of several lines without an escape is measured line by line, as the widest: no colour codes to strip first.
    const strlenPlain = [
      'function strlen(str) {\n',
      `function strlen(str) {
  if (typeof str === 'string' && str.indexOf('\\u001b') < 0) {
    if (str.indexOf('\\n') < 0) return stringWidth(str);
    let widest = 0;
    for (const line of str.split('\\n')) widest = Math.max(widest, stringWidth(line));
    return widest;
  }
`,
    ];
    const repeatNative = ['return Array(times + 1).join(str);', "return typeof str === 'string' && times > 0 ? str.repeat(times) : Array(times + 1).join(str);"];
    const colorizePlain = ['function colorizeLines(input) {\n', "function colorizeLines(input) {\n  if (!input.some((line) => line.indexOf('\\u001b') >= 0)) return input.slice();\n"];
    // A table whose rows are all full and span nothing has no hole to fill: fillInTable would still ask, for every
    // cell, whether any cell of the rows above covers it (the square of the rows).
    const noHoles = [
      '    let w_max = maxWidth(table);\n',
      '    let w_max = maxWidth(table);\n    if (table.every((row) => row.length === w_max && row.every((cell, x) => cell.x === x && (cell.colSpan || 1) === 1 && (cell.rowSpan || 1) === 1))) return;\n',
    ];
    // A plain table (every cell a string in its own column, no spans, no cell with chars or style of its own, as tthc
    // draws them): every cell of a column draws the same border above it, the same empty line, and the same edges
    // around a line that already has the cell's width. Each is made once per table and column (and once more for the
    // first row, which may be styled as a head); a line that needs measuring (colour codes, surrogates, a width other
    // than the cell's) takes cli-table3's own way.
    const plainTable = [
      '    addColSpanCells(cellRows);\n    return cellRows;',
      `    addColSpanCells(cellRows);
    cellRows.plain = cellRows.every((row) => row.every((cell, x) => cell instanceof Cell && cell.x === x && cell.colSpan === 1 && cell.rowSpan === 1 && !cell.options.chars && !cell.options.style));
    return cellRows;`,
    ];
    const plainParts = [
      'module.exports = Cell;',
      `const UNMEASURED = /[\\u001b\\n\\ud800-\\udfff]/;
function plainParts(cell, drawRight, spanningCell) {
  if (!cell.cells || !cell.cells.plain || spanningCell || drawRight !== cell.drawRight) return undefined;
  const all = cell.cells.parts || (cell.cells.parts = []);
  const k = cell.y === 0 ? 2 * cell.x : 2 * cell.x + 1;
  let p = all[k];
  if (p === undefined) {
    const headed = cell.y === 0 && cell.head && cell.head.length > 0;
    const left = cell.wrapWithStyleColors('border', cell.chars[cell.x == 0 ? 'left' : 'middle']);
    const right = cell.wrapWithStyleColors('border', drawRight ? cell.chars['right'] : '');
    p = all[k] = {
      len: cell.width - (cell.paddingLeft + cell.paddingRight),
      left: headed ? undefined : left + utils.repeat(' ', cell.paddingLeft),
      right: headed ? undefined : utils.repeat(' ', cell.paddingRight) + right,
      top: undefined,
      empty: undefined,
    };
  }
  return p;
}
module.exports = Cell;`,
    ];
    const plainTop = [
      '  drawTop(drawRight) {\n',
      `  drawTop(drawRight) {
    const plain = plainParts(this, drawRight);
    if (plain) return plain.top === undefined ? (plain.top = this.drawTopOnce(drawRight)) : plain.top;
    return this.drawTopOnce(drawRight);
  }

  drawTopOnce(drawRight) {
`,
    ];
    const plainEmpty = [
      '  drawEmpty(drawRight, spanningCell) {\n',
      `  drawEmpty(drawRight, spanningCell) {
    const plain = plainParts(this, drawRight, spanningCell);
    if (plain) return plain.empty === undefined ? (plain.empty = this.drawEmptyOnce(drawRight, spanningCell)) : plain.empty;
    return this.drawEmptyOnce(drawRight, spanningCell);
  }

  drawEmptyOnce(drawRight, spanningCell) {
`,
    ];
    // A line as wide as the cell, with nothing to measure: truncate and pad would leave it as it is.
    const plainLine = [
      '  drawLine(lineNum, drawRight, forceTruncationSymbol, spanningCell) {\n',
      `  drawLine(lineNum, drawRight, forceTruncationSymbol, spanningCell) {
    const plain = forceTruncationSymbol ? undefined : plainParts(this, drawRight, spanningCell);
    if (plain && plain.left !== undefined) {
      const line = this.lines[lineNum];
      if (typeof line === 'string' && line.length === plain.len && !UNMEASURED.test(line)) return plain.left + line + plain.right;
    }
`,
    ];
    // A printed line joined as it is drawn, cell by cell, without an array and a callback per cell.
    const drawJoined = [
      `  let line = [];
  row.forEach(function (cell) {
    line.push(cell.draw(lineNum));
  });
  let str = line.join('');`,
      `  let str = '';
  for (let i = 0; i < row.length; i++) str += row[i].draw(lineNum);`,
    ];
    // Whether a cell is given as text: four comparisons, not an array made and searched twice per cell.
    const primitive = (name) => [`['boolean', 'number', 'bigint', 'string'].indexOf(typeof ${name}) !== -1`, `(typeof ${name} === 'string' || typeof ${name} === 'number' || typeof ${name} === 'boolean' || typeof ${name} === 'bigint')`];
    const patches = {
      'cell.js': [debugLine, setOption, charsOnce, mergedCharsMap, plainParts, plainTop, plainEmpty, plainLine, primitive('options'), primitive('content')],
      'utils.js': [strlenPlain, repeatNative, colorizePlain],
      'layout-manager.js': [noHoles, plainTable],
      'table.js': [drawJoined],
    };
    b.onLoad({ filter: /cli-table3[\\/]src[\\/](cell|utils|layout-manager|table)\.js$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8').replace(/\r\n/g, '\n');
      for (const [from, to] of patches[args.path.split(/[\\/]/).pop()]) {
        if (!source.includes(from)) throw new Error(`cli-table3 changed: ${args.path} no longer has \`${from.split('\n')[0]}\``);
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

/**
 * yaml's parser asks the environment for LOG_TOKENS (a debugging switch of its own) at every token it reads: 500 000
 * environment lookups for a plan of 10 000 tasks, a tenth of reading it cold. tthc never turns that switch on, so the
 * lookup is left out; the build fails if yaml's parser no longer has the line, rather than ship it unpatched.
 */
const yamlQuietParser = {
  name: 'yaml-quiet-parser',
  setup(b) {
    const from = 'if (node_process.env.LOG_TOKENS)';
    b.onLoad({ filter: /[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(from)) throw new Error(`yaml changed: ${args.path} no longer has \`${from}\``);
      return { contents: source.replace(from, 'if (false)'), loader: 'js' };
    });
  },
};

/**
 * The Word and Excel writers stay outside the bundle, required from node_modules by the one command that writes such a
 * file: bundled, their code would be read at every start-up of every command.
 */
const officeApart = ['docx', 'exceljs'];

/** The files of the build: the CLI, its cold half, and each catalogue (src/messages/catalogues.ts says which is which). */
const entryPoints = {
  tthc: 'src/cli/entry.ts',
  heavy: 'src/host/heavy.ts',
  'messages-vi': 'src/messages/vi.ts',
  'messages-en': 'src/messages/en.ts',
  'help-vi': 'src/messages/help-vi.ts',
  'help-en': 'src/messages/help-en.ts',
  'findings-vi': 'src/messages/findings-vi.ts',
  'findings-en': 'src/messages/findings-en.ts',
};

// One build with esbuild's code splitting, which puts every module in exactly one file: a module the CLI and the cold
// half both use is in a chunk both load, so it has one state and is read once. Splitting needs ES modules; each file is
// then turned into CommonJS on its own (below). The Word and Excel writers and pdfjs-dist stay in node_modules.
const result = await build({
  ...common,
  entryPoints,
  outdir: 'dist',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  define: { ...common.define, 'import.meta.url': '__tthcUrl' },
  plugins: [catalogueChunks, lazyChildProcess, lazyCrypto, chalkNoDetection, tableOnDemand, yamlQuietParser],
  external: [...officeApart, 'pdfjs-dist'],
  write: false,
});

/**
 * Each file as CommonJS: its imports of other files of the build become require calls (which bin/tthc.js answers
 * from its code cache), and a dynamic import of one (`import('./heavy.js')`) a require when it is asked for: a dynamic
 * import() cannot run in a script compiled from a V8 code cache on Node 20 ("A dynamic import callback was not
 * specified").
 */
for (const file of result.outputFiles) {
  let { code } = await transform(file.text, { format: 'cjs', platform: 'node', target: 'node20', minify: common.minify, legalComments: 'none' });
  code = code.replace(/\bimport\((["'])(\.\/[\w-]+\.js)\1\)/g, (_, q, f) => `Promise.resolve().then(()=>require(${q}${f}${q}))`);
  if (/\bimport\((["'])\./.test(code)) throw new Error(`${basename(file.path)}: a dynamic import of a file of the build is left`);
  // The same for Node's own modules (`import('node:child_process')`, for git); a package's ES module (pdfjs-dist) is
  // imported by bin/tthc.js for the file (`require.importModule`), and by the file itself when Node loads it.
  code = code.replace(/\bimport\((["'])(node:[\w/]+)\1\)/g, (_, q, id) => `Promise.resolve().then(()=>require(${q}${id}${q}))`);
  code = code.replace(/\bimport\((["'])([^"'.][^"']*)\1\)/g, (_, q, id) => `(require.importModule||(s=>import(s)))(${q}${id}${q})`);
  if (code.includes('__tthcUrl')) code = `const __tthcUrl = require('node:url').pathToFileURL(__filename).href;\n${code}`;
  writeFileSync(file.path, code);
}
// The package is "type": "module"; the files are CommonJS, so dist/ says so for itself.
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');
/**
 * What a file loads with it, the files it requires at once and theirs, as one: `main` is what every command loads
 * (dist/tthc.js and its chunks), `heavy` what a plan read afresh adds; `build` is esbuild's account of every file.
 */
function loadedWith(entry) {
  const outputs = new Set();
  const visit = (o) => {
    if (outputs.has(o)) return;
    outputs.add(o);
    for (const i of result.metafile.outputs[o].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  const inputs = {};
  for (const o of outputs) Object.assign(inputs, result.metafile.outputs[o].inputs);
  return { outputs: [...outputs], inputs };
}
writeFileSync('dist/meta.json', JSON.stringify({ main: loadedWith('dist/tthc.js'), heavy: loadedWith('dist/heavy.js'), build: result.metafile }));
