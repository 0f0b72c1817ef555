/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped, numbers as
 * ECMAScript prints them (exact and identical on every engine). Two equal plain values always give the
 * same text, whatever order their keys were inserted in; the state hash relies on it.
 *
 * Written into an array of parts joined once: the result is one flat string (a `+=` rope of a 3 MB
 * state cost as much again to flatten when hashed), and the quoted form of the field names, which
 * repeat across thousands of records, is kept after its first use.
 *
 * A record whose keys already come in sorted order, holding only finite numbers, strings, booleans,
 * null and such records or arrays (a few levels deep), is written by JSON.stringify: for it, that is
 * the same text, three to four times faster than this walk. The engine creates the records a state
 * holds by the thousand (alerts, their truth, attempts, nodes, score samples) with sorted fields.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value === undefined ? null : value, out);
  return out.join('');
}

/** Strings that need no escaping: printable ASCII without quote or backslash. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const str = (s: string): string => (s.length < 200 && PLAIN.test(s) ? `"${s}"` : JSON.stringify(s));

/** `"key":` for field names seen before (bounded: record ids used as keys do not fill it up). */
const keyTexts = new Map<string, string>();
function keyText(k: string): string {
  let text = keyTexts.get(k);
  if (text === undefined) {
    text = `${str(k)}:`;
    if (keyTexts.size < 4096) keyTexts.set(k, text);
  }
  return text;
}

/** Levels of records below a value that `native` checks before it gives up (a bound on re-checking). */
const NATIVE_DEPTH = 3;

/**
 * Whether JSON.stringify writes `value` exactly as canonical JSON does: every object's keys in sorted
 * order as iterated (integer-like keys, which come first, are caught by the order check), numbers
 * finite, no undefined array item, at most `depth` levels of objects and arrays.
 */
function native(value: unknown, depth: number): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (depth === 0) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const x: unknown = value[i];
          if (x === undefined || !native(x, depth - 1)) return false;
        }
        return true;
      }
      let prev = '';
      for (const k in value) {
        if (k < prev) return false;
        prev = k;
        if (!native((value as Record<string, unknown>)[k], depth - 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

function write(value: unknown, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(str(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not a JSON number`);
      out.push(String(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object': {
      if (native(value, NATIVE_DEPTH)) {
        out.push(JSON.stringify(value));
        return;
      }
      if (Array.isArray(value)) {
        out.push('[');
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out.push(',');
          const item: unknown = value[i];
          if (item === undefined) out.push('null');
          else write(item, out);
        }
        out.push(']');
        return;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      out.push('{');
      let first = true;
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) continue;
        if (!first) out.push(',');
        first = false;
        out.push(keyText(k));
        write(v, out);
      }
      out.push('}');
      return;
    }
    default:
      throw new Error(`canonicalJson: cannot serialise a ${typeof value}`);
  }
}
