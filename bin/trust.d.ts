// Types of bin/trust.js for the TypeScript sources that share its rule.
export function trusted(path: string, kind: 'dir' | 'file'): boolean;
export function privateDir(dir: string): boolean;
