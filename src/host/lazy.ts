// The one place that loads src/host/heavy.ts (YAML, zod, checks, edits) and src/host/importer.ts (`tthc import`'s
// readers): separate files of the build, read on demand.
export type Heavy = typeof import('./heavy.js');

let loading: Promise<Heavy> | undefined;

export function heavy(): Promise<Heavy> {
  loading ??= import('./heavy.js');
  return loading;
}

export type Importer = typeof import('./importer.js');

export function importer(): Promise<Importer> {
  return import('./importer.js');
}
