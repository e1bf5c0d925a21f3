// Every command's error paths and help, in Vietnamese (the default) and in English: a Vietnamese run must not print
// an English sentence, and an English run must not print Vietnamese, outside the plan's own words and quoted input.
import { chmodSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { isAbsolute, join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/cli.js';
import { memoryIo } from '../../src/cli/memory-io.js';

const ROOT = join(import.meta.dirname, '..', '..');
const NOW = new Date('2023-07-20T03:00:00Z');

/** A scratch folder with plans/ (the shipped plan), a broken plan, and no git. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-lang-'));
  mkdirSync(join(dir, 'plans'));
  copyFileSync(join(ROOT, 'plans', 'kon-ray-2023.yaml'), join(dir, 'plans', 'kon-ray-2023.yaml'));
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', 'tthc.yaml'), 'agency: vp\nwithn: 2w\n');
  // A task written as a flow mapping: the plan checks clean, but the editor cannot add a record to it.
  const plan = readFileSync(join(ROOT, 'plans', 'kon-ray-2023.yaml'), 'utf8');
  const flow = plan.replace(/- id: IX\.3\n(?:\s{8}.*\n)+/, (m) => {
    const pairs = m.slice(2).trimEnd().split('\n').map((l) => l.trim());
    return `- { ${pairs.join(', ')} }\n`;
  });
  if (flow === plan) throw new Error('the flow-mapping plan was not made');
  writeFileSync(join(dir, 'flow.yaml'), flow);
  // Documents the importer refuses: no table, a table out of order, a damaged .docx, a zip that is no Word document,
  // a damaged PDF.
  writeFileSync(join(dir, 'note.txt'), 'Kính gửi các cơ quan, đơn vị.\n');
  writeFileSync(join(dir, 'order.txt'), 'TT\tNội dung công việc\tCơ quan chủ trì\tThời gian thực hiện\nII\tMục hai\n1\tViệc một\tvp\tTháng 3/2023\n');
  writeFileSync(join(dir, 'broken.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  writeFileSync(join(dir, 'other.docx'), zipSync({ 'readme.txt': new TextEncoder().encode('no Word here') }));
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\nnothing here\n');
  // A plan that may not be written (read-only), for done.
  copyFileSync(join(ROOT, 'plans', 'kon-ray-2023.yaml'), join(dir, 'ro.yaml'));
  chmodSync(join(dir, 'ro.yaml'), 0o444);
  return dir;
}
const DIR = scratch();
/** A folder with no plans/ in it or above it. */
const BARE = mkdtempSync(join(tmpdir(), 'tthc-lang-bare-'));

/** Git repositories with the shipped plan in plans/: one without a commit, one with the plan committed then changed. */
function repo(commit: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-lang-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir }, stdio: 'pipe' });
  git('init', '-q');
  mkdirSync(join(dir, 'plans'));
  copyFileSync(join(ROOT, 'plans', 'kon-ray-2023.yaml'), join(dir, 'plans', 'kon-ray-2023.yaml'));
  if (commit) {
    git('add', 'plans');
    git('-c', 'user.name=An', '-c', 'user.email=an@example.org', 'commit', '-q', '-m', 'plan');
    // A deadline moved and staged (for --fail-on), and a plan not yet in any commit.
    const file = join(dir, 'plans', 'kon-ray-2023.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('when: Tháng 7/2023', 'when: Tháng 9/2023'));
    git('add', 'plans');
    copyFileSync(file, join(dir, 'plans', 'other.yaml'));
  }
  return dir;
}
const FRESH = repo(false);
const COMMITTED = repo(true);

async function run(argv: string[], cwd = DIR, env: Record<string, string> = {}): Promise<{ code: number; text: string }> {
  const io = memoryIo({ env: { COLUMNS: '100', NO_COLOR: '1', ...env }, cwd, now: () => NOW });
  const code = await main(argv, io);
  return { code, text: io.out + io.err };
}

/** Error paths of every command: [what, argv, folder (a subfolder of the scratch one)]. */
const ERRORS: [string, string[], string?][] = [
  ['unknown agency', ['due', '--agency', 'xyzzy']],
  ['ambiguous agency', ['due', '--agency', 'phong']],
  ['empty agency', ['due', '--agency', ' ']],
  ['a day that does not exist', ['due', '--as-of', '30/2/2023']],
  ['no month 13', ['status', '--as-of', '1/13/2023']],
  ['not a day', ['due', '--as-of', 'someday']],
  ['bad window', ['due', '--within', 'soon']],
  ['window too long', ['due', '--within', '10000']],
  ['bad role', ['due', '--role', 'boss', '--agency', 'vp']],
  ['role without agency', ['due', '--role', 'lead']],
  ['bad format', ['due', '--format', 'pdf']],
  ['bad separator', ['due', '--format', 'csv', '--sep', 'x']],
  ['bad fail-on', ['due', '--fail-on', 'late']],
  ['bad width', ['due', '--width', '5']],
  ['two days', ['due', '--as-of', '2023-07-20', '--today', '2023-07-21']],
  ['missing plan', ['due', '--plan', 'missing.yaml']],
  ['a folder without plans as the plan', ['due', '--plan', 'bad']],
  ['plan for a year none has', ['due', '--plan', '2030']],
  ['unknown task', ['show', 'Z.9']],
  ['xlsx without output', ['show', '--output', 'x.txt']],
  ['bad grouping', ['status', '--by', 'month']],
  ['bad quarter', ['status', '--quarter', '5']],
  ['bad periods', ['status', '--periods', 'weeks']],
  ['several occurrences open', ['done', 'X.2', '--date', '2023-07-19']],
  ['a completion after today', ['done', 'IX.3', '--date', '2023-12-01']],
  ['a completion before the plan', ['done', 'IX.3', '--date', '2022-12-01']],
  ['no such period', ['done', 'X.2', '--period', '2023-Q1', '--date', '2023-03-01']],
  ['not a period', ['done', 'X.2', '--period', '2023-13', '--date', '2023-03-01']],
  ['a period on a continuous task', ['done', 'II.1', '--period', '2023-Q1', '--date', '2023-03-01']],
  ['waiting for a trigger', ['done', 'I.1', '--date', '2023-03-01']],
  ['empty note', ['done', 'IX.3', '--date', '2023-07-01', '--note', ' ']],
  ['trigger on a task without one', ['trigger', 'I.2', '--date', '2023-03-01']],
  ['trigger of a task that follows another', ['trigger', 'V.2', '--date', '2023-03-01']],
  ['trigger with --due and --within', ['trigger', 'V.3', '--date', '2023-04-03', '--within', '10', '--due', '2023-05-01']],
  ['trigger with --period', ['trigger', 'I.1', '--date', '2023-03-01', '--period', '2023-Q1']],
  ['nothing to undo', ['undo']],
  ['a task the editor cannot extend', ['done', 'IX.3', '--date', '2023-07-01', '--plan', 'flow.yaml']],
  ['a read-only plan', ['done', 'IX.3', '--date', '2023-07-01', '--plan', 'ro.yaml']],
  ['--ref without a slash', ['done', 'IX.3', '--date', '2023-07-01', '--ref', 'BC-UBND']],
  ['--ref without a number', ['done', 'IX.3', '--date', '2023-07-01', '--ref', '/BC-UBND']],
  ['--ref whose number is not one', ['done', 'IX.3', '--date', '2023-07-01', '--ref', '1a/BC-UBND']],
  ['--ref without a symbol', ['done', 'IX.3', '--date', '2023-07-01', '--ref', '12/']],
  ['--ref with an empty part', ['done', 'IX.3', '--date', '2023-07-01', '--ref', '12/BC--UBND']],
  ['--ref in small letters', ['done', 'IX.3', '--date', '2023-07-01', '--ref', '12/bc-ubnd']],
  ['--ref of a law without a type', ['trigger', 'I.1', '--date', '2023-03-01', '--ref', '12/2023/UBND']],
  ['--ref with a type one letter off', ['done', 'IX.3', '--date', '2023-07-01', '--ref', '12/KHH-UBND']],
  ['--ref of a law with no legal type', ['done', 'IX.3', '--date', '2023-07-01', '--ref', '12/2021/XX-CP']],
  ['--ref with no type', ['done', 'IX.3', '--date', '2023-07-01', '--ref', '12/XX-UBND']],
  ['bad language', ['due', '--lang', 'fr']],
  ['bad tthc.yaml', ['due'], 'bad'],
  ['no plans folder', ['due'], BARE],
  ['import: missing file', ['import', 'nothing.txt']],
  ['import: bad year', ['import', 'plans/kon-ray-2023.yaml', '--year', 'abc']],
  ['import: no table', ['import', 'note.txt']],
  ['import: sections out of order', ['import', 'order.txt']],
  ['import: a damaged .docx', ['import', 'broken.docx']],
  ['import: a zip that is no Word document', ['import', 'other.docx']],
  ['import: a damaged PDF', ['import', 'broken.pdf']],
  ['report: bad half', ['report', '--half', '3']],
  ['report: quarter and half', ['report', '--quarter', '1', '--half', '1']],
  ['ics: bad reminder', ['ics', '--remind', 'x']],
  ['completion: unknown shell', ['completion', 'tcsh']],
  ['log outside git', ['log', 'IX.3']],
  ['diff: bad fail-on', ['diff', '--fail-on', 'everything']],
  ['diff: the plan outside git', ['diff']],
  ['diff: revisions outside git', ['diff', 'HEAD~1:plans/kon-ray-2023.yaml', 'HEAD:plans/kon-ray-2023.yaml']],
  ['diff: a repository without a commit', ['diff'], FRESH],
  ['diff: a file not in a revision', ['diff', 'HEAD:plans/other.yaml'], COMMITTED],
  ['diff: a plan not yet committed, among staged ones', ['diff', '--staged', 'plans/kon-ray-2023.yaml', 'plans/other.yaml', '--fail-on', 'moved-deadline', '--output', 'diff.md'], COMMITTED],
  ['diff: not a revision', ['diff', 'nowhere'], COMMITTED],
  ['diff: a revision that starts with a dash', ['diff', '--', '-x'], COMMITTED],
  ['diff: three versions', ['diff', 'HEAD', 'HEAD', 'HEAD'], COMMITTED],
  ['diff: a change that breaks --fail-on', ['diff', '--fail-on', 'moved-deadline'], COMMITTED],
  ['missing argument and option', ['trigger']],
  ['unknown option', ['due', '--agnecy', 'vp']],
  ['unknown command', ['dua']],
  ['too many arguments', ['due', '--within', '2', 'tuần']],
];

const COMMANDS = ['due', 'status', 'done', 'trigger', 'check', 'show', 'agencies', 'schema', 'import', 'ics', 'report', 'config', 'completion', 'undo', 'diff', 'log'];

/** Words that only an English sentence has (checked in a Vietnamese run). */
const ENGLISH = /\b(the|is|are|not|no|has|have|with|and|or|to|of|for|from|this|that|it|its|cannot|does|already|give|use|write|run|check|plan|task|file|folder|agency|day|days|date|period|record|records|option|options|before|after|only|every|one|which|there|here|other|again|default|nothing|found)\b/i;
const DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/**
 * The sentences tthc wrote, without what is not tthc's own words: file paths, ids and codes, flags and their
 * placeholders, commands in backticks, quoted input and the plan's own text, the lines that quote the plan
 * (agency names in a list of candidates), and the usage line of help.
 */
function ownWords(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s{2}[a-z0-9-]+\s{2,}/.test(l) && !/^(Usage|Cách dùng):/.test(l))
    .map((l) => l.replace(/^\s{2}\S.*?\s{2,}/, ' '))
    .join('\n')
    .replace(/(Các khóa|Keys): [\w, ]+/g, ' ')
    .replace(/\b\w+(-\w+)+\b/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"|“[^”]*”|'[^']*'/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
    .replace(/(^|\s)-{1,2}[a-z][\w-]*/gi, ' ')
    .replace(/\S*[/\\.]\S*/g, ' ')
    .replace(/\b(tthc|TTHC_\w+|COLUMNS|GitHub|Actions|HEAD|git|vi|en|any|lead|support|overdue|due-soon|table|json|csv|md|xlsx|html|docx|text|github|calendar|reporting|task|agency|section|plan|bash|zsh|fish|powershell|Excel|Word|PDF|OCR|YAML|JSON|Schema|iCalendar|VTODO|DUE|COMPLETED|UTF-8|A4|ok)\b/g, ' ');
}

/**
 * English text may name Vietnamese things: the forms of a day a clerk types, the plan's title, documents, the columns
 * and parts of a plan's table, the types of
 * document (QĐ, NĐ-CP, QyĐ and their names in parentheses: "KH is (kế hoạch)"), a công văn.
 */
function englishOwnWords(text: string): string {
  return ownWords(text.replace(/\((?:\p{Ll}| )+\)|công văn|Nội dung công việc|Nội dung|Nhiệm vụ|Cơ quan chủ trì|Chủ trì|Cơ quan thực hiện|Thời gian thực hiện|Thời hạn hoàn thành|Phần/gu, ' '))
    .replace(/(?<!\p{L})[\p{Lu}y]*Đ\p{Lu}*(?!\p{L})/gu, ' ')
    .replace(/\s+/g, ' ').replace(/Kế hoạch kiểm soát TTHC|Nghị định|cơ quan chủ quản|ngày|tháng|năm|hôm nay|hôm qua|tuần|chưa xác định hạn|SỐ\/KÝ-HIỆU|SỐ|KÝ|HIỆU|Nơi nhận|CHỦ TỊCH/g, ' ');
}

describe('every error path speaks the language of the run', () => {
  it.each(ERRORS)('%s', async (_what, argv, sub) => {
    const cwd = sub === undefined ? DIR : isAbsolute(sub) ? sub : join(DIR, sub);
    const vi = await run(argv, cwd);
    const en = await run(argv, cwd, { TTHC_LANG: 'en' });
    expect(vi.code, vi.text).toBeGreaterThan(0);
    expect(en.code).toBe(vi.code);
    expect(vi.text).toMatch(DIACRITIC);
    const english = ENGLISH.exec(ownWords(vi.text));
    expect(english, `English word "${english?.[0]}" in the Vietnamese run:\n${vi.text}`).toBeNull();
    const viet = DIACRITIC.exec(englishOwnWords(en.text));
    expect(viet, `Vietnamese in the English run:\n${en.text}`).toBeNull();
  });
});

describe('help speaks the language of the run', () => {
  it.each([[[]], ...COMMANDS.map((c) => [[c]])])('%j --help', async (argv: string[]) => {
    const vi = await run([...argv, '--help']);
    const en = await run([...argv, '--help', '--lang', 'en']);
    expect(vi.code).toBe(0);
    const english = ENGLISH.exec(ownWords(vi.text));
    expect(english, `English word "${english?.[0]}" in the Vietnamese help:\n${vi.text}`).toBeNull();
    const viet = DIACRITIC.exec(englishOwnWords(en.text));
    expect(viet, `Vietnamese in the English help:\n${en.text}`).toBeNull();
  });
});

describe('the heuristic itself', () => {
  it('finds an English sentence in a Vietnamese run, and Vietnamese in an English one', () => {
    expect(ENGLISH.exec(ownWords('tthc: The plan has no task X.99.'))).not.toBeNull();
    expect(ENGLISH.exec(ownWords('tthc: Kế hoạch không có nhiệm vụ X.99.'))).toBeNull();
    expect(DIACRITIC.exec(englishOwnWords('tthc: Kế hoạch không có nhiệm vụ X.99.'))).not.toBeNull();
    expect(DIACRITIC.exec(englishOwnWords('tthc: The plan has no task X.99.'))).toBeNull();
  });
});

describe("import's warnings and closing line speak the language of the run", () => {
  it.each(['commune-2026.txt', 'province-parts-2026.txt'])('%s', async (fixture) => {
    const source = join(ROOT, 'tests', 'import', 'fixtures', fixture);
    const vi = await run(['import', source, '--output', `vi-${fixture}.yaml`]);
    const en = await run(['import', source, '--output', `en-${fixture}.yaml`], DIR, { TTHC_LANG: 'en' });
    expect(vi.code, vi.text).toBe(0);
    expect(en.code).toBe(0);
    expect(vi.text).toMatch(/: cảnh báo: /);
    expect(vi.text).toMatch(/Bước tiếp theo: tthc check/);
    expect(en.text).toMatch(/: warning: /);
    // The command it suggests next is a command, not English.
    const english = ENGLISH.exec(ownWords(vi.text.replace(/tthc check \S+/g, ' ')));
    expect(english, `English word "${english?.[0]}" in the Vietnamese run:\n${vi.text}`).toBeNull();
    const viet = DIACRITIC.exec(englishOwnWords(en.text));
    expect(viet, `Vietnamese in the English run:\n${en.text}`).toBeNull();
  });
});

// check's report itself is the findings' (said in their own catalogue); the file it could not read is said on stderr.
describe('check names a file it cannot read in the language of the run', () => {
  it('one of its files missing', async () => {
    const argv = ['check', 'plans/kon-ray-2023.yaml', 'nothing.yaml'];
    const err = async (env: Record<string, string>) => {
      const io = memoryIo({ env: { COLUMNS: '100', NO_COLOR: '1', ...env }, cwd: DIR, now: () => NOW });
      expect(await main(argv, io)).toBe(2);
      return io.err;
    };
    const vi = await err({});
    const en = await err({ TTHC_LANG: 'en' });
    expect(vi).toBe('tthc: nothing.yaml: không có tệp này.\ngợi ý: Kiểm tra đường dẫn; kế hoạch thường để trong plans/.\n');
    expect(en).toBe('tthc: nothing.yaml: no such file.\nhint: Check the path; plans usually live in plans/.\n');
  });
});
