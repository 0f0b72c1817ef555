/**
 * The exercise store: what the server must keep so that nothing acknowledged is lost. An interface,
 * so that the file store (embedded, the default) and the PostgreSQL store (scale-out, several
 * processes on one database) are interchangeable; test/server/store-contract.ts is the suite both
 * pass. (Redis carries the Socket.IO rooms and the sweep queue in scale-out; it stores no exercise.)
 */
import type { LocalTextT } from '../../engine/index.ts';
import type { ExerciseMode, SeatRole } from '../../protocol/index.ts';
import type { AccountStore } from '../auth/account-store.ts';

/** What an exercise was created from; immutable after creation. */
export interface ExerciseRecord {
  id: string;
  /** Wall-clock ISO time of creation (for listings and audit; never fed to the engine). */
  createdAt: string;
  scenario: {
    id: string;
    title: LocalTextT;
    /** The scenario text exactly as validated, so that a replay years later needs nothing else. */
    text: string;
    /** `library`: a version of the scenario library (`version` says which). */
    source: 'bundled' | 'upload' | 'library';
    version?: number;
  };
  seed: number;
  mode: ExerciseMode;
}

/** A seat of an exercise; only the SHA-256 of its token is stored (see server/auth/tokens.ts). */
export interface SeatRecord {
  seat: string;
  role: SeatRole;
  team?: string;
  tokenHash: string;
}

/**
 * One entry of an exercise's append-only log. The store treats entries as opaque JSON except for
 * `seq`, which starts at 1 and increases by exactly 1; the authority decides what else they hold.
 */
export interface LogEntry {
  seq: number;
  [field: string]: unknown;
}

/** A serialised exercise state after the entry `seq`, with its state hash for verification. */
export interface SnapshotRecord {
  seq: number;
  stateHash: string;
  data: unknown;
}

export interface ExerciseStore {
  /** Stores a new exercise and its seats; durable when the promise resolves. Throws if the id exists. */
  createExercise(record: ExerciseRecord, seats: SeatRecord[]): Promise<void>;
  getExercise(id: string): Promise<ExerciseRecord | undefined>;
  /** Every stored exercise, oldest first. */
  listExercises(): Promise<ExerciseRecord[]>;
  getSeats(exerciseId: string): Promise<SeatRecord[]>;
  /** Replaces one seat's token hash (token rotation); durable when the promise resolves. */
  setSeatToken(exerciseId: string, seat: string, tokenHash: string): Promise<void>;
  /**
   * Appends entries whose `seq` continue the log without gap or overlap; durable (fsync or the
   * backend's equivalent) when the promise resolves. Throws on a seq that does not follow. When it
   * throws, none of the entries should count: later reads, `lastSeq` and a restart see the log as
   * it was before, and the same seqs can be appended again (the file store cuts the log back; a
   * PostgreSQL transaction rolls back, short of a connection lost during COMMIT, whose outcome the
   * client cannot know).
   */
  append(exerciseId: string, entries: readonly LogEntry[]): Promise<void>;
  /** The entries with `seq > afterSeq` (default 0), in order. */
  readLog(exerciseId: string, afterSeq?: number): Promise<LogEntry[]>;
  /** The seq of the last durable entry (0 for an empty log). */
  lastSeq(exerciseId: string): Promise<number>;
  /** Stores a snapshot; durable when the promise resolves. */
  putSnapshot(exerciseId: string, snapshot: SnapshotRecord): Promise<void>;
  /** The newest snapshot with `seq <= atOrBefore` (default: any), if one exists. */
  latestSnapshot(exerciseId: string, atOrBefore?: number): Promise<SnapshotRecord | undefined>;
  /**
   * The operator accounts and sessions kept beside the exercises (accounts/types.ts). Optional for
   * wrappers in tests: a server whose store has none keeps accounts in files under its data directory.
   */
  accounts?(): AccountStore;
  /**
   * Removes an exercise with its seats, log and snapshots (the library's delete, which records it in
   * its audit trail first). Answers whether there was one. Whoever hosts it must have stopped.
   */
  deleteExercise(id: string): Promise<boolean>;
  /** Flushes and releases files or connections; the store is unusable afterwards. */
  close(): Promise<void>;
}
