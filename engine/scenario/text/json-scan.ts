/**
 * A checking pass over a JSON text, for what `JSON.parse` does not say: where a syntax error is
 * (offset and the path of the enclosing value) and which keys repeat (`JSON.parse` silently keeps
 * the last). Iterative, so hostile nesting cannot overflow the stack.
 */
import type { PathSegment } from '../../lib/diagnostic.ts';
import { LineIndex } from './locate.ts';

export interface DuplicateKey {
  path: PathSegment[];
  key: string;
  keyStart: number;
  firstKeyStart: number;
}

export type JsonScanResult = { ok: true; duplicates: DuplicateKey[] } | { ok: false; offset: number; message: string; path: PathSegment[] };

/** An open container: the key or index it sits at in its parent, and what it has seen so far. */
interface Frame {
  seg: PathSegment;
  /** Keys seen with the offset of their first occurrence; undefined for arrays. */
  keys: Map<string, number> | undefined;
  items: number;
}

class JsonSyntax {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

/** Scans a whole JSON text; never throws. */
export function scanJson(text: string): JsonScanResult {
  const stack: Frame[] = [];
  const duplicates: DuplicateKey[] = [];
  let i = 0;
  const ws = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };
  const path = () => stack.slice(1).map((f) => f.seg);
  try {
    ws();
    for (;;) {
      // One value (opening a container counts), preceded by its key inside an object.
      const top = stack[stack.length - 1];
      let seg: PathSegment = '';
      if (top?.keys) {
        if (text.charCodeAt(i) !== 34) throw new JsonSyntax(i, describe(text, i, 'a "quoted" key'));
        const keyStart = i;
        i = skipString(text, i);
        const key = JSON.parse(text.slice(keyStart, i)) as string;
        const first = top.keys.get(key);
        if (first !== undefined) duplicates.push({ path: path(), key, keyStart, firstKeyStart: first });
        else top.keys.set(key, keyStart);
        seg = key;
        ws();
        if (text.charCodeAt(i) !== 58) throw new JsonSyntax(i, describe(text, i, '":" after the key'));
        i++;
        ws();
      } else if (top) {
        seg = top.items++;
      }
      const c = text.charCodeAt(i);
      if (c === 123 || c === 91) {
        stack.push({ seg, keys: c === 123 ? new Map() : undefined, items: 0 });
        i++;
        ws();
        if (text.charCodeAt(i) !== (c === 123 ? 125 : 93)) continue;
        i++;
        stack.pop();
      } else if (c === 34) {
        i = skipString(text, i);
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) throw new JsonSyntax(i, 'malformed number');
        i = NUMBER.lastIndex;
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
      } else if (text.startsWith('false', i)) {
        i += 5;
      } else {
        throw new JsonSyntax(i, describe(text, i, 'a value'));
      }
      // After a complete value: close containers or expect a comma.
      for (;;) {
        ws();
        const open = stack[stack.length - 1];
        if (!open) {
          if (i < text.length) throw new JsonSyntax(i, describe(text, i, 'the end of the text after the top-level value'));
          return { ok: true, duplicates };
        }
        const close = open.keys ? 125 : 93;
        const ch = text.charCodeAt(i);
        if (ch === 44) {
          i++;
          ws();
          if (text.charCodeAt(i) === close) throw new JsonSyntax(i, 'trailing comma before the closing bracket');
          break;
        }
        if (ch !== close) throw new JsonSyntax(i, describe(text, i, open.keys ? '"," or "}"' : '"," or "]"'));
        i++;
        stack.pop();
      }
    }
  } catch (e) {
    if (e instanceof JsonSyntax) return { ok: false, offset: Math.min(e.offset, text.length), message: e.message, path: path() };
    throw e;
  }
}

function describe(text: string, i: number, expected: string): string {
  if (i >= text.length) return `expected ${expected}, found the end of the text`;
  const ch = text.codePointAt(i) ?? 0;
  const shown = ch < 32 ? `\\u${ch.toString(16).padStart(4, '0')}` : String.fromCodePoint(ch);
  return `expected ${expected}, found "${shown}"`;
}

/** Offset just past the closing quote of the string opening at `i`; validates escapes and control characters. */
function skipString(text: string, i: number): number {
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 34) return k + 1;
    if (c < 32) throw new JsonSyntax(k, c === 10 ? 'unterminated string (a JSON string cannot hold a line break)' : 'control character inside a string: escape it');
    if (c === 92) {
      const e = text.charCodeAt(k + 1);
      if (e === 117) {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) throw new JsonSyntax(k, 'bad \\u escape: write four hex digits');
        k += 5;
      } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
        k++;
      } else {
        throw new JsonSyntax(k, 'bad escape in string');
      }
    }
  }
  throw new JsonSyntax(i, 'unterminated string');
}

/**
 * Where and why a text is not JSON (1-based line and column), or undefined when it is well-formed:
 * for readers that parse with `JSON.parse`, which does not always say where.
 */
export function jsonSyntaxError(text: string): { line: number; col: number; message: string } | undefined {
  const scan = scanJson(text);
  if (scan.ok) return undefined;
  return { ...new LineIndex(text).position(scan.offset), message: scan.message };
}
