/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped, numbers as
 * ECMAScript prints them (exact and identical on every engine). Two equal plain values always give the
 * same text, whatever order their keys were inserted in; the state hash relies on it.
 *
 * Written into an array of parts joined once: the result is one flat string (a `+=` rope of a 3 MB
 * state cost as much again to flatten when hashed), and the quoted form of the field names, which
 * repeat across thousands of records, is kept after its first use.
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
