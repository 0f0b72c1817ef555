/**
 * A fast reader for the plain YAML that scenario files are written in: block maps and sequences,
 * single-line flow collections, plain and quoted scalars, literal and folded block scalars, and
 * comments. The `yaml` package reads about 1 MB per second; this reads tens.
 *
 * It gives up (returns undefined) on anything else: anchors, aliases, tags, multi-line flow
 * collections or quoted strings, multi-line plain scalars, explicit keys, directives, tabs, odd
 * characters, duplicate keys, and any layout it does not recognise. The caller then falls back to
 * the `yaml` package, which also supplies positions for diagnostics. For what it accepts, it must
 * give exactly the value `yaml` gives (YAML 1.2 core schema); test/engine/scenario/fast-yaml.test.ts
 * compares both on generated and damaged documents.
 */

/** Thrown inside this module only, to abandon the fast path. */
class GiveUp {}
const GIVE_UP = new GiveUp();
function giveUp(): never {
  throw GIVE_UP;
}

// Tabs, control characters, non-characters, lone surrogates, byte-order marks: leave them to yaml.
const UNSUPPORTED = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$.+/-]*$/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"',
  '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** A plain scalar's value under the YAML 1.2 core schema, as `yaml` resolves it. */
export function resolvePlain(s: string): unknown {
  // Most scalars are words: only these first characters can start a null, bool or number.
  if (s !== '' && !'~nNtTfF0123456789+-.'.includes(s[0] ?? '')) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

interface Line {
  indent: number;
  /** The line after its indentation. */
  rest: string;
}

/** Reads a scenario-style YAML text; undefined means "not in the subset: use the yaml package". */
export function fastYaml(source: string): { value: unknown } | undefined {
  if (UNSUPPORTED.test(source)) return undefined;
  const text = source.includes('\r') ? source.replace(/\r\n/g, '\n') : source;
  if (text.includes('\r')) return undefined;
  try {
    return { value: new Reader(text.split('\n')).document() };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

class Reader {
  private readonly lines: Line[];
  private i = 0;

  constructor(raw: string[]) {
    // The empty string after a final line break is not a line.
    if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
    this.lines = raw.map((r) => {
      let n = 0;
      while (r.charCodeAt(n) === 32) n++;
      return { indent: n, rest: r.slice(n) };
    });
  }

  document(): unknown {
    this.skip();
    const first = this.lines[this.i];
    if (first && first.indent === 0 && /^---(\s*(#.*)?)?$/.test(first.rest)) {
      this.i++;
      this.skip();
    }
    const line = this.lines[this.i];
    if (!line || line.indent !== 0 || line.rest.startsWith('- ') || line.rest === '-') giveUp();
    const value = this.map(0);
    this.skip();
    if (this.i < this.lines.length) giveUp();
    return value;
  }

  /** Moves past blank and comment lines. */
  private skip(): void {
    for (let l = this.lines[this.i]; l && (l.rest === '' || l.rest[0] === '#'); l = this.lines[++this.i]);
  }

  private block(indent: number): unknown {
    const line = this.lines[this.i] ?? giveUp();
    if (line.indent !== indent) giveUp();
    return line.rest === '-' || line.rest.startsWith('- ') ? this.seq(indent) : this.map(indent);
  }

  private map(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      const line = this.lines[this.i] ?? giveUp();
      const colon = line.rest.indexOf(':');
      if (colon <= 0) giveUp();
      const key = line.rest.slice(0, colon);
      const after = line.rest.slice(colon + 1);
      if (after !== '' && after[0] !== ' ') giveUp();
      if (!PLAIN_KEY.test(key) || typeof resolvePlain(key) !== 'string' || key.length > 1000 || key === '__proto__') giveUp();
      if (Object.hasOwn(out, key)) giveUp();
      out[key] = this.valueAfter(after, indent, true);
      this.skip();
      const next = this.lines[this.i];
      if (!next || next.indent < indent) return out;
      if (next.indent > indent || next.rest === '-' || next.rest.startsWith('- ')) giveUp();
    }
  }

  private seq(indent: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const line = this.lines[this.i] ?? giveUp();
      const rest = line.rest.slice(1);
      const item = trimSpaces(rest);
      const gap = rest.length - item.length;
      if (item.startsWith('-') && (item.length === 1 || item[1] === ' ')) giveUp();
      const colon = item.indexOf(':');
      if (item !== '' && item[0] !== '#' && colon > 0 && PLAIN_KEY.test(item.slice(0, colon)) && (item.length === colon + 1 || item[colon + 1] === ' ')) {
        // A compact map "- key: value": read it as a map indented at its first key.
        const column = indent + 1 + gap;
        this.lines[this.i] = { indent: column, rest: item };
        out.push(this.map(column));
      } else {
        out.push(this.valueAfter(rest, indent, false));
        this.skip();
      }
      const next = this.lines[this.i];
      if (!next || next.indent < indent) return out;
      if (next.indent > indent) giveUp();
      if (next.rest !== '-' && !next.rest.startsWith('- ')) return out;
    }
  }

  /**
   * The value after "key:" or "-" on the current line (`after` starts with a space or is empty),
   * reading following lines for nested blocks and block scalars. Leaves `i` past the value.
   */
  private valueAfter(after: string, indent: number, inMap: boolean): unknown {
    const v = trimSpaces(after);
    if (v === '' || v[0] === '#') {
      this.i++;
      this.skip();
      const next = this.lines[this.i];
      if (next && next.indent > indent) return this.block(next.indent);
      if (next && inMap && next.indent === indent && (next.rest === '-' || next.rest.startsWith('- '))) return this.seq(indent);
      return null;
    }
    this.i++;
    const c = v[0];
    if (c === '|' || c === '>') return this.blockScalar(v, indent);
    const r = new Inline(v);
    const value = r.value(false);
    r.end();
    return value;
  }

  private blockScalar(header: string, parent: number): string {
    const m = /^([|>])([-+]?)\s*(#.*)?$/.exec(header);
    if (!m) giveUp();
    const folded = m[1] === '>';
    const chomp = m[2];
    const content: string[] = [];
    let contentIndent = -1;
    for (;;) {
      const line = this.lines[this.i];
      if (!line) break;
      const blank = line.rest === '';
      if (contentIndent < 0) {
        if (blank) giveUp(); // leading empty lines: leave them to yaml
        if (line.indent <= parent) break;
        contentIndent = line.indent;
      }
      if (blank) {
        if (line.indent > contentIndent) giveUp();
        content.push('');
      } else if (line.indent >= contentIndent) {
        const text = ' '.repeat(line.indent - contentIndent) + line.rest;
        if (folded && text[0] === ' ') giveUp(); // more-indented lines fold differently: leave to yaml
        content.push(text);
      } else if (line.indent > parent) {
        giveUp();
      } else {
        break;
      }
      this.i++;
    }
    if (contentIndent < 0) giveUp();
    // Trailing empty lines belong to chomping; the lines after them are the next content.
    let end = content.length;
    while (end > 0 && content[end - 1] === '') end--;
    this.i -= content.length - end;
    const body = content.slice(0, end);
    const trailing = content.length - end;
    let value: string;
    if (!folded) value = body.join('\n');
    else {
      value = '';
      for (let k = 0; k < body.length; k++) {
        const line = body[k] ?? '';
        if (k === 0) value = line;
        else if (line === '') value += '\n';
        else value += (body[k - 1] === '' ? '' : ' ') + line;
      }
    }
    if (chomp === '-') return value;
    if (chomp === '+') return `${value}\n${'\n'.repeat(trailing)}`;
    return `${value}\n`;
  }
}

/** Drops leading ASCII spaces only (String.trimStart would also drop no-break spaces, which YAML keeps). */
function trimSpaces(s: string): string {
  let k = 0;
  while (s.charCodeAt(k) === 32) k++;
  return k === 0 ? s : s.slice(k);
}

/** Values on one line: flow collections, quoted and plain scalars, then an optional comment. */
class Inline {
  private p = 0;
  constructor(private readonly s: string) {}

  /** Nothing but spaces and a comment may follow a value. */
  end(): void {
    this.spaces();
    if (this.p < this.s.length && !(this.s[this.p] === '#' && this.s[this.p - 1] === ' ')) giveUp();
  }

  private spaces(): void {
    while (this.s[this.p] === ' ') this.p++;
  }

  value(flow: boolean): unknown {
    const c = this.s[this.p];
    if (c === '[') return this.flowSeq();
    if (c === '{') return this.flowMap();
    if (c === '"') return this.double();
    if (c === "'") return this.single();
    return resolvePlain(this.plain(flow));
  }

  private plain(flow: boolean): string {
    const s = this.s;
    const start = this.p;
    const c = s[start] ?? '';
    // Indicators cannot start a plain scalar; "-", "?" and ":" can, unless a space (or in flow, a flow indicator) follows.
    const next = s[start + 1] ?? ' ';
    if (c === '' || '#&*!|>%@`,[]{}\'"'.includes(c) || ((c === '-' || c === '?' || c === ':') && (next === ' ' || (flow && ',[]{}'.includes(next))))) giveUp();
    let end = start;
    for (let k = start; k < s.length; k++) {
      const ch = s[k];
      if (ch === ' ') {
        if (s[k + 1] === '#') break;
        continue;
      }
      if (ch === ':' && (k + 1 === s.length || s[k + 1] === ' ' || (flow && ',[]{}'.includes(s[k + 1] ?? '')))) {
        if (!flow) giveUp(); // "a: b: c" is an error in yaml
        break;
      }
      if (flow && ',[]{}'.includes(ch ?? '')) break;
      end = k + 1;
    }
    this.p = end;
    return s.slice(start, end);
  }

  private single(): string {
    let out = '';
    for (let k = this.p + 1; k < this.s.length; k++) {
      if (this.s[k] === "'") {
        if (this.s[k + 1] === "'") { out += "'"; k++; continue; }
        this.p = k + 1;
        return out;
      }
      out += this.s[k];
    }
    return giveUp();
  }

  private double(): string {
    let out = '';
    const s = this.s;
    for (let k = this.p + 1; k < s.length; k++) {
      const ch = s[k] ?? '';
      if (ch === '"') {
        this.p = k + 1;
        return out;
      }
      if (ch !== '\\') { out += ch; continue; }
      const e = s[++k] ?? '';
      const simple = ESCAPES[e];
      if (simple !== undefined) { out += simple; continue; }
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = s.slice(k + 1, k + 1 + digits);
      if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) giveUp();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) giveUp();
      out += String.fromCodePoint(code);
      k += digits;
    }
    return giveUp();
  }

  private flowSeq(): unknown[] {
    const out: unknown[] = [];
    this.p++;
    this.spaces();
    if (this.s[this.p] === ']') { this.p++; return out; }
    for (;;) {
      out.push(this.value(true));
      this.spaces();
      const c = this.s[this.p];
      if (c === ':') giveUp(); // a pair inside a sequence
      this.p++;
      if (c === ']') return out;
      if (c !== ',') giveUp();
      this.spaces();
      if (this.s[this.p] === ']' || this.s[this.p] === ',') giveUp();
    }
  }

  private flowMap(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.p++;
    this.spaces();
    if (this.s[this.p] === '}') { this.p++; return out; }
    for (;;) {
      const key = this.plain(true);
      if (!PLAIN_KEY.test(key) || typeof resolvePlain(key) !== 'string' || key === '__proto__' || Object.hasOwn(out, key)) giveUp();
      if (this.s[this.p] !== ':' || this.s[this.p + 1] !== ' ') giveUp();
      this.p += 2;
      this.spaces();
      out[key] = this.value(true);
      this.spaces();
      const c = this.s[this.p];
      this.p++;
      if (c === '}') return out;
      if (c !== ',') giveUp();
      this.spaces();
      if (this.s[this.p] === '}' || this.s[this.p] === ',') giveUp();
    }
  }
}
