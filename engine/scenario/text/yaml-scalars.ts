import { MAX_DEPTH } from './depth.ts';

/**
 * The one-line parts of the fast YAML reader (fast-yaml.ts): plain scalars resolved as the YAML 1.2
 * core schema does, quoted scalars, single-line flow collections and trailing comments.
 */

/** Thrown inside the fast reader only, to abandon the fast path. */
export class GiveUp {}
export const GIVE_UP = new GiveUp();
export function giveUp(): never {
  throw GIVE_UP;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
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

const NOT_STRING_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '__proto__']);

/** A key the fast path takes: a letter, _ or $, then also digits . + / -; and one that reads as a string. */
export function isPlainKey(key: string): boolean {
  const n = key.length;
  if (n === 0 || n > 1000) return false; // yaml refuses implicit keys over 1024 characters
  for (let k = 0; k < n; k++) {
    const c = key.charCodeAt(k);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36; // a-z A-Z _ $
    if (letter) continue;
    // digits . + / - after the first character
    if (k > 0 && ((c >= 48 && c <= 57) || c === 46 || c === 43 || c === 47 || c === 45)) continue;
    return false;
  }
  return !NOT_STRING_KEYS.has(key);
}

/** `,` `[` `]` `{` `}`: what ends a plain scalar inside a flow collection. */
function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/** Characters that cannot start a plain scalar: # & * ! | > % @ ` , [ ] { } ' " */
function isIndicator(c: number): boolean {
  return c === 35 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 37 || c === 64 || c === 96 || c === 39 || c === 34 || isFlowIndicator(c);
}

/** Values on one line: flow collections, quoted and plain scalars, then an optional comment. */
export class Inline {
  private p = 0;
  private s = '';
  private depth = 0;

  /** The value starting at `from` in `line`, which must end the line (but for a comment). */
  read(line: string, from: number, depth: number): unknown {
    this.s = line;
    this.p = from;
    this.depth = depth;
    const value = this.value(false);
    this.end();
    return value;
  }

  /** Nothing but spaces and a comment may follow a value. */
  private end(): void {
    this.spaces();
    if (this.p < this.s.length && !(this.s[this.p] === '#' && this.s[this.p - 1] === ' ')) giveUp();
  }

  private spaces(): void {
    while (this.s[this.p] === ' ') this.p++;
  }

  private value(flow: boolean): unknown {
    const c = this.s[this.p];
    if (c === '[') return this.flowSeq();
    if (c === '{') return this.flowMap();
    if (c === '"') return this.double();
    if (c === "'") return this.single();
    return resolvePlain(this.plain(flow));
  }

  private plain(flow: boolean): string {
    // Character codes rather than one-character strings: this runs over most of a scenario's bytes.
    const s = this.s;
    const n = s.length;
    const start = this.p;
    // Indicators cannot start a plain scalar; "-", "?" and ":" can, unless a space (or in flow, a flow indicator) follows.
    const c = s.charCodeAt(start);
    const next = start + 1 < n ? s.charCodeAt(start + 1) : 32;
    if (start >= n || isIndicator(c) || ((c === 45 || c === 63 || c === 58) && (next === 32 || (flow && isFlowIndicator(next))))) giveUp();
    let end = start;
    for (let k = start; k < n; k++) {
      const ch = s.charCodeAt(k);
      if (ch === 32) {
        if (s.charCodeAt(k + 1) === 35) break;
        continue;
      }
      if (ch === 58 && (k + 1 === n || s.charCodeAt(k + 1) === 32 || (flow && isFlowIndicator(s.charCodeAt(k + 1))))) {
        if (!flow) giveUp(); // "a: b: c" is an error in yaml
        break;
      }
      if (flow && isFlowIndicator(ch)) break;
      end = k + 1;
    }
    this.p = end;
    return s.slice(start, end);
  }

  private single(): string {
    // Runs of text are sliced whole; only a doubled quote is written out.
    const s = this.s;
    let out = '';
    let from = this.p + 1;
    for (let k = from; k < s.length; k++) {
      if (s.charCodeAt(k) !== 39) continue;
      if (s.charCodeAt(k + 1) === 39) {
        out += `${s.slice(from, k)}'`;
        k++;
        from = k + 1;
        continue;
      }
      this.p = k + 1;
      return out + s.slice(from, k);
    }
    return giveUp();
  }

  private double(): string {
    const s = this.s;
    let out = '';
    let from = this.p + 1;
    for (let k = from; k < s.length; k++) {
      const ch = s.charCodeAt(k);
      if (ch === 34) {
        this.p = k + 1;
        return out + s.slice(from, k);
      }
      if (ch !== 92) continue;
      out += s.slice(from, k);
      const e = s[++k] ?? '';
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        from = k + 1;
        continue;
      }
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = s.slice(k + 1, k + 1 + digits);
      if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) giveUp();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) giveUp();
      out += String.fromCodePoint(code);
      k += digits;
      from = k + 1;
    }
    return giveUp();
  }

  private flowSeq(): unknown[] {
    const out: unknown[] = [];
    if (++this.depth > MAX_DEPTH) giveUp();
    this.p++;
    this.spaces();
    if (this.s[this.p] === ']') {
      this.p++;
      this.depth--;
      return out;
    }
    for (;;) {
      out.push(this.value(true));
      // A ':' here (a pair inside a sequence) is neither the end nor a comma: given up.
      if (this.closes(']')) return out;
    }
  }

  private flowMap(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (++this.depth > MAX_DEPTH) giveUp();
    this.p++;
    this.spaces();
    if (this.s[this.p] === '}') {
      this.p++;
      this.depth--;
      return out;
    }
    for (;;) {
      const key = this.plain(true);
      if (!isPlainKey(key) || Object.hasOwn(out, key)) giveUp();
      if (this.s[this.p] !== ':' || this.s[this.p + 1] !== ' ') giveUp();
      this.p += 2;
      this.spaces();
      out[key] = this.value(true);
      if (this.closes('}')) return out;
    }
  }

  /**
   * After an item of a flow collection: true past its closing bracket, false past a comma with
   * another item to come; anything else (an empty item, a trailing comma) is given up.
   */
  private closes(close: ']' | '}'): boolean {
    this.spaces();
    const c = this.s[this.p];
    this.p++;
    if (c === close) {
      this.depth--;
      return true;
    }
    if (c !== ',') giveUp();
    this.spaces();
    if (this.s[this.p] === close || this.s[this.p] === ',') giveUp();
    return false;
  }
}
