// tthc.yaml: the clerk's defaults (agency, plan, language, warning window), found by walking up like git does.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../model/io.js';
import { nearest } from '../model/text.js';
import { msg } from '../messages/index.js';

export const CONFIG_NAME = 'tthc.yaml';

/** One effective setting and where it came from ("tthc.yaml:3", "TTHC_AGENCY", "--agency"). */
export interface Setting {
  value: string;
  source: string;
  /** The folder a relative path in the value is read from. */
  base: string;
}

export interface Config {
  /** The configuration file, when one was found. */
  file?: string;
  agency?: Setting;
  plan?: Setting;
  lang?: Setting;
  within?: Setting;
}

export const CONFIG_KEYS = ['agency', 'plan', 'lang', 'within'] as const;
type Key = (typeof CONFIG_KEYS)[number];
const ENV: Record<Key, string> = { agency: 'TTHC_AGENCY', plan: 'TTHC_PLAN', lang: 'TTHC_LANG', within: 'TTHC_WITHIN' };

/**
 * The tthc.yaml that applies in `cwd`: the nearest one in it or a folder above. The walk stops at the filesystem's
 * root and after a folder that holds `.git` (a repository's root), so that a file outside the repository never
 * applies to it.
 */
export function findUp(cwd: string, name: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git'))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Reads tthc.yaml. The file is flat `key: value` YAML (comments and quotes allowed), read here by a few lines of
 * code rather than the YAML library, which would cost every command its start-up time.
 */
export function parseConfig(text: string, file: string): Partial<Record<Key, { value: string; line: number }>> {
  const out: Partial<Record<Key, { value: string; line: number }>> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const where = `${file}:${line}`;
    const body = raw.replace(/(^|\s)#.*$/, '').trimEnd();
    if (body.trim() === '' || body.trim() === '---') return;
    if (/^\s/.test(body)) throw new UsageError(msg('config.indented', { where }), msg('config.line.hint', { keys: CONFIG_KEYS.join(', ') }));
    const m = /^([A-Za-z_-]+)\s*:\s*(.*)$/.exec(body);
    if (!m) throw new UsageError(msg('config.notLine', { where, body: body.trim() }), msg('config.line.hint', { keys: CONFIG_KEYS.join(', ') }));
    const key = m[1]!;
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const near = nearest(key, CONFIG_KEYS);
      throw new UsageError(msg('config.unknown', { where, key }), near.length ? msg('config.unknown.near', { near: near[0]!, keys: CONFIG_KEYS.join(', ') }) : msg('config.unknown.hint', { keys: CONFIG_KEYS.join(', ') }));
    }
    let value = m[2]!.trim();
    const q = /^(["'])(.*)\1$/.exec(value);
    if (q) value = q[2]!;
    else if (/^["'[{&*!|>]/.test(value)) throw new UsageError(msg('config.plain', { where, key }), msg('config.plain.hint', { example: `${key}: ${key === 'within' ? '14' : key === 'lang' ? 'vi' : key === 'plan' ? 'plans/' : 'vp'}` }));
    if (value === '') throw new UsageError(msg('config.empty', { where, key }), msg('config.empty.hint'));
    if (out[key as Key]) throw new UsageError(msg('config.twice', { where, key, line: out[key as Key]!.line }), msg('config.twice.hint'));
    if (key === 'lang' && !/^(vi|en)$/i.test(value)) throw new UsageError(msg('config.lang', { where, value }), msg('config.lang.hint'));
    if (key === 'within' && !/^\d+\s*(?:[dw]|ng[aà]y|tu[aầ]n)?$/i.test(value.normalize('NFC'))) throw new UsageError(msg('config.within', { where, value }), msg('config.within.hint'));
    out[key as Key] = { value: value.normalize('NFC'), line };
  });
  return out;
}

/** The effective configuration in `cwd`: environment variables over tthc.yaml (flags, over both, are the commands'). */
export function loadConfig(cwd: string, env: Record<string, string | undefined>, display: (p: string) => string = (p) => p): Config {
  const file = findUp(cwd, CONFIG_NAME);
  const config: Config = {};
  if (file) {
    let text: string;
    try {
      if (statSync(file).isDirectory()) throw new UsageError(msg('config.folder', { file: display(file) }));
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(msg('file.unreadable', { file: display(file), code: (e as NodeJS.ErrnoException).code ?? 'error' }), msg('file.unreadable.hint'));
    }
    config.file = file;
    const parsed = parseConfig(text, display(file));
    for (const key of CONFIG_KEYS) {
      const p = parsed[key];
      if (p) config[key] = { value: p.value, source: `${display(file)}:${p.line}`, base: dirname(file) };
    }
  }
  for (const key of CONFIG_KEYS) {
    const v = env[ENV[key]];
    if (v !== undefined && v.trim() !== '') config[key] = { value: v.trim().normalize('NFC'), source: ENV[key], base: resolve(cwd) };
  }
  return config;
}
