/**
 * Versioned schema migrations of the PostgreSQL store. They run at start, all in one transaction
 * under an advisory lock, so two server processes starting at once do not race: the second waits,
 * then finds every version applied and does nothing. Never edit a released migration; add one.
 */
import type { PoolClient } from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'exercises, seats, log, snapshots',
    sql: `
      CREATE TABLE exercises (
        id text PRIMARY KEY,
        created_at text NOT NULL,
        record json NOT NULL,
        last_seq bigint NOT NULL DEFAULT 0
      );
      CREATE TABLE seats (
        exercise_id text NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
        seat text NOT NULL,
        position integer NOT NULL,
        record json NOT NULL,
        PRIMARY KEY (exercise_id, seat)
      );
      -- The append-only log: rows are inserted, never updated or deleted.
      CREATE TABLE log_entries (
        exercise_id text NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        entry json NOT NULL,
        PRIMARY KEY (exercise_id, seq)
      );
      CREATE TABLE snapshots (
        exercise_id text NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        state_hash text NOT NULL,
        data json NOT NULL,
        PRIMARY KEY (exercise_id, seq)
      );`,
  },
  {
    version: 2,
    name: 'exercise ownership leases',
    sql: `
      CREATE TABLE leases (
        exercise_id text PRIMARY KEY,
        owner text NOT NULL,
        expires_at timestamptz NOT NULL
      );`,
  },
  {
    version: 3,
    name: 'operator accounts and sessions',
    sql: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        subject text UNIQUE,
        created_at text NOT NULL,
        record json NOT NULL
      );
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at bigint NOT NULL,
        record json NOT NULL
      );`,
  },
  {
    version: 4,
    name: "the operators' library: scenario versions, exercise marks, audit trail, improvement plan",
    sql: `
      CREATE TABLE library_versions (
        scenario_id text NOT NULL,
        version integer NOT NULL,
        info json NOT NULL,
        text text NOT NULL,
        PRIMARY KEY (scenario_id, version)
      );
      CREATE TABLE library_marks (
        exercise_id text PRIMARY KEY,
        mark json NOT NULL
      );
      -- Append-only: rows are inserted, never updated or deleted.
      CREATE TABLE library_audit (
        id bigserial PRIMARY KEY,
        entry json NOT NULL
      );
      CREATE TABLE library_plan (
        id text PRIMARY KEY,
        position bigserial,
        item json NOT NULL
      );`,
  },
];

/** Applies every migration not yet applied to the current schema; returns the versions applied. */
export async function migrate(client: PoolClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  await client.query('BEGIN');
  try {
    // One lock per schema: processes on other schemas of the same database do not wait.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('ramparts-migrations:' || current_schema()))`);
    await client.query(`CREATE TABLE IF NOT EXISTS ramparts_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM ramparts_migrations')).rows.map((r) => r.version));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO ramparts_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return applied;
}
