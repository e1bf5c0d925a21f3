// The one safe writer: outputs and plan edits never replace what they must not, and locks left behind recover.
import { closeSync, constants, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync, symlinkSync, chmodSync, chownSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateFile, LockError } from '../../src/edit/write.js';
import { expectLocated, planText, put, run, scratch } from './helpers.js';

const posix = process.platform !== 'win32';
const root = posix && process.getuid?.() === 0;

describe('--output never replaces a plan, recognised by reading it', () => {
  const variants: [string, string][] = [
    ['`format: 1` last', planText().replace('format: 1\n', '') + 'format: 1\n'],
    ['a long comment first', '# ' + 'x'.repeat(6000) + '\n' + planText()],
    ['`"format": 1` in JSON style', JSON.stringify({ plan: { title: 'x' }, sections: [], format: 1 })],
    ['a broken plan', planText() + '  bad: [\n'],
  ];
  it.each(variants)('with %s', async (_, text) => {
    const dir = scratch();
    put(dir, 'good.yaml', planText());
    put(dir, 'plan.yaml', text);
    const r = await run(['due', '--plan', 'good.yaml', '--output', 'plan.yaml', '--lang', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('plan.yaml is a plan file; --output will not replace it.');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(text);
  });
});

describe('--output writes each kind of file as it should be written', () => {
  it.skipIf(!posix)('a symbolic link is written through to its target and stays a link', async () => {
    const dir = scratch();
    put(dir, 'plan.yaml', planText());
    mkdirSync(join(dir, 'out'));
    put(dir, 'out/real.txt', 'old\n');
    symlinkSync(join(dir, 'out/real.txt'), join(dir, 'link.txt'));
    const r = await run(['due', '--plan', 'plan.yaml', '--output', 'link.txt'], dir);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'out/real.txt'), 'utf8')).toContain('I.1');
    expect(readdirSync(join(dir, 'out'))).toEqual(['real.txt']);
  });

  it.skipIf(!posix)('a character device (/dev/null) is written to, not replaced by a regular file', async () => {
    const dir = scratch();
    put(dir, 'plan.yaml', planText());
    const r = await run(['due', '--plan', 'plan.yaml', '--output', '/dev/null'], dir);
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.skipIf(!posix)('a named pipe is written as `>` would, to the program reading it', async () => {
    const dir = scratch();
    put(dir, 'plan.yaml', planText());
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const reader = openSync(join(dir, 'pipe'), constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const r = await run(['due', '--plan', 'plan.yaml', '--output', 'pipe'], dir);
      expect(r.code).toBe(0);
      const buf = Buffer.alloc(65536);
      const n = readSync(reader, buf);
      expect(buf.subarray(0, n).toString('utf8')).toContain('I.1');
    } finally {
      closeSync(reader);
    }
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it.skipIf(!posix)('links planted under the old predictable temporary names are not followed', async () => {
    const dir = scratch();
    put(dir, 'plan.yaml', planText());
    const victim = put(dir, 'victim.txt', 'precious\n');
    for (let pid = process.pid - 5; pid <= process.pid + 5; pid++) symlinkSync(victim, join(dir, `report.txt.tthc-${pid}.tmp`));
    const r = await run(['due', '--plan', 'plan.yaml', '--output', 'report.txt'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toContain('I.1');
  });

  it.skipIf(!posix)('an existing output keeps its mode; a read-only one is refused with the reason; a hard-linked one stays linked', async () => {
    const dir = scratch();
    put(dir, 'plan.yaml', planText());
    const out = put(dir, 'report.txt', 'old\n');
    chmodSync(out, 0o640);
    expect((await run(['due', '--plan', 'plan.yaml', '--output', 'report.txt'], dir)).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    chmodSync(out, 0o444);
    const ro = await run(['due', '--plan', 'plan.yaml', '--output', 'report.txt', '--lang', 'en'], dir);
    expect(ro.code).toBe(2);
    expect(ro.err).toContain('report.txt is read-only; tthc does not replace it.');
    chmodSync(out, 0o644);
    linkSync(out, join(dir, 'other-name.txt'));
    writeFileSync(out, 'old\n');
    expect((await run(['status', '--plan', 'plan.yaml', '--output', 'report.txt'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'other-name.txt'), 'utf8')).toBe(readFileSync(out, 'utf8'));
    expect(statSync(out).nlink).toBe(2);
  });
});

describe('plan edits', () => {
  const done = (dir: string) => run(['done', 'I.1', '--plan', 'plan.yaml', '--date', '2024-02-15', '--lang', 'en'], dir);

  it.skipIf(!posix)('a read-only (0444) plan is refused with the reason, and left as it was', async () => {
    const dir = scratch();
    const file = put(dir, 'plan.yaml', planText());
    chmodSync(file, 0o444);
    const r = await done(dir);
    expectLocated(r);
    expect(r.code).toBe(1);
    expect(r.err).toContain('plan.yaml: the plan is read-only; nothing was written.');
    expect(readFileSync(file, 'utf8')).toBe(planText());
  });

  it.skipIf(!posix)('a hard-linked plan is refused with the reason, so the link is never broken silently', async () => {
    const dir = scratch();
    const file = put(dir, 'plan.yaml', planText());
    linkSync(file, join(dir, 'copy.yaml'));
    const r = await done(dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('the plan has 2 hard links');
    expect(readFileSync(file, 'utf8')).toBe(planText());
  });

  it.skipIf(!root)("root editing a user's 0640 plan keeps its owner, group and mode", async () => {
    const dir = scratch();
    const file = put(dir, 'plan.yaml', planText());
    chownSync(file, 1234, 2345);
    chmodSync(file, 0o640);
    const r = await done(dir);
    expect(r.code).toBe(0);
    const st = statSync(file);
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([1234, 2345, 0o640]);
    expect(readFileSync(file, 'utf8')).toContain('done: 2024-02-15');
  });
});

describe('locks left behind recover', () => {
  const old = (p: string) => utimesSync(p, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
  it.each([
    ['empty (a full disk while writing it)', (p: string) => writeFileSync(p, '')],
    ['garbage', (p: string) => writeFileSync(p, '\u0000\u0001 not a lock')],
    ['a folder', (p: string) => mkdirSync(p)],
  ])('a lock that is %s is recognised as stale once it is a few seconds old', async (_, make) => {
    const dir = scratch();
    const file = put(dir, 'plan.yaml', 'a\n');
    make(`${file}.lock`);
    old(`${file}.lock`);
    await updateFile(file, () => Buffer.from('b\n'), { waitMs: 200 });
    expect(readFileSync(file, 'utf8')).toBe('b\n');
    expect(readdirSync(dir)).toEqual(['plan.yaml']);
  });

  it('a fresh lock that is still being written is waited for, not taken over', async () => {
    const dir = scratch();
    const file = put(dir, 'plan.yaml', 'a\n');
    writeFileSync(`${file}.lock`, '');
    await expect(updateFile(file, () => Buffer.from('b\n'), { waitMs: 100 })).rejects.toBeInstanceOf(LockError);
    expect(readFileSync(file, 'utf8')).toBe('a\n');
  });
});
