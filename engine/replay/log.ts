/**
 * The exercise log, JSON Lines. Line 1 is the header:
 *   {"format":"ramparts-log","version":1,"scenario":{...},"scenarioHash":"<sha256>","seed":42,"mode":"headless"}
 * then one record per accepted command, in order:
 *   {"t":<sim ms when applied>,"command":{...with actor},"events":[...]}
 * `events` (what the command produced) is optional: replay regenerates them and can verify them.
 */
import { Scenario, type ScenarioT } from '../scenario/schema/index.ts';
import type { Command } from '../sim/commands.ts';
import { checkCommand } from '../sim/check.ts';
import { formatPath, type Diagnostic } from '../lib/diagnostic.ts';
import { MODES } from '../scenario/vocabulary.ts';
import type { EngineEvent } from '../sim/events.ts';
import type { Mode } from '../compile/types.ts';
import { hashValue } from '../lib/hash.ts';
import type { BranchHeader } from '../branch/types.ts';
import { branchHeaderIssues } from '../branch/header.ts';
import { fastParse } from '../scenario/fast-parse.ts';

export const LOG_FORMAT = 'ramparts-log';
export const LOG_VERSION = 1;

export interface LogHeader {
  format: typeof LOG_FORMAT;
  version: typeof LOG_VERSION;
  scenario: ScenarioT;
  scenarioHash: string;
  seed: number;
  mode: Mode;
  /** A what-if branch's parent, fork moment, edits and random re-seedings (engine/branch); absent in a played log. */
  branch?: BranchHeader;
}
export interface LogRecord {
  t: number;
  command: Command;
  events?: EngineEvent[];
}
export interface RampartsLog {
  header: LogHeader;
  records: LogRecord[];
  /**
   * Each record's recorded events as their JSON text, by record index (parseLog with `events: 'text'`):
   * what a verifying replay compares with, without decoding them. Never written back (serialiseLog
   * writes `records`).
   */
  eventsText?: (string | undefined)[];
}
/** A problem of a log: one of the engine's located messages, always an error, always on a line. */
export type LogError = Diagnostic & { line: number };
/** The log error on `line` (1-based). */
export const logError = (line: number, message: string): LogError => ({ severity: 'error', line, message });
export type ParseLogResult = { ok: true; log: RampartsLog } | { ok: false; errors: LogError[] };
export interface ParseLogOptions {
  /**
   * Read each record's recorded `events` (default true). Replay regenerates them, so only a verifying
   * replay needs them; without, a record's `events` member is checked to be one bracketed array that
   * ends the line but is not decoded, which spares most of the parse (events are ~3/4 of a log's bytes).
   * `'text'`: the same, keeping each record's events text in `eventsText` for a verifying replay.
   */
  events?: boolean | 'text';
}

/** The header for a run of `scenario` (the source scenario object, as validated). */
export function logHeader(scenario: ScenarioT, seed: number, mode: Mode): LogHeader {
  return { format: LOG_FORMAT, version: LOG_VERSION, scenario, scenarioHash: hashValue(scenario), seed, mode };
}

/** One line of the log (no trailing newline). */
export const logLine = (x: LogHeader | LogRecord): string => JSON.stringify(x);

/** The whole log as text, one JSON document per line, ending with a newline. */
export function serialiseLog(log: RampartsLog): string {
  const lines = [logLine(log.header)];
  for (const r of log.records) lines.push(logLine(r));
  return `${lines.join('\n')}\n`;
}

const MAX_ERRORS = 50;

const EVENTS_MEMBER = ',"events":';

/**
 * The end (index after the closing bracket) of the JSON array starting at `from`, or -1: brackets and
 * braces balanced, strings (with escapes) skipped. Used to step over a record's events unread. A
 * string is skipped with indexOf to its next quote not escaped (one preceded by an even run of
 * backslashes), not char by char: most of a log's 30 MB of events is inside strings (85 -> 56 ms a
 * parse of the 107k-event log, the same ends: test/engine/log-events.test.ts).
 */
export function arrayEnd(line: string, from: number): number {
  if (line.charCodeAt(from) !== 0x5b) return -1;
  let depth = 0;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) {
      for (;;) {
        const q = line.indexOf('"', i + 1);
        if (q < 0) return -1;
        let b = q - 1;
        while (b > i && line.charCodeAt(b) === 0x5c) b--;
        i = q;
        if ((q - 1 - b) % 2 === 0) break;
      }
    } else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) return c === 0x5d ? i + 1 : -1;
    }
  }
  return -1;
}

/**
 * A record line without decoding its events: `{"t":..,"command":{..},"events":[..]}` as written by
 * `logLine`. The part before `,"events":` must parse on its own as the object {t, command} (so the
 * member is at the top level, not inside the command), and the events must be one array closing
 * the line. Anything else is parsed in full (and its errors reported as usual).
 */
function recordWithoutEvents(line: string): { head: Record<string, unknown>; events: string } | undefined {
  const at = line.indexOf(EVENTS_MEMBER);
  if (at < 0) return undefined;
  let head: unknown;
  try {
    head = JSON.parse(`${line.slice(0, at)}}`);
  } catch {
    return undefined;
  }
  if (typeof head !== 'object' || head === null || Array.isArray(head)) return undefined;
  const end = arrayEnd(line, at + EVENTS_MEMBER.length);
  if (end < 0 || line.slice(end).trim() !== '}') return undefined;
  return { head: head as Record<string, unknown>, events: line.slice(at + EVENTS_MEMBER.length, end) };
}

/** Parses and checks a log; every problem comes with its line number. */
export function parseLog(text: string, options: ParseLogOptions = {}): ParseLogResult {
  const withEvents = options.events ?? true;
  const eventsText: (string | undefined)[] | undefined = withEvents === 'text' ? [] : undefined;
  const errors: LogError[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  while (lines.length > 0 && (lines[lines.length - 1] as string).trim() === '') lines.pop();
  if (lines.length === 0) return { ok: false, errors: [logError(1, 'empty file: a log starts with a ramparts-log header line')] };
  const json = (i: number): unknown => {
    try {
      return JSON.parse(lines[i] as string) as unknown;
    } catch (e) {
      errors.push(logError(i + 1, `not JSON: ${(e as Error).message}`));
      return undefined;
    }
  };
  const h = json(0) as Record<string, unknown> | undefined;
  let header: LogHeader | undefined;
  if (h !== undefined) {
    if (typeof h !== 'object' || h === null || h.format !== LOG_FORMAT) errors.push(logError(1, `the first line must be the header with "format": "${LOG_FORMAT}"`));
    else if (h.version !== LOG_VERSION) errors.push(logError(1, `unsupported log version ${String(h.version)}; this engine reads version ${LOG_VERSION}`));
    else {
      // zod's output when it accepts the scenario, found faster (scenario/fast-parse.ts); otherwise zod itself, for its issues.
      const fast = fastParse(Scenario, h.scenario);
      const sc = fast.ok ? { success: true as const, data: fast.value as ScenarioT } : Scenario.safeParse(h.scenario);
      if (!sc.success) {
        for (const issue of sc.error.issues.slice(0, 10)) errors.push(logError(1, `header.scenario.${issue.path.join('.')}: ${issue.message}`));
      } else if (typeof h.scenarioHash !== 'string' || h.scenarioHash !== hashValue(sc.data)) {
        errors.push(logError(1, 'header.scenarioHash does not match the scenario: the file was altered'));
      }
      if (!Number.isSafeInteger(h.seed) || (h.seed as number) < 0) errors.push(logError(1, 'header.seed must be a non-negative integer'));
      if (typeof h.mode !== 'string' || !(MODES as readonly string[]).includes(h.mode)) errors.push(logError(1, 'header.mode must be realtime, tabletop or headless'));
      if (errors.length === 0 && sc.success) header = { ...(h as unknown as LogHeader), scenario: sc.data };
    }
  }
  const records: LogRecord[] = [];
  let lastT = 0;
  for (let i = 1; i < lines.length && errors.length < MAX_ERRORS; i++) {
    if ((lines[i] as string).trim() === '') continue;
    const unread = withEvents === true ? undefined : recordWithoutEvents(lines[i] as string);
    const r = unread?.head ?? (json(i) as Record<string, unknown> | undefined);
    if (r === undefined) continue;
    if (typeof r !== 'object' || r === null) {
      errors.push(logError(i + 1, 'a record is an object {t, command, events?}'));
      continue;
    }
    if (!Number.isSafeInteger(r.t) || (r.t as number) < lastT) {
      errors.push(logError(i + 1, `record.t must be an integer sim time, not before the previous record (${lastT})`));
      continue;
    }
    const cmd = r.command as Record<string, unknown> | undefined;
    if (typeof cmd !== 'object' || cmd === null) {
      errors.push(logError(i + 1, 'record.command is missing'));
      continue;
    }
    let invalid = false;
    {
      // The engine's command check (the system's advances, over half of a log, checked by hand there),
      // for the form only: whether the role may send it is replay's to find.
      const { actor, ...body } = cmd;
      const checked = checkCommand(actor, body);
      const issues = checked.ok ? [] : checked.issues.filter((x) => !(x.path[0] === 'actor' && x.path[1] === 'role'));
      const onActor = issues.find((x) => x.path[0] === 'actor');
      const onBody = issues.find((x) => x.path[0] !== 'actor');
      for (const x of [onActor, onBody]) {
        if (x) errors.push(logError(i + 1, `record.command${x.path.length > 0 ? `.${formatPath(x.path)}` : ''}: ${x.message}`));
      }
      invalid = issues.length > 0;
    }
    if (r.events !== undefined && !Array.isArray(r.events)) errors.push(logError(i + 1, 'record.events must be an array'));
    if (invalid) continue;
    lastT = r.t as number;
    records.push({ t: r.t as number, command: cmd as unknown as Command, ...(withEvents !== false && Array.isArray(r.events) ? { events: r.events as EngineEvent[] } : {}) });
    if (eventsText) eventsText[records.length - 1] = unread?.events;
  }
  if (header?.branch !== undefined && errors.length === 0) {
    for (const m of branchHeaderIssues(header.branch, records.length)) errors.push(logError(1, m));
  }
  if (errors.length > 0 || !header) return { ok: false, errors: errors.length > 0 ? errors : [logError(1, 'missing header')] };
  return { ok: true, log: { header, records, ...(eventsText ? { eventsText } : {}) } };
}
