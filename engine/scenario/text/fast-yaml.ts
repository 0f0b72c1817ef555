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
import { MAX_DEPTH } from './depth.ts';
import { GIVE_UP, Inline, giveUp, isPlainKey } from './yaml-scalars.ts';

// Tabs, control characters, non-characters, byte-order marks, lone surrogates: leave them to yaml.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSUPPORTED = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/;
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Reads a scenario-style YAML text; undefined means "not in the subset: use the yaml package". */
export function fastYaml(source: string): { value: unknown } | undefined {
  if (UNSUPPORTED.test(source) || (SURROGATE.test(source) && LONE_SURROGATE.test(source))) return undefined;
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
  /** Per line: its indentation (leading spaces) and the text after it. */
  private readonly indents: Int32Array;
  private readonly rests: string[];
  private readonly inline = new Inline();
  private i = 0;
  /** Containers open around the current line; past MAX_DEPTH the yaml path reports the depth. */
  private depth = 0;

  constructor(raw: string[]) {
    // The empty string after a final line break is not a line.
    if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
    this.indents = new Int32Array(raw.length);
    this.rests = raw;
    for (let k = 0; k < raw.length; k++) {
      const r = raw[k] ?? '';
      let n = 0;
      while (r.charCodeAt(n) === 32) n++;
      this.indents[k] = n;
      if (n > 0) raw[k] = r.slice(n);
    }
  }

  private get count(): number {
    return this.rests.length;
  }

  private indent(k: number): number {
    return this.indents[k] ?? 0;
  }

  private rest(k: number): string {
    return this.rests[k] ?? '';
  }

  /** True when line k starts a sequence item ("-" alone or followed by a space). */
  private isItem(k: number): boolean {
    const r = this.rest(k);
    return r.charCodeAt(0) === 45 && (r.length === 1 || r.charCodeAt(1) === 32);
  }

  document(): unknown {
    this.skip();
    if (this.i < this.count && this.indent(this.i) === 0 && /^---(\s*(#.*)?)?$/.test(this.rest(this.i))) {
      this.i++;
      this.skip();
    }
    if (this.i >= this.count || this.indent(this.i) !== 0 || this.isItem(this.i)) giveUp();
    const value = this.map(0);
    this.skip();
    if (this.i < this.count) giveUp();
    return value;
  }

  /** Moves past blank and comment lines. */
  private skip(): void {
    while (this.i < this.count) {
      const r = this.rest(this.i);
      if (r !== '' && r.charCodeAt(0) !== 35) return;
      this.i++;
    }
  }

  private block(indent: number): unknown {
    if (this.i >= this.count || this.indent(this.i) !== indent) giveUp();
    return this.isItem(this.i) ? this.seq(indent) : this.map(indent);
  }

  private map(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (++this.depth > MAX_DEPTH) giveUp();
    for (;;) {
      if (this.i >= this.count) giveUp();
      const rest = this.rest(this.i);
      const colon = rest.indexOf(':');
      if (colon <= 0 || colon > 1000) giveUp();
      const key = rest.slice(0, colon);
      if (colon + 1 < rest.length && rest.charCodeAt(colon + 1) !== 32) giveUp();
      if (!isPlainKey(key) || Object.hasOwn(out, key)) giveUp();
      out[key] = this.valueAfter(rest, colon + 1, indent, true);
      this.skip();
      if (this.i >= this.count || this.indent(this.i) < indent) {
        this.depth--;
        return out;
      }
      if (this.indent(this.i) > indent || this.isItem(this.i)) giveUp();
    }
  }

  private seq(indent: number): unknown[] {
    const out: unknown[] = [];
    if (++this.depth > MAX_DEPTH) giveUp();
    for (;;) {
      const rest = this.rest(this.i);
      let start = 1;
      while (rest.charCodeAt(start) === 32) start++;
      const c = rest.charCodeAt(start);
      if (c === 45 && (start + 1 === rest.length || rest.charCodeAt(start + 1) === 32)) giveUp(); // "- - x"
      const colon = rest.indexOf(':', start);
      if (start < rest.length && c !== 35 && colon > start && (colon + 1 === rest.length || rest.charCodeAt(colon + 1) === 32) && isPlainKey(rest.slice(start, colon))) {
        // A compact map "- key: value": read it as a map indented at its first key.
        const column = indent + start;
        this.indents[this.i] = column;
        this.rests[this.i] = rest.slice(start);
        out.push(this.map(column));
      } else {
        out.push(this.valueAfter(rest, 1, indent, false));
        this.skip();
      }
      if (this.i >= this.count || this.indent(this.i) < indent || !this.isItem(this.i)) {
        if (this.i < this.count && this.indent(this.i) > indent) giveUp();
        this.depth--;
        return out;
      }
      if (this.indent(this.i) > indent) giveUp();
    }
  }

  /**
   * The value on the current line from `from` (just after "key:" or "-"), reading following lines
   * for nested blocks and block scalars. Leaves `i` past the value.
   */
  private valueAfter(line: string, from: number, indent: number, inMap: boolean): unknown {
    let k = from;
    while (line.charCodeAt(k) === 32) k++;
    if (k >= line.length || line.charCodeAt(k) === 35) {
      this.i++;
      this.skip();
      if (this.i < this.count && this.indent(this.i) > indent) return this.block(this.indent(this.i));
      if (inMap && this.i < this.count && this.indent(this.i) === indent && this.isItem(this.i)) return this.seq(indent);
      return null;
    }
    this.i++;
    const c = line[k];
    if (c === '|' || c === '>') return this.blockScalar(line.slice(k), indent);
    return this.inline.read(line, k, this.depth);
  }

  private blockScalar(header: string, parent: number): string {
    const m = /^([|>])([-+]?)\s*(#.*)?$/.exec(header);
    if (!m) giveUp();
    const folded = m[1] === '>';
    const chomp = m[2];
    const content: string[] = [];
    let contentIndent = -1;
    for (; this.i < this.count; ) {
      const indent = this.indent(this.i);
      const rest = this.rest(this.i);
      const blank = rest === '';
      if (contentIndent < 0) {
        if (blank) giveUp(); // leading empty lines: leave them to yaml
        if (indent <= parent) break;
        contentIndent = indent;
      }
      if (blank) {
        if (indent > contentIndent) giveUp();
        content.push('');
      } else if (indent >= contentIndent) {
        if (folded && indent > contentIndent) giveUp(); // more-indented lines fold differently: leave to yaml
        content.push(indent > contentIndent ? ' '.repeat(indent - contentIndent) + rest : rest);
      } else if (indent > parent) {
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
