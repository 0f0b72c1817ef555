/**
 * The cases of the replay fuzz (fuzz-replay.test.ts): the original log and package, the ways they are
 * damaged, and the oracle that judges what reading a damaged log gave.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, type Command, compileScenario, createReplayer, type LogRecord, type RampartsLog, replay, runHeadless, serialiseLog, stateHash, validateScenarioText } from '../../engine/index.ts';
import { buildPackage, loadExercise, logFromFile, packageChecksum } from '../../interchange/index.ts';
import { chance, excerpt, int, mutateBytes, mutateValue, NASTY_STRINGS, NASTY_VALUES, pick, rngFor, type Rng } from './fuzz-mutate.ts';
import { ROOT } from './fuzz-scenarios.ts';

// ---------------------------------------------------------------------------------------------------
// The original log

export const MIN = 60_000;
export function originalLog(): RampartsLog {
  const file = join(ROOT, 'test/fixtures/scenarios/minimal.yaml');
  const v = validateScenarioText(readFileSync(file, 'utf8'), file);
  if (!v.ok) throw new Error('the minimal fixture does not validate');
  const compiled = compileScenario(v.scenario);
  const blue = (team: string) => ({ role: 'blue' as const, team });
  const at = (m: number, command: Command) => ({ at: m * MIN, command });
  const run = runHeadless(compiled, {
    seed: 42, record: true, inputs: [
      at(20, { type: 'sitrep', text: 'Phishing wave seen at the ministry', severity: 'medium', actor: blue('kw') }),
      at(35, { type: 'action', action: 'hunt', target: { segment: 'kw-corp' }, actor: blue('kw') }),
      at(50, { type: 'pause', actor: { role: 'white' } }),
      at(50, { type: 'resume', actor: { role: 'white' } }),
      at(65, { type: 'action', action: 'isolate', target: { node: 'kw-dc' }, actor: blue('kw') }),
      at(80, { type: 'share-intel', report: { title: 'Loader hash', text: 'seen on kw-ws1', indicators: ['10.9.8.7'], tlp: 'AMBER' }, partners: ['om'], actor: blue('kw') }),
      at(95, { type: 'request-assistance', to: 'om', text: 'Need forensics help', actor: blue('kw') }),
      at(120, { type: 'sitrep', text: 'DC isolated, نص عربي', severity: 'high', actor: blue('om') }),
      at(200, { type: 'speed', speed: 10, actor: { role: 'white' } }),
      at(300, { type: 'sitrep', text: 'Containment holding', severity: 'low', actor: blue('kw') }),
    ],
  });
  if (!run.log || run.refused.length > 0) throw new Error(`the original run refused inputs: ${JSON.stringify(run.refused)}`);
  return run.log;
}

export const ORIGINAL = originalLog();
export const ORIGINAL_TEXT = serialiseLog(ORIGINAL);
export const ORIGINAL_LINES = ORIGINAL_TEXT.split('\n').slice(0, -1);
export const COMPILED = compileScenario(ORIGINAL.header.scenario);
/** Canonical form of a record without its events: what replay folds. */
export const canonRecord = (r: LogRecord): string => canonicalJson({ t: r.t, command: r.command });
export const ORIGINAL_RECORDS = ORIGINAL.records.map(canonRecord);
export const ORIGINAL_EVENTS = ORIGINAL.records.map((r) => canonicalJson(r.events ?? null));
export const ORIGINAL_HEADER = canonicalJson(ORIGINAL.header);
/** State hash after the first k records, for k = 0..n (a prefix of the log is the log of an earlier moment). */
export const PREFIX_HASHES = ORIGINAL.records.map((_, k) => k).concat(ORIGINAL.records.length).map((k) => {
  const r = replay({ header: ORIGINAL.header, records: ORIGINAL.records.slice(0, k) }, { compiled: COMPILED });
  if (!r.ok) throw new Error(`prefix ${k} does not replay: ${r.message}`);
  return stateHash(r.state);
});
export const FINAL_HASH = PREFIX_HASHES[PREFIX_HASHES.length - 1] as string;

// ---------------------------------------------------------------------------------------------------
// Mutations

export interface MutatedLog { text: string; how: string; /** 1-based first line the damage touched. */ firstTouched: number }

export const GARBAGE: readonly string[] = ['', 'x', '{', '}', '[]', 'null', '42', '"record"', '{"t":0}', '{"t":-1,"command":{}}', '\u0000\u0001\u0002', '\uFEFF{}', '<html>', 'PK\u0003\u0004',
  '{"format":"ramparts-log","version":1}', '{"format":"ramparts-log","version":2,"scenario":{},"scenarioHash":"","seed":1,"mode":"headless"}', 'x'.repeat(10_000)];

export function mutateRecordValue(r: Rng, rec: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(rec);
  const cmd = out.command as Record<string, unknown> | undefined;
  switch (int(r, 9)) {
    case 0: // time moved
      out.t = pick(r, [-1, 0, 1, (out.t as number) + 1, (out.t as number) - 1, (out.t as number) * 2, 1.5, 2 ** 53, '0', null]);
      break;
    case 1: // the sender changed (acting for another team, or as another role)
      if (cmd) cmd.actor = pick(r, [{ role: 'white' }, { role: 'red' }, { role: 'system' }, { role: 'blue', team: 'om' }, { role: 'blue', team: 'kw' }, { role: 'blue', team: 'nowhere' }, { role: 'evaluator' }, null, 'white', {}]);
      break;
    case 2: // the command type changed
      if (cmd) cmd.type = pick(r, ['start', 'pause', 'resume', 'end', 'advance', 'sitrep', 'action', 'nope', '', 7]);
      break;
    case 3: // a command field changed
      if (cmd) {
        const keys = Object.keys(cmd).filter((k) => k !== 'type' && k !== 'actor');
        const k = keys.length > 0 ? pick(r, keys) : 'extra';
        cmd[k] = chance(r, 0.5) ? pick(r, NASTY_VALUES) : typeof cmd[k] === 'string' ? `${cmd[k] as string}${pick(r, ['.', ' ', 'x'])}` : pick(r, NASTY_VALUES);
      }
      break;
    case 4: // the recorded events changed
      if (Array.isArray(out.events) && out.events.length > 0) out.events = mutateValue(r, out.events);
      else out.events = pick(r, [[], [{}], 'events', null]);
      break;
    case 5: // events left out (neutral: replay regenerates them)
      delete out.events;
      break;
    case 6: // a key renamed or deleted
      if (chance(r, 0.5)) delete out[pick(r, ['t', 'command', 'events'])];
      else out[pick(r, ['T', 'cmd', 'event', 'seq', 'hash'])] = out.command;
      break;
    case 7: // seq or hash fields inside the events
      if (Array.isArray(out.events) && out.events.length > 0) {
        const e = out.events[int(r, out.events.length)] as Record<string, unknown>;
        e[pick(r, ['seq', 't', 'type', 'hash'])] = pick(r, [0, -1, 1e9, 'x', null, (e.seq as number) + 1]);
      }
      break;
    default: // anything, anywhere in the record
      return mutateValue(r, out) as Record<string, unknown>;
  }
  return out;
}

export function mutateHeader(r: Rng, h: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(h);
  switch (int(r, 7)) {
    case 0: out.version = pick(r, [0, 2, '1', 1.0001, null, -1]); break;
    case 1: out.format = pick(r, ['ramparts-package', 'Ramparts-Log', '', null, 'ramparts-log ']); break;
    case 2: out.seed = pick(r, [43, 0, -1, 1.5, '42', 2 ** 53, null]); break;
    case 3: out.mode = pick(r, ['realtime', 'tabletop', 'live', '', null]); break;
    case 4: out.scenarioHash = pick(r, ['', '0'.repeat(64), (out.scenarioHash as string).replace(/^./, (c) => (c === 'a' ? 'b' : 'a')), null]); break;
    case 5: out.scenario = mutateValue(r, out.scenario); break;
    default: return mutateValue(r, out) as Record<string, unknown>;
  }
  return out;
}

/** Input `index` of `seed`: the original log damaged in one of a dozen ways. */
export function mutatedLog(seed: string, index: number): MutatedLog {
  const r = rngFor(`${seed}#${index}`);
  const lines = [...ORIGINAL_LINES];
  const n = lines.length;
  const rec = 1 + int(r, n - 1); // a record line (0-based)
  const text = (ls: string[]) => `${ls.join('\n')}\n`;
  switch (int(r, 14)) {
    case 0: { // truncated anywhere
      const at = int(r, ORIGINAL_TEXT.length);
      return { text: ORIGINAL_TEXT.slice(0, at), how: `truncated at ${at}`, firstTouched: ORIGINAL_TEXT.slice(0, at).split('\n').length };
    }
    case 1: { // bytes flipped, inserted, deleted
      const bytes = mutateBytes(r, Buffer.from(ORIGINAL_TEXT, 'utf8'));
      const text0 = new TextDecoder().decode(bytes);
      let first = 0;
      while (first < text0.length && text0[first] === ORIGINAL_TEXT[first]) first++;
      return { text: text0, how: 'bytes', firstTouched: ORIGINAL_TEXT.slice(0, first).split('\n').length };
    }
    case 2: { // two lines swapped
      const j = int(r, n);
      [lines[rec], lines[j]] = [lines[j] as string, lines[rec] as string];
      return { text: text(lines), how: `lines ${rec + 1} and ${j + 1} swapped`, firstTouched: Math.min(rec, j) + 1 };
    }
    case 3: { // a line deleted
      const j = int(r, n);
      lines.splice(j, 1);
      return { text: text(lines), how: `line ${j + 1} deleted`, firstTouched: j + 1 };
    }
    case 4: { // a line duplicated
      lines.splice(rec, 0, lines[rec] as string);
      return { text: text(lines), how: `line ${rec + 1} duplicated`, firstTouched: rec + 1 };
    }
    case 5: { // garbage line
      const j = int(r, n + 1);
      lines.splice(j, chance(r, 0.5) ? 1 : 0, pick(r, GARBAGE));
      return { text: text(lines), how: `garbage at line ${j + 1}`, firstTouched: j + 1 };
    }
    case 6: case 7: case 8: { // a record's fields
      const value = mutateRecordValue(r, JSON.parse(lines[rec] as string) as Record<string, unknown>);
      lines[rec] = JSON.stringify(value) ?? 'null';
      return { text: text(lines), how: `record line ${rec + 1} changed`, firstTouched: rec + 1 };
    }
    case 9: { // the header's fields
      lines[0] = JSON.stringify(mutateHeader(r, JSON.parse(lines[0] as string) as Record<string, unknown>)) ?? 'null';
      return { text: text(lines), how: 'header changed', firstTouched: 1 };
    }
    case 10: { // neutral: spacing, key order, CRLF, blank lines
      const k = int(r, 4);
      if (k === 0) return { text: ORIGINAL_LINES.join('\r\n'), how: 'CRLF', firstTouched: 1 };
      if (k === 1) return { text: `${ORIGINAL_LINES.map((l) => JSON.stringify(JSON.parse(l), null, 0).replace(/,"/g, ', "')).join('\n')}\n\n\n`, how: 'spacing', firstTouched: 1 };
      if (k === 2) {
        const reorder = (v: unknown): unknown => (Array.isArray(v) ? v.map(reorder) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([a, b]) => [a, reorder(b)])) : v);
        lines[rec] = JSON.stringify(reorder(JSON.parse(lines[rec] as string)));
        return { text: text(lines), how: `keys of line ${rec + 1} reordered`, firstTouched: rec + 1 };
      }
      lines.splice(rec, 0, '', '   ');
      return { text: text(lines), how: `blank lines before line ${rec + 1}`, firstTouched: rec + 1 };
    }
    case 11: { // cut after a whole record (the log of an earlier moment)
      const keep = 1 + int(r, n);
      return { text: text(lines.slice(0, keep)), how: `cut after line ${keep}`, firstTouched: keep + 1 };
    }
    case 12: { // wrong version, or no header
      if (chance(r, 0.5)) lines[0] = (lines[0] as string).replace('"version":1', `"version":${pick(r, ['2', '0', '"1"', 'null'])}`);
      else lines.shift();
      return { text: text(lines), how: 'version or header', firstTouched: 1 };
    }
    default: { // a nasty string in a record's text
      const value = JSON.parse(lines[rec] as string) as { command: Record<string, unknown> };
      const key = ['text', 'action', 'to', 'inject'].find((k) => typeof value.command[k] === 'string') ?? 'text';
      value.command[key] = pick(r, NASTY_STRINGS);
      lines[rec] = JSON.stringify(value);
      return { text: text(lines), how: `nasty ${key} at line ${rec + 1}`, firstTouched: rec + 1 };
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Packages

export const PACKAGE = (() => {
  const loaded = loadExercise(ORIGINAL);
  if (!loaded.ok) throw new Error(loaded.message);
  const built = buildPackage(loaded.exercise);
  if (!built.ok) throw new Error(built.message);
  return built;
})();
export const PACKAGE_CANON = canonicalJson(PACKAGE.package);

/** Package input `index` of `seed`: damaged, and in about half the cases resealed (checksum recomputed). */
export function mutatedPackage(seed: string, index: number): { text: string; how: string; resealed: boolean } {
  const r = rngFor(`${seed}:package#${index}`);
  const kind = int(r, 6);
  if (kind === 0) return { text: new TextDecoder().decode(mutateBytes(r, Buffer.from(PACKAGE.text, 'utf8'))), how: 'bytes', resealed: false };
  if (kind === 1) return { text: `${JSON.stringify(PACKAGE.package, null, pick(r, [0, 1, 2, '\t']))}\n`, how: 'reformatted', resealed: false };
  const pkg = structuredClone(PACKAGE.package) as unknown as Record<string, unknown>;
  let how: string;
  if (kind === 2) {
    const key = pick(r, Object.keys(pkg).filter((k) => k !== 'log' && k !== 'checksum'));
    pkg[key] = mutateValue(r, pkg[key]);
    how = `field ${key}`;
  } else if (kind === 3) {
    pkg.version = pick(r, [2, 0, '1', null]);
    how = 'version';
  } else {
    const m = mutatedLog(`${seed}:package-log`, index);
    pkg.log = m.text;
    how = `log: ${m.how}`;
  }
  const resealed = chance(r, 0.5);
  if (resealed) pkg.checksum = packageChecksum(pkg);
  return { text: JSON.stringify(pkg), how, resealed };
}

// ---------------------------------------------------------------------------------------------------
// The oracle

export type Outcome =
  | { kind: 'refused'; line: number; message: string }
  | { kind: 'same' | 'prefix' | 'unverifiable' | 'altered-detected-late' }
  | { kind: 'violation'; message: string };

export function countLines(text: string): number {
  return text.split(/\r?\n/).length;
}

/**
 * Reads a damaged log as `ramparts replay --verify` does (recorded events decoded and compared), or as
 * plain `ramparts replay` does (events stepped over unread, nothing to compare), and judges the outcome.
 */
export function judge(m: MutatedLog, verify: boolean): Outcome {
  const lines = countLines(m.text);
  const parsed = logFromFile(m.text, { events: verify });
  if (!parsed.ok) {
    // A file taken for a package has one error, which `ramparts replay` prints on line 1.
    const errors = parsed.errors ?? [{ line: 1, message: parsed.message }];
    if (errors.length === 0) return { kind: 'violation', message: `refused without a located error: ${parsed.message}` };
    for (const e of errors) {
      if (!Number.isInteger(e.line) || e.line < 1 || e.line > lines) return { kind: 'violation', message: `error names line ${e.line} of a ${lines}-line file: ${e.message}` };
      if (!e.message.trim()) return { kind: 'violation', message: `error on line ${e.line} without a message` };
    }
    const first = Math.min(...errors.map((e) => e.line));
    if (first < m.firstTouched && first !== 1) return { kind: 'violation', message: `error names line ${first}, before the first damaged line ${m.firstTouched}: ${errors[0]?.message}` };
    return { kind: 'refused', line: first, message: errors[0]?.message ?? '' };
  }
  const log = parsed.log;
  const header = canonicalJson(log.header);
  const records = log.records.map(canonRecord);
  const r = createReplayer(log, { verify, snapshotEvery: Infinity, keepEvents: false });
  if (!r.ok) {
    if (!Number.isInteger(r.record) || r.record < 0 || r.record >= log.records.length) return { kind: 'violation', message: `replay failure names record ${r.record} of ${log.records.length}` };
    if (!r.message.trim()) return { kind: 'violation', message: 'replay failure without a message' };
    const unchanged = header === ORIGINAL_HEADER && records.length <= ORIGINAL_RECORDS.length && records.every((x, i) => x === ORIGINAL_RECORDS[i])
      && log.records.every((x, i) => x.events === undefined || canonicalJson(x.events) === ORIGINAL_EVENTS[i]);
    if (unchanged) return { kind: 'violation', message: `the original records (or a prefix) failed to replay: ${r.message}` };
    return { kind: 'refused', line: 0, message: r.message };
  }
  const hash = stateHash(r.replayer.final());
  const firstDiff = records.findIndex((x, i) => x !== ORIGINAL_RECORDS[i]);
  if (header === ORIGINAL_HEADER && firstDiff < 0 && records.length <= ORIGINAL_RECORDS.length) {
    // The original, or a prefix of it, with neutral changes (and maybe some events left out).
    const want = PREFIX_HASHES[records.length] as string;
    if (hash !== want) return { kind: 'violation', message: `an unaltered ${records.length === ORIGINAL_RECORDS.length ? 'log' : `prefix of ${records.length} records`} replays to ${hash}, not ${want}` };
    return { kind: records.length === ORIGINAL_RECORDS.length ? 'same' : 'prefix' };
  }
  if (hash === FINAL_HASH) return { kind: 'same' };
  // Altered and accepted with another hash: acceptable only where nothing could tell, i.e. the
  // altered records carry no events to verify against (the header has no checksum of its own).
  const altered = log.records.map((x, i) => ({ x, i })).filter(({ x, i }) => canonRecord(x) !== ORIGINAL_RECORDS[i]);
  // Without --verify nothing is compared: an altered record replays to what it says (by design).
  const verifiable = verify ? altered.filter(({ x }) => x.events !== undefined) : [];
  if (verify && header !== ORIGINAL_HEADER && altered.length === 0) {
    return { kind: 'violation', message: `an altered header was accepted and replays to another hash (${hash}): ${excerpt(m.text.split('\n')[0] ?? '', 400)}` };
  }
  if (verifiable.length > 0) {
    const { x, i } = verifiable[0] as { x: LogRecord; i: number };
    return { kind: 'violation', message: `record ${i + 1} was altered (${excerpt(canonRecord(x), 300)}, was ${excerpt(ORIGINAL_RECORDS[i] ?? '(none)', 300)}) yet carries events that verify, and the log replays silently to another hash` };
  }
  return { kind: 'unverifiable' };
}
