// Tests for `tthc ics`: the file parses as iCalendar, holds every dated occurrence once, folds by octets and never changes with the clock.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';
import { loadBytes } from '../../src/read/load.js';
import type { Plan } from '../../src/model/model.js';
import { escapeText, foldLine, shorten } from '../../src/render/ics.js';
import { evaluatePlan } from '../../src/views/evaluate.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED = 'plans/kon-ray-2023.yaml';
const NOW = new Date('2023-07-20T03:00:00Z');

async function run(argv: string[], now = NOW): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ now: () => now, cwd: ROOT, env: { NO_COLOR: '1' } });
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

function shippedPlan(): Plan {
  const loaded = loadBytes(readFileSync(join(ROOT, SHIPPED)), SHIPPED, '2023-10-01');
  if (!loaded.plan) throw new Error('the shipped plan does not load');
  return loaded.plan;
}

interface Ev {
  uid: string;
  summary: string;
  description: string;
  start: ICAL.Time;
  end: ICAL.Time;
  stamp: string;
}

function parse(text: string): { cal: ICAL.Component; events: Ev[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    summary: String(v.getFirstPropertyValue('summary')),
    description: String(v.getFirstPropertyValue('description')),
    start: v.getFirstPropertyValue('dtstart') as ICAL.Time,
    end: v.getFirstPropertyValue('dtend') as ICAL.Time,
    stamp: String(v.getFirstPropertyValue('dtstamp')),
  }));
  return { cal, events };
}

const tmp = mkdtempSync(join(tmpdir(), 'tthc-ics-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('tthc ics on the shipped plan', async () => {
  const r = await run(['ics']);
  const { cal, events } = parse(r.out);
  const plan = shippedPlan();

  it('exits 0 and prints nothing on stderr', () => {
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  it('holds one event per dated occurrence', () => {
    // Counted here from the schedule engine, independently of the command: every occurrence with a due date.
    const state = evaluatePlan(plan, plan.period.end, 14);
    const dated = state.tasks.flatMap((s) => s.eval.occurrences.filter((o) => o.due !== null).map((o) => `${s.task.id}|${o.period}|${o.due}`));
    expect(dated.length).toBeGreaterThan(0);
    expect(events).toHaveLength(dated.length);
    const seen = events.map((e) => {
      const id = e.summary.split(' — ')[0]!;
      return `${id}|${e.uid.split('@')[0]!.slice(id.length + 1).replace(/^once$/, 'null')}|${e.start.toString()}`;
    });
    expect(seen.sort()).toEqual(dated.sort());
  });

  it('has the calendar properties', () => {
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//tthc//tthc 0.1//VI');
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(plan.title);
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Ho_Chi_Minh');
  });

  it('puts each event on its due day, all day, ending the next day', () => {
    for (const e of events) {
      expect(e.start.isDate).toBe(true);
      expect(e.end.isDate).toBe(true);
      const next = e.start.clone();
      next.adjust(1, 0, 0, 0);
      expect(e.end.toString()).toBe(next.toString());
    }
    expect(r.out).toMatch(/\r\nDTSTART;VALUE=DATE:\d{8}\r\n/);
    // "Trước ngày 10/3/2023": the last on-time day is 9 March.
    const i2 = events.find((e) => e.uid.startsWith('I.2-'))!;
    expect(i2.start.toString()).toBe('2023-03-09');
    expect(i2.end.toString()).toBe('2023-03-10');
  });

  it('stamps the plan (no date of issue: 1 January of its year), not the clock', () => {
    expect(new Set(events.map((e) => e.stamp))).toEqual(new Set(['2023-01-01T00:00:00Z']));
    expect(r.out).toContain('\r\nDTSTAMP:20230101T000000Z\r\n');
  });

  it('--role without --agency is a usage error', async () => {
    const r = await run(['ics', '--role', 'lead', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--role lead needs --agency');
  });

  it('gives stable, unique UIDs of safe characters', () => {
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const u of uids) expect(u).toMatch(/^[A-Za-z0-9._-]+@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007\.tthc$/);
    expect(uids).toContain('I.2-once@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc');
    expect(uids).toContain('X.2-2023-03@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc');
    expect(uids).toContain('VIII.1-2023-Q2@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc');
    expect(uids).toContain('VIII.1-2023@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc');
  });

  it('writes summaries as id — short content — period', () => {
    const i2 = events.find((e) => e.uid === 'I.2-once@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc')!;
    expect(i2.summary).toBe('I.2 — Kế hoạch hoạt động kiểm soát TTHC năm 2023');
    const x2 = events.find((e) => e.uid === 'X.2-2023-03@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc')!;
    expect(x2.summary).toMatch(/^X\.2 — Đẩy mạnh công khai kết quả .*… — Tháng 3\/2023$/);
    const q2 = events.find((e) => e.uid === 'VIII.1-2023-Q2@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc')!;
    expect(q2.summary).toMatch(/ — Quý II\/2023$/);
    expect(events.find((e) => e.uid === 'VIII.1-2023@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc')!.summary).toMatch(/ — Năm 2023$/);
    for (const e of events) {
      const content = e.summary.split(' — ')[1]!;
      expect([...content].length).toBeLessThanOrEqual(81);
      const task = plan.taskById.get(e.summary.split(' — ')[0]!)!;
      // Cut at a word boundary: what is kept is a prefix of the content, ending with a whole word.
      const kept = content.replace(/…$/, '');
      expect(task.content.startsWith(kept)).toBe(true);
      if (kept !== task.content) expect(task.content.charAt(kept.length)).toMatch(/[\s,;.]/);
    }
  });

  it('round-trips Vietnamese text, commas and semicolons exactly in descriptions', () => {
    const q1 = events.find((e) => e.uid === 'VIII.1-2023-Q1@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc')!;
    const task = plan.taskById.get('VIII.1')!;
    const lines = q1.description.split('\n');
    expect(lines).toContain(`Kết quả công việc: ${task.output}`);
    expect(lines).toContain('Cơ quan thực hiện: Các cơ quan, đơn vị thuộc huyện; UBND cấp xã');
    expect(lines).toContain('Cơ quan phối hợp: Văn phòng HĐND-UBND huyện');
    expect(lines).toContain('Thời gian thực hiện: Hàng quý, năm và đột xuất khi có yêu cầu');
    expect(lines).toContain('Hạn: 31/3/2023');
    expect(lines.at(-1)).toBe(`Nội dung công việc: ${task.content}`);
    const x2 = events.find((e) => e.uid === 'X.2-2023-01@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc')!;
    expect(x2.description.endsWith(plan.taskById.get('X.2')!.content)).toBe(true);
  });

  it('keeps every physical line within 75 octets, each ending in CRLF', () => {
    expect(r.out.endsWith('\r\n')).toBe(true);
    expect(r.out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = r.out.slice(0, -2).split('\r\n');
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    // The long Vietnamese descriptions really are folded.
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(lines.filter((l) => Buffer.byteLength(l, 'utf8') === 75).length).toBeGreaterThan(0);
    expect(Buffer.from(r.out, 'utf8').toString('utf8')).toBe(r.out);
  });

  it('is byte-identical from run to run, whatever the clock', async () => {
    expect((await run(['ics'])).out).toBe(r.out);
    expect((await run(['ics'], new Date('2031-02-03T23:59:00Z'))).out).toBe(r.out);
  });

  it('writes the same bytes with --output', async () => {
    const file = join(tmp, 'out.ics');
    const w = await run(['ics', '--output', file]);
    expect(w.code).toBe(0);
    expect(w.out).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(r.out);
  });
});

describe('tthc ics --agency and --role', () => {
  const idsOf = (text: string) => new Set(parse(text).events.map((e) => e.summary.split(' — ')[0]));

  it('--agency vp --role lead keeps the tasks vp leads', async () => {
    const r = await run(['ics', '--agency', 'vp', '--role', 'lead']);
    expect(r.code).toBe(0);
    // VIII.1 and IX.1 name vp as support (IX.1 also leads through a collective, but the explicit mention decides).
    expect(idsOf(r.out)).toEqual(new Set(['I.2', 'V.1', 'IX.3', 'IX.5', 'IX.6', 'X.2']));
    expect(parse(r.out).events).toHaveLength(17);
    expect(parse(r.out).cal.getFirstPropertyValue('x-wr-calname')).toMatch(/ — Văn phòng HĐND-UBND huyện$/);
  });

  it('--agency vp --role support keeps the tasks vp supports', async () => {
    const r = await run(['ics', '--agency', 'vp', '--role', 'support']);
    expect(idsOf(r.out)).toEqual(new Set(['VIII.1', 'IX.1']));
  });

  it('an agency involved only through a collective, and a bad role', async () => {
    const r = await run(['ics', '--agency', 'xa-tan-lap', '--role', 'lead']);
    expect(idsOf(r.out)).toEqual(new Set(['VIII.1', 'IX.1']));
    const bad = await run(['ics', '--role', 'boss']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--role/);
    const unknown = await run(['ics', '--agency', 'nowhere']);
    expect(unknown.code).toBe(2);
  });
});

describe('triggered event tasks', () => {
  it('appear once triggered when the plan gives them a number of days', async () => {
    const text = readFileSync(join(ROOT, SHIPPED), 'utf8').replace(
      '        when: Theo văn bản triển khai của UBND tỉnh\n',
      '        when: Theo văn bản triển khai của UBND tỉnh\n        schedule: { after: 30 }\n        records:\n          - trigger: 2023-04-03\n            ref: 12/UBND-NC\n',
    );
    expect(text).toContain('after: 30');
    const file = join(tmp, 'bản sao; kế hoạch.yaml');
    writeFileSync(file, text);
    const r = await run(['ics', '--plan', file]);
    expect(r.err).toBe('');
    const ev = parse(r.out).events.find((e) => e.summary.startsWith('III.2 '))!;
    expect(ev.start.toString()).toBe('2023-05-03');
    expect(ev.summary).toMatch(/ — từ 3\/4\/2023$/);
    // UIDs come from the plan, not the file's name: a copy under another name updates the same events.
    expect(ev.uid).toBe('III.2-2023-04-03@uy-ban-nhan-dan-huyen-kon-ray-2023-b54007.tthc');
  });
});

describe('escaping and folding', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a character', () => {
    const line = `DESCRIPTION:${'Đẩy mạnh cải cách thủ tục hành chính 😀 '.repeat(8)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(folded).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('round-trips any text through escape, fold and ical.js', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom('\\', ';', ',', '\n', ':', '"', 'ệ', 'Đ', 'ở', ' ', '😀', '\\n', '\\;', 'e\u0301'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        // RFC 5545 TEXT allows no control characters other than newlines and tabs.
        const s = pieces.join('').replace(/[\u0000-\u0008\u000b-\u001f\u007f\r]/g, '');
        const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:x', 'BEGIN:VEVENT', 'UID:u', foldLine(`SUMMARY:${escapeText(s)}`), 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
        for (const l of ics.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
        const v = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
        expect(v.getFirstPropertyValue('summary')).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('shortens at a word boundary', () => {
    expect(shorten('ngắn')).toBe('ngắn');
    const long = 'Phối hợp triển khai việc tiếp nhận và giải quyết TTHC ngay trong ngày đối với một số TTHC đơn giản';
    const s = shorten(long);
    expect(s.endsWith('…')).toBe(true);
    expect(long.startsWith(s.slice(0, -1))).toBe(true);
    expect(long.charAt(s.length - 1)).toBe(' ');
  });
});
