// The imported plan as YAML text laid out like the shipped plans: no folded lines, ids as flow lists, review notes as comments.
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Pair } from 'yaml';
import { READ_YAML } from '../read/yaml.js';
import { Plan, type PlanFile } from '../model/schema.js';

/** A comment to put on the line above a key, at a path of the plan (['plan', 'number'], ['sections', 0, 'tasks', 2, 'output']). */
export interface KeyComment {
  path: (string | number)[];
  comment: string;
}

/** The keys whose lists are ids or short labels: written `[a, b]` on one line. */
const FLOW_KEYS = new Set(['lead', 'support', 'members', 'aliases', 'for']);

function header(file: string | undefined): string[] {
  const from = file ? ` from ${file}` : '';
  return [
    '# yaml-language-server: $schema=../schema/plan.schema.json',
    `# Imported by \`tthc import\`${from}; the texts are the source's, verbatim.`,
    '# Review before use: the agencies (new ids, names, members of collectives), the plan\'s number',
    '# and date, and each task\'s lead and support against the source table; then run `tthc check`.',
  ];
}

function commentKey(doc: Document, { path, comment }: KeyComment): void {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return;
  const last = path[path.length - 1];
  const pair = parent.items.find((p: Pair) => isScalar(p.key) && p.key.value === last);
  if (pair && isScalar(pair.key)) {
    pair.key.commentBefore = comment
      .split('\n')
      .map((l) => ` ${l}`)
      .join('\n');
  }
}

/** YAML text for `plan`; the object's key order is the file's. */
export function emitPlan(plan: PlanFile, comments: KeyComment[], file?: string): string {
  const doc = new Document(plan);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FLOW_KEYS.has(String(pair.key.value)) && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  for (const c of comments) commentKey(doc, c);
  const body = doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
  return `${header(file).join('\n')}\n${body}`;
}

/** Reads the text back as `tthc` will and checks it against the schema; a failure is a bug of the importer. */
export function readBack(yamlText: string): PlanFile {
  const doc = parseDocument(yamlText, READ_YAML);
  if (doc.errors.length > 0) throw new Error(`tthc import wrote YAML it cannot read: ${doc.errors[0]!.message}`);
  const parsed = Plan.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`tthc import wrote a plan the schema refuses at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
