/**
 * Located messages: the one shape in which every part of Ramparts says what is wrong with an input,
 * and where (the scenario validator at every stage, the log reader, the importers, the command
 * files of headless runs), so that the command line, the server and the editor integration print
 * them alike.
 */

/** A step in a path to a value: a map key or an array index. */
export type PathSegment = string | number;

/** An error refuses the input; a warning or a note is for its author to look at. */
export type DiagnosticSeverity = 'error' | 'warning' | 'note';

/**
 * One message and where it points, as far as its producer knows: the file; a position in the file's
 * text (`line` and `col`, 1-based, col in UTF-16 code units as editors count, 0 when the input came
 * from memory and has no text); the field of a document (`path`, dotted with bracketed indexes:
 * `network.nodes[3].segment`, or `(root)`); a cell of a sheet (`row`, the 1-based line where its
 * record starts, and `column`); an object of a bundle (`object`: a STIX or CALDERA id).
 */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  message: string;
  file?: string;
  line?: number;
  col?: number;
  path?: string;
  row?: number;
  /** The column's header text and 1-based field index. */
  column?: { name: string; index: number };
  object?: string;
}

/** A diagnostic located in a text by line, column and field: what the scenario validator gives. */
export type TextDiagnostic = Diagnostic & { file: string; line: number; col: number; path: string; severity: 'error' | 'warning' };

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
 * One line: where (`FILE:LINE:COL`, `FILE:LINE`, or `FILE` without a position; a cell is
 * `FILE:ROW:COLUMN`), what it is about, the message. Errors carry no severity word (the exit status
 * says it); a warning's or note's stands before a field path and after a column or object name:
 *
 *   scenario.yaml:12:7: warning: campaigns[0].steps[2].tactic: ...
 *   msel.csv:3:2: Designated Scenario Time: "soon" is not a time: ...
 *   flow.json: attack-action--0f1e...: warning: "T0866" is not an ATT&CK Enterprise v18.1 technique id
 *   run.log:4: record.t must be an integer sim time, ...
 *
 * `file` names the input for messages whose producer read text, not a file (the importers).
 */
export function formatDiagnostic(file: string, d: Diagnostic): string;
export function formatDiagnostic(d: Diagnostic): string;
export function formatDiagnostic(a: string | Diagnostic, b?: Diagnostic): string {
  const d = (typeof a === 'string' ? b : a) as Diagnostic;
  const file = d.file ?? (typeof a === 'string' ? a : '');
  const sev = d.severity === 'error' ? '' : `${d.severity}: `;
  const cell = d.row !== undefined;
  const line = cell ? d.row : d.line;
  const col = cell ? (d.column?.index ?? 1) : d.col;
  const where = line !== undefined && line > 0 ? `${file}:${line}${col !== undefined && col > 0 ? `:${col}` : ''}` : file;
  if (d.path !== undefined) return `${where}: ${sev}${d.path}: ${d.message}`;
  const about = cell ? (d.column ? d.column.name || `field ${d.column.index}` : 'header') : d.object;
  return about !== undefined ? `${where}: ${about}: ${sev}${d.message}` : `${where}: ${sev}${d.message}`;
}

/** Orders diagnostics by position, then path, so that output is stable and reads top to bottom. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const pa = a.path ?? '';
  const pb = b.path ?? '';
  return (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0) || (pa < pb ? -1 : pa > pb ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
