/**
 * Loads the files of the commands that run a scenario (run, sweep): the scenario (read, validated with
 * located diagnostics, the same checks as `ramparts validate`, and compiled) and the --inputs command
 * file. Problems are printed on stderr as FILE:LINE:COL: path: message; the caller exits 1.
 */
import { readFile, stat } from 'node:fs/promises';
import { type CompiledScenario, CompileError, compileScenario, formatDiagnostic, MAX_SCENARIO_BYTES, type ScenarioT, validateScenarioText } from '../engine/index.ts';
import { nativeSha256Hex } from '../native/hash.ts';
import { MAX_INPUTS_BYTES, parseInputs, type ScriptedInput } from './inputs.ts';
import type { CliIO } from './io.ts';
import { plural } from './table.ts';

export type LoadedScenario = { ok: true; file: string; scenario: ScenarioT; compiled: CompiledScenario } | { ok: false };

/** Reads a file for a command; an unreadable file is a one-line located message, never an exception. */
export async function readInputFile(file: string, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, message: 'is a directory, not a file' };
    if (!info.isFile()) return { ok: false, message: 'is not a regular file' };
    if (info.size > maxBytes) return { ok: false, message: `the file is ${(info.size / 1048576).toFixed(1)} MiB; the limit is ${maxBytes / 1048576} MiB` };
    return { ok: true, bytes: await readFile(file) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return { ok: false, message: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: 'permission denied: cannot read the file' };
    return { ok: false, message: `cannot read the file (${code ?? (error as Error).message})` };
  }
}

/**
 * Reads, validates and compiles `file`. Prints every error (warnings are left to `ramparts validate`)
 * and returns { ok: false } when the scenario cannot be run.
 */
export async function loadScenario(file: string, io: CliIO): Promise<LoadedScenario> {
  const read = await readInputFile(file, MAX_SCENARIO_BYTES);
  if (!read.ok) {
    io.err(`${file}:1:1: (root): ${read.message}`);
    return { ok: false };
  }
  const r = validateScenarioText(read.bytes, file);
  if (!r.ok) {
    for (const d of r.errors) io.err(formatDiagnostic(d));
    io.err(`${file}: invalid scenario (${r.errors.length} error${r.errors.length === 1 ? '' : 's'}); nothing was run`);
    return { ok: false };
  }
  try {
    return { ok: true, file, scenario: r.scenario, compiled: compileScenario(r.scenario, { sha256: nativeSha256Hex }) };
  } catch (error) {
    // A valid scenario always compiles; if it does not, say so in one line rather than a stack trace.
    if (error instanceof CompileError) {
      io.err(`${file}: cannot compile the scenario: ${error.message}`);
      return { ok: false };
    }
    throw error;
  }
}

/** Reads and checks an inputs file for a compiled scenario; prints located errors and returns undefined on failure. */
export async function loadInputs(file: string, compiled: CompiledScenario, io: CliIO): Promise<ScriptedInput[] | undefined> {
  const read = await readInputFile(file, MAX_INPUTS_BYTES);
  if (!read.ok) {
    io.err(`${file}:1:1: (root): ${read.message}`);
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    io.err(`${file}:1:1: (root): the file is not UTF-8 text`);
    return undefined;
  }
  const r = parseInputs(text, file, compiled);
  if (!r.ok) {
    for (const d of r.errors) io.err(formatDiagnostic(d));
    io.err(`${file}: invalid inputs (${plural(r.errors.length, 'error')}); nothing was run`);
    return undefined;
  }
  return r.inputs;
}
