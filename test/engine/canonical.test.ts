/**
 * Canonical JSON, against a reference written the plain way (keys sorted at every level, then
 * JSON.stringify), on arbitrary values: the fast path that hands records with sorted keys to
 * JSON.stringify must give the same text as the walk, whatever the keys (integer-like ones, which
 * objects iterate first, included) and wherever the values sit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../engine/index.ts';

/** The definition, without shortcuts. */
function reference(value: unknown): string {
  const sortDeep = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map((item) => (item === undefined ? null : sortDeep(item)));
    if (x !== null && typeof x === 'object') {
      const out: [string, unknown][] = [];
      for (const k of Object.keys(x).sort()) {
        const v = (x as Record<string, unknown>)[k];
        if (v !== undefined) out.push([k, sortDeep(v)]);
      }
      // Written by hand: an object would put integer-like keys first again.
      return { entries: out };
    }
    return x;
  };
  const write = (x: unknown): string => {
    if (Array.isArray(x)) return `[${x.map(write).join(',')}]`;
    if (x !== null && typeof x === 'object') return `{${(x as { entries: [string, unknown][] }).entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(',')}}`;
    return JSON.stringify(x);
  };
  return write(sortDeep(value));
}

const key = fc.oneof(fc.constantFrom('a', 'b', 'id', 't', 'node', '0', '1', '10', '9', '-1', 'Z', 'é', 'a b'), fc.string({ maxLength: 4 }));
const leaf = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 6 }), fc.boolean(), fc.constant(null), fc.constant(undefined));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('node'), { maxKeys: 6 }),
})).node;

/** The same value built with its keys inserted in sorted order at every level (the engine's records). */
function sortedInsertion(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortedInsertion);
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) out[k] = sortedInsertion((x as Record<string, unknown>)[k]);
    return out;
  }
  return x;
}

describe('canonicalJson', () => {
  it('equals the reference on arbitrary values, keys inserted in any order or sorted', () => {
    fc.assert(
      fc.property(value, (v) => {
        const expected = reference(v === undefined ? null : v);
        expect(canonicalJson(v)).toBe(expected);
        expect(canonicalJson(sortedInsertion(v))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses non-finite numbers inside a record whose keys are sorted, as anywhere else', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => canonicalJson({ a: 1, b: bad })).toThrow(/not a JSON number/);
      expect(() => canonicalJson([{ a: [bad] }])).toThrow(/not a JSON number/);
    }
  });

  it('writes undefined array items as null and drops undefined members, in records of any depth', () => {
    expect(canonicalJson({ a: [1, undefined], b: { c: undefined, d: 2 } })).toBe('{"a":[1,null],"b":{"d":2}}');
    expect(canonicalJson({ 10: 'x', 9: 'y', b: 1 })).toBe('{"10":"x","9":"y","b":1}');
  });
});
