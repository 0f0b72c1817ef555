/**
 * The exercise store in PostgreSQL, for several server processes sharing one database. Each
 * append is one transaction that locks the exercise row, checks that the seqs follow, inserts the
 * entries and commits before the promise resolves (so before any acknowledgement). Migrations run
 * when the store opens (see migrations.ts).
 */
import pg from 'pg';
import type { ExerciseRecord, ExerciseStore, LogEntry, SeatRecord, SnapshotRecord } from '../types.ts';
import { migrate } from './migrations.ts';
import type { AccountStore } from '../../auth/account-store.ts';
import { PostgresAccountStore } from './postgres-accounts.ts';

const SNAPSHOTS_KEPT = 3;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresStoreOptions {
  /** A schema to keep the tables in (created if missing); default: the connection's search_path. */
  schema?: string;
  /** Most pooled connections (default 10). */
  maxConnections?: number;
}

/**
 * The pool listens for errors only on idle clients. A checked-out client whose connection breaks
 * between two queries (the database restarting: `terminating connection due to administrator
 * command`) emits 'error' with nobody listening, which ends the process. This listens while the
 * client is out, and hands a broken client back as such, so the pool discards it.
 */
function watchCheckedOut(client: pg.PoolClient): { readonly broken: Error | undefined; release(): void } {
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  return {
    get broken() {
      return broken;
    },
    release() {
      client.off('error', onError);
      client.release(broken);
    },
  };
}

export class PostgresStore implements ExerciseStore {
  /** Appends of one exercise issued by this process run one after another, in issue order. */
  private readonly appendChain = new Map<string, Promise<void>>();
  private closed = false;

  private constructor(readonly pool: pg.Pool) {}

  /** Connects, creates the schema if asked, runs pending migrations. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const { schema } = options;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new Error(`PostgreSQL schema name ${JSON.stringify(schema)} must be lower-case letters, digits and _`);
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle connection that breaks (server restart) must not crash the process.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      const watch = watchCheckedOut(client);
      try {
        if (schema) {
          // IF NOT EXISTS still races with a concurrent creation (unique violation): that is fine.
          await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((error: { code?: string }) => {
            if (error.code !== '23505' && error.code !== '42P06') throw error;
          });
        }
        await migrate(client);
      } finally {
        watch.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresStore(pool);
  }

  async createExercise(record: ExerciseRecord, seats: SeatRecord[]): Promise<void> {
    this.assertOpen();
    await this.transaction(async (client) => {
      await client.query('INSERT INTO exercises (id, created_at, record) VALUES ($1, $2, $3)', [record.id, record.createdAt, JSON.stringify(record)]);
      for (const [position, seat] of seats.entries()) {
        await client.query('INSERT INTO seats (exercise_id, seat, position, record) VALUES ($1, $2, $3, $4)', [record.id, seat.seat, position, JSON.stringify(seat)]);
      }
    });
  }

  async getExercise(id: string): Promise<ExerciseRecord | undefined> {
    const { rows } = await this.pool.query<{ record: ExerciseRecord }>('SELECT record FROM exercises WHERE id = $1', [id]);
    return rows[0]?.record;
  }

  async listExercises(): Promise<ExerciseRecord[]> {
    const { rows } = await this.pool.query<{ record: ExerciseRecord }>('SELECT record FROM exercises ORDER BY created_at, id');
    return rows.map((r) => r.record);
  }

  async getSeats(exerciseId: string): Promise<SeatRecord[]> {
    const { rows } = await this.pool.query<{ record: SeatRecord }>('SELECT record FROM seats WHERE exercise_id = $1 ORDER BY position', [exerciseId]);
    return rows.map((r) => r.record);
  }

  async setSeatToken(exerciseId: string, seat: string, tokenHash: string): Promise<void> {
    this.assertOpen();
    await this.transaction(async (client) => {
      const { rows } = await client.query<{ record: SeatRecord }>('SELECT record FROM seats WHERE exercise_id = $1 AND seat = $2 FOR UPDATE', [exerciseId, seat]);
      const current = rows[0];
      if (!current) throw new Error(`exercise ${exerciseId} has no seat ${seat}`);
      await client.query('UPDATE seats SET record = $3 WHERE exercise_id = $1 AND seat = $2', [exerciseId, seat, JSON.stringify({ ...current.record, tokenHash })]);
    });
  }

  append(exerciseId: string, entries: readonly LogEntry[]): Promise<void> {
    this.assertOpen();
    const previous = this.appendChain.get(exerciseId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        if (entries.length === 0) return;
        await this.transaction(async (client) => {
          // The row lock serialises appends to one exercise across every process.
          const { rows } = await client.query<{ last_seq: string }>('SELECT last_seq FROM exercises WHERE id = $1 FOR UPDATE', [exerciseId]);
          const row = rows[0];
          if (!row) throw new Error(`append to ${exerciseId}: no such exercise`);
          const last = Number(row.last_seq);
          entries.forEach((entry, i) => {
            if (entry.seq !== last + 1 + i) throw new Error(`append to ${exerciseId}: seq ${entry.seq} does not follow ${last + i}`);
          });
          await client.query('INSERT INTO log_entries (exercise_id, seq, entry) SELECT $1, s, e FROM unnest($2::bigint[], $3::json[]) AS t(s, e)', [
            exerciseId,
            entries.map((e) => e.seq),
            entries.map((e) => JSON.stringify(e)),
          ]);
          await client.query('UPDATE exercises SET last_seq = $2 WHERE id = $1', [exerciseId, last + entries.length]);
        });
      });
    this.appendChain.set(exerciseId, next);
    return next;
  }

  async readLog(exerciseId: string, afterSeq = 0): Promise<LogEntry[]> {
    await this.settled(exerciseId);
    const { rows } = await this.pool.query<{ entry: LogEntry }>('SELECT entry FROM log_entries WHERE exercise_id = $1 AND seq > $2 ORDER BY seq', [exerciseId, afterSeq]);
    return rows.map((r) => r.entry);
  }

  async lastSeq(exerciseId: string): Promise<number> {
    await this.settled(exerciseId);
    const { rows } = await this.pool.query<{ last_seq: string }>('SELECT last_seq FROM exercises WHERE id = $1', [exerciseId]);
    return Number(rows[0]?.last_seq ?? 0);
  }

  async putSnapshot(exerciseId: string, snapshot: SnapshotRecord): Promise<void> {
    this.assertOpen();
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO snapshots (exercise_id, seq, state_hash, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (exercise_id, seq) DO UPDATE SET state_hash = EXCLUDED.state_hash, data = EXCLUDED.data`,
        [exerciseId, snapshot.seq, snapshot.stateHash, JSON.stringify(snapshot.data)],
      );
      await client.query(
        `DELETE FROM snapshots WHERE exercise_id = $1 AND seq NOT IN (
           SELECT seq FROM snapshots WHERE exercise_id = $1 ORDER BY seq DESC LIMIT ${SNAPSHOTS_KEPT})`,
        [exerciseId],
      );
    });
  }

  async latestSnapshot(exerciseId: string, atOrBefore = Number.MAX_SAFE_INTEGER): Promise<SnapshotRecord | undefined> {
    const { rows } = await this.pool.query<{ seq: string; state_hash: string; data: unknown }>(
      'SELECT seq, state_hash, data FROM snapshots WHERE exercise_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1',
      [exerciseId, atOrBefore],
    );
    const row = rows[0];
    return row ? { seq: Number(row.seq), stateHash: row.state_hash, data: row.data } : undefined;
  }

  /** Accounts in the tables `users` and `sessions` (postgres-accounts.ts). */
  accounts(): AccountStore {
    return new PostgresAccountStore(this.pool, (work) => this.transaction(work));
  }

  async deleteExercise(id: string): Promise<boolean> {
    this.assertOpen();
    await this.settled(id);
    // Seats, log entries and snapshots go with it (ON DELETE CASCADE).
    const { rowCount } = await this.pool.query('DELETE FROM exercises WHERE id = $1', [id]);
    await this.pool.query('DELETE FROM leases WHERE exercise_id = $1', [id]);
    return (rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.appendChain.values()]);
    await this.pool.end();
  }

  /** Runs `work` in one transaction on one pooled connection; rolls back if it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const watch = watchCheckedOut(client);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (!watch.broken) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      watch.release();
    }
  }

  private async settled(exerciseId: string): Promise<void> {
    await (this.appendChain.get(exerciseId) ?? Promise.resolve()).catch(() => undefined);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the store is closed');
  }
}
