/**
 * Exercise ownership leases in PostgreSQL (the `leases` table of migration 2): a row per exercise
 * naming its owning process until `expires_at`. Claiming succeeds for a free exercise, an expired
 * lease or one the process already holds; the owner renews its leases well before they expire, so
 * only a dead (or stalled) owner loses them. The database clock decides expiry for every process.
 */
import type pg from 'pg';

export class LeaseTable {
  constructor(
    private readonly pool: pg.Pool,
    readonly owner: string,
    readonly ttlMs: number,
  ) {}

  /** True when this process now owns the exercise. */
  async claim(exerciseId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO leases (exercise_id, owner, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (exercise_id) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
       WHERE leases.expires_at < now() OR leases.owner = EXCLUDED.owner`,
      [exerciseId, this.owner, this.ttlMs],
    );
    return rowCount === 1;
  }

  /** Extends this process's leases among `exerciseIds`; returns the ids it still owns. */
  async renew(exerciseIds: readonly string[]): Promise<Set<string>> {
    if (exerciseIds.length === 0) return new Set();
    const { rows } = await this.pool.query<{ exercise_id: string }>(
      `UPDATE leases SET expires_at = now() + $3 * interval '1 millisecond'
       WHERE owner = $1 AND exercise_id = ANY($2) RETURNING exercise_id`,
      [this.owner, exerciseIds, this.ttlMs],
    );
    return new Set(rows.map((r) => r.exercise_id));
  }

  /** Stored exercises that nobody owns (no lease, or an expired one). */
  async orphans(): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT e.id FROM exercises e LEFT JOIN leases l ON l.exercise_id = e.id
       WHERE l.exercise_id IS NULL OR l.expires_at < now() ORDER BY e.created_at, e.id`,
    );
    return rows.map((r) => r.id);
  }

  /** Gives up every lease of this process (clean shutdown: others take over at once). */
  async releaseAll(): Promise<void> {
    await this.pool.query('DELETE FROM leases WHERE owner = $1', [this.owner]);
  }
}
