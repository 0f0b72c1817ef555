/**
 * `ramparts validate FILE...`: checks scenario files and prints every problem as
 * `FILE:LINE:COL: path: message`. Exit 0 when all are valid, 1 when any is not, 2 on usage errors.
 */
import { readFile, stat } from 'node:fs/promises';
import type { CliCommand, CliIO } from '../io.ts';
import { UsageError } from '../io.ts';
import { compareDiagnostics, type Diagnostic, formatDiagnostic, MAX_SCENARIO_BYTES, validateScenarioText } from '../../engine/index.ts';

const HELP = `Usage: ramparts validate FILE... [--json] [--strict] [--quiet]

Checks scenario files (YAML or JSON): syntax, the scenario schema, and meaning (ids, references,
precondition loops, ATT&CK technique and tactic ids, times past the end, ...). Every problem is
printed as FILE:LINE:COL: path: message, all at once; warnings are marked "warning:".

Options:
  --json     print one JSON object: { ok, files: [{ file, ok, errors, warnings }] }
  --strict   warnings make a file invalid too
  --quiet    print errors only (no warnings, no summary lines)

Exit status: 0 all files valid, 1 some file invalid or unreadable, 2 usage error.`;

export interface FileReport {
  file: string;
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** Reads and validates one file; unreadable files become a located error, never an exception. */
export async function validateFile(file: string): Promise<FileReport> {
  const problem = (message: string): FileReport => ({
    file,
    ok: false,
    warnings: [],
    errors: [{ file, line: 1, col: 1, path: '(root)', message, severity: 'error' }],
  });
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return problem('is a directory: name the scenario files in it (for example DIR/*.yaml)');
    if (!info.isFile()) return problem('is not a regular file');
    if (info.size > MAX_SCENARIO_BYTES) {
      return problem(`the file is ${(info.size / 1024 / 1024).toFixed(1)} MiB; scenarios are limited to ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB`);
    }
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return problem('no such file');
    if (code === 'EACCES' || code === 'EPERM') return problem('permission denied: cannot read the file');
    return problem(`cannot read the file (${code ?? (error as Error).message})`);
  }
  try {
    const r = validateScenarioText(bytes, file);
    return r.ok ? { file, ok: true, errors: [], warnings: r.warnings } : { file, ok: false, errors: r.errors, warnings: r.warnings };
  } catch (error) {
    // A bug in the validator: say so in one line instead of a stack trace.
    return problem(`internal error while validating (please report it with this file): ${(error as Error).message}`);
  }
}

function parseArgs(args: string[]): { files: string[]; json: boolean; strict: boolean; quiet: boolean } {
  const files: string[] = [];
  let json = false;
  let strict = false;
  let quiet = false;
  let options = true;
  for (const arg of args) {
    if (options && arg === '--') options = false;
    else if (options && arg === '--json') json = true;
    else if (options && arg === '--strict') strict = true;
    else if (options && (arg === '--quiet' || arg === '-q')) quiet = true;
    else if (options && arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('give at least one scenario file');
  return { files, json, strict, quiet };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const command: CliCommand = {
  summary: 'check scenario files; every error as FILE:LINE:COL: path: message',
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const { files, json, strict, quiet } = parseArgs(args);
    const reports: FileReport[] = [];
    for (const file of files) {
      const report = await validateFile(file);
      if (strict && report.ok && report.warnings.length > 0) report.ok = false;
      reports.push(report);
      if (json) continue;
      const shown = quiet ? report.errors : [...report.errors, ...report.warnings].sort(compareDiagnostics);
      for (const d of shown) io.out(formatDiagnostic(d));
      if (!quiet) {
        const counts = [report.errors.length > 0 ? plural(report.errors.length, 'error') : '', report.warnings.length > 0 ? plural(report.warnings.length, 'warning') : ''].filter(Boolean).join(', ');
        io.out(`${file}: ${report.ok ? 'valid' : 'invalid'}${counts ? ` (${counts})` : ''}`);
      }
    }
    const allOk = reports.every((r) => r.ok);
    if (json) io.out(JSON.stringify({ ok: allOk, files: reports }, null, 2));
    else if (!quiet && reports.length > 1) {
      const bad = reports.filter((r) => !r.ok).length;
      io.out(`${plural(reports.length, 'file')}: ${reports.length - bad} valid, ${bad} invalid`);
    }
    return allOk ? 0 : 1;
  },
};
