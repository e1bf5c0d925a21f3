// Text of a plan file → the plan model and every problem found reading it, each located at line:col.
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLParseError, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { makeDiagnostic, type Code, type Diagnostic, type FindingText, type Said } from '../model/diagnostics.js';
import { fm, type FindingKey } from '../messages/findings.js';
import { decodePlanBytes } from './decode.js';
import { MAX_DEPTH, tooDeepAt } from './depth.js';
import { UNSAFE_IN_VALUE, visibleEscape } from '../model/unsafe.js';
import { buildModel, type Plan as PlanModel } from '../model/model.js';
import { Plan } from '../model/schema.js';
import { position, type Source } from './locate.js';
import { parsedAsIs } from './as-is.js';
import { salvage } from './salvage.js';
import { schemaDiagnostics, typeName } from './shape.js';
import type { Obj } from './values.js';
import { LOAD_YAML, SNIFF_YAML } from './yaml.js';

export type { Source } from './locate.js';

export interface Loaded {
  file: string;
  source?: Source;
  /** The model, built from the parts of the file that have the right shape; undefined when too little does. */
  plan?: PlanModel;
  /** True when the whole file has the right shape (every diagnostic so far is about meaning, not shape). */
  valid: boolean;
  /**
   * True when the model holds every section, task and agency of the file: nothing was left out for its shape, so
   * that findings about what is absent (an agency no task names) can be trusted.
   */
  complete?: boolean;
  /**
   * True when the model was salvaged from a file whose shape is wrong: it holds the heading, agencies and sections
   * that could be read, not the legal bases nor the prose, so it must not be compared with another version.
   */
  partial?: boolean;
  diagnostics: Diagnostic[];
  /**
   * The file's mapping as read, whatever its shape: checks of values that the model may have left out (legal bases,
   * prose) read them here, where they stand.
   */
  data?: Record<string, unknown>;
  /** Where an agency of the model is declared under a malformed key (`Tư-pháp:` read as `tu-phap`): id → key in the file. */
  agencyKeys?: Record<string, string>;
  /** Whether the heading (`plan:`) is a mapping and the plan year could be read from it, for the checks that need them. */
  heading?: { read: boolean; year: boolean };
}

const YAML_CODES: Record<string, Code> = {
  DUPLICATE_KEY: 'DUPLICATE_KEY',
  TAB_AS_INDENT: 'YAML_TAB',
  MULTIPLE_DOCS: 'MULTIPLE_DOCUMENTS',
};

const YAML_HINTS: Partial<Record<Code, FindingKey>> = {
  DUPLICATE_KEY: 'yaml.duplicate.hint',
  YAML_TAB: 'yaml.tab.hint',
  MULTIPLE_DOCUMENTS: 'yaml.documents.hint',
  YAML_SYNTAX: 'yaml.syntax.hint',
};

/**
 * Parses and shape-checks a plan's text. Meaning (ids, agencies, dates, timelines) is checked in check.ts. `today`
 * (YYYY-MM-DD) stands in for a plan year the heading does not give, so that reading never looks at the clock.
 */
export function loadText(text: string, file: string, today: string, meta: { bom?: boolean; crlf?: boolean } = {}): Loaded {
  const diagnostics: Diagnostic[] = [];
  const deep = tooDeepAt(text);
  if (deep >= 0) return tooDeep(text, file, deep, meta);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...LOAD_YAML, lineCounter });
  } catch (e) {
    // A shape the depth scan does not foresee that still exhausts the reader's stack: refused, not a crash.
    if (e instanceof RangeError) return tooDeep(text, file, 0, meta);
    throw e;
  }
  const src = withLazyLines({
    file,
    text,
    bom: meta.bom ?? false,
    crlf: meta.crlf ?? text.includes('\r\n'),
    doc,
    lineCounter,
  });
  const walked = walkDocument(doc, text);
  const yamlFindings = yamlErrors(src);
  const fatal = yamlFindings.some((d) => d.code !== 'DUPLICATE_KEY' && d.code !== 'MULTIPLE_DOCUMENTS');
  diagnostics.push(...yamlFindings);
  // Aliases and anchors: a plan needs none, and refusing them means an alias bomb costs nothing.
  let aliases = false;
  let props = 0;
  let firstOmitted = 0;
  const prop = (code: Code, offset: number, message: FindingText, hint: FindingText) => {
    if (++props <= MAX_PROPERTY_FINDINGS) diagnostics.push(makeDiagnostic(code, file, position(src, offset), message, hint));
    else if (props === MAX_PROPERTY_FINDINGS + 1) firstOmitted = offset;
  };
  for (const node of walked.props) {
    if (isAlias(node)) {
      aliases = true;
      prop('YAML_ALIAS', node.range?.[0] ?? 0, fm('yaml.alias', { name: node.source }), fm('yaml.alias.hint'));
      continue;
    }
    if (node.anchor) {
      const at = propertyStart(text, node.range?.[0] ?? 0, '&');
      prop('YAML_ALIAS', at, fm('yaml.anchor', { name: node.anchor }), fm('yaml.anchor.hint'));
    }
    if (node.tag && !fatal) {
      const at = propertyStart(text, node.range?.[0] ?? 0, '!');
      const written = /^!\S*/.exec(text.slice(at))?.[0] ?? node.tag;
      prop('YAML_TAG', at, fm('yaml.tag', { tag: written }), fm('yaml.tag.hint'));
    }
  }
  if (props > MAX_PROPERTY_FINDINGS) {
    diagnostics.push(
      makeDiagnostic(
        'YAML_ALIAS',
        file,
        position(src, firstOmitted),
        fm('yaml.moreProps', { n: props - MAX_PROPERTY_FINDINGS }),
        fm('yaml.moreProps.hint'),
      ),
    );
  }
  if (fatal) return { file, source: src, valid: false, diagnostics };
  diagnostics.push(...controlCharacters(src, walked.controls));
  if (aliases) {
    // Replace every alias by null so that nothing is expanded; their own findings are already recorded, and the
    // shape check below says nothing about these nulls (they have no place in the source).
    visit(doc, { Alias: () => doc.createNode(null) });
  }
  const raw: unknown = walked.js !== NOT_PLAIN ? walked.js : doc.toJS({ maxAliasCount: 0 });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const empty = !isNode(doc.contents) || (isScalar(doc.contents) && doc.contents.source === '' && raw == null);
    diagnostics.push(
      makeDiagnostic(
        empty ? 'EMPTY_FILE' : 'NOT_A_MAPPING',
        file,
        position(src, doc.contents?.range?.[0] ?? 0),
        empty ? fm('yaml.noContent') : fm('yaml.notMapping', { type: typeName(raw) }),
        fm('file.start.hint'),
      ),
    );
    return { file, source: src, valid: false, diagnostics };
  }
  const data = raw as Obj;
  const asIs = parsedAsIs(Plan, raw);
  const parsed = asIs !== undefined ? ({ success: true, data: asIs } as const) : Plan.safeParse(raw);
  if (parsed.success) {
    const valid = diagnostics.length === 0 && !aliases;
    return { file, source: src, plan: buildModel(parsed.data, file), valid, complete: true, diagnostics, data, heading: { read: true, year: true } };
  }
  diagnostics.push(...schemaDiagnostics(src, raw, parsed.error.issues));
  // Whatever is wrong with the shape, the model keeps every part that can be read, so that its meaning is checked.
  const salvaged = salvage(data, file, today);
  const out: Loaded = { file, source: src, plan: salvaged.plan, valid: false, complete: salvaged.complete, partial: true, diagnostics, data, heading: salvaged.heading };
  if (salvaged.agencyKeys) out.agencyKeys = salvaged.agencyKeys;
  return out;
}

/**
 * The source with its `lines` split from the text when first asked for: they serve the excerpts under findings, and
 * a clean plan of 10 000 tasks has none to show (60 000 strings made for nothing).
 */
function withLazyLines(src: Omit<Source, 'lines'>): Source {
  let lines: string[] | undefined;
  return Object.defineProperty(src as Source, 'lines', {
    enumerable: true,
    configurable: true,
    get: () => (lines ??= src.text.split(/\r?\n/)),
    set: (v: string[]) => {
      lines = v;
    },
  });
}

/** Texts and keys listed one by one with a control character; one finding says how many more. */
const MAX_CONTROL_FINDINGS = 20;

/** What a control character is, in a word the clerk can look up. */
function controlName(c: string): FindingText {
  const n = c.codePointAt(0)!;
  const names: Record<number, Said> = { 0: 'NUL', 7: fm('yaml.control.bell'), 8: fm('yaml.control.backspace'), 0x0d: fm('yaml.control.cr'), 0x1b: fm('yaml.control.esc'), 0x7f: 'DEL' };
  const name = names[n];
  if (name !== undefined) return fm('yaml.control.named', { name, escape: visibleEscape(c) });
  if (n >= 0x202a) return fm('yaml.control.bidi', { escape: visibleEscape(c) });
  return fm('yaml.control.other', { escape: visibleEscape(c) });
}

/**
 * Texts and keys holding a control character or a bidirectional override (TEXT_CONTROL): pasted from a terminal, a
 * web page or a hostile file, they would rewrite the screen or a CI log wherever the text is shown. They are shown
 * escaped everywhere (src/render/escape.ts); the finding says where they are, so that they can be removed.
 */
function controlCharacters(src: Source, scalars: Scalar[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let n = 0;
  for (const node of scalars) {
    const m = UNSAFE_IN_VALUE.exec(node.value as string);
    if (!m) continue;
    if (++n > MAX_CONTROL_FINDINGS) continue;
    const start = node.range?.[0] ?? 0;
    // Where the character itself stands, if it is written raw; else at the text (written as an escape, "\e").
    const raw = src.text.slice(start, node.range?.[1] ?? start).indexOf(m[0]);
    out.push(
      makeDiagnostic(
        'TEXT_CONTROL',
        src.file,
        position(src, start + Math.max(0, raw)),
        fm('yaml.control', { what: controlName(m[0]) }),
        fm('yaml.control.hint'),
      ),
    );
  }
  if (n > MAX_CONTROL_FINDINGS) {
    out.push(makeDiagnostic('TEXT_CONTROL', src.file, out[out.length - 1]!.start, fm('yaml.moreControl', { n: n - MAX_CONTROL_FINDINGS }), fm('yaml.moreControl.hint')));
  }
  return out;
}

/** What the one walk over a parsed document found for the findings that follow the reader's own errors. */
interface Walked {
  /** Aliases, and nodes with an anchor or a tag, in document order. */
  props: Node[];
  /** Text scalars (keys and values) holding a control character, in document order. */
  controls: Scalar[];
  /**
   * The document's value, as `doc.toJS()` gives it, where the walk could make it: NOT_PLAIN where the document holds
   * anything but text keys, scalars, mappings and lists (an alias, a pair inside a list), which the library converts.
   */
  js: unknown;
}

/** The library's marks of a node's kind (yaml's nodes/identity.js: registered symbols, which its is… tests read). */
const NODE_TYPE = Symbol.for('yaml.node.type');
const ALIAS = Symbol.for('yaml.alias');
const MAP = Symbol.for('yaml.map');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
type Tagged = { [NODE_TYPE]?: symbol };

/** The walk met a node it does not convert as the library would: the library's toJS makes the value. */
const NOT_PLAIN: unique symbol = Symbol('not plain');

/**
 * One walk over the document, in the order of the text, for everything the reader leaves to us: each key written
 * twice in one mapping (reported as the reader would with `uniqueKeys`, but in linear time, into `doc.errors`),
 * aliases, anchors and tags, texts with a control character, and the document's value. One hand-written recursion
 * rather than a `visit` per concern and then `toJS`: the library's visitor builds a path and calls back for every
 * node, and its toJS a context per value; at 10 000 tasks they cost as much as the rest of reading past the parse.
 */
function walkDocument(doc: Document.Parsed, text: string): Walked {
  const props: Node[] = [];
  const controls: Scalar[] = [];
  // A value holds a control character only if the text has one or writes one as an escape ("\e", "\x1b"): with
  // neither, most plans, no value is tested.
  const scan = text.includes('\\') || UNSAFE_IN_VALUE.test(text);
  let plain = true;
  const walk = (node: unknown): unknown => {
    if (node === null || node === undefined) return node;
    // The node's kind read once, where the library's isNode, isAlias, isScalar, isMap and isSeq read it in turn.
    const type = typeof node === 'object' ? (node as Tagged)[NODE_TYPE] : undefined;
    if (type === SCALAR) {
      const n = node as Scalar;
      if (n.anchor || n.tag) props.push(n);
      const v = n.value;
      if (scan && typeof v === 'string' && UNSAFE_IN_VALUE.test(v)) controls.push(n);
      return v;
    }
    if (type === MAP) {
      const n = node as YAMLMap;
      if (n.anchor || n.tag) props.push(n);
      // As the library's toJS builds a mapping (addPairToJSMap): a key already there, or one an object inherits
      // ("constructor", "__proto__"), is defined as an own property, in the place of the first.
      const out: Record<string, unknown> = {};
      for (const p of n.items) {
        const k = p.key;
        if (typeof k !== 'object' || k === null || (k as Tagged)[NODE_TYPE] !== SCALAR) {
          plain = false;
          walk(k);
          walk(p.value);
          continue;
        }
        // Keys are texts (stringKeys); any other key is a reader's error already, but is still compared as text.
        const written = walk(k);
        if (typeof written !== 'string') plain = false;
        const key = String(written);
        const value = walk(p.value);
        if (key in out) {
          if (Object.prototype.hasOwnProperty.call(out, key)) {
            const at = (k as Scalar).range?.[0] ?? 0;
            doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          }
          Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
        } else out[key] = value;
      }
      return out;
    }
    if (type === SEQ) {
      const n = node as YAMLSeq;
      if (n.anchor || n.tag) props.push(n);
      const out: unknown[] = [];
      for (const item of n.items) {
        if (isPair(item)) {
          plain = false;
          walk(item.key);
          walk(item.value);
        } else out.push(walk(item));
      }
      return out;
    }
    if (type === ALIAS) props.push(node as Node);
    // An alias, or anything but a node: the library converts it.
    plain = false;
    return undefined;
  };
  const js = walk(doc.contents);
  return { props, controls, js: plain && props.length === 0 ? js : NOT_PLAIN };
}

/** The finding for a text nested deeper than any plan, made without handing the text to the YAML reader. */
function tooDeep(text: string, file: string, offset: number, meta: { bom?: boolean; crlf?: boolean }): Loaded {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  const src: Source = {
    file,
    text,
    lines: text.split(/\r?\n/),
    bom: meta.bom ?? false,
    crlf: meta.crlf ?? text.includes('\r\n'),
    doc: parseDocument(''),
    lineCounter,
  };
  const d = makeDiagnostic(
    'YAML_SYNTAX',
    file,
    position(src, offset),
    fm('yaml.tooDeep', { max: MAX_DEPTH }),
    fm('yaml.tooDeep.hint'),
  );
  return { file, source: src, valid: false, diagnostics: [d] };
}

/** The quoted scalar or flow collection that starts before `offset` and runs on to it (an unclosed quote or bracket). */
function openedBefore(doc: Document.Parsed, offset: number): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Node(_k, n) {
      const r = n.range;
      if (isPair(n) || !r || r[0] >= offset || r[2] < offset) return;
      if ((isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE')) || ((isMap(n) || isSeq(n)) && n.flow)) found = n;
    },
  });
  return found;
}

/** Where the anchor (&x) or tag (!x) of the node at `offset` is written: it stands before the node, on its line or the one before. */
function propertyStart(text: string, offset: number, sigil: '&' | '!'): number {
  let i = offset;
  for (let tokens = 0; tokens < 3 && i > 0; tokens++) {
    while (i > 0 && /\s/.test(text[i - 1]!)) i--;
    let j = i;
    while (j > 0 && !/\s/.test(text[j - 1]!)) j--;
    if (text[j] === sigil) return j;
    i = j;
  }
  return offset;
}

/** The text of the key that starts at `offset` (for "the key X appears twice"). */
function keyTextAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const m = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n#]*?)\s*:(?:\s|$)/.exec(rest);
  return (m?.[1] ?? rest.split(/[:\n]/)[0] ?? '').trim();
}

/** At most this many YAML errors are reported; past the first few they only repeat the first. */
const MAX_YAML_ERRORS = 50;
/** Anchors, aliases and tags listed one by one; an alias bomb has hundreds, and one line says the rest. */
const MAX_PROPERTY_FINDINGS = 10;

/**
 * The errors of the YAML reader, as findings. A tab in the indentation, a duplicate key and a second document are each
 * reported where they are; of the other syntax errors only the first is, as the ones after it are mostly its echoes
 * (one unclosed quote or one bad indentation makes every later line look wrong).
 */
function yamlErrors(src: Source): Diagnostic[] {
  const { doc, text, file } = src;
  const out: Diagnostic[] = [];
  const lines = new Set<string>();
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstTab = errors.find((e) => e.code === 'TAB_AS_INDENT')?.pos[0] ?? Infinity;
  let syntaxSeen = false;
  for (const e of errors) {
    if (out.length >= MAX_YAML_ERRORS) break;
    const code = YAML_CODES[e.code] ?? 'YAML_SYNTAX';
    if (code === 'YAML_SYNTAX') {
      if (syntaxSeen || e.pos[0] > firstTab) continue;
      syntaxSeen = true;
    }
    let at = position(src, e.pos[0]);
    const said = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '').replace(/\.$/, '');
    let message: Said = fm('yaml.reader', { said });
    const known = YAML_HINTS[code];
    let hint: Said | undefined = known && fm(known);
    const open =
      e.code === 'MISSING_CHAR' || e.code === 'UNEXPECTED_TOKEN' || (e.code === 'BAD_INDENT' && /end with a [\]}]/.test(said)) ? openedBefore(doc, e.pos[0]) : undefined;
    if (code === 'DUPLICATE_KEY') {
      message = fm('yaml.duplicate', { key: keyTextAt(text, e.pos[0]) });
    } else if (code === 'MULTIPLE_DOCUMENTS') {
      message = fm('yaml.documents');
    } else if (open?.range) {
      const quoted = isScalar(open);
      const closer = quoted ? (open.type === 'QUOTE_SINGLE' ? "'" : '"') : isMap(open) ? '}' : ']';
      at = position(src, open.range[0]);
      message = fm(quoted ? 'yaml.unclosedText' : isMap(open) ? 'yaml.unclosedMap' : 'yaml.unclosedList', { closer });
      hint = fm('yaml.unclosed.hint', { closer, what: quoted ? 'text' : isMap(open) ? 'mapping' : 'list' });
    } else if (e.code === 'MISSING_CHAR' && /followed by map values/.test(said)) {
      const word = text.slice(e.pos[0], e.pos[1]).trim() || (text.slice(e.pos[0]).split('\n')[0] ?? '').trim();
      message = fm('yaml.alone', { word: word.length > 40 ? word.slice(0, 39) + '…' : word });
      hint = fm('yaml.alone.hint');
    } else if (e.code === 'BAD_INDENT' && /same column/.test(said)) {
      const line = src.lines[at.line - 1] ?? '';
      at = { line: at.line, col: line.length - line.trimStart().length + 1 };
      message = fm('yaml.indent');
      hint = fm('yaml.indent.hint');
    } else if (/call stack/i.test(said)) {
      message = fm('yaml.stack');
      hint = fm('yaml.stack.hint');
    } else if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') {
      message = fm('yaml.runsOn', { said: `${said.charAt(0).toLowerCase()}${said.slice(1)}` });
      hint = fm('yaml.runsOn.hint');
    }
    const key = `${code}@${at.line}`;
    if (lines.has(key)) continue;
    lines.add(key);
    out.push(makeDiagnostic(code, file, at, message, hint));
  }
  return out;
}

/** Decodes the bytes and loads the plan; problems with the bytes stop before YAML is read. */
export function loadBytes(bytes: Uint8Array, file: string, today: string): Loaded {
  const dec = decodePlanBytes(bytes, file);
  if (dec.text === undefined) return { file, valid: false, diagnostics: dec.diagnostics };
  const loaded = loadText(dec.text, file, today, { bom: dec.bom, crlf: dec.crlf });
  loaded.diagnostics.unshift(...dec.diagnostics);
  return loaded;
}

/**
 * Whether `bytes` are a tthc plan, judged by reading them as YAML: a mapping with `format` and one of the plan's
 * other top keys, wherever they stand and however they are written (`"format": 1` last, after a long comment). A
 * plan too broken to read is still recognised by a `format:` line anywhere in it. `--output` never replaces one.
 */
export function isPlanBytes(bytes: Uint8Array): boolean {
  const dec = decodePlanBytes(bytes, '');
  if (dec.text === undefined) return false;
  const text = dec.text;
  if (/^["']?format["']?[ \t]*:/m.test(text) && /^["']?(plan|sections|agencies)["']?[ \t]*:/m.test(text)) return true;
  if (tooDeepAt(text) >= 0) return false;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, SNIFF_YAML);
  } catch {
    return false;
  }
  if (!isMap(doc.contents)) return false;
  const keys = new Set(doc.contents.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
  return keys.has('format') && ['plan', 'sections', 'agencies'].some((k) => keys.has(k));
}
