/**
 * Finds where values sit in a JSON text that `JSON.parse` accepted, for many paths in one pass:
 * the paths form a tree, the walk enters only the values on it and skips everything else with
 * tight character loops (a 10 MB text in tens of milliseconds, with no allocation per value).
 */
import type { PathSegment } from '../../lib/diagnostic.ts';

export interface LocateRequest {
  path: readonly PathSegment[];
  /** Point at this key of the object at `path` instead of at the object. */
  key?: string;
}

interface Trie {
  children: Map<string, Trie>;
  keys: Set<string>;
  /** Offset of the value, -1 until seen. */
  at: number;
  /** Offset of the key that holds the value, -1 for array items and the root. */
  keyAt: number;
  keyOffsets: Map<string, number>;
}

const trie = (): Trie => ({ children: new Map(), keys: new Set(), at: -1, keyAt: -1, keyOffsets: new Map() });

/**
 * Offsets for each request: the value's start, or for a missing value the key (else the start) of
 * the deepest value on its path that exists. The text must be valid JSON.
 */
export function locateInJson(text: string, requests: readonly LocateRequest[]): number[] {
  const root = trie();
  for (const r of requests) {
    let node = root;
    for (const seg of r.path) {
      const k = String(seg);
      let next = node.children.get(k);
      if (!next) node.children.set(k, (next = trie()));
      node = next;
    }
    if (r.key !== undefined) node.keys.add(r.key);
  }
  visit(text, skipWs(text, 0), root);
  return requests.map((r) => {
    let node = root;
    for (const seg of r.path) {
      const next = node.children.get(String(seg));
      if (!next || next.at < 0) return node.keyAt >= 0 ? node.keyAt : Math.max(node.at, 0);
      node = next;
    }
    if (r.key !== undefined) return node.keyOffsets.get(r.key) ?? node.at;
    return node.at;
  });
}

/** Records the value at `i` in `node` and descends into the children the requests need. */
function visit(text: string, i: number, node: Trie): void {
  node.at = i;
  if (node.children.size === 0 && node.keys.size === 0) return;
  const c = text.charCodeAt(i);
  if (c !== 123 && c !== 91) return;
  const isObject = c === 123;
  let j = skipWs(text, i + 1);
  let index = 0;
  while (j < text.length && text.charCodeAt(j) !== (isObject ? 125 : 93)) {
    let name: string;
    let keyAt = -1;
    if (isObject) {
      keyAt = j;
      const end = skipString(text, j);
      const raw = text.slice(j + 1, end - 1);
      name = raw.includes('\\') ? (JSON.parse(text.slice(j, end)) as string) : raw;
      j = skipWs(text, end);
      j = skipWs(text, j + 1); // the colon
      if (node.keys.has(name)) node.keyOffsets.set(name, keyAt);
    } else {
      name = String(index++);
    }
    const child = node.children.get(name);
    if (child) {
      child.keyAt = keyAt;
      visit(text, j, child);
    }
    j = skipWs(text, skipValue(text, j));
    if (text.charCodeAt(j) === 44) j = skipWs(text, j + 1);
  }
}

function skipWs(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  return i;
}

function skipString(text: string, i: number): number {
  const n = text.length;
  for (let k = i + 1; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 92) k++;
    else if (c === 34) return k + 1;
  }
  return n;
}

/** Offset just past the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === 34) return skipString(text, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let k = i; k < n; k++) {
      const ch = text.charCodeAt(k);
      if (ch === 34) k = skipString(text, k) - 1;
      else if (ch === 123 || ch === 91) depth++;
      else if (ch === 125 || ch === 93) {
        if (--depth === 0) return k + 1;
      }
    }
    return n;
  }
  let k = i;
  for (let ch = text.charCodeAt(k); k < n && ch !== 44 && ch !== 93 && ch !== 125 && ch !== 32 && ch !== 10 && ch !== 13 && ch !== 9; ch = text.charCodeAt(++k));
  return k;
}
