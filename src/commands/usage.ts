// Commander's own words in the clerk's language: help headings and usage errors, Vietnamese unless asked for English.
import { Help, type Command } from 'commander';
import type { Lang } from '../render/i18n.js';
import type { Ctx } from './context.js';

/** The language of a run, before commander has read the options: --lang, else TTHC_LANG or tthc.yaml, else vi. */
export function usageLang(argv: string[], ctx: Ctx): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    // A value that names no language (--lang fr, refused later) does not decide: the setting does.
    if (v !== undefined && /^(en|vi)/i.test(v)) return /^en/i.test(v) ? 'en' : 'vi';
  }
  let setting: string | undefined;
  try {
    setting = ctx.config().lang?.value;
  } catch {
    setting = ctx.io.env.TTHC_LANG;
  }
  return /^en/i.test(setting ?? '') ? 'en' : 'vi';
}

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Đối số:',
  'Options:': 'Tùy chọn:',
  'Global Options:': 'Tùy chọn chung:',
  'Commands:': 'Lệnh:',
};

/** Help in Vietnamese: commander's headings and notes; the descriptions are the commands' own. */
export function vietnameseHelp(program: Command): void {
  const all = [program, ...program.commands];
  for (const cmd of all) {
    cmd.helpOption('-h, --help', 'xem trợ giúp của lệnh');
    cmd.configureHelp({
      ...program.configureHelp(),
      styleTitle: (s: string) => TITLES[s] ?? s,
      // Before wrapping, so that a note cut across two lines is translated too.
      optionDescription(this: Help, o) {
        return Help.prototype.optionDescription.call(this, o).replace(/\(default: /g, '(mặc định: ');
      },
      argumentDescription(this: Help, a) {
        return Help.prototype.argumentDescription.call(this, a).replace(/\(default: /g, '(mặc định: ');
      },
      commandUsage(this: Help, c) {
        return Help.prototype.commandUsage.call(this, c).replace(/\[options\]/g, '[tùy chọn]').replace(/\[command\]/g, '[lệnh]');
      },
    });
  }
  program.helpCommand('help [command]', 'xem trợ giúp của một lệnh');
  const version = program.options.find((o) => o.long === '--version');
  if (version) version.description = 'in số phiên bản';
  const noColor = program.options.find((o) => o.long === '--no-color');
  if (noColor) noColor.description = 'không tô màu, kể cả trên terminal';
}

/** A command-line word as the user typed it, quoted. */
const q = (s: string) => `"${s}"`;

/**
 * Commander's error message (`error: …`) in Vietnamese, by its code. Where a required option and required
 * arguments are both missing, both are named, so that the clerk fixes the line once.
 */
export function translateUsageError(message: string, code: string, program: Command, argv: string[], lang: Lang): string {
  const name = argv.find((a) => !a.startsWith('-'));
  const cmd = program.commands.find((c) => c.name() === name);
  const suggestion = /\(Did you mean (.+)\?\)/.exec(message)?.[1]?.replace(/^one of /, 'một trong: ');
  const missingArgs = () => {
    if (!cmd) return [];
    // The positional words after the command, leaving out the values of options.
    const rest = argv.slice(argv.indexOf(name!) + 1);
    const given: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a.startsWith('-')) {
        const o = [...cmd.options, ...program.options].find((x) => x.long === a || x.short === a);
        if (o && (o.required || o.optional)) i++;
        continue;
      }
      given.push(a);
    }
    return cmd.registeredArguments.filter((a, i) => a.required && given.length <= i).map((a) => `<${a.name()}>`);
  };
  if (lang === 'en') {
    if (code === 'commander.missingMandatoryOptionValue') {
      const args = missingArgs();
      if (args.length) return `${message.trimEnd()}, and the argument ${args.join(' ')} is missing\n`;
    }
    return message;
  }
  let m: RegExpExecArray | null;
  let out: string | undefined;
  switch (code) {
    case 'commander.missingArgument':
      m = /missing required argument '(.+)'/.exec(message);
      if (m) out = `thiếu đối số <${m[1]}>${cmd ? ` của lệnh ${cmd.name()}` : ''}${describeArg(cmd, m[1]!)}`;
      break;
    case 'commander.missingMandatoryOptionValue': {
      m = /required option '(.+)' not specified/.exec(message);
      const args = missingArgs();
      if (m) out = `thiếu ${args.length ? `đối số ${args.join(' ')}${describeArg(cmd, args[0]!.slice(1, -1))} và ` : ''}tùy chọn bắt buộc ${m[1]}`;
      break;
    }
    case 'commander.optionMissingArgument':
      m = /option '(.+)' argument missing/.exec(message);
      if (m) out = `tùy chọn ${m[1]} cần một giá trị`;
      break;
    case 'commander.unknownOption':
      m = /unknown option '(.+?)'/.exec(message);
      if (m) out = `không có tùy chọn ${m[1]}${cmd ? ` cho lệnh ${cmd.name()}` : ''}${suggestion ? `\n(Có phải ý bạn là ${suggestion}?)` : ''}`;
      break;
    case 'commander.unknownCommand':
      m = /unknown command '(.+?)'/.exec(message);
      if (m) out = `không có lệnh ${q(m[1]!)}${suggestion ? `\n(Có phải ý bạn là ${suggestion}?)` : ''}`;
      break;
    case 'commander.excessArguments': {
      m = /Expected (\d+) arguments? but got (\d+)/.exec(message);
      if (m && cmd) {
        const words = argv.slice(argv.indexOf(name!) + 1).filter((a) => !a.startsWith('-'));
        const extra = words.slice(-(Number(m[2]) - Number(m[1])));
        // Most often a value with a space, unquoted: the option before it shows how to write it.
        const at = argv.lastIndexOf(extra[0]!);
        const opt = argv[at - 2];
        const example = opt?.startsWith('-') && !argv[at - 1]!.startsWith('-') ? `${opt} ${q(`${argv[at - 1]} ${extra.join(' ')}`)}` : '--agency "van phong"';
        out = `thừa đối số cho lệnh ${cmd.name()}: ${extra.map(q).join(', ')} (lệnh nhận ${m[1]} đối số).\nMột giá trị có dấu cách phải đặt trong ngoặc kép, ví dụ ${example}.`;
      }
      break;
    }
    case 'commander.invalidArgument':
      m = /option '(.+?)' argument '(.+?)' is invalid/.exec(message);
      if (m) out = `giá trị ${q(m[2]!)} của tùy chọn ${m[1]} không hợp lệ`;
      break;
  }
  return out ? `tthc: ${out}\n` : message;
}

function describeArg(cmd: Command | undefined, arg: string): string {
  const a = cmd?.registeredArguments.find((x) => x.name() === arg);
  return a?.description ? ` (${a.description})` : '';
}
