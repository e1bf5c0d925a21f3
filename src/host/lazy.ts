// The one place that loads src/host/heavy.ts (YAML, zod, checks, edits): a separate file of the build, read on demand.
export type Heavy = typeof import('./heavy.js');

let loading: Promise<Heavy> | undefined;

export function heavy(): Promise<Heavy> {
  loading ??= import('./heavy.js');
  return loading;
}
