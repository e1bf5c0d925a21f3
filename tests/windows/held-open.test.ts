// A file held open by Word, Excel, a sync or antivirus program on Windows: retried, then refused (exit 1) with the likely cause.
// Windows's refusals are injected into node:fs (EPERM on the rename, EBUSY on a read) with process.platform set to
// win32, so that these run on any system; the smoke test (scripts/windows-smoke.sh) holds files open for real.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { heldOpenRefusal, isHeldOpen, retryHeldOpen, retryHeldOpenSync } from '../../src/edit/held-open.js';
import { RefusedError } from '../../src/model/io.js';
import { copyPlan, scratch, SHIPPED, tthc } from '../due/helpers.js';

/** Which file fails, how, and how many more times (Infinity: until the test ends). */
const fault = vi.hoisted(() => ({ name: '', op: '' as '' | 'rename' | 'read', code: 'EPERM', times: 0, calls: 0 }));

function inject(op: 'rename' | 'read', path: unknown): void {
  if (fault.op !== op || fault.times <= 0 || !String(path).endsWith(fault.name)) return;
  fault.times--;
  fault.calls++;
  throw Object.assign(new Error(`${fault.code}: operation not permitted, ${op} '${String(path)}'`), { code: fault.code });
}

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const rename = async (from: string, to: string) => {
    inject('rename', to);
    return real.rename(from, to);
  };
  return { ...real, default: { ...real, rename }, rename };
});
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const renameSync = (from: string, to: string) => {
    inject('rename', to);
    return real.renameSync(from, to);
  };
  const readFileSync = ((path: string, ...rest: unknown[]) => {
    inject('read', path);
    return (real.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.readFileSync;
  // The plan is read through a file descriptor (openSync for reading, then fstat and bounded reads): Windows refuses
  // the open of a file held with no sharing.
  const openSync = ((path: string, flags: unknown, ...rest: unknown[]) => {
    const forReading = flags === undefined || flags === 'r' || (typeof flags === 'number' && (flags & 3) === real.constants.O_RDONLY);
    if (forReading) inject('read', path);
    return (real.openSync as (...a: unknown[]) => number)(path, flags, ...rest);
  }) as typeof real.openSync;
  return { ...real, default: { ...real, renameSync, readFileSync, openSync }, renameSync, readFileSync, openSync };
});

const realPlatform = process.platform;
function setPlatform(p: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: p, configurable: true });
}

let dir: string;
let remove: () => void;
let plan: string;
beforeAll(() => {
  ({ dir, remove } = scratch('held-open'));
});
afterAll(() => remove());
beforeEach(() => {
  plan = copyPlan(SHIPPED, dir);
  process.env.TTHC_HELD_OPEN_MS = '300';
  setPlatform('win32');
  Object.assign(fault, { name: '', op: '', code: 'EPERM', times: 0, calls: 0 });
});
afterEach(() => {
  setPlatform(realPlatform);
  delete process.env.TTHC_HELD_OPEN_MS;
});

const run = (args: string[], env: Record<string, string> = {}) => tthc([...args, '--plan', plan], { cwd: dir, env });
const holdOpen = (op: 'rename' | 'read', name: string, code = 'EPERM', times = Infinity) => Object.assign(fault, { op, name, code, times });
/** What the scratch folder holds besides the plan and reports: a lock or temp file left behind would show here. */
const leftovers = () => readdirSync(dir).filter((n) => n.includes('.lock') || n.includes('.tmp'));

describe('tthc done while the plan is open in Word', () => {
  it('is refused with exit 1 after retrying, names the likely cause in Vietnamese, and leaves the plan as it was', async () => {
    const before = readFileSync(plan);
    holdOpen('rename', basename(plan));
    const started = Date.now();
    const r = await run(['done', 'IX.3', '--date', '2023-07-31']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'tthc: plan.yaml đang được mở trong một chương trình khác (Word, Excel, chương trình đồng bộ hoặc diệt virus); chưa ghi nhận gì.\n' +
        'gợi ý: Đóng tệp trong chương trình đó rồi chạy lại lệnh.\n',
    );
    expect(fault.calls).toBeGreaterThan(2); // retried, not refused at the first EPERM
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(readFileSync(plan).equals(before)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('says it in English with --lang en, for EBUSY and EACCES as for EPERM', async () => {
    for (const code of ['EBUSY', 'EACCES']) {
      holdOpen('rename', basename(plan), code);
      const r = await run(['done', 'IX.3', '--date', '2023-07-31', '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        'tthc: plan.yaml is open in another program (Word, Excel, a sync or antivirus program); nothing was recorded.\nhint: Close it there and run the command again.\n',
      );
    }
  });

  it('records once a scanner lets go of the plan within the retries', async () => {
    holdOpen('rename', basename(plan), 'EBUSY', 2);
    const r = await run(['done', 'IX.3', '--date', '2023-07-31']);
    expect(r.code).toBe(0);
    expect(fault.calls).toBe(2);
    expect(readFileSync(plan, 'utf8')).toContain('2023-07-31');
    expect(leftovers()).toEqual([]);
  });

  it('off Windows, EPERM is a real permission problem: not retried, not blamed on Word', async () => {
    setPlatform('linux');
    holdOpen('rename', basename(plan));
    const r = await run(['done', 'IX.3', '--date', '2023-07-31']);
    expect(fault.calls).toBe(1);
    expect(r.code).toBe(2);
    expect(r.err).toContain('EPERM');
    expect(r.err).not.toContain('Word');
  });
});

describe('a plan locked by another program, read', () => {
  it('is refused with exit 1 and the cause, not "check the permissions"', async () => {
    holdOpen('read', basename(plan), 'EBUSY');
    const r = await run(['due', '--as-of', '2023-07-20'], { TTHC_LANG: 'en' });
    expect(r.code).toBe(1);
    expect(r.err).toBe(`tthc: Cannot read ${plan}: another program (Word, Excel, a sync or antivirus program) has it locked.\nhint: Close it there and run the command again.\n`);
  });
});

describe('--output to a file open in Excel', () => {
  it('is refused with exit 1, keeps the old file and leaves no temp file', async () => {
    writeFileSync(join(dir, 'han.csv'), 'old');
    holdOpen('rename', 'han.csv', 'EBUSY');
    const r = await run(['due', '--as-of', '2023-07-20', '--format', 'csv', '--output', 'han.csv']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'tthc: Không ghi được han.csv: tệp đang được mở trong một chương trình khác (Excel, Word, chương trình đồng bộ hoặc diệt virus); tệp cũ vẫn giữ nguyên.\n' +
        'gợi ý: Đóng tệp trong chương trình đó rồi chạy lại lệnh, hoặc ghi ra tệp khác với --output.\n',
    );
    expect(readFileSync(join(dir, 'han.csv'), 'utf8')).toBe('old');
    expect(leftovers()).toEqual([]);
    const en = await run(['status', '--as-of', '2023-07-20', '--format', 'csv', '--output', 'han.csv', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.err).toContain('tthc: Cannot write han.csv: it is open in another program (Excel, Word, a sync or antivirus program); the old file is unchanged.');
  });

  it('is written once Excel lets go within the retries', async () => {
    holdOpen('rename', 'han.csv', 'EPERM', 3);
    const r = await run(['due', '--as-of', '2023-07-20', '--format', 'csv', '--output', 'han.csv']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'han.csv'), 'utf8')).toMatch(/^\uFEFFMã,/);
  });
});

describe('the retry helpers', () => {
  const held = () => Object.assign(new Error('EPERM'), { code: 'EPERM' });

  it('only Windows sharing codes count as held open', () => {
    expect(isHeldOpen(held(), 'win32')).toBe(true);
    expect(isHeldOpen(Object.assign(new Error(), { code: 'ENOENT' }), 'win32')).toBe(false);
    expect(isHeldOpen(held(), 'linux')).toBe(false);
    expect(heldOpenRefusal(held(), 'plan', 'p.yaml', 'en', 'win32')).toBeInstanceOf(RefusedError);
    expect(heldOpenRefusal(new Error('other'), 'plan', 'p.yaml', 'en', 'win32')).toBeUndefined();
  });

  it('give up after the wait and throw the last error unchanged; other errors at once', async () => {
    let calls = 0;
    const e = held();
    const t0 = Date.now();
    await expect(retryHeldOpen(async () => (calls++, Promise.reject(e)), { platform: 'win32', waitMs: 200 })).rejects.toBe(e);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    expect(calls).toBeGreaterThan(2);
    calls = 0;
    expect(() =>
      retryHeldOpenSync(() => {
        calls++;
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      }, { platform: 'win32', waitMs: 200 }),
    ).toThrow('ENOENT');
    expect(calls).toBe(1);
  });
});
