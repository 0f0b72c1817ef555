/**
 * The cases of the replay fuzz (fuzz-replay.test.ts): the original log and package, and the oracle
 * that judges what reading a damaged log gave. The damage itself is in fuzz-replay-damage.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  canonicalJson,
  type Command,
  compileScenario,
  createReplayer,
  type LogRecord,
  type RampartsLog,
  replay,
  runHeadless,
  serialiseLog,
  stateHash,
  validateScenarioText,
} from '../../engine/index.ts';
import { buildPackage, loadExercise, logFromFile } from '../../interchange/index.ts';
import { excerpt } from './fuzz-mutate.ts';
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
    seed: 42,
    record: true,
    inputs: [
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
export const PREFIX_HASHES = ORIGINAL.records
  .map((_, k) => k)
  .concat(ORIGINAL.records.length)
  .map((k) => {
    const r = replay({ header: ORIGINAL.header, records: ORIGINAL.records.slice(0, k) }, { compiled: COMPILED });
    if (!r.ok) throw new Error(`prefix ${k} does not replay: ${r.message}`);
    return stateHash(r.state);
  });
export const FINAL_HASH = PREFIX_HASHES[PREFIX_HASHES.length - 1] as string;

/** A damaged log (made by fuzz-replay-damage.ts), as the oracle reads it. */
export interface MutatedLog {
  text: string;
  how: string /** 1-based first line the damage touched. */;
  firstTouched: number;
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

// ---------------------------------------------------------------------------------------------------
// The oracle

export type Outcome = { kind: 'refused'; line: number; message: string } | { kind: 'same' | 'prefix' | 'unverifiable' | 'altered-detected-late' } | { kind: 'violation'; message: string };

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
    const unchanged =
      header === ORIGINAL_HEADER &&
      records.length <= ORIGINAL_RECORDS.length &&
      records.every((x, i) => x === ORIGINAL_RECORDS[i]) &&
      log.records.every((x, i) => x.events === undefined || canonicalJson(x.events) === ORIGINAL_EVENTS[i]);
    if (unchanged) return { kind: 'violation', message: `the original records (or a prefix) failed to replay: ${r.message}` };
    return { kind: 'refused', line: 0, message: r.message };
  }
  const hash = stateHash(r.replayer.final());
  const firstDiff = records.findIndex((x, i) => x !== ORIGINAL_RECORDS[i]);
  if (header === ORIGINAL_HEADER && firstDiff < 0 && records.length <= ORIGINAL_RECORDS.length) {
    // The original, or a prefix of it, with neutral changes (and maybe some events left out).
    const want = PREFIX_HASHES[records.length] as string;
    if (hash !== want)
      return { kind: 'violation', message: `an unaltered ${records.length === ORIGINAL_RECORDS.length ? 'log' : `prefix of ${records.length} records`} replays to ${hash}, not ${want}` };
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
    return {
      kind: 'violation',
      message: `record ${i + 1} was altered (${excerpt(canonRecord(x), 300)}, was ${excerpt(ORIGINAL_RECORDS[i] ?? '(none)', 300)}) yet carries events that verify, and the log replays silently to another hash`,
    };
  }
  return { kind: 'unverifiable' };
}
