/**
 * Snapshots and the state hash. A snapshot is the dynamic part of the state (random stream states
 * included) frozen as JSON text, plus a reference to the shared compiled scenario: cheap to keep,
 * immutable, and `restore` resumes exactly where it was taken.
 */
import type { CompiledScenario } from '../compile/types.ts';
import type { ExerciseState } from '../sim/state.ts';
import { hashValue, sha256Hex } from '../lib/hash.ts';

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
 *
 * `sha256` is the pure-JS SHA-256 by default (the engine runs in browsers too); a host may pass a
 * native one (node:crypto in the command line and the server), which gives the same digest of the
 * same UTF-8 text without encoding and hashing megabytes in JavaScript (40 % of a stateHash).
 */
export function stateHash(state: ExerciseState, sha256: (text: string) => string = sha256Hex): string {
  return hashValue(dynamicPart(state), sha256);
}
