// The layers of src/ and the rules that keep them: run by `npm run lint:deps` (part of `npm run check`).
//
// Each layer is a folder and may import only itself and the layers listed for it, all below it; nothing imports
// upwards, and there is no cycle. README.md ("Architecture") draws the picture and says why each layer sits where it is.

/** Layer → the layers it may import (besides itself), bottom to top. */
const LAYERS = {
  messages: [],
  model: ['messages'],
  read: ['messages', 'model'],
  schedule: ['messages', 'model'],
  views: ['messages', 'model', 'schedule'],
  checks: ['messages', 'model', 'read', 'schedule', 'views'],
  edit: ['messages', 'model', 'read'],
  render: ['messages', 'model', 'schedule', 'views'],
  import: ['messages', 'model', 'read', 'schedule'],
  host: ['messages', 'model', 'read', 'schedule', 'views', 'checks', 'edit', 'import'],
  commands: ['messages', 'model', 'read', 'schedule', 'views', 'checks', 'edit', 'render', 'import', 'host'],
  cli: ['messages', 'model', 'read', 'schedule', 'views', 'checks', 'edit', 'render', 'import', 'host', 'commands'],
};
const NAMES = Object.keys(LAYERS);

/**
 * The machine (files, processes, the OS, terminals, threads): only the layers that face it may touch it. Commands
 * are not among them: they orchestrate, and reach files and git through host/ (and edit/'s writers).
 */
const MACHINE = '^(node:)?(fs|fs/promises|child_process|os|process|tty|worker_threads|net|http|https|cluster|readline)$';
const FACING_THE_MACHINE = ['cli', 'host', 'edit'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be understood, tested or loaded without the other. A type-only import is erased at build time and loads nothing, so it does not close a cycle (the run context names the options type, the options read the context).',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...NAMES.map((layer) => ({
      name: `layer-${layer}`,
      severity: 'error',
      comment: `src/${layer}/ may import only ${LAYERS[layer].length ? LAYERS[layer].map((l) => `src/${l}/`).join(', ') : 'itself'}: a layer depends only on the layers below it.`,
      from: { path: `^src/${layer}/` },
      to: { path: `^src/(?!(?:${[layer, ...LAYERS[layer]].join('|')})/)` },
    })),
    {
      name: 'no-loose-files',
      severity: 'error',
      comment: 'Every source file belongs to a layer (a folder of src/), so that the rules above apply to it.',
      from: { path: '^src/[^/]+$' },
      to: {},
    },
    {
      name: 'machine-only-at-the-edge',
      severity: 'error',
      comment: `Files, processes and the OS only in ${FACING_THE_MACHINE.map((l) => `src/${l}/`).join(', ')}: the pipeline below them computes from what it is given.`,
      from: { path: `^src/(?!(?:${FACING_THE_MACHINE.join('|')})/)` },
      to: { dependencyTypes: ['core'], path: MACHINE },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
