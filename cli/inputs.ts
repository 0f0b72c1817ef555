/**
 * The `--inputs` command file of `ramparts run` and `ramparts sweep`: what blue (and white, red,
 * evaluators) do during a headless run. Three shapes are read:
 *
 * - JSON Lines, one input per line: `{"at": "45m", "actor": {"role": "blue", "team": "kw"}, "cmd": {"type": "action", ...}}`
 *   (`at` is a duration or simulated ms; blank lines and lines starting with # are skipped);
 * - a JSON or YAML document holding an array of the same objects (files ending .json/.yaml/.yml,
 *   or starting with "[");
 * - a ramparts log (first line a ramparts-log header): its recorded commands, at their recorded times,
 *   without the start and the clock advances (the run drives the clock itself).
 *
 * Every entry is checked against the engine's command schemas, the roles allowed to send each command
 * and the scenario's teams and duration; every problem comes back located (FILE:LINE:COL: path: message).
 */
import { type CompiledScenario, formatPath, parseLog, parseScenarioText, type PathSegment, type SourceMap, type TextDiagnostic } from '../engine/index.ts';
import { checkInput, type ScriptedInput } from './input-check.ts';

export type { ScriptedInput } from './input-check.ts';
export type InputsResult = { ok: true; inputs: ScriptedInput[]; from: 'lines' | 'document' | 'log' } | { ok: false; errors: TextDiagnostic[] };

/** Largest command file read (a recorded log of a long exercise fits comfortably). */
export const MAX_INPUTS_BYTES = 256 * 1024 * 1024;
const MAX_ERRORS = 100;

/** Parses and checks a command file for `compiled`. Inputs come back sorted by time (file order kept for equal times). */
export function parseInputs(text: string, file: string, compiled: CompiledScenario): InputsResult {
  const errors: TextDiagnostic[] = [];
  const err = (line: number, col: number, path: readonly PathSegment[], message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push({ file, line, col, path: formatPath(path), message, severity: 'error' });
  };
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const first = text.search(/\S/);
  let inputs: ScriptedInput[];
  let from: 'lines' | 'document' | 'log';
  if (/"format"\s*:\s*"ramparts-log"/.test(firstLine)) {
    from = 'log';
    inputs = fromLog(text, err);
  } else if (/\.(json|ya?ml)$/i.test(file) || text[first] === '[') {
    from = 'document';
    inputs = fromDocument(text, file, compiled, err);
  } else {
    from = 'lines';
    inputs = fromLines(text, file, compiled, err);
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line || a.col - b.col) };
  // Stable sort: equal times keep file order.
  inputs.sort((a, b) => a.at - b.at);
  return { ok: true, inputs, from };
}

type Err = (line: number, col: number, path: readonly PathSegment[], message: string) => void;

/** The source-map request for a reported path. */
const where = (path: readonly PathSegment[], atKey = false): [readonly PathSegment[], string?] => (atKey && path.length > 0 ? [path.slice(0, -1), String(path[path.length - 1])] : [path]);

function fromLines(text: string, file: string, compiled: CompiledScenario, err: Err): ScriptedInput[] {
  const out: ScriptedInput[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const line = i + 1;
    let value: unknown;
    let map: SourceMap | undefined;
    try {
      value = JSON.parse(raw);
    } catch {
      // Locate the syntax error within the line with the scenario parser's JSON scanner.
      const p = parseScenarioText(raw, file.endsWith('.json') ? file : `${file}.json`);
      const d = p.ok ? undefined : p.errors[0];
      err(line, d?.col ?? 1, [], `not a JSON object: ${d?.message.replace(/^JSON syntax: /, '') ?? 'invalid JSON'} (one input per line)`);
      continue;
    }
    const locate = (path: readonly PathSegment[], atKey?: boolean): number => {
      if (!map) {
        const p = parseScenarioText(raw, 'line.json');
        map = p.ok ? p.sourceMap() : undefined;
      }
      return map?.locate(...where(path, atKey)).col ?? 1;
    };
    const input = checkInput(value, line, compiled, (path, message, atKey) => err(line, locate(path, atKey), path, message));
    if (input) out.push(input);
  }
  return out;
}

function fromDocument(text: string, file: string, compiled: CompiledScenario, err: Err): ScriptedInput[] {
  const p = parseScenarioText(text, file);
  if (!p.ok) {
    for (const d of p.errors) err(d.line, d.col, [], d.message);
    return [];
  }
  if (!Array.isArray(p.value)) {
    err(1, 1, [], 'a command file holds an array of inputs [{ "at": ..., "actor": ..., "cmd": ... }, ...] (or one JSON object per line)');
    return [];
  }
  const map = p.sourceMap();
  const out: ScriptedInput[] = [];
  p.value.forEach((entry, i) => {
    const line = map.locate([i]).line;
    const input = checkInput(entry, line, compiled, (path, message, atKey) => {
      const pos = map.locate(...where([i, ...path], atKey));
      err(pos.line, pos.col, [i, ...path], message);
    });
    if (input) out.push(input);
  });
  return out;
}

function fromLog(text: string, err: Err): ScriptedInput[] {
  const parsed = parseLog(text);
  if (!parsed.ok) {
    for (const e of parsed.errors) err(e.line, 1, [], e.message);
    return [];
  }
  const out: ScriptedInput[] = [];
  const lineOf = recordLines(text);
  parsed.log.records.forEach((r, i) => {
    if (r.command.type === 'start' || r.command.type === 'advance') return;
    out.push({ at: r.t, command: r.command, line: lineOf[i] ?? i + 2 });
  });
  return out;
}

/** The 1-based line of each record of a log text (records follow the header, blank lines skipped). */
export function recordLines(text: string): number[] {
  const out: number[] = [];
  text.split('\n').forEach((l, i) => {
    if (i > 0 && l.trim() !== '') out.push(i + 1);
  });
  return out;
}
