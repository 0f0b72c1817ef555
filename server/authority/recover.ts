/**
 * Bringing an exercise back from the store: restore the newest snapshot whose state hash checks
 * out (or start from the scenario), replay the log after it with the engine, and compare the
 * events each replayed command produces with the ones recorded when it was first applied.
 */
import type { ExerciseRecord, ExerciseStore } from '../store/types.ts';
import type { Logger } from '../ops/logger.ts';
import type { CommandEntry, EnginePort, LoadedScenario } from './engine-port.ts';

export interface Recovered<S> {
  state: S;
  revision: number;
  /** Revision of the snapshot the replay started from (0: from the scenario). */
  snapshotSeq: number;
  /** The last log entry (to tell whether the server paused the exercise at its last recovery). */
  last: CommandEntry | undefined;
}

export async function recoverState<S>(
  engine: EnginePort<S>, store: ExerciseStore, record: ExerciseRecord, scenario: LoadedScenario, logger: Logger,
): Promise<Recovered<S>> {
  const lastSeq = await store.lastSeq(record.id);
  let state: S | undefined;
  let from = 0;
  const snapshot = await store.latestSnapshot(record.id, lastSeq);
  if (snapshot) {
    try {
      const restored = engine.restore(scenario, snapshot.data);
      if (engine.stateHash(restored) === snapshot.stateHash) {
        state = restored;
        from = snapshot.seq;
      } else {
        logger.warn('snapshot hash mismatch; replaying the whole log', { exerciseId: record.id, seq: snapshot.seq });
      }
    } catch (error) {
      logger.warn('snapshot unreadable; replaying the whole log', { exerciseId: record.id, seq: snapshot.seq, error });
    }
  }
  state ??= engine.create(scenario, record.seed, record.mode);
  const entries = (await store.readLog(record.id, from)) as CommandEntry[];
  let divergent = 0;
  for (const entry of entries) {
    const result = engine.step(state, entry.command);
    if (!result.ok) {
      throw new Error(`exercise ${record.id}: log entry ${entry.seq} (${entry.command.type}) is refused on replay: ${result.code}: ${result.message}`);
    }
    if (JSON.stringify(result.events) !== JSON.stringify(entry.events)) divergent++;
    state = result.state;
  }
  if (divergent > 0) {
    // The commands are the source of truth; differing events mean the engine changed since they
    // were recorded. Worth an operator's attention, not worth refusing to load the exercise.
    logger.warn('replayed events differ from the recorded ones', { exerciseId: record.id, entries: divergent });
  }
  const last = entries.at(-1) ?? ((await store.readLog(record.id, Math.max(0, lastSeq - 1))).at(-1) as CommandEntry | undefined);
  return { state, revision: lastSeq, snapshotSeq: from, last };
}
