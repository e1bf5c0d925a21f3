// `tthc check` of a plan that implements another: finding the parent plan (by path, or by number among the plans near it) and judging coverage.
import { basename, dirname, join, resolve } from 'node:path';
import { exists, isFile, listFolders, listNames } from '../host/files.js';
import { makeDiagnostic, type Diagnostic, type Position } from '../model/diagnostics.js';
import type { Checked } from '../host/cache.js';
import { coverage } from '../checks/coverage.js';
import type { Plan } from '../model/model.js';
import { CONFIG_NAME } from '../host/config.js';
import { checkFile, planHeadBlock, plansFolder, type Ctx } from './context.js';
import { fm, type FindingText } from '../messages/findings.js';

/** Number and symbol as compared: no case, no spaces, Đ = D ("45/KH-UBND" = "45/kh-ubnd"). */
function symbolKey(s: string): string {
  return s.replace(/[đĐ]/g, 'd').replace(/\s+/g, '').toUpperCase();
}

/** The number, symbol and year of a plan, from its heading (no YAML reader for each plan near it). */
function headOf(path: string): { number?: string; symbol?: string; year?: number } | undefined {
  const block = planHeadBlock(path);
  if (!block) return undefined;
  const value = (k: string) => new RegExp(`^[ \\t]+${k}:[ \\t]*["']?([^"'#\\r\\n]*?)["']?[ \\t]*(?:#.*)?$`, 'm').exec(block)?.[1]?.trim();
  const year = value('year');
  return { number: value('number') || undefined, symbol: value('symbol') || undefined, year: year ? Number(year) : undefined };
}

function yamlIn(dir: string): string[] {
  try {
    return listNames(dir)
      .filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.') && n !== CONFIG_NAME)
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

function subfolders(dir: string): string[] {
  try {
    return listFolders(dir)
      .filter((name) => !name.startsWith('.') && name !== 'node_modules')
      .map((name) => join(dir, name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The parent named by `implements`: a file relative to the plan, or a number and symbol looked up among the plans of
 * the plan's folder and its subfolders, of the folder above it and its subfolders, and of plans/ and its subfolders; among
 * several with that number, the one of the plan's year.
 */
export function findParent(ctx: Ctx, planFile: string, value: string, year: number): { path?: string; why?: FindingText } {
  const here = dirname(resolve(ctx.io.cwd, planFile));
  const asPath = resolve(here, value);
  if (/\.ya?ml$/i.test(value) || exists(asPath)) {
    if (isFile(asPath)) return { path: asPath };
    return { why: fm('parent.noFile', { file: ctx.display(asPath) }) };
  }
  const want = symbolKey(value);
  const folders = new Set<string>([here, ...subfolders(here), dirname(here), ...subfolders(dirname(here))]);
  const plans = plansFolder(ctx);
  if (plans) for (const f of [plans, ...subfolders(plans)]) folders.add(resolve(f));
  const self = resolve(ctx.io.cwd, planFile);
  const found: { path: string; year?: number }[] = [];
  for (const dir of folders) {
    for (const path of yamlIn(dir)) {
      if (path === self) continue;
      const h = headOf(path);
      if (!h?.number) continue;
      const have = symbolKey(h.symbol ? `${h.number}/${h.symbol}` : h.number);
      if (have === want || (!want.includes('/') && symbolKey(h.number) === want)) found.push({ path, year: h.year });
    }
  }
  const unique = [...new Map(found.map((f) => [f.path, f])).values()];
  const sameYear = unique.filter((f) => f.year === year);
  const pick = sameYear.length === 1 ? sameYear[0] : unique.length === 1 ? unique[0] : undefined;
  if (pick) return { path: pick.path };
  if (unique.length > 1) return { why: fm('parent.several', { n: unique.length, files: unique.map((f) => ctx.display(f.path)).join(', ') }) };
  return { why: fm('parent.noNumber') };
}

/** Where a key stands in the file's lines: the plan's `implements:`, a task's `id:` and the keys of its item. */
function locator(lines: string[]): { implements: Position; task(id: string, key: 'id' | 'when' | 'implements'): Position } {
  // At the value after the key, where there is one (as other findings point at the scalar at fault).
  const at = (i: number, re: RegExp): Position => {
    const m = re.exec(lines[i] ?? '');
    const col = m ? [...(lines[i] ?? '').slice(0, m.index + m[0].length)].length : 0;
    return { line: i + 1, col: col + 1 };
  };
  const top = lines.findIndex((l) => /^[ \t]+implements:/.test(l));
  return {
    implements: top >= 0 ? at(top, /implements:[ \t]*/) : { line: 1, col: 1 },
    task(id, key) {
      const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const start = lines.findIndex((l) => new RegExp(`^\\s*-?\\s*id:\\s*["']?${esc}["']?\\s*(#.*)?$`).test(l));
      if (start < 0) return { line: 1, col: 1 };
      if (key === 'id') return at(start, /id:[ \t]*/);
      const indent = /^\s*/.exec(lines[start]!.replace('-', ' '))![0].length;
      for (let i = start + 1; i < lines.length; i++) {
        const l = lines[i]!;
        if (l.trim() === '' || l.trim().startsWith('#')) continue;
        const ind = /^\s*/.exec(l.replace(/^(\s*)-/, '$1 '))![0].length;
        if (ind < indent || (ind === indent && /^\s*-/.test(l))) break;
        if (ind === indent && new RegExp(`^\\s*${key}:`).test(l)) return at(i, new RegExp(`${key}:[ \\t]*`));
      }
      return at(start, /id:[ \t]*/);
    },
  };
}

/** The coverage findings of one checked plan that declares `implements:` (none where it declares none). */
export async function parentFindings(ctx: Ctx, file: string, checked: Checked, loaded: Map<string, Plan | undefined>): Promise<Diagnostic[]> {
  const plan = checked.plan;
  const value = plan?.raw.plan.implements;
  if (!plan || value === undefined || checked.partial) return [];
  const lines = checked.lines ?? [];
  const at = locator(lines);
  const found = findParent(ctx, file, value, plan.year);
  let parent: Plan | undefined;
  let why = found.why;
  if (found.path) {
    if (!loaded.has(found.path)) {
      try {
        const c = await checkFile(ctx, found.path);
        loaded.set(found.path, c.partial ? undefined : c.plan);
      } catch {
        loaded.set(found.path, undefined);
      }
    }
    parent = loaded.get(found.path);
    if (!parent) why = fm('parent.unreadable', { file: ctx.display(found.path) });
  }
  if (!parent) {
    return [
      makeDiagnostic(
        'PARENT_NOT_FOUND',
        checked.file,
        at.implements,
        fm('parent.notFound', { value, why: why ?? '' }),
        fm('parent.notFound.hint'),
      ),
    ];
  }
  const number = parent.raw.plan.number ? `${parent.raw.plan.number}${parent.raw.plan.symbol ? `/${parent.raw.plan.symbol}` : ''}` : undefined;
  const parentName = number ? `${number} (${basename(found.path!)})` : basename(found.path!);
  return coverage({ unit: { ...plan, file: checked.file }, parent, parentName, at });
}
