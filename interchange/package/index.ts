/**
 * Exercise packages (see package.ts) and reading "a log or a package" wherever a command takes a log:
 * `ramparts replay PACKAGE`, `ramparts export PACKAGE`, the evaluator console's upload.
 */
import { type LogError, logError, parseLog, type ParseLogOptions, type ParseLogResult, type RampartsLog } from '../../engine/index.ts';
import { openPackage, type ExercisePackage } from './package.ts';

export {
  buildPackage,
  openPackage,
  packageChecksum,
  packageFileName,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  type ExercisePackage,
  type OpenResult,
  type PackageResult,
} from './package.ts';

export type LogFromFileResult =
  | { ok: true; log: RampartsLog; kind: 'log' }
  | { ok: true; log: RampartsLog; kind: 'package'; package: ExercisePackage }
  | { ok: false; message: string; errors?: LogError[] };

const LOG_HEADER = /^\s*\{\s*"format"\s*:\s*"ramparts-log"/;

/**
 * The log in a file that holds either a ramparts log (JSON Lines) or an exercise package. A package is
 * verified (an altered one is refused); its `final.stateHash` is what a replay must reproduce. Errors
 * are one message, located (`line N: ...`) for logs.
 */
export function logFromFile(text: string, options: ParseLogOptions = {}): LogFromFileResult {
  const nl = text.indexOf('\n');
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  const head = text.slice(0, 4096);
  if (!LOG_HEADER.test(firstLine) && (head.includes('ramparts-package') || head.includes('"checksum"'))) {
    const p = openPackage(text);
    return p.ok ? { ok: true, log: p.log, kind: 'package', package: p.package } : p;
  }
  const r = parseLog(text, options);
  if (!r.ok) {
    const more = r.errors.length > 1 ? ` (and ${r.errors.length - 1} more)` : '';
    const e = r.errors[0];
    return { ok: false, message: `line ${e?.line ?? 1}: ${e?.message ?? 'invalid log'}${more}`, errors: r.errors };
  }
  return { ok: true, log: r.log, kind: 'log' };
}

/**
 * `parseLog` that also opens packages, with parseLog's result shape, so that a command reading logs
 * accepts packages by changing one call. A package's problem (altered, damaged, wrong version) is one
 * error on line 1.
 */
export function parseLogOrPackage(text: string): ParseLogResult {
  const r = logFromFile(text);
  if (r.ok) return { ok: true, log: r.log };
  return { ok: false, errors: r.errors ?? [logError(1, r.message)] };
}
