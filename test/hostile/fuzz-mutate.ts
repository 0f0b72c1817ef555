/**
 * Seeded mutators shared by the hostile fuzz tests (fuzz-*.test.ts): byte-level, line-level and
 * structure-level damage to real input files (scenarios, imports, logs). Every mutator takes a
 * seeded random stream (seedrandom), so an input is reproduced from its seed and index alone. The
 * hostile strings, values, bytes and YAML tokens they splice in are in fuzz-mutate-strings.ts.
 */
import seedrandom from 'seedrandom';
import { DURATION_EDGES, NASTY_STRINGS, NASTY_VALUES, SPECIAL_BYTES, YAML_TOKENS } from './fuzz-mutate-strings.ts';

export type Rng = () => number;

export const rngFor = (seed: string): Rng => seedrandom(seed);
export const int = (r: Rng, n: number): number => Math.floor(r() * n);
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)] as T;
export const chance = (r: Rng, p: number): boolean => r() < p;

/** 1 to 4 byte-level edits: flips, inserts, deletions, duplications, truncation and splices of special bytes. */
export function mutateBytes(r: Rng, input: Uint8Array): Uint8Array {
  let b: Uint8Array = Uint8Array.from(input);
  const edits = 1 + int(r, 4);
  for (let e = 0; e < edits; e++) {
    const n = b.length;
    const at = int(r, n + 1);
    switch (int(r, 8)) {
      case 0: // flip one bit
        if (n > 0) b[Math.min(at, n - 1)]! ^= 1 << int(r, 8);
        break;
      case 1: // random byte
        if (n > 0) b[Math.min(at, n - 1)] = int(r, 256);
        break;
      case 2: {
        // delete a range
        const len = 1 + int(r, 1 + int(r, 64));
        b = concat(b.subarray(0, at), b.subarray(Math.min(n, at + len)));
        break;
      }
      case 3: {
        // insert special bytes
        b = concat(b.subarray(0, at), Uint8Array.from(pick(r, SPECIAL_BYTES)), b.subarray(at));
        break;
      }
      case 4: {
        // duplicate a range
        const len = 1 + int(r, 200);
        b = concat(b.subarray(0, at), b.subarray(at, at + len), b.subarray(at));
        break;
      }
      case 5: // truncate
        b = b.subarray(0, at);
        break;
      case 6: {
        // random bytes
        const len = 1 + int(r, 16);
        b = concat(
          b.subarray(0, at),
          Uint8Array.from({ length: len }, () => int(r, 256)),
          b.subarray(at),
        );
        break;
      }
      default: {
        // move a range elsewhere
        const len = 1 + int(r, 100);
        const piece = b.slice(at, at + len);
        const rest = concat(b.subarray(0, at), b.subarray(Math.min(n, at + len)));
        const to = int(r, rest.length + 1);
        b = concat(rest.subarray(0, to), piece, rest.subarray(to));
      }
    }
  }
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** 1 to 3 line-level edits: delete, duplicate, swap, re-indent, and YAML tokens (tags, anchors, aliases) spliced in. */
export function mutateLines(r: Rng, text: string): string {
  const lines = text.split('\n');
  const edits = 1 + int(r, 3);
  for (let e = 0; e < edits && lines.length > 0; e++) {
    const i = int(r, lines.length);
    const line = lines[i] as string;
    switch (int(r, 7)) {
      case 0:
        lines.splice(i, 1 + int(r, 3));
        break;
      case 1:
        lines.splice(i, 0, ...lines.slice(i, i + 1 + int(r, 4)));
        break;
      case 2: {
        const j = int(r, lines.length);
        lines[i] = lines[j] as string;
        lines[j] = line;
        break;
      }
      case 3: {
        // re-indent
        const delta = pick(r, [-4, -2, -1, 1, 2, 4]);
        lines[i] = delta > 0 ? `${' '.repeat(delta)}${line}` : line.replace(new RegExp(`^ {0,${-delta}}`), '');
        break;
      }
      case 4: {
        // a token inserted at a random column, or after the key's colon
        const colon = line.indexOf(': ');
        const at = colon >= 0 && chance(r, 0.6) ? colon + 2 : int(r, line.length + 1);
        lines[i] = `${line.slice(0, at)}${pick(r, YAML_TOKENS)}${line.slice(at)}`;
        break;
      }
      case 5: {
        // the value of a key replaced
        const colon = line.indexOf(': ');
        if (colon >= 0) lines[i] = `${line.slice(0, colon + 2)}${pick(r, [...YAML_TOKENS, ...NASTY_STRINGS.slice(0, 30).map((s) => JSON.stringify(s))])}`;
        break;
      }
      default: // CRLF, or a trailing space
        lines[i] = chance(r, 0.5) ? `${line}\r` : `${line} `;
    }
  }
  return lines.join('\n');
}

type Path = (string | number)[];
const DURATION_LIKE = /^(0|\d+(ms|d|h|m|s)(\d+(ms|h|m|s))*)$/;
type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

/** Every path in a JSON-like value (breadth-limited so huge files stay cheap). */
export function allPaths(value: unknown, limit = 20_000): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, path: Path): void => {
    if (out.length >= limit) return;
    out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isContainer(v)) for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k]);
  };
  walk(value, []);
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return v;
}

/** Strings and keys already in the document: swapping them in makes plausible, wrongly cross-referenced files. */
function harvest(root: unknown): { strings: string[]; keys: string[] } {
  const strings = new Set<string>();
  const keys = new Set<string>();
  for (const p of allPaths(root, 5000)) {
    const v = getAt(root, p);
    if (typeof v === 'string' && v.length < 80) strings.add(v);
    const last = p[p.length - 1];
    if (typeof last === 'string') keys.add(last);
  }
  return { strings: [...strings], keys: [...keys] };
}

export function deepNest(r: Rng, depth: number, core: unknown = 'core'): unknown {
  let v = core;
  for (let i = 0; i < depth; i++) v = chance(r, 0.5) ? [v] : { k: v };
  return v;
}

/**
 * 1 to 3 structure-level edits of a clone of `value`: keys deleted, duplicated or renamed (to another
 * key of the document, a typo or a nasty string), values replaced by wrong types, huge numbers,
 * unicode, deep nesting, or another value of the document (wrong cross-references), values swapped.
 */
export function mutateValue(r: Rng, value: unknown): unknown {
  const root: { doc: unknown } = { doc: structuredClone(value) };
  const { strings, keys } = harvest(root.doc);
  const edits = 1 + int(r, 3);
  for (let e = 0; e < edits; e++) {
    const paths = allPaths(root.doc).map((p): Path => ['doc', ...p]);
    const path = pick(r, paths);
    const parent = getAt(root, path.slice(0, -1)) as Container;
    const key = path[path.length - 1] as string | number;
    const current = getAt(root, path);
    const set = (v: unknown): void => {
      (parent as Record<string | number, unknown>)[key] = v;
    };
    // Durations are the numbers written as text: often too long, or at the edge (simulated time ends a year after T+0).
    if (typeof current === 'string' && DURATION_LIKE.test(current) && chance(r, 0.4)) {
      set(pick(r, DURATION_EDGES));
      continue;
    }
    switch (int(r, 10)) {
      case 0: // delete
        if (path.length === 1) set(pick(r, NASTY_VALUES));
        else if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<string, unknown>)[key as string];
        break;
      case 1: // duplicate
        if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current));
        else if (path.length > 1) (parent as Record<string, unknown>)[`${String(key)}${pick(r, ['', '2', '_', 'Copy'])}${chance(r, 0.5) ? '' : 'x'}`] = structuredClone(current);
        break;
      case 2: {
        // rename (retag) a key
        if (path.length > 1 && !Array.isArray(parent)) {
          const obj = parent as Record<string, unknown>;
          const k = key as string;
          const renamed = pick(r, [pick(r, keys), k.toUpperCase(), `${k}s`, k.slice(0, -1), `${k} `, `_${k}`, k.replace(/[a-z]/, (c) => c.toUpperCase()), pick(r, NASTY_STRINGS)]);
          const v = obj[k];
          delete obj[k];
          obj[renamed] = v;
        }
        break;
      }
      case 3: // wrong type
        set(structuredClone(pick(r, NASTY_VALUES)));
        break;
      case 4: // huge or odd number
        set(pick(r, [1e300, -1e300, 2 ** 63, -(2 ** 63), 1e-300, 123456789012345, -1, 0, 0.1, 1.5, 99999, Number.MAX_VALUE, Number.MIN_VALUE]));
        break;
      case 5: // unicode / nasty text
        set(typeof current === 'string' && chance(r, 0.5) ? `${current}${pick(r, NASTY_STRINGS)}` : pick(r, NASTY_STRINGS));
        break;
      case 6: // deep nesting (not on top of nesting already deep: copying it would overflow the test's own stack)
        if (depthOf(root.doc, 400) < 400) set(deepNest(r, pick(r, [5, 30, 120, 300, 1200]), current));
        break;
      case 7: // another value of the document (ids pointing at the wrong thing)
        if (strings.length > 0) set(pick(r, strings));
        break;
      case 8: {
        // swap with another value
        const other = pick(r, paths);
        if (other.length > 1 && !other.slice(0, path.length).every((k, i) => k === path[i]) && !path.slice(0, other.length).every((k, i) => k === other[i])) {
          const v = getAt(root, other);
          const op = getAt(root, other.slice(0, -1)) as Record<string | number, unknown>;
          op[other[other.length - 1] as string | number] = current;
          set(v);
        }
        break;
      }
      default: // container kind changed
        if (Array.isArray(current)) set(Object.fromEntries(current.map((v, i) => [String(i), v])));
        else if (isContainer(current)) set(Object.values(current));
        else set([current]);
    }
  }
  return root.doc;
}

/** How deeply a value nests (containers on the longest path); stops counting at `cap`. */
export function depthOf(value: unknown, cap = 1_000_000): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (!isContainer(v)) continue;
    if (d + 1 > deepest) deepest = d + 1;
    if (deepest >= cap) return deepest;
    for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push([x, d + 1]);
  }
  return deepest;
}

/**
 * A value as YAML text: block style, or flow style (JSON, which is YAML) when it nests deeply, where
 * block YAML's indentation would make the text quadratic in the depth.
 */
export function yamlText(value: unknown, stringify: (v: unknown) => string): string {
  if (depthOf(value, 40) >= 40) return `${JSON.stringify(value)}\n`;
  return stringify(value);
}

/** Counts, for recordFigures and for the assertion messages. */
export interface Tally {
  inputs: number;
  crashes: number;
  accepted: number;
  refused: number;
}
export const tally = (): Tally => ({ inputs: 0, crashes: 0, accepted: 0, refused: 0 });

/** A short, printable excerpt of an input for assertion messages. */
export function excerpt(x: string | Uint8Array, max = 300): string {
  const s = typeof x === 'string' ? x : Buffer.from(x).toString('latin1');
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}...(${s.length} chars)` : s);
}
