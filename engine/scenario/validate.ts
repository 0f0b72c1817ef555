/**
 * The scenario validator: syntax, schema and meaning, every problem located and reported at once.
 */
import { Scenario, type ScenarioT } from './schema/index.ts';
import { compareDiagnostics, formatPath, type TextDiagnostic } from '../lib/diagnostic.ts';
import type { Finding } from './finding.ts';
import { schemaFindings } from './issues.ts';
import { MAX_DEPTH, measureValue, parseScenarioText, type SourceMap } from './text/index.ts';
import { semanticFindings } from './semantic/index.ts';
import { upgradeScenario } from './upgrade.ts';
import { fastParse } from './fast-parse.ts';

export type ValidationResult = { ok: true; scenario: ScenarioT; warnings: TextDiagnostic[] } | { ok: false; errors: TextDiagnostic[]; warnings: TextDiagnostic[] };

/** Errors reported per file; past this a last diagnostic says how many more there were. */
export const MAX_ERRORS = 500;

/**
 * Validates scenario text (YAML or JSON; bytes are decoded as UTF-8). Never throws on any input:
 * empty, binary, invalid UTF-8, oversized, deeply nested or alias-bomb files get a located error.
 * `file` is only used in the diagnostics; `.json` files are read as strict JSON.
 */
export function validateScenarioText(text: string | Uint8Array, file: string): ValidationResult {
  const parsed = parseScenarioText(text, file);
  if (!parsed.ok) return { ok: false, errors: finish(parsed.errors), warnings: parsed.warnings.sort(compareDiagnostics) };
  return check(parsed.value, file, parsed.sourceMap, parsed.warnings);
}

/**
 * Validates a scenario already in memory (built by an importer, received by the server).
 * Diagnostics carry line and column 0: there is no source text to point into.
 */
export function validateScenarioObject(value: unknown, file = '<scenario>'): ValidationResult {
  const nowhere = { line: 0, col: 0 };
  const noSource: SourceMap = { locate: () => nowhere, locateAll: (r) => r.map(() => nowhere), lineOf: () => undefined };
  // Objects built in memory can share parts or even loop; the schema walk would never end.
  const { problem } = measureValue(value, true);
  if (problem) {
    const message = problem.kind === 'cycle' ? 'the value contains itself' : `nested more than ${MAX_DEPTH} levels deep`;
    return { ok: false, errors: [{ file, line: 0, col: 0, path: formatPath(problem.path), message, severity: 'error' }], warnings: [] };
  }
  return check(value, file, () => noSource, []);
}

function check(written: unknown, file: string, sourceMap: () => SourceMap, warnings: TextDiagnostic[]): ValidationResult {
  // An older format is read as the current one; problems are reported where they are in the file.
  const { value, sourcePath } = upgradeScenario(written);
  /** Locates findings in one batch (for JSON, one pass over the text). */
  const locate = (findings: readonly Finding[]): TextDiagnostic[] => {
    if (findings.length === 0) return [];
    const at = findings.map((f) => ({ path: sourcePath(f.path), key: f.key }));
    const positions = sourceMap().locateAll(at.map((f) => (f.key === undefined ? { path: f.path } : { path: f.path, key: f.key })));
    return findings.map((f, i) => {
      const { line, col } = positions[i] ?? { line: 0, col: 0 };
      const where = at[i] as (typeof at)[number];
      const path = where.key !== undefined ? [...where.path, where.key] : where.path;
      return { file, line, col, path: formatPath(path), message: f.message, severity: f.severity };
    });
  };
  // zod's output when it accepts the value, found faster (fast-parse.ts); otherwise zod itself, for its issues.
  const fast = fastParse(Scenario, value);
  const schema = fast.ok ? { success: true as const, data: fast.value as ScenarioT } : Scenario.safeParse(value, { reportInput: true });
  if (!schema.success) {
    const findings = schemaFindings(schema.error.issues, Scenario);
    return { ok: false, errors: finish(locate(findings.slice(0, MAX_ERRORS + 1)), findings.length), warnings };
  }
  const findings = semanticFindings(schema.data, (path) => sourceMap().lineOf(sourcePath(path)));
  const errors = findings.filter((f) => f.severity === 'error');
  const kept = [...errors.slice(0, MAX_ERRORS + 1), ...findings.filter((f) => f.severity === 'warning').slice(0, MAX_ERRORS)];
  const located = locate(kept);
  const allWarnings = [...warnings, ...located.filter((d) => d.severity === 'warning')].sort(compareDiagnostics);
  if (errors.length > 0)
    return {
      ok: false,
      errors: finish(
        located.filter((d) => d.severity === 'error'),
        errors.length,
      ),
      warnings: allWarnings,
    };
  return { ok: true, scenario: schema.data, warnings: allWarnings };
}

/** Sorts by position and caps the list, saying how many were left out. */
function finish(errors: TextDiagnostic[], total = errors.length): TextDiagnostic[] {
  const sorted = errors.sort(compareDiagnostics);
  if (total <= MAX_ERRORS) return sorted;
  const kept = sorted.slice(0, MAX_ERRORS);
  const last = kept[kept.length - 1];
  kept.push({
    file: last?.file ?? '',
    line: last?.line ?? 0,
    col: last?.col ?? 0,
    path: '(root)',
    message: `${total - MAX_ERRORS} more errors not shown; fix these first`,
    severity: 'error',
  });
  return kept;
}
