/**
 * Scenario text to a plain value, with a way back from paths to lines and columns.
 *
 * JSON takes a fast path: `JSON.parse`, with positions computed only when something is wrong.
 * YAML goes through the `yaml` package (about 1 MB/s, see bench/validate.ts), guarded against
 * alias bombs (maxAliasCount) and deep nesting (nesting.ts) so hostile input gets an error, fast.
 */
import { parseDocument, visit, isAlias, type Document } from 'yaml';
import { decodeScenario } from './decode.ts';
import { findExcessiveNesting } from './nesting.ts';
import { MAX_DEPTH, measureValue, pathDeeperThan } from './depth.ts';
import { scanJson } from './json-scan.ts';
import { LineIndex, jsonSourceMap, yamlSourceMap, type SourceMap } from './locate.ts';
import { formatPath, type Diagnostic, type PathSegment } from './diagnostic.ts';

export type ScenarioFormat = 'json' | 'yaml';

export interface ParsedScenario {
  ok: true;
  format: ScenarioFormat;
  value: unknown;
  /** Built on first use: JSON positions are only computed when there is something to report. */
  sourceMap(): SourceMap;
  warnings: Diagnostic[];
}

export type ParseResult = ParsedScenario | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/** Syntax errors reported per file before giving up (a binary-like file would yield thousands). */
const MAX_SYNTAX_ERRORS = 50;

/** Parses scenario text or bytes as JSON or YAML; never throws on any input. */
export function parseScenarioText(input: string | Uint8Array, file: string): ParseResult {
  const decoded = decodeScenario(input);
  if (!decoded.ok) {
    const { line, col, message } = decoded.error;
    return fail([{ file, line, col, path: '(root)', message, severity: 'error' }]);
  }
  const text = decoded.text;
  const lines = new LineIndex(text);
  const at = (offset: number, path: readonly PathSegment[], message: string, severity: 'error' | 'warning' = 'error'): Diagnostic => {
    const { line, col } = lines.position(offset);
    return { file, line, col, path: formatPath(path), message, severity };
  };
  const first = text.search(/\S/);
  if (first < 0) return fail([at(0, [], 'the file holds only blank space; a scenario starts with "ramparts: 1"')]);
  const isJsonFile = /\.json$/i.test(file);
  if (isJsonFile || text[first] === '{' || text[first] === '[') {
    const json = parseJson(text, file, lines, isJsonFile, at);
    if (json) return json;
  }
  return parseYaml(text, file, lines, at);
}

type At = (offset: number, path: readonly PathSegment[], message: string, severity?: 'error' | 'warning') => Diagnostic;

function fail(errors: Diagnostic[], warnings: Diagnostic[] = []): ParseResult {
  return { ok: false, errors, warnings };
}

/** JSON fast path; undefined means "not JSON after all, try YAML" (a YAML flow mapping starts with "{" too). */
function parseJson(text: string, file: string, lines: LineIndex, strict: boolean, at: At): ParseResult | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    if (!strict) return undefined;
    const scan = scanJson(text);
    if (scan.ok) return fail([at(0, [], `${file} is not valid JSON`)]);
    return fail([at(scan.offset, scan.path, `JSON syntax: ${scan.message}`)]);
  }
  const map = jsonSourceMap(text, lines);
  const sourceMap = (): SourceMap => map;
  const measured = measureValue(value);
  if (measured.depth > MAX_DEPTH) return tooDeep(value, sourceMap(), file);
  // JSON.parse keeps the last of duplicate keys without a word; counting keys in the text finds them.
  if (countJsonKeys(text) !== measured.keys) {
    const scan = scanJson(text);
    if (scan.ok && scan.duplicates.length > 0) {
      return fail(scan.duplicates.slice(0, MAX_SYNTAX_ERRORS).map((d) =>
        at(d.keyStart, [...d.path, d.key], `duplicate key "${d.key}" (first on line ${lines.position(d.firstKeyStart).line}); each key may appear once in an object`)));
    }
  }
  return { ok: true, format: 'json', value, sourceMap, warnings: [] };
}

function tooDeep(value: unknown, map: SourceMap, file: string): ParseResult {
  const path = pathDeeperThan(value) ?? [];
  const { line, col } = map.locate(path);
  return fail([{ file, line, col, path: formatPath(path), message: `nested more than ${MAX_DEPTH} levels deep; no scenario needs that`, severity: 'error' }]);
}

/** Number of object keys in a JSON text (strings followed by a colon). */
function countJsonKeys(text: string): number {
  let count = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 34) continue;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 34) break;
    }
    let k = i + 1;
    for (let c = text.charCodeAt(k); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++k));
    if (text.charCodeAt(k) === 58) count++;
  }
  return count;
}

const YAML_MESSAGES: Record<string, string> = {
  MULTIPLE_DOCS: 'a scenario file holds one YAML document: remove the second "---" and what follows it, or split the file',
  TAB_AS_INDENT: 'tabs cannot indent YAML: indent with spaces',
  RESOURCE_EXHAUSTION: 'the document nests too deeply to read',
};

function parseYaml(text: string, file: string, lines: LineIndex, at: At): ParseResult {
  const deep = findExcessiveNesting(text);
  if (deep >= 0) return fail([at(deep, [], `nested too deeply (more than ${MAX_DEPTH} levels); no scenario needs that`)]);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, version: '1.2', keepSourceTokens: false });
  const pathAt = (offset: number) => yamlPathAt(doc, offset);
  const warnings = doc.warnings.slice(0, MAX_SYNTAX_ERRORS).map((w) => at(w.pos[0], pathAt(w.pos[0]), `YAML: ${w.message}`, 'warning'));
  if (doc.errors.length > 0) {
    const errors = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => {
      let message = YAML_MESSAGES[e.code] ?? e.message;
      if (e.code === 'DUPLICATE_KEY') message = `duplicate key ${JSON.stringify(text.slice(e.pos[0], e.pos[1]).trim())}; each key may appear once in a map`;
      return at(e.pos[0], pathAt(e.pos[0]), `YAML syntax: ${message}`);
    });
    if (doc.errors.length > MAX_SYNTAX_ERRORS) errors.push(at(text.length, [], `${doc.errors.length - MAX_SYNTAX_ERRORS} more syntax errors not shown`));
    return fail(errors, warnings);
  }
  if (doc.contents === null) return fail([at(0, [], 'the file holds only comments; a scenario starts with "ramparts: 1"')], warnings);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    return fail([at(firstAliasOffset(doc), pathAt(firstAliasOffset(doc)),
      'YAML aliases expand to too much data (an alias "bomb"?): use fewer nested aliases')], warnings);
  }
  let map: SourceMap | undefined;
  const sourceMap = () => (map ??= yamlSourceMap(doc, lines));
  if (measureValue(value).depth > MAX_DEPTH) return tooDeep(value, sourceMap(), file);
  return { ok: true, format: 'yaml', value, sourceMap, warnings };
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) { offset = node.range[0]; return visit.BREAK; }
      return undefined;
    },
  });
  return offset;
}

/** Path of the innermost node whose range holds `offset`: where a syntax error sits in the tree. */
function yamlPathAt(doc: Document, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node: unknown = doc.contents;
  const inside = (n: unknown) => {
    const r = (n as { range?: [number, number, number] } | null)?.range;
    return r !== undefined && r[0] <= offset && offset <= r[2];
  };
  for (let guard = 0; guard < MAX_DEPTH * 2; guard++) {
    const items = (node as { items?: unknown[] } | null)?.items;
    if (!Array.isArray(items)) break;
    let next: unknown;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as { key?: unknown; value?: unknown } | null;
      if (item && typeof item === 'object' && 'key' in item) {
        const key = (item.key as { value?: unknown } | null)?.value;
        if (inside(item.key) || inside(item.value)) {
          path.push(typeof key === 'number' ? String(key) : String(key));
          next = inside(item.value) ? item.value : undefined;
          break;
        }
      } else if (inside(item)) {
        path.push(i);
        next = item;
        break;
      }
    }
    if (next === undefined) break;
    node = next;
  }
  return path;
}
