/**
 * The MSEL as a table, written back into the YAML with its comments and formatting kept. The `yaml`
 * package's Document finds the inject's node and writes the new value's text (quoting as the old one
 * was quoted); only that span of the source changes. Re-printing the whole Document would not do:
 * on gulf-shield it re-folds every long text and rewrites nearly all 3,357 lines. Pure.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, stringify, type Node as YamlNode, type YAMLMap } from 'yaml';

/** The columns: time, team(s), channel, from, content, expected response, capability. */
export const MSEL_FIELDS = ['at', 'to', 'channel', 'from', 'content', 'answer', 'capability'] as const;
export type MselField = (typeof MSEL_FIELDS)[number];

/** Where each column lives in an inject; a LocalText field is edited in one language. */
const PATHS: Record<MselField, { path: string[]; localText: boolean }> = {
  at: { path: ['at'], localText: false },
  to: { path: ['to'], localText: false },
  channel: { path: ['channel'], localText: false },
  from: { path: ['from', 'name'], localText: true },
  content: { path: ['content'], localText: true },
  answer: { path: ['evaluation', 'answer'], localText: true },
  capability: { path: ['evaluation', 'capability'], localText: false },
};

export type MselRow = { index: number; id: string } & Record<MselField, string>;
export type EditResult = { ok: true; text: string } | { ok: false; message: string };

type Plain = Record<string, unknown>;
const obj = (v: unknown): Plain | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Plain) : null);

function textOf(v: unknown, lang: string): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  const m = obj(v);
  if (!m) return '';
  const pick = m[lang] ?? m.en ?? Object.values(m)[0];
  return typeof pick === 'string' ? pick : '';
}

/** The table's rows from the parsed scenario value (one per inject, in file order). */
export function mselRows(value: unknown, lang = 'en'): MselRow[] {
  const injects = obj(value)?.injects;
  if (!Array.isArray(injects)) return [];
  return injects.flatMap((raw, index): MselRow[] => {
    const v = obj(raw);
    if (!v || typeof v.id !== 'string') return [];
    const evaluation = obj(v.evaluation);
    const to = Array.isArray(v.to) ? v.to.join(', ') : textOf(v.to, lang);
    return [
      {
        index,
        id: v.id,
        at: textOf(v.at, lang),
        to,
        channel: textOf(v.channel, lang),
        from: textOf(obj(v.from)?.name, lang),
        // A block scalar's final line break is the block's, not the text's.
        content: textOf(v.content, lang).replace(/\n+$/, ''),
        answer: textOf(evaluation?.answer, lang).replace(/\n+$/, ''),
        capability: textOf(evaluation?.capability, lang),
      },
    ];
  });
}

/** The YAML value a cell's text stands for. */
function cellValue(field: MselField, cell: string): unknown {
  const text = field === 'content' || field === 'answer' ? cell.replace(/\s+$/, '') : cell.trim();
  if (field === 'to') return text === 'all-blue' ? 'all-blue' : text.split(/[\s,]+/).filter(Boolean);
  return text;
}

const lineStart = (src: string, at: number): number => src.lastIndexOf('\n', at - 1) + 1;
const indentAt = (src: string, at: number): string => /^ */.exec(src.slice(lineStart(src, at)))?.[0] ?? '';

/** The new value's text for the place of `old` (same quoting; a block scalar stays a block). */
function render(src: string, old: YamlNode | null, value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => stringify(v, { lineWidth: 0 }).trimEnd()).join(', ')}]`;
  const text = String(value);
  if (isScalar(old) && (old.type === Scalar.BLOCK_LITERAL || old.type === Scalar.BLOCK_FOLDED) && old.range) {
    const header = /^[|>][-+0-9]*/.exec(src.slice(old.range[0]))?.[0] ?? '|';
    const body = src.slice(old.range[0]).split('\n')[1] ?? '';
    const indent = /^ */.exec(body)?.[0] || `${indentAt(src, old.range[0])}  `;
    return `${header}\n${text
      .split('\n')
      .map((l) => (l === '' ? '' : indent + l))
      .join('\n')}\n`;
  }
  const type = isScalar(old) && old.type && old.type !== Scalar.PLAIN ? old.type : undefined;
  if (text.includes('\n') && !type) return JSON.stringify(text);
  return stringify(text, { lineWidth: 0, ...(type ? { defaultStringType: type } : {}) }).trimEnd();
}

/** Adds `key: value` to a map: a flow map before its `}`, a block map on a new line after its last entry. */
function insertKey(src: string, map: YAMLMap, key: string, valueText: string): string {
  const [start = 0, end = start] = map.range ?? [];
  if (map.flow) {
    const close = src.lastIndexOf('}', end);
    const before = src.slice(0, close).replace(/\s*$/, '');
    const sep = src[start] === '{' && before.endsWith('{') ? ' ' : ', ';
    return `${before}${sep}${key}: ${valueText} ${src.slice(close)}`;
  }
  const first = map.items[0]?.key as YamlNode | undefined;
  const indent = first?.range ? ' '.repeat(first.range[0] - lineStart(src, first.range[0])) : indentAt(src, start);
  let at = end;
  while (at > start && /\s/.test(src[at - 1] as string)) at--;
  return `${src.slice(0, at)}\n${indent}${key}: ${valueText}${src.slice(at)}`;
}

/** Sets one cell of inject `index` (its position under `injects`) in the YAML text. */
export function editInject(src: string, index: number, field: MselField, cell: string, lang = 'en'): EditResult {
  const doc = parseDocument(src, { keepSourceTokens: false });
  if (doc.errors.length > 0) return { ok: false, message: `the file does not parse: ${doc.errors[0]?.message ?? ''}` };
  const injects = doc.get('injects', true);
  const item = isSeq(injects) ? injects.items[index] : undefined;
  if (!isMap(item)) return { ok: false, message: `injects[${index}] is not an inject written as a map` };
  const { path, localText } = PATHS[field];
  const value = cellValue(field, cell);
  // Walk down; a LocalText written as a map is edited in `lang` (added when missing).
  let parent: YAMLMap = item;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as string;
    const node = parent.get(key, true) as YamlNode | undefined;
    const last = i === path.length - 1;
    if (node === undefined) {
      const rest = path.slice(i + 1);
      const nested = rest.reduceRight<unknown>((inner, k) => ({ [k]: inner }), value);
      const text = rest.length === 0 ? render(src, null, nested) : stringify(nested, { flow: true, lineWidth: 0 }).trimEnd();
      return { ok: true, text: insertKey(src, parent, key, text) };
    }
    if (last && localText && isMap(node)) {
      const inLang = node.get(lang, true) as YamlNode | undefined;
      if (inLang === undefined) return { ok: true, text: insertKey(src, node, lang, render(src, null, value)) };
      return splice(src, inLang, render(src, inLang, value));
    }
    if (last) return splice(src, node, render(src, node, value));
    if (!isMap(node)) return { ok: false, message: `injects[${index}].${path.slice(0, i + 1).join('.')} is not a map` };
    parent = node;
  }
  return { ok: false, message: 'nothing to edit' };
}

function splice(src: string, node: YamlNode, text: string): EditResult {
  const [from, to] = node.range ?? [];
  if (from === undefined || to === undefined) return { ok: false, message: 'the value has no place in the text' };
  return { ok: true, text: src.slice(0, from) + text + src.slice(to) };
}
