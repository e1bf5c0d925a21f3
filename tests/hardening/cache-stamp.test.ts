// The plan cache's stamp: a plan file whose size, times and file number are as when its bytes were last read is not read again, and nothing else passes for it.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedFile, vouches } from '../../src/host/cache.js';
import { readPlanFile, statPlanFile } from '../../src/host/files.js';
import { planText } from './helpers.js';

const TODAY = '2024-02-20';
const clean = planText();
/** The same plan with one task's lead changed: the same number of bytes, another plan. */
const edited = clean.replace('lead: vp', 'lead: tp');

/** A folder with a plan written RACY seconds ago (see beforeAll) and a cache of its own. */
interface Place {
  dir: string;
  plan: string;
  cache: string;
}

const places: Place[] = [];
const MTIME = Math.floor(Date.now() / 1000) - 60;
function place(text = clean): Place {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-stamp-'));
  const p = { dir, plan: join(dir, 'plan.yaml'), cache: join(dir, 'cache') };
  writeFileSync(p.plan, text);
  // Whole seconds, so that an mtime put back with utimes is the same to the nanosecond.
  utimesSync(p.plan, MTIME, MTIME);
  places.push(p);
  return p;
}

/** Loads `p.plan` through the cache; says whether its bytes were read, and what the plan holds. */
async function load(p: Place): Promise<{ read: boolean; leads: string[]; findings: string[] }> {
  let read = false;
  const checked = await loadCheckedFile(
    p.plan,
    () => {
      read = true;
      return readPlanFile(p.plan, 'plan.yaml', 'en');
    },
    'plan.yaml',
    TODAY,
    { TTHC_CACHE_DIR: p.cache },
  );
  return { read, leads: checked.plan!.tasks.map((t) => t.lead.join(',')), findings: checked.diagnostics.map((d) => d.code) };
}

let old: Place;
let racy: Place;
let sameSize: Place;
let replaced: Place;
let copied: Place;
let damaged: Place;

beforeAll(async () => {
  [old, sameSize, replaced, copied, damaged] = [place(), place(), place(), place(), place()];
  // A stamp is kept only for a file whose times are older than the racy window (3 s) when it is read.
  await new Promise((r) => setTimeout(r, 3_200));
  racy = place();
}, 10_000);

describe('the stamp of a plan file', () => {
  it('spares reading an unchanged plan, and gives the same plan', async () => {
    const first = await load(old);
    expect(first.read).toBe(true);
    expect(readdirSync(old.cache).filter((n) => n.endsWith('.stamp'))).toHaveLength(1);
    const second = await load(old);
    expect(second).toEqual({ ...first, read: false });
  });

  it('is not kept for a file written within the racy window', async () => {
    expect((await load(racy)).read).toBe(true);
    expect(readdirSync(racy.cache).filter((n) => n.endsWith('.stamp'))).toHaveLength(0);
    expect((await load(racy)).read).toBe(true);
  });

  it('does not vouch for an edit that keeps the size and puts the mtime back', async () => {
    const before = await load(sameSize);
    const st = statSync(sameSize.plan);
    expect((await load(sameSize)).read).toBe(false);
    // Past the coarse clock tick of the stamp's ctime, so that only the rule (ctime changes) can tell.
    await new Promise((r) => setTimeout(r, 30));
    writeFileSync(sameSize.plan, edited);
    utimesSync(sameSize.plan, MTIME, MTIME);
    expect(statSync(sameSize.plan).size).toBe(st.size);
    expect(statSync(sameSize.plan, { bigint: true }).mtimeNs).toBe(BigInt(MTIME) * 1_000_000_000n);
    const after = await load(sameSize);
    expect(after.read).toBe(true);
    expect(after.leads).not.toEqual(before.leads);
    expect(after.leads[0]).toBe('tp');
  });

  it('does not vouch for a file replaced by another (a new file number) with the same size and mtime', async () => {
    await load(replaced);
    const st = statSync(replaced.plan);
    expect((await load(replaced)).read).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    const other = join(replaced.dir, 'other.yaml');
    writeFileSync(other, edited);
    utimesSync(other, MTIME, MTIME);
    renameSync(other, replaced.plan);
    const after = await load(replaced);
    expect(after.read).toBe(true);
    expect(after.leads[0]).toBe('tp');
  });

  it('does not vouch for a copy kept with its times (cp -p) over the plan', async () => {
    await load(copied);
    const st = statSync(copied.plan);
    expect((await load(copied)).read).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    const other = join(copied.dir, 'other.yaml');
    writeFileSync(other, edited);
    utimesSync(other, MTIME, MTIME);
    // cp -p onto an existing file: its file number stays, its content and mtime are the copy's.
    copyFileSync(other, copied.plan);
    utimesSync(copied.plan, MTIME, MTIME);
    expect(statSync(copied.plan).ino).toBe(st.ino);
    const after = await load(copied);
    expect(after.read).toBe(true);
    expect(after.leads[0]).toBe('tp');
  });

  it('is a miss where damaged, for another path, or naming bytes the cache has no entry for', async () => {
    await load(damaged);
    const [name] = readdirSync(damaged.cache).filter((n) => n.endsWith('.stamp'));
    const file = join(damaged.cache, name!);
    const kept = readFileSync(file, 'utf8');
    for (const bad of ['{', '[]', kept.replace(/"where":"[^"]*"/, '"where":"/elsewhere.yaml"'), kept.replace(/"bytes":"[0-9a-f]+/, '"bytes":"0'), kept.replace(/"size":"\d+"/, '"size":"1"')]) {
      writeFileSync(file, bad);
      expect((await load(damaged)).read).toBe(true);
      // The plan read and hashed again, the stamp is written afresh.
      const untimed = (t: string) => t.replace(/"taken":"\d+"/, '');
      expect(untimed(readFileSync(file, 'utf8'))).toBe(untimed(kept));
      expect((await load(damaged)).read).toBe(false);
    }
  });

  it('vouches only with a ctime and a file number, and times older than the racy window', () => {
    const now = statPlanFile(old.plan)!;
    const taken = now.mtime + 10_000_000_000n;
    expect(vouches({ ...now, ctime: now.mtime, taken })).toBe(true);
    // Some file systems (FAT on Windows, some network drives) give no file number or no change time.
    expect(vouches({ ...now, ctime: now.mtime, taken, ino: 0n })).toBe(false);
    expect(vouches({ ...now, ctime: 0n, taken })).toBe(false);
    expect(vouches({ ...now, ctime: now.mtime, taken: now.mtime + 2_000_000_000n })).toBe(false);
    expect(vouches({ ...now, ctime: taken, taken })).toBe(false);
    expect(statPlanFile(old.dir)).toBeUndefined();
    expect(statPlanFile(join(old.dir, 'missing.yaml'))).toBeUndefined();
  });
});
