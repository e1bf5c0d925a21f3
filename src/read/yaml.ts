// How tthc reads YAML, in one place: the options every reader of a plan shares, and what each use adds to them.
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * A plan's values as the core schema reads them, no other tag resolved and every key text: the checker, the editor
 * and the importer must see the same values, or "the value did not change" would mean different things.
 */
export const READ_YAML: Options = {
  schema: 'core',
  resolveKnownTags: false,
  stringKeys: true,
  // 'error', not 'silent': with 'silent' the reader does not even say that a second document was ignored.
  logLevel: 'error',
};

/** Loading a plan to check it: every problem is a located finding of ours, so the reader's own extras are off. */
export const LOAD_YAML: Options = {
  ...READ_YAML,
  // The reader's own check compares each key with every other (30 000 keys: half a minute); duplicateKeys() is linear.
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
};

/** Editing a plan: the source tokens tell where each value is written, so new lines go beside them. */
export const EDIT_YAML: Options = { ...READ_YAML, keepSourceTokens: true };

/** Judging whether bytes are a plan at all: a quick, quiet look at the top keys. */
export const SNIFF_YAML: Options = { schema: 'core', resolveKnownTags: false, uniqueKeys: false, logLevel: 'silent', prettyErrors: false };
