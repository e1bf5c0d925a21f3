// What the importer reports: warnings as values, and the one error that stops an import, both at a line of the input.
import { render, type Lang, type Msg } from '../messages/index.js';

/** A finding about the input, at a 1-based line of it. */
export interface ImportMessage {
  line: number;
  /** In English (logs, tests); `text` and `hintText`, where given, are what tthc prints in the run's language. */
  message: string;
  hint?: string;
  text?: Msg | string;
  hintText?: Msg | string;
}

/** A warning said by catalogue keys, with its English alongside. */
export function warning(line: number, text: Msg, hint?: Msg): ImportMessage {
  return { line, message: render('en', text), text, ...(hint !== undefined ? { hint: render('en', hint), hintText: hint } : {}) };
}

/**
 * The input cannot be imported; `line` is 1-based in the text as given. `text` and `hintText` are what tthc prints,
 * in the run's language; `message` and `hint` are their English, for logs and tests.
 */
export class ImportError extends Error implements ImportMessage {
  readonly line: number;
  readonly hint?: string;
  readonly text: Msg | string;
  readonly hintText?: Msg | string;

  constructor(line: number, message: Msg | string, hint?: Msg | string) {
    super(render('en', message));
    this.name = 'ImportError';
    this.line = line;
    this.text = message;
    if (hint !== undefined) {
      this.hint = render('en', hint);
      this.hintText = hint;
    }
  }

  say(lang: Lang): { message: string; hint?: string } {
    return { message: render(lang, this.text), ...(this.hintText !== undefined ? { hint: render(lang, this.hintText) } : {}) };
  }
}
