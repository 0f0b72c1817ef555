/**
 * What an importer says about its input: errors (the import is refused), warnings (something was
 * mapped or dropped; the author should look) and notes (informational). Every diagnostic says where:
 * a CSV row and column, a STIX object id, or a CALDERA file / ability id.
 */

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** CSV: 1-based line of the file where the record starts (the header is line 1). */
  row?: number;
  /** CSV: the column's header text and 1-based field index. */
  column?: { name: string; index: number };
  /** STIX object id, CALDERA ability id or a scenario id the message is about. */
  object?: string;
  /** The input file the message is about, when an import reads several (CALDERA abilities). */
  file?: string;
}

/** Expected failures are values: ok with the imported value and its warnings, or every error at once. */
export type ImportResult<T> =
  | { ok: true; value: T; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Wraps a value and its diagnostics: refused when any diagnostic is an error. */
export function result<T>(value: T, diagnostics: Diagnostic[]): ImportResult<T> {
  return hasErrors(diagnostics) ? { ok: false, diagnostics } : { ok: true, value, diagnostics };
}

/**
 * One line per diagnostic, as the command line prints them:
 * `FILE:ROW:COL: column: message` for CSV, `FILE: object-id: message` otherwise.
 * Warnings and notes carry their severity; errors do not (exit status says it).
 */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const sev = d.severity === 'error' ? '' : `${d.severity}: `;
  const where = d.file ?? file;
  if (d.row !== undefined) {
    const col = d.column ? `${d.column.index}: ${d.column.name || `field ${d.column.index}`}` : '1: header';
    return `${where}:${d.row}:${col}: ${sev}${d.message}`;
  }
  return d.object !== undefined ? `${where}: ${d.object}: ${sev}${d.message}` : `${where}: ${sev}${d.message}`;
}
