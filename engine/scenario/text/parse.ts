/**
 * Scenario text to a plain value, with a way back from paths to lines and columns.
 *
 * JSON takes a fast path: `JSON.parse`, with positions computed only when something is wrong.
 * YAML written the plain way scenarios are (fast-yaml.ts) is read fast too; anything else, and the
 * positions of any diagnostic, come from the `yaml` package (about 1 MB/s, see bench/validate.ts),
 * guarded against alias bombs (maxAliasCount) and deep nesting (nesting.ts) so that hostile input
 * gets an error, fast.
 */
import { parseDocument, visit, isAlias, type Alias, type Document } from 'yaml';
import { decodeScenario } from './decode.ts';
import { findExcessiveNesting } from './nesting.ts';
import { fastYaml } from './fast-yaml.ts';
import { MAX_DEPTH, countObjectKeys, measureValue, type Measure } from './depth.ts';
import { scanJson } from './json-scan.ts';
import { LineIndex, jsonSourceMap, yamlSourceMap, type SourceMap } from './locate.ts';
import { formatPath, type TextDiagnostic, type PathSegment } from '../../lib/diagnostic.ts';

export type ScenarioFormat = 'json' | 'yaml';

export interface ParsedScenario {
  ok: true;
  format: ScenarioFormat;
  value: unknown;
  /** Built on first use: JSON positions are only computed when there is something to report. */
  sourceMap(): SourceMap;
  warnings: TextDiagnostic[];
}

export type ParseResult = ParsedScenario | { ok: false; errors: TextDiagnostic[]; warnings: TextDiagnostic[] };

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
  const at = (offset: number, path: readonly PathSegment[], message: string, severity: 'error' | 'warning' = 'error'): TextDiagnostic => {
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

type At = (offset: number, path: readonly PathSegment[], message: string, severity?: 'error' | 'warning') => TextDiagnostic;

function fail(errors: TextDiagnostic[], warnings: TextDiagnostic[] = []): ParseResult {
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
  // One pass over the text gives the depth and the key count; the value is only walked when needed.
  const shape = jsonTextShape(text);
  if (shape.depth > MAX_DEPTH) {
    const measured = measureValue(value, false);
    if (measured.problem) return refuse(measured.problem, map, file);
  }
  // JSON.parse keeps the last of duplicate keys without a word; counting keys finds them.
  if (shape.keys !== countObjectKeys(value)) {
    const scan = scanJson(text);
    if (scan.ok && scan.duplicates.length > 0) {
      return fail(
        scan.duplicates
          .slice(0, MAX_SYNTAX_ERRORS)
          .map((d) => at(d.keyStart, [...d.path, d.key], `duplicate key "${d.key}" (first on line ${lines.position(d.firstKeyStart).line}); each key may appear once in an object`)),
      );
    }
  }
  return { ok: true, format: 'json', value, sourceMap, warnings: [] };
}

function refuse(problem: NonNullable<Measure['problem']>, map: SourceMap, file: string): ParseResult {
  const { line, col } = map.locate(problem.path);
  const message = problem.kind === 'deep' ? `nested more than ${MAX_DEPTH} levels deep; no scenario needs that` : 'a YAML alias refers to a node that contains it, so the value never ends';
  return fail([{ file, line, col, path: formatPath(problem.path), message, severity: 'error' }]);
}

/** Deepest nesting and number of object keys (strings followed by a colon) of a valid JSON text. */
function jsonTextShape(text: string): { depth: number; keys: number } {
  let keys = 0;
  let depth = 0;
  let max = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 123 || ch === 91) {
      if (++depth > max) max = depth;
      continue;
    }
    if (ch === 125 || ch === 93) {
      depth--;
      continue;
    }
    if (ch !== 34) continue;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 34) break;
    }
    let k = i + 1;
    for (let c = text.charCodeAt(k); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++k));
    if (text.charCodeAt(k) === 58) keys++;
  }
  return { depth: max, keys };
}

const YAML_MESSAGES: Record<string, string> = {
  MULTIPLE_DOCS: 'a scenario file holds one YAML document: remove the second "---" and what follows it, or split the file',
  TAB_AS_INDENT: 'tabs cannot indent YAML: indent with spaces',
  RESOURCE_EXHAUSTION: 'the document nests too deeply to read',
};

function parseYaml(text: string, file: string, lines: LineIndex, at: At): ParseResult {
  // Plain scenario YAML is read fast (no aliases, at most MAX_DEPTH levels, or it gives up);
  // the yaml package then only runs if there is something to locate.
  const fast = fastYaml(text);
  if (fast) {
    let map: SourceMap | undefined;
    return { ok: true, format: 'yaml', value: fast.value, sourceMap: () => (map ??= yamlSourceMap(readYaml(text), lines)), warnings: [] };
  }
  const deep = findExcessiveNesting(text);
  if (deep >= 0) return fail([at(deep, [], `nested too deeply (more than ${MAX_DEPTH} levels); no scenario needs that`)]);
  const doc = readYaml(text);
  const pathAt = (offset: number) => yamlPathAt(doc, offset);
  const warnings = doc.warnings.slice(0, MAX_SYNTAX_ERRORS).map((w) => at(w.pos[0], pathAt(w.pos[0]), `YAML: ${w.message}`, 'warning'));
  if (doc.errors.length > 0) return fail(syntaxErrors(doc, text, lines, at), warnings);
  if (doc.contents === null) return fail([at(0, [], 'the file holds only comments; a scenario starts with "ramparts: 1"')], warnings);
  const aliases = aliasesOf(doc);
  const unresolved = aliases.filter((a) => a.resolve(doc) === undefined);
  if (unresolved.length > 0) {
    return fail(
      unresolved.slice(0, MAX_SYNTAX_ERRORS).map((a) => {
        const offset = a.range?.[0] ?? 0;
        return at(offset, pathAt(offset), `YAML: the alias *${a.source} has no anchor &${a.source} before it`);
      }),
      warnings,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const offset = aliases[0]?.range?.[0] ?? 0;
    const message = e.message.includes('Excessive alias count') ? 'YAML aliases expand to too much data (an alias "bomb"?): use fewer nested aliases' : `YAML: ${e.message}`;
    return fail([at(offset, pathAt(offset), message)], warnings);
  }
  let map: SourceMap | undefined;
  const sourceMap = () => (map ??= yamlSourceMap(doc, lines));
  const measured = measureValue(value, aliases.length > 0);
  if (measured.problem) return refuse(measured.problem, sourceMap(), file);
  return { ok: true, format: 'yaml', value, sourceMap, warnings };
}

/**
 * yaml's syntax errors, one per line (a broken line tends to yield two or three), with a path
 * to the nearest well-formed value around it.
 */
function syntaxErrors(doc: Document, text: string, lines: LineIndex, at: At): TextDiagnostic[] {
  const errors: TextDiagnostic[] = [];
  let lastLine = -1;
  for (const e of [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const offset = e.pos[0];
    const line = lines.position(offset).line;
    if (line === lastLine) continue;
    lastLine = line;
    if (errors.length === MAX_SYNTAX_ERRORS) {
      errors.push(at(text.length, [], 'more syntax errors not shown; fix these first'));
      break;
    }
    let path = e.code === 'MULTIPLE_DOCS' ? [] : yamlPathAt(doc, offset);
    const bad = path.findIndex((seg) => typeof seg === 'string' && !/^[\w$.-]+$/.test(seg));
    if (bad >= 0) path = path.slice(0, bad);
    let message = YAML_MESSAGES[e.code] ?? e.message;
    if (e.code === 'DUPLICATE_KEY') {
      const key = /^\s*["']?([^"':\n]*)/.exec(text.slice(offset, offset + 200))?.[1]?.trim() ?? '';
      message = `duplicate key "${key}"; each key may appear once in a map`;
    }
    errors.push(at(offset, path, `YAML syntax: ${message}`));
  }
  return errors;
}

function readYaml(text: string): Document {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true, version: '1.2', keepSourceTokens: false });
}

/** Every alias node, in document order. */
function aliasesOf(doc: Document): Alias[] {
  const found: Alias[] = [];
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node)) found.push(node);
    },
  });
  return found;
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
