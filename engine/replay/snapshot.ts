/**
 * Snapshots and the state hash. A snapshot is the dynamic part of the state (random stream states
 * included) frozen as JSON text, plus a reference to the shared compiled scenario: cheap to keep,
 * immutable, and `restore` resumes exactly where it was taken.
 */
import type { CompiledScenario } from '../compile/types.ts';
import type { ExerciseState } from '../sim/state.ts';
import { hashValue } from './hash.ts';

export interface Snapshot {
  scenario: CompiledScenario;
  seq: number;
  clock: number;
  /** JSON of the state without `scenario`. */
  json: string;
}

function dynamicPart(state: ExerciseState): Omit<ExerciseState, 'scenario'> {
  const { scenario: _scenario, ...rest } = state;
  return rest;
}

/** Freezes a state. */
export function snapshot(state: ExerciseState): Snapshot {
  return { scenario: state.scenario, seq: state.seq, clock: state.clock, json: JSON.stringify(dynamicPart(state)) };
}

/** A new, independent state equal to the one the snapshot was taken of. */
export function restore(snap: Snapshot): ExerciseState {
  return { scenario: snap.scenario, ...(JSON.parse(snap.json) as Omit<ExerciseState, 'scenario'>) };
}

/**
 * SHA-256 (hex) of the canonical JSON of the state's dynamic part, which includes the scenario hash,
 * seed, clock, event sequence number, queue and random stream states. Equal states hash equal on any
 * machine; computed only when asked.
 */
export function stateHash(state: ExerciseState): string {
  return hashValue(dynamicPart(state));
}
