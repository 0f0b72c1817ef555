/**
 * Which records the engine changed, for the replay fold's snapshots (engine/replay/freeze.ts): a
 * snapshot then copies the nodes, steps, attempts, injects, actions, reports, assistance requests and
 * situation reports marked since the previous one and shares the rest, instead of comparing every
 * record of a large state with its previous copy (15 % of a verifying index of the 107k-event log).
 *
 * Every site of engine/sim that creates or changes one of those records calls the `touch` function
 * of its kind. Untracked states (live play, sweeps) pay one missing-property load per call; a tracked
 * state (the fold's) a Set add. The marks are kept beside the state, in a non-enumerable symbol
 * property, so the state stays plain JSON: no spread, JSON text, hash or structured clone sees it.
 * A forgotten mark makes a stale snapshot: test/engine/freeze-changes.test.ts folds scenarios with
 * `audit` (freeze.ts), which compares every record and fails on a changed one left unmarked.
 */
import type { ExerciseState } from './state.ts';

export interface Changes {
  nodes: Set<number>;
  steps: Set<number>;
  attempts: Set<number>;
  injects: Set<string>;
  actions: Set<string>;
  reports: Set<string>;
  assists: Set<string>;
  sitreps: Set<string>;
  /** What the marks are relative to (the snapshot taken when they were last cleared); set by the reader. */
  since: unknown;
}

const CHANGES = Symbol('changes');
type Tracked = ExerciseState & { [CHANGES]?: Changes };

const fresh = (since: unknown): Changes => ({
  nodes: new Set(),
  steps: new Set(),
  attempts: new Set(),
  injects: new Set(),
  actions: new Set(),
  reports: new Set(),
  assists: new Set(),
  sitreps: new Set(),
  since,
});

/** Starts (or restarts) marking the changes of `s`, relative to `since`; returns the empty marks. */
export function trackChanges(s: ExerciseState, since: unknown): Changes {
  const c = fresh(since);
  Object.defineProperty(s, CHANGES, { value: c, writable: true, enumerable: false, configurable: true });
  return c;
}

/** The marks of a tracked state (undefined for an untracked one). */
export const changesOf = (s: ExerciseState): Changes | undefined => (s as Tracked)[CHANGES];

export function touchNode(s: ExerciseState, ni: number): void {
  (s as Tracked)[CHANGES]?.nodes.add(ni);
}
export function touchStep(s: ExerciseState, si: number): void {
  (s as Tracked)[CHANGES]?.steps.add(si);
}
export function touchAttempt(s: ExerciseState, ai: number): void {
  (s as Tracked)[CHANGES]?.attempts.add(ai);
}
export function touchInject(s: ExerciseState, id: string): void {
  (s as Tracked)[CHANGES]?.injects.add(id);
}
export function touchAction(s: ExerciseState, id: string): void {
  (s as Tracked)[CHANGES]?.actions.add(id);
}
export function touchReport(s: ExerciseState, id: string): void {
  (s as Tracked)[CHANGES]?.reports.add(id);
}
export function touchAssist(s: ExerciseState, id: string): void {
  (s as Tracked)[CHANGES]?.assists.add(id);
}
export function touchSitrep(s: ExerciseState, id: string): void {
  (s as Tracked)[CHANGES]?.sitreps.add(id);
}
