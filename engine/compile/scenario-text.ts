/**
 * The canonical JSON text of a scenario (what its hash is taken of), written faster for the shape a
 * validated scenario has. canonical.ts writes records with unsorted keys by walking them token by
 * token, and every object of a parsed scenario has its keys in the schema's order, not sorted: for
 * stress.yaml that walk took 56-74 ms of a cold `ramparts run`. A copy of the value with each
 * object's keys inserted in sorted order, written by JSON.stringify, is the same text in 22-29 ms.
 *
 * The same text only for plain data: strings, finite numbers, booleans, null, arrays and plain
 * objects whose keys are not integer-like (JSON.stringify puts those first) nor `__proto__`.
 * Anything else (which a validated scenario never holds) is handed to canonicalJson, so the result,
 * or the error, is always canonicalJson's. test/engine/compile-scenario-text.test.ts compares both.
 */
import { canonicalJson } from '../lib/canonical.ts';

/** Thrown inside the copy only, to hand the value to canonicalJson. */
const NOT_PLAIN = new Error('not plain data');

/** canonicalJson(value), faster for plain data with non-numeric keys. */
export function scenarioText(value: unknown): string {
  let copy: unknown;
  try {
    copy = sortedCopy(value === undefined ? null : value);
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
    return canonicalJson(value);
  }
  return JSON.stringify(copy);
}

function sortedCopy(x: unknown): unknown {
  switch (typeof x) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return x;
    case 'number':
      if (!Number.isFinite(x)) throw NOT_PLAIN;
      return x;
    case 'object': {
      if (x === null) return x;
      if (Array.isArray(x)) {
        const out = new Array(x.length);
        for (let i = 0; i < x.length; i++) out[i] = sortedCopy(x[i]);
        return out;
      }
      const proto = Object.getPrototypeOf(x);
      if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
      const o = x as Record<string, unknown>;
      const keys = Object.keys(o).sort();
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        // Integer-like keys come first in JSON.stringify whatever the insertion order.
        const c = k.charCodeAt(0);
        if ((c >= 48 && c <= 57) || k === '__proto__') throw NOT_PLAIN;
        out[k] = sortedCopy(o[k]);
      }
      return out;
    }
    default:
      throw NOT_PLAIN;
  }
}
