/**
 * What an importer says about its input, in the engine's one located-message shape (`Diagnostic`):
 * errors (the import is refused), warnings (something was mapped or dropped; the author should look)
 * and notes (informational). Every diagnostic says where: a CSV row and column, a STIX object id, or
 * a CALDERA file / ability id.
 */
import type { Diagnostic } from '../../engine/index.ts';

export { type Diagnostic, formatDiagnostic } from '../../engine/index.ts';

/** Expected failures are values: ok with the imported value and its warnings, or every error at once. */
export type ImportResult<T> = { ok: true; value: T; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Wraps a value and its diagnostics: refused when any diagnostic is an error. */
export function result<T>(value: T, diagnostics: Diagnostic[]): ImportResult<T> {
  return hasErrors(diagnostics) ? { ok: false, diagnostics } : { ok: true, value, diagnostics };
}
