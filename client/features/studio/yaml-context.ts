/**
 * Where the cursor is in a YAML text, as a path the schema walker understands: on a key of which
 * mapping, or on the value of which key. Read from the indentation of the lines above, not from a
 * parse tree: while an author types, the line under the cursor is half a key (`  na`), which no
 * parser turns into a node, and the document around it is often invalid. Block style, as scenarios
 * are written; inside a flow collection (`{ a: 1, b` or `[x, y`) there is no context.
 */
import type { SchemaPathSegment } from './schema-walk.ts';

interface LineInfo {
  /** Spaces before the first dash or key. */
  lead: number;
  /** Columns of the `- ` markers that open sequence items on this line. */
  dashes: number[];
  /** Column where the key (or the scalar) starts. */
  keyCol: number;
  key: string | null;
}

const LINE = /^( *)((?:-(?: +|$))*)(.*)$/;
const KEY = /^("[^"]*"|'[^']*'|[^\s#:{}[\],'"&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s|$)/;

function lineInfo(line: string): LineInfo | null {
  const m = LINE.exec(line) as RegExpExecArray;
  const [, spaces = '', marks = '', content = ''] = m;
  if (content.trim() === '' && marks === '') return null;
  if (content.startsWith('#')) return null;
  const lead = spaces.length;
  const dashes: number[] = [];
  for (let i = 0; i < marks.length; i++) if (marks[i] === '-') dashes.push(lead + i);
  const k = KEY.exec(content);
  return { lead, dashes, keyCol: lead + marks.length, key: k ? unquote((k[1] as string).trim()) : null };
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

/**
 * The path of the mapping whose keys sit at column `col`, found from the lines above `lineIdx`.
 * `inSeq`: `col` is the column of a sequence's dashes (the path then ends at that sequence).
 */
function ancestors(lines: readonly string[], lineIdx: number, col: number, inSeq: boolean): SchemaPathSegment[] | null {
  const rev: SchemaPathSegment[] = [];
  let target = col;
  let seq = inSeq;
  const enterItems = (info: LineInfo): void => {
    for (let j = info.dashes.length - 1; j >= 0; j--) rev.push(0);
    target = info.dashes[0] as number;
    seq = true;
  };
  for (let i = lineIdx - 1; i >= 0 && (target > 0 || seq); i--) {
    const info = lineInfo(lines[i] as string);
    if (!info) continue;
    if (seq) {
      const parent = info.lead < target || (info.lead === target && info.dashes.length === 0);
      if (!parent) continue;
      if (info.key === null) return null;
      rev.push(info.key);
      seq = false;
      if (info.dashes.length > 0) enterItems(info);
      else target = info.lead;
    } else if (info.dashes.length > 0 && info.keyCol === target && info.lead < target) {
      enterItems(info);
    } else if (info.lead < target) {
      if (info.key === null) return null;
      rev.push(info.key);
      if (info.dashes.length > 0) enterItems(info);
      else target = info.lead;
    }
  }
  return rev.reverse();
}

/** Keys already present in the mapping at column `col` around line `lineIdx`. */
function siblingKeys(lines: readonly string[], lineIdx: number, col: number): Set<string> {
  const keys = new Set<string>();
  for (let i = lineIdx - 1; i >= 0; i--) {
    const info = lineInfo(lines[i] as string);
    if (!info) continue;
    if (info.keyCol === col && info.key !== null) keys.add(info.key);
    if (info.lead < col) break;
  }
  for (let i = lineIdx + 1; i < lines.length; i++) {
    const info = lineInfo(lines[i] as string);
    if (!info) continue;
    if (info.lead < col) break;
    if (info.keyCol === col && info.key !== null) keys.add(info.key);
  }
  return keys;
}

export interface CursorContext {
  /** On a key of the mapping at `path`, or on the value at `path`. */
  kind: 'key' | 'value';
  path: SchemaPathSegment[];
  /** The word typed so far and the offset where it starts (what a completion replaces). */
  word: string;
  from: number;
  /** Keys the mapping already has (for `key`). */
  siblings: Set<string>;
  /** On a line that opens a sequence item (`- ...`): the item could be a scalar of the sequence at `itemPath`. */
  itemPath?: SchemaPathSegment[];
}

/** Line index and column of an offset. */
export function lineCol(text: string, offset: number): { line: number; col: number; lineStart: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
  return { line, col: offset - lineStart, lineStart };
}

/** The context at `offset` in `text`, or null where none is known (comments, flow collections, block scalars). */
export function contextAt(text: string, offset: number): CursorContext | null {
  const lines = text.split('\n');
  const { line, col, lineStart } = lineCol(text, offset);
  const prefix = (lines[line] ?? '').slice(0, col);
  const m = LINE.exec(prefix) as RegExpExecArray;
  const [, spaces = '', marks = '', content = ''] = m;
  const lead = spaces.length;
  const keyCol = lead + marks.length;
  const dashes: number[] = [];
  for (let i = 0; i < marks.length; i++) if (marks[i] === '-') dashes.push(lead + i);
  const mapping = (): SchemaPathSegment[] | null => {
    if (dashes.length === 0) return ancestors(lines, line, keyCol, false);
    const above = ancestors(lines, line, dashes[0] as number, true);
    return above ? [...above, ...dashes.map(() => 0)] : null;
  };
  const typing = /^[\w$.+-]*$/.exec(content);
  if (typing) {
    const path = mapping();
    if (!path) return null;
    const siblings = dashes.length > 0 ? new Set<string>() : siblingKeys(lines, line, keyCol);
    const itemPath = dashes.length > 0 ? path.slice(0, -1) : undefined;
    return { kind: 'key', path, word: content, from: lineStart + keyCol, siblings, ...(itemPath ? { itemPath } : {}) };
  }
  const value = /^("[^"]*"|'[^']*'|[^\s#:{}[\],'"][^:#]*?)\s*:\s*(["']?)([^\s"'#{}[\],]*)$/.exec(content);
  if (value) {
    const path = mapping();
    if (!path) return null;
    const word = value[3] ?? '';
    return { kind: 'value', path: [...path, unquote((value[1] as string).trim())], word, from: offset - word.length, siblings: new Set() };
  }
  return null;
}

/** The path of the key or value under `offset` (for hover documentation), and the key's span. */
export function pathUnder(text: string, offset: number): { path: SchemaPathSegment[]; from: number; to: number } | null {
  const { lineStart } = lineCol(text, offset);
  const lineText = text.slice(lineStart, text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart));
  const info = lineInfo(lineText);
  if (!info || info.key === null) return null;
  // Ask for the context just after the key's colon: the path of its value.
  const colon = lineText.indexOf(':', info.keyCol);
  if (colon < 0 || offset - lineStart > lineText.length) return null;
  const ctx = contextAt(text, lineStart + colon + 1);
  if (ctx?.kind !== 'value') return null;
  return { path: ctx.path, from: lineStart + info.keyCol, to: lineStart + colon };
}
