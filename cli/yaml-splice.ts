/**
 * Puts imported items (injects, campaigns) into a scenario's YAML text without rewriting the rest:
 * the yaml Document locates the list and its items (source ranges), and only the text of a replaced
 * item, or the new items after the last one, is written. Comments, folded texts, flow maps and quoting
 * elsewhere in the file stay byte for byte as the author wrote them.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';

type Item = { id?: unknown };

const render = (value: unknown, indent: string): string =>
  stringify(value, { lineWidth: 0 })
    .replace(/\n$/, '')
    .split('\n')
    .map((l, i) => (i === 0 ? l : `${indent}${l}`))
    .join('\n');

/** Where a node's text ends, before the line break and blank space a block node's range takes in. */
function valueEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * The text with `items` in the top-level list `key`: an item whose id is already there replaces that
 * item's text (unless equal), the others go after the last item, in the list's own indentation.
 * Undefined when the text's shape does not allow a splice (the caller then writes the whole document).
 */
export function spliceList(text: string, key: string, items: readonly Item[], equal: (a: unknown, b: unknown) => boolean): string | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  const edits: { start: number; end: number; text: string }[] = [];
  if (!pair) {
    const sep = text.endsWith('\n') ? '' : '\n';
    return `${text}${sep}${key}:\n${items.map((i) => `  - ${render(i, '    ')}`).join('\n')}\n`;
  }
  const seq = pair.value;
  if (!isSeq(seq) || !seq.range) return undefined;
  if (seq.flow) {
    if (seq.items.length > 0) return undefined;
    const [start, , end] = seq.range;
    edits.push({ start, end: Math.min(end, seq.range[1]), text: `\n${items.map((i) => `  - ${render(i, '    ')}`).join('\n')}` });
  } else {
    const ids: unknown[] = seq.items.map((n) => (isMap(n) ? n.get('id') : undefined));
    const first = seq.items[0];
    const itemIndent = first?.range ? column(text, first.range[0]) : 4;
    const dashIndent = ' '.repeat(Math.max(0, itemIndent - 2));
    const appended: string[] = [];
    for (const item of items) {
      const at = ids.indexOf(item.id);
      const node = at >= 0 ? seq.items[at] : undefined;
      if (node?.range) {
        if (!equal(node.toJSON(), item)) edits.push({ start: node.range[0], end: valueEnd(text, node.range[0], node.range[1]), text: render(item, ' '.repeat(itemIndent)) });
      } else appended.push(`${dashIndent}- ${render(item, ' '.repeat(itemIndent))}`);
    }
    if (appended.length > 0) {
      const last = seq.items[seq.items.length - 1];
      const end = last?.range ? valueEnd(text, last.range[0], last.range[1]) : valueEnd(text, seq.range[0], seq.range[1]);
      const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
      edits.push({ start: lineEnd, end: lineEnd, text: `\n${appended.join('\n')}` });
    }
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = `${out.slice(0, e.start)}${e.text}${out.slice(e.end)}`;
  const check = parseDocument(out);
  return check.errors.length === 0 ? out : undefined;
}
