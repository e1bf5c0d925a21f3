// What a command may touch of the outside world, passed in so that tests can run commands in-process; and the two
// ways a command refuses (exit 2, exit 1), which every layer may throw and only the CLI turns into an exit code.
import { english, render, type Lang, type Msg } from '../messages/index.js';

export interface Io {
  write(s: string): void;
  /** Bytes to stdout (Word and Excel files); absent where only text can be written. */
  writeBytes?(b: Uint8Array): void;
  error(s: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The clock; "today" is derived from it in Vietnam's time zone. */
  now(): Date;
  /** Whether stdout is a terminal (colour, width). */
  isTTY: boolean;
  /** Terminal width, where known. */
  columns?: number;
  /** Standard error's width when it is a terminal: the width the user sees when stdout is piped. */
  errColumns?: number;
}

/**
 * A refusal's words: a catalogue message (said in the run's language when printed) or a text already in words. The
 * Error's own `message` is the English, for logs and tests; `text` and `hintText` are what tthc prints.
 */
abstract class SaidError extends Error {
  text: Msg | string;
  hintText?: Msg | string;
  hint?: string;
  constructor(message: Msg | string, hint?: Msg | string) {
    super();
    this.text = message;
    // The English is put into words when read, not by every refusal: a Vietnamese run loads no English catalogue.
    english(this, 'message', message);
    if (hint !== undefined) {
      this.hintText = hint;
      english(this, 'hint', hint);
    }
  }
  /** The message and hint in `lang`. */
  say(lang: Lang): { message: string; hint?: string } {
    return { message: render(lang, this.text), ...(this.hintText !== undefined ? { hint: render(lang, this.hintText) } : {}) };
  }
}

/** Bad flags or values, a missing file, an unknown id: exit 2. */
export class UsageError extends SaidError {}

/** The plan has errors, or an edit was refused: exit 1. */
export class RefusedError extends SaidError {}

