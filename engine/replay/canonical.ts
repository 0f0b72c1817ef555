/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped, numbers as
 * ECMAScript prints them (exact and identical on every engine). Two equal plain values always give the
 * same text, whatever order their keys were inserted in; the state hash relies on it.
 */
export function canonicalJson(value: unknown): string {
  return write(value === undefined ? null : value);
}

/** Strings that need no escaping: printable ASCII without quote or backslash. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const str = (s: string): string => (s.length < 200 && PLAIN.test(s) ? `"${s}"` : JSON.stringify(s));

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return str(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not a JSON number`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          out += item === undefined ? 'null' : write(item);
        }
        return `${out}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      let out = '{';
      let first = true;
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) continue;
        out += first ? `${str(k)}:` : `,${str(k)}:`;
        first = false;
        out += write(v);
      }
      return `${out}}`;
    }
    default:
      throw new Error(`canonicalJson: cannot serialise a ${typeof value}`);
  }
}
