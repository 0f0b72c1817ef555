/**
 * Bringing an exercise back from the store: restore the newest snapshot whose state hash checks
 * out (or start from the scenario), replay the log after it with the engine, and compare the
 * events each replayed command produces with the ones recorded when it was first applied. The host's
 * ledger (ledger.ts) comes back the same way: from the snapshot, then every entry after it folded in.
 */
import type { ExerciseRecord, ExerciseStore } from '../store/types.ts';
import type { Logger } from '../ops/logger.ts';
import type { CommandEntry, EnginePort, LoadedScenario } from './engine-port.ts';
import { entryBytes, Ledger, type LedgerData } from './ledger.ts';

/** What a snapshot's `data` holds: the engine's snapshot and the host's ledger at the same revision. */
export interface HostSnapshotData {
  engine: unknown;
  ledger: LedgerData;
}

function isHostSnapshot(data: unknown): data is HostSnapshotData {
  const d = data as Partial<HostSnapshotData> | null;
  return typeof d === 'object' && d !== null && d.engine !== undefined && d.ledger?.v === 3;
}

export interface Recovered<S> {
  state: S;
  revision: number;
  ledger: Ledger;
  /** Revision of the snapshot the replay started from (0: from the scenario). */
  snapshotSeq: number;
  /** The last log entry (to tell whether the server paused the exercise at its last recovery). */
  last: CommandEntry | undefined;
}

export async function recoverState<S>(engine: EnginePort<S>, store: ExerciseStore, record: ExerciseRecord, scenario: LoadedScenario, logger: Logger): Promise<Recovered<S>> {
  const lastSeq = await store.lastSeq(record.id);
  let state: S | undefined;
  let ledger: Ledger | undefined;
  let from = 0;
  const snapshot = await store.latestSnapshot(record.id, lastSeq);
  // A snapshot from before the ledger (or its numbering) was kept in it cannot give the ledger: the whole log is replayed.
  const data = snapshot?.data;
  if (snapshot && !isHostSnapshot(data)) logger.warn('snapshot without the host ledger of this version; replaying the whole log', { exerciseId: record.id, seq: snapshot.seq });
  else if (snapshot && isHostSnapshot(data)) {
    try {
      const restored = engine.restore(scenario, data.engine);
      if (engine.stateHash(restored) === snapshot.stateHash) {
        state = restored;
        ledger = Ledger.from(data.ledger);
        from = snapshot.seq;
      } else {
        logger.warn('snapshot hash mismatch; replaying the whole log', { exerciseId: record.id, seq: snapshot.seq });
      }
    } catch (error) {
      logger.warn('snapshot unreadable; replaying the whole log', { exerciseId: record.id, seq: snapshot.seq, error });
    }
  }
  state ??= engine.create(scenario, record.seed, record.mode);
  ledger ??= new Ledger();
  const entries = (await store.readLog(record.id, from)) as CommandEntry[];
  let divergent = 0;
  for (const entry of entries) {
    ledger.record(entry, entryBytes(entry));
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
  return { state, revision: lastSeq, ledger, snapshotSeq: from, last };
}
