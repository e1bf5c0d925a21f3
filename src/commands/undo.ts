// `tthc undo`: removes the last record tthc added to a plan, from a small journal kept next to the plan in .tthc/.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { heavy } from '../host/lazy.js';
import { RefusedError } from '../model/io.js';
import { formatDayVi, todayInVietnam } from '../schedule/index.js';
import { langOption } from './agencies.js';
import { planPath, readPlanBytes, type Ctx } from './context.js';

/** How many edits of one plan can be undone, one after the other. */
const KEEP = 10;

/** One edit tthc made: the plan's bytes before it (to restore them exactly) and a hash of the bytes it wrote. */
export interface JournalEntry {
  kind: 'done' | 'trigger';
  task: string;
  record: { done?: string; trigger?: string; period?: string; ref?: string; note?: string };
  at: string;
  after: string;
  before: string;
}

type Journal = Record<string, JournalEntry[]>;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** .tthc/undo.json beside the plan; the folder ignores itself in git (its own .gitignore says `*`). */
function journalFile(plan: string): string {
  return join(dirname(plan), '.tthc', 'undo.json');
}

function readJournal(file: string): Journal {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return j && typeof j === 'object' && !Array.isArray(j) ? (j as Journal) : {};
  } catch {
    return {};
  }
}

function writeJournal(file: string, journal: Journal): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(join(dirname(file), '.gitignore'), '# tthc undo journal: local to this computer\n*\n');
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(journal));
  renameSync(tmp, file);
}

function realPlan(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Called by done and trigger once their edit is on disk. A journal that cannot be written costs only the undo. */
export function remember(planFile: string, before: Buffer, after: Buffer, entry: Pick<JournalEntry, 'kind' | 'task' | 'record'>, now: Date): void {
  try {
    const plan = realPlan(planFile);
    const file = journalFile(plan);
    const journal = readJournal(file);
    const list = (journal[basename(plan)] ?? []).slice(-(KEEP - 1));
    list.push({ ...entry, at: now.toISOString(), after: sha256(after), before: before.toString('base64') });
    journal[basename(plan)] = list;
    writeJournal(file, journal);
  } catch {
    // a read-only folder: nothing to undo later, which undo will say
  }
}

function describe(e: JournalEntry, vi: boolean): string {
  const r = e.record;
  const what = r.trigger
    ? `${vi ? 'văn bản/sự kiện ngày' : 'the trigger on'} ${formatDayVi(r.trigger)}`
    : `${vi ? 'hoàn thành ngày' : 'done on'} ${formatDayVi(r.done ?? '')}`;
  const ref = r.ref ? (vi ? `, văn bản ${r.ref}` : `, document ${r.ref}`) : '';
  return `${e.task}${r.period ? ` (${r.period})` : ''} — ${what}${ref}`;
}

export function registerUndo(program: Command, ctx: Ctx, done: (code: number) => void): void {
  program
    .command('undo')
    .description('remove the last record tthc added to the plan (done or trigger), if the plan has not changed since')
    .option('--lang <lang>', 'vi or en, for the confirmation (default: TTHC_LANG, else vi)')
    .option('--plan <file>', 'the plan file (default: the plan in plans/, or TTHC_PLAN)')
    .action(async (opts: { plan?: string; lang?: string }) => {
      const vi = langOption(ctx, opts.lang) === 'vi';
      const file = planPath(ctx, opts.plan);
      const shown = ctx.display(file);
      readPlanBytes(ctx, file); // a missing file or a folder is a usage error
      const plan = realPlan(ctx.abs(file));
      const jfile = journalFile(plan);
      const journal = readJournal(jfile);
      const list = journal[basename(plan)] ?? [];
      const last = list[list.length - 1];
      if (!last) {
        throw new RefusedError(
          vi ? `${shown}: tthc chưa thêm ghi nhận nào vào kế hoạch này trên máy này; không có gì để hoàn tác.` : `${shown}: tthc has added no record to this plan on this computer; there is nothing to undo.`,
          vi ? 'Sửa tệp kế hoạch bằng tay, rồi chạy `tthc check`.' : 'Edit the plan by hand, then run `tthc check`.',
        );
      }
      const { updateFile, LockError, ConflictError } = await heavy();
      try {
        await updateFile(ctx.abs(file), (current) => {
          // Only the bytes tthc wrote may be replaced: any other change since would be lost with the record.
          if (sha256(current) !== last.after) {
            throw new RefusedError(
              vi
                ? `${shown} đã thay đổi sau khi tthc thêm ghi nhận ${describe(last, vi)} (${formatDayVi(todayInVietnam(new Date(last.at)))}); không hoàn tác được, không có gì bị ghi.`
                : `${shown} has changed since tthc added the record ${describe(last, vi)} (${formatDayVi(todayInVietnam(new Date(last.at)))}); it cannot be undone, and nothing was written.`,
              vi ? 'Xóa ghi nhận đó bằng tay (xem `git diff`), rồi chạy `tthc check`.' : 'Remove that record by hand (see `git diff`), then run `tthc check`.',
            );
          }
          return Buffer.from(last.before, 'base64');
        });
      } catch (e) {
        if (e instanceof LockError || e instanceof ConflictError) throw new RefusedError(e.message);
        throw e;
      }
      list.pop();
      journal[basename(plan)] = list;
      try {
        writeJournal(jfile, journal);
      } catch {
        // the plan is restored; a stale entry is refused next time, since its hash no longer matches
      }
      ctx.io.write(vi ? `${shown}: đã xóa ghi nhận ${describe(last, vi)}.\n` : `${shown}: removed the record ${describe(last, vi)}.\n`);
      done(0);
    });
}
