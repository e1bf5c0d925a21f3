// Windows's command line: wildcards that tthc expands itself, and paths answered in the user's spelling.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/io.js';
import { showPath } from '../../src/host/paths.js';
import { expandWildcards } from '../../src/host/wildcards.js';
import { copyPlan, scratch, SHIPPED, tthc } from '../due/helpers.js';

let dir: string;
let remove: () => void;
beforeAll(() => {
  ({ dir, remove } = scratch('wildcards'));
  mkdirSync(join(dir, 'plans'));
  mkdirSync(join(dir, 'plans', 'cũ'));
  mkdirSync(join(dir, 'plans', 'z.yaml')); // a folder is never a match for a file pattern
  for (const n of ['b.yaml', 'A.yaml', 'ke-hoach-2024.YAML', '.hidden.yaml', 'notes.txt', 'a1.yml']) writeFileSync(join(dir, 'plans', n), '');
  writeFileSync(join(dir, 'plans', 'cũ', 'kế hoạch.yaml'), '');
});
afterAll(() => remove());

const win = (args: string[]) => expandWildcards(args, dir, { enabled: true, path: win32 });

describe('wildcards on Windows', () => {
  it('expands * in the last segment, sorted without regard to case, in the separator the user typed', () => {
    expect(win(['plans\\*.yaml'])).toEqual(['plans\\A.yaml', 'plans\\b.yaml', 'plans\\ke-hoach-2024.YAML']);
    expect(win(['plans/*.yaml'])).toEqual(['plans/A.yaml', 'plans/b.yaml', 'plans/ke-hoach-2024.YAML']);
  });

  it('expands ? as one character, and patterns in folder names; hidden names only when asked for', () => {
    expect(win(['plans\\a?.yml'])).toEqual(['plans\\a1.yml']);
    expect(win(['plans\\c?\\*.yaml'])).toEqual(['plans\\cũ\\kế hoạch.yaml']);
    expect(win(['plans\\.*.yaml'])).toEqual(['plans\\.hidden.yaml']);
  });

  it('keeps arguments without wildcards as they are, in order, and each pattern in its place', () => {
    expect(win(['x.yaml', 'plans\\b*', 'y.yaml'])).toEqual(['x.yaml', 'plans\\b.yaml', 'y.yaml']);
  });

  it('a pattern that matches nothing is a usage error that names it', () => {
    expect(() => win(['plans\\*.json'])).toThrow(UsageError);
    expect(() => win(['plans\\*.json'])).toThrow('No file matches plans\\*.json.');
    expect(() => win(['nowhere\\*.yaml'])).toThrow('No file matches nowhere\\*.yaml.');
  });

  it('is off elsewhere: a Unix shell has expanded the pattern already, and * may be part of a name', () => {
    expect(expandWildcards(['plans/*.yaml'], dir, { enabled: false })).toEqual(['plans/*.yaml']);
    if (process.platform !== 'win32') expect(expandWildcards(['plans/*.yaml'], dir)).toEqual(['plans/*.yaml']);
  });

  it('are case-sensitive with POSIX rules', () => {
    expect(expandWildcards(['plans/*.yaml'], dir, { enabled: true, path: posix })).toEqual(['plans/A.yaml', 'plans/b.yaml']);
  });
});

describe('tthc check with a wildcard', () => {
  it('checks every match, named as the user wrote them (on Windows; Unix shells expand before tthc)', async () => {
    if (process.platform !== 'win32') return;
    const d = scratch('check-wild');
    try {
      mkdirSync(join(d.dir, 'plans'));
      copyPlan(SHIPPED, join(d.dir, 'plans'), 'a.yaml');
      copyPlan(SHIPPED, join(d.dir, 'plans'), 'b.yaml');
      const r = await tthc(['check', 'plans\\*.yaml', '--format', 'json'], { cwd: d.dir });
      expect(JSON.parse(r.out).files).toEqual(['plans\\a.yaml', 'plans\\b.yaml']);
      const none = await tthc(['check', 'plans\\*.yml'], { cwd: d.dir });
      expect(none.code).toBe(2);
      expect(none.err).toContain('No file matches plans\\*.yml.');
    } finally {
      d.remove();
    }
  });
});

describe('paths shown back', () => {
  it('on Windows, in the separator the user typed; else with /', () => {
    const cwd = 'C:\\Users\\van-thu\\tthc';
    expect(showPath('plans\\a.yaml', cwd, win32)).toBe('plans\\a.yaml');
    expect(showPath('plans/a.yaml', cwd, win32)).toBe('plans/a.yaml');
    expect(showPath('C:\\Users\\van-thu\\tthc\\plans\\a.yaml', cwd, win32)).toBe('plans\\a.yaml');
    expect(showPath('.\\plans\\a.yaml', cwd, win32)).toBe('plans\\a.yaml');
    expect(showPath('D:\\khac\\a.yaml', cwd, win32)).toBe('D:\\khac\\a.yaml');
    // A file in a folder above (tthc run from plans\sub) is ..\x, shorter than the absolute path.
    expect(showPath('..\\a.yaml', cwd, win32)).toBe('..\\a.yaml');
    expect(showPath('..\\..\\..\\..\\a.yaml', cwd, win32)).toBe('C:\\a.yaml');
  });

  it('on POSIX, relative where shorter', () => {
    expect(showPath('./plans/a.yaml', '/home/u/tthc', posix)).toBe('plans/a.yaml');
    expect(showPath('/home/u/tthc/plans/a.yaml', '/home/u/tthc', posix)).toBe('plans/a.yaml');
    expect(showPath('../a.yaml', '/home/u/tthc', posix)).toBe('../a.yaml');
    expect(showPath('../../../a.yaml', '/home/u/tthc', posix)).toBe('/a.yaml');
  });
});

describe('a refused edit names the plan as the user typed it', () => {
  it("another tthc's lock: the plan and its lock file, relative, not resolved", async () => {
    const d = scratch('lock-path');
    try {
      mkdirSync(join(d.dir, 'plans'));
      copyPlan(SHIPPED, join(d.dir, 'plans'), 'p.yaml');
      writeFileSync(join(d.dir, 'plans', 'p.yaml.lock'), `pid=4242\nhost=may-khac\ntime=${new Date().toISOString()}\n`);
      const r = await tthc(['done', 'IX.3', '--date', '2023-07-31', '--plan', 'plans/p.yaml', '--lang', 'en'], { cwd: d.dir });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^tthc: plans\/p\.yaml is being edited by another program: the lock file plans\/p\.yaml\.lock exists \(held by pid 4242, may-khac, /);
      const vi = await tthc(['done', 'IX.3', '--date', '2023-07-31', '--plan', 'plans/p.yaml'], { cwd: d.dir });
      expect(vi.err).toMatch(/^tthc: plans\/p\.yaml đang được một chương trình khác sửa: có tệp khóa plans\/p\.yaml\.lock \(do pid 4242, may-khac, /);
      expect(r.err).not.toContain(d.dir);
    } finally {
      d.remove();
    }
  }, 30_000);
});
