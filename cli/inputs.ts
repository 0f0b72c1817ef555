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
import { type ActorT, checkCommand, isRecord, type Command, type CompiledScenario, formatDuration, formatPath, parseDuration, parseLog, parseScenarioText, type PathSegment, type SourceMap, type TextDiagnostic } from '../engine/index.ts';

/** One input: the command, the simulated time it is due, and where it came from (1-based line). */
export interface ScriptedInput { at: number; command: Command; line: number }
export type InputsResult = { ok: true; inputs: ScriptedInput[]; from: 'lines' | 'document' | 'log' } | { ok: false; errors: TextDiagnostic[] };

/** Largest command file read (a recorded log of a long exercise fits comfortably). */
export const MAX_INPUTS_BYTES = 256 * 1024 * 1024;
const MAX_ERRORS = 100;
const KEYS = new Set(['at', 'actor', 'cmd']);

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
/** Reports a problem of the entry at `path` (relative to the entry); `atKey`: point at the last key itself, not its value. */
type Report = (path: readonly PathSegment[], message: string, atKey?: boolean) => void;

/** The source-map request for a reported path. */
const where = (path: readonly PathSegment[], atKey = false): [readonly PathSegment[], string?] =>
  atKey && path.length > 0 ? [path.slice(0, -1), String(path[path.length - 1])] : [path];

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

/** Checks one entry; reports each problem at its path and returns the input when there is none. */
function checkInput(value: unknown, line: number, compiled: CompiledScenario, report: Report): ScriptedInput | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    report([], 'an input is an object { "at": "45m", "actor": { "role": ... }, "cmd": { "type": ... } }');
    return undefined;
  }
  const entry = value as Record<string, unknown>;
  let ok = true;
  const bad: Report = (path, message, atKey) => {
    ok = false;
    report(path, message, atKey);
  };
  for (const k of Object.keys(entry)) if (!KEYS.has(k)) bad([k], `unknown key "${k}": an input has only "at", "actor" and "cmd"`, true);
  const at = checkAt(entry.at, compiled.meta.duration, bad);
  if (entry.actor === undefined) bad([], 'missing "actor": who sends the command, e.g. { "role": "blue", "team": "<team id>" }');
  if (entry.cmd === undefined) bad([], 'missing "cmd": the command, e.g. { "type": "action", "action": "isolate", "target": { "node": "<node id>" } }');
  // The engine's command check, each problem at its place in the entry (a missing actor or command
  // is said above, once). Of a start, what to say is that the run starts the exercise itself.
  const start = isRecord(entry.cmd) && entry.cmd.type === 'start';
  const checked = checkCommand(entry.actor, entry.cmd);
  const issues = checked.ok ? [] : checked.issues.filter((i) => !(start && i.path[0] === 'actor' && i.path[1] === 'role'));
  for (const i of issues) {
    const onActor = i.path[0] === 'actor';
    if (!(onActor ? entry.actor === undefined : entry.cmd === undefined)) bad(onActor ? i.path : ['cmd', ...i.path], i.message);
  }
  const actor = entry.actor as ActorT;
  const actorValid = entry.actor !== undefined && !issues.some((i) => i.path[0] === 'actor' && i.path[1] !== 'role');
  if (actorValid && actor.role === 'blue' && compiled.blueIndex.get(actor.team) === undefined) {
    bad(['actor', 'team'], unknown('blue team', actor.team, compiled.blue.map((b) => b.id)));
  }
  if (!ok || issues.length > 0 || at === undefined) return undefined;
  if (start || !checked.ok) {
    bad(['cmd', 'type'], 'the run starts the exercise itself: remove this input');
    return undefined;
  }
  checkReferences(checked.command, compiled, bad);
  if (!ok) return undefined;
  return { at, command: checked.command, line };
}

function unknown(what: string, id: string, known: readonly string[]): string {
  const list = known.length > 20 ? `${known.slice(0, 20).join(', ')}, ... (${known.length} in all)` : known.join(', ');
  return `no ${what} "${id}" in this scenario${known.length > 0 ? ` (${what}s: ${list})` : ''}`;
}

/**
 * Ids the scenario fixes are checked before the run: a typo in a node or action id is a located error,
 * not a refusal found hours into the run. Ids made during the run (ad-hoc injects, action, report,
 * request and sitrep ids) are left to the engine.
 */
function checkReferences(c: Command, s: CompiledScenario, bad: Report): void {
  const blue = s.blue.map((b) => b.id);
  const team = (path: PathSegment[], id: string): void => {
    if (s.blueIndex.get(id) === undefined) bad(path, unknown('blue team', id, blue));
  };
  const inject = (path: PathSegment[], id: string): void => {
    if (s.injectIndex.get(id) === undefined && !/^adhoc-\d+$/.test(id)) bad(path, unknown('inject', id, s.injects.map((x) => x.id)));
  };
  const step = (id: string): void => {
    if (s.stepIndex.get(id) === undefined) bad(['cmd', 'step'], unknown('red step', id, s.steps.map((x) => x.id)));
  };
  switch (c.type) {
    case 'action': {
      if (!s.actions.has(c.action)) bad(['cmd', 'action'], unknown('action', c.action, [...s.actions.keys()]));
      const t = c.target;
      if (t.node !== undefined && s.nodeIndex.get(t.node) === undefined) bad(['cmd', 'target', 'node'], unknown('node', t.node, s.nodes.map((n) => n.id)));
      if (t.segment !== undefined && s.segmentIndex.get(t.segment) === undefined) bad(['cmd', 'target', 'segment'], unknown('segment', t.segment, s.segments.map((x) => x.id)));
      if (t.team !== undefined) team(['cmd', 'target', 'team'], t.team);
      if (t.inject !== undefined) inject(['cmd', 'target', 'inject'], t.inject);
      return;
    }
    case 'ack-inject':
    case 'answer-inject':
      inject(['cmd', 'inject'], c.inject);
      return;
    case 'share-intel':
      for (const [i, p] of c.partners.entries()) team(['cmd', 'partners', i], p);
      return;
    case 'request-assistance':
      team(['cmd', 'to'], c.to);
      return;
    case 'red-launch':
    case 'red-hold':
    case 'red-abort':
      step(c.step);
      return;
    case 'adjudicate':
      if (c.item.kind === 'answer') {
        inject(['cmd', 'item', 'inject'], c.item.inject);
        team(['cmd', 'item', 'team'], c.item.team);
      }
      return;
    case 'rate':
      if (!s.capabilities.some((x) => x.id === c.capability)) bad(['cmd', 'capability'], unknown('capability', c.capability, s.capabilities.map((x) => x.id)));
      return;
    default:
      return;
  }
}

function checkAt(value: unknown, duration: number, bad: Report): number | undefined {
  let at: number | undefined;
  if (value === undefined) bad([], 'missing "at": when the command is sent, as a duration ("45m", "1h30m") or simulated ms');
  else if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) at = value;
    else bad(['at'], `${value} is not a whole number of milliseconds from T+0`);
  } else if (typeof value === 'string') {
    const r = parseDuration(value);
    if (r.ok) at = r.ms;
    else bad(['at'], r.message);
  } else bad(['at'], 'write "at" as a duration ("45m", "1h30m") or simulated ms');
  if (at !== undefined && at >= duration) {
    bad(['at'], `T+${formatDuration(at)} is not before the end of the exercise (T+${formatDuration(duration)}): the command would never apply`);
    return undefined;
  }
  return at;
}
