// What the importer reports: warnings as values, and the one error that stops an import, both at a line of the input.

/** A finding about the input, at a 1-based line of it. */
export interface ImportMessage {
  line: number;
  message: string;
  hint?: string;
}

/** The input cannot be imported; `line` is 1-based in the text as given. */
export class ImportError extends Error implements ImportMessage {
  readonly line: number;
  readonly hint?: string;

  constructor(line: number, message: string, hint?: string) {
    super(message);
    this.name = 'ImportError';
    this.line = line;
    if (hint !== undefined) this.hint = hint;
  }
}
