/**
 * From a path in the parsed value (as zod and the meaning checks report it) back to a line and
 * column in the source text, for YAML documents and for JSON texts.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Pair } from 'yaml';
import type { PathSegment } from '../../lib/diagnostic.ts';
import { locateInJson, type LocateRequest } from './json-locate.ts';

export interface Position {
  line: number;
  col: number;
}

export interface SourceMap {
  /**
   * Where the value at `path` starts. A missing value is placed at the nearest enclosing value that
   * exists, at its key when it has one (a missing field points at the map that lacks it). With
   * `key`, the position of that key of the map at `path` (for unknown keys).
   */
  locate(path: readonly PathSegment[], key?: string): Position;
  /** The same for many paths at once (one pass over a JSON text). */
  locateAll(requests: readonly LocateRequest[]): Position[];
  /** Line of the value at `path` when it exists (for "first defined on line N" messages). */
  lineOf(path: readonly PathSegment[]): number | undefined;
}

/** Offsets to 1-based lines and columns (columns in UTF-16 code units). */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  position(offset: number): Position {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (starts[lo] ?? 0) + 1 };
  }
}

function keyText(pair: Pair<unknown, unknown>): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return typeof k === 'string' || typeof k === 'number' ? String(k) : undefined;
}

function start(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

/** A source map over a parsed YAML document. */
export function yamlSourceMap(doc: Document, lines: LineIndex): SourceMap {
  /** Follows `path` as far as it exists: the last node reached, where it starts, and the key that led to it. */
  const walk = (path: readonly PathSegment[]) => {
    let node: unknown = doc.contents;
    let at = start(node) ?? 0;
    let keyAt: number | undefined;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(doc);
      let next: unknown;
      let nextAt: number | undefined;
      let nextKeyAt: number | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p) === String(seg));
        if (pair) {
          next = pair.value;
          nextKeyAt = start(pair.key);
          // An empty value (`key:`) is placed at its key, which is what the author sees.
          const empty = next == null || (isScalar(next) && next.value === null && next.source === '');
          nextAt = empty ? nextKeyAt : start(next);
          if (next == null) next = pair.key;
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
        nextAt = start(next);
      }
      if (next == null || nextAt === undefined) return { node, at, keyAt, found: false };
      node = next;
      at = nextAt;
      keyAt = nextKeyAt;
    }
    return { node, at, keyAt, found: true };
  };
  const locate = (path: readonly PathSegment[], key?: string): Position => {
    const r = walk(path);
    if (!r.found) return lines.position(r.keyAt ?? r.at);
    if (key !== undefined) {
      const node = isAlias(r.node) ? r.node.resolve(doc) : r.node;
      if (isMap(node)) {
        const keyAt = start(node.items.find((p) => keyText(p) === key)?.key);
        if (keyAt !== undefined) return lines.position(keyAt);
      }
    }
    return lines.position(r.at);
  };
  return {
    locate,
    locateAll: (requests) => requests.map((r) => locate(r.path, r.key)),
    lineOf(path) {
      const r = walk(path);
      return r.found ? lines.position(r.at).line : undefined;
    },
  };
}

/** A source map over a JSON text that `JSON.parse` accepted; each batch of lookups is one pass. */
export function jsonSourceMap(text: string, lines: LineIndex): SourceMap {
  return {
    locate: (path, key) => lines.position(locateInJson(text, [key === undefined ? { path } : { path, key }])[0] ?? 0),
    locateAll: (requests) => locateInJson(text, requests).map((offset) => lines.position(offset)),
    lineOf: (path) => lines.position(locateInJson(text, [{ path }])[0] ?? 0).line,
  };
}
