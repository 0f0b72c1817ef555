/**
 * Located messages about a scenario file. One shape for every stage (decoding, syntax, schema,
 * meaning) so that the command line, the server and the editor integration print them alike.
 */

/** A step in a path to a value: a map key or an array index. */
export type PathSegment = string | number;

export type DiagnosticSeverity = 'error' | 'warning';

/**
 * One finding. `line` and `col` are 1-based (col counts UTF-16 code units, as editors do);
 * both are 0 when the scenario came from memory and has no source text.
 * `path` is the field in dotted form with bracketed indexes: `network.nodes[3].segment`,
 * or `(root)` for the document itself.
 */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
  severity: DiagnosticSeverity;
}

/** A finding before it is located in the source text. */
export interface Finding {
  path: readonly PathSegment[];
  message: string;
  severity: DiagnosticSeverity;
  /** For unknown keys: point at this key of the map at `path` rather than at the map. */
  key?: string;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `['network', 'nodes', 3, 'segment']` -> `network.nodes[3].segment`; odd keys are quoted: `name["fr CA"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * `FILE:LINE:COL: path: message` for errors, `FILE:LINE:COL: warning: path: message` for warnings.
 * Without a source position (in-memory scenarios) the location is just `FILE`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const kind = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${kind}${d.path}: ${d.message}`;
}

/** Orders diagnostics by position, then path, so that output is stable and reads top to bottom. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.col - b.col || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
    || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
