/**
 * The engine behind the EnginePort: scenario validation and compilation, the exercise state, step,
 * projections, snapshots. Also converts the server's log to the engine's log format, so that an
 * exercise run on the server replays (and exports) with the engine's own tools.
 */
import {
  type CompiledScenario,
  compileScenario,
  createExercise,
  type ExerciseState,
  logHeader,
  nextEventTime,
  project,
  type RampartsLog,
  restore,
  type ScenarioT,
  serialiseLog,
  snapshot,
  stateHash,
  step,
  type TextDiagnostic,
  validateScenarioText,
} from '../../engine/index.ts';
import type { ExerciseMode, ScenarioDiagnostic, ScenarioSummary } from '../../protocol/index.ts';
import type { ExerciseRecord } from '../store/types.ts';
import type { CommandEntry, EnginePort, LoadedScenario } from './engine-port.ts';
import { nativeSha256Hex } from '../../native/hash.ts';

/** What `LoadedScenario.compiled` holds for this engine. */
interface EngineScenario {
  scenario: ScenarioT;
  compiled: CompiledScenario;
}

/** What a stored snapshot holds (the compiled scenario is rebuilt from the exercise record). */
interface StoredSnapshot {
  seq: number;
  clock: number;
  json: string;
}

function toProtocol(d: TextDiagnostic): ScenarioDiagnostic {
  return { severity: d.severity, path: d.path, message: d.message, ...(d.line > 0 ? { line: d.line, col: d.col } : {}) };
}

function summarise(s: ScenarioT): ScenarioSummary {
  return {
    id: s.meta.id,
    title: s.meta.title,
    description: s.meta.description,
    modes: [...s.meta.modes],
    duration: s.meta.duration,
    ...(s.meta.languages ? { languages: [...s.meta.languages] } : {}),
    teams: s.teams.map((t) => ({ id: t.id, role: t.role, name: t.name, ...(t.nation ? { nation: t.nation } : {}), ...(t.color ? { color: t.color } : {}) })),
  };
}

const engineOf = (loaded: LoadedScenario) => loaded.compiled as EngineScenario;

export const engineAdapter: EnginePort<ExerciseState> = {
  load(text, name) {
    let result: ReturnType<typeof validateScenarioText>;
    try {
      result = validateScenarioText(text, name);
    } catch (error) {
      // The validator promises never to throw; if it does (a bug), the uploader still gets an
      // answer and the server stays up.
      return { ok: false, diagnostics: [{ severity: 'error', path: '(root)', message: `the validator failed on this text: ${(error as Error).message}` }] };
    }
    if (!result.ok) return { ok: false, diagnostics: [...result.errors, ...result.warnings].map(toProtocol) };
    let compiled: CompiledScenario;
    try {
      compiled = compileScenario(result.scenario);
    } catch (error) {
      // The validator checks every reference the compiler resolves; reaching this is an engine bug,
      // reported as a diagnostic so that the uploader still gets an answer.
      return { ok: false, diagnostics: [{ severity: 'error', path: '(root)', message: `the scenario does not compile: ${(error as Error).message}` }] };
    }
    const engine: EngineScenario = { scenario: result.scenario, compiled };
    return { ok: true, scenario: { summary: summarise(result.scenario), compiled: engine }, warnings: result.warnings.map(toProtocol) };
  },
  create: (loaded, seed, mode: ExerciseMode) => createExercise(engineOf(loaded).compiled, { seed, mode }),
  step: (state, command) => step(state, command),
  project: (state, seat) => (seat.role === 'blue' ? project(state, { role: 'blue', team: seat.team ?? '' }) : project(state, { role: seat.role })),
  stateHash: (state) => stateHash(state, nativeSha256Hex),
  snapshot: (state): StoredSnapshot => {
    const snap = snapshot(state);
    return { seq: snap.seq, clock: snap.clock, json: snap.json };
  },
  restore: (loaded, data) => {
    const stored = data as StoredSnapshot;
    if (typeof stored?.json !== 'string') throw new Error('not a snapshot of this engine');
    return restore({ scenario: engineOf(loaded).compiled, seq: stored.seq, clock: stored.clock, json: stored.json });
  },
  nextEventTime: (state) => nextEventTime(state) ?? undefined,
  clock: (state) => ({ now: state.clock, phase: state.phase, speed: state.speed }),
  scores: (state) => Object.values(state.teams).map((t) => ({ team: t.id, composite: t.score.current.composite })),
  exportLog: (record, scenario, entries) => serialiseLog(toEngineLog(record, scenario, entries)),
};

/** The exercise's log in the engine's format (`ramparts replay` reads it, the replayer folds it). */
export function toEngineLog(record: ExerciseRecord, scenario: LoadedScenario, entries: readonly CommandEntry[]): RampartsLog {
  return {
    header: logHeader(engineOf(scenario).scenario, record.seed, record.mode),
    records: entries.map((e) => ({ t: e.t, command: e.command, events: e.events })),
  };
}
