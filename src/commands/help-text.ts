// The descriptions of commands, arguments and options, from the message catalogue in the run's language.
import type { Command } from 'commander';
import { helpOf, type Lang } from '../messages/index.js';

/** The help text of `key` in `lang`, or undefined where the catalogue has none (an option another branch added). */
function helpText(lang: Lang, key: string): string | undefined {
  const entry = (helpOf(lang) as Record<string, unknown>)[key];
  return typeof entry === 'string' ? entry : undefined;
}

/** Every help key the program asks for, with whether the catalogue has it (for the test that none is missing). */
export function helpKeys(program: Command): { key: string; found: boolean }[] {
  const out: { key: string; found: boolean }[] = [];
  const want = (...keys: string[]) => out.push({ key: keys[0]!, found: keys.some((k) => helpText('en', k) !== undefined) });
  want('help.tthc');
  for (const o of program.options) if (o.long) want(`help.${o.long}`);
  for (const c of program.commands) {
    want(`help.${c.name()}`);
    for (const a of c.registeredArguments) want(`help.${c.name()}.<${a.name()}>`);
    for (const o of c.options) if (o.long) want(`help.${c.name()}.${o.long}`, `help.${o.long}`);
  }
  return out;
}

/**
 * Says the help in `lang`: `help.COMMAND`, `help.COMMAND.<argument>`, and for an option `help.COMMAND.--option`,
 * else `help.--option` (the options every command shares). A description the catalogue lacks stays as written.
 */
export function describeCommands(program: Command, lang: Lang): void {
  const set = (key: string, fallback: string | undefined, apply: (s: string) => void) => {
    const s = helpText(lang, key) ?? (fallback !== undefined ? helpText(lang, fallback) : undefined);
    if (s !== undefined) apply(s);
  };
  set('help.tthc', undefined, (s) => program.description(s));
  for (const o of program.options) if (o.long) set(`help.${o.long}`, undefined, (s) => (o.description = s));
  for (const c of program.commands) {
    set(`help.${c.name()}`, undefined, (s) => c.description(s));
    for (const a of c.registeredArguments) set(`help.${c.name()}.<${a.name()}>`, undefined, (s) => (a.description = s));
    for (const o of c.options) if (o.long) set(`help.${c.name()}.${o.long}`, `help.${o.long}`, (s) => (o.description = s));
  }
}
