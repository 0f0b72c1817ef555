/**
 * The library store in PostgreSQL (tables of migration 4), on the exercise store's pool: the same
 * database, so that every process of a scale-out sees one library. A new version is numbered
 * inside a transaction holding a per-scenario advisory lock, so two processes saving at once get
 * versions n and n + 1, never the same number (the primary key would refuse it anyway).
 */
import type pg from 'pg';
import type { AuditEntry, ScenarioVersionInfo } from '../../../protocol/index.ts';
import type { PlanItem } from '../../../protocol/plan.ts';
import type { ExerciseMark, LibraryStore, StoredVersion } from '../library-types.ts';
import type { PostgresStore } from './postgres-store.ts';

export class PostgresLibrary implements LibraryStore {
  private readonly pool: pg.Pool;

  /** The library beside an open exercise store (its migrations have run). */
  constructor(private readonly store: PostgresStore) {
    this.pool = store.pool;
  }

  addVersion(info: Omit<ScenarioVersionInfo, 'version'>, text: string, basedOn?: number): Promise<{ ok: true; info: ScenarioVersionInfo } | { ok: false; latest: number }> {
    return this.store.transaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('ramparts-library:' || $1))`, [info.scenarioId]);
      const { rows } = await client.query<{ latest: number | null }>('SELECT max(version) AS latest FROM library_versions WHERE scenario_id = $1', [info.scenarioId]);
      const latest = Number(rows[0]?.latest ?? 0);
      if (basedOn !== undefined && basedOn !== latest) return { ok: false as const, latest };
      const stored: ScenarioVersionInfo = { ...info, version: latest + 1 };
      await client.query('INSERT INTO library_versions (scenario_id, version, info, text) VALUES ($1, $2, $3, $4)', [stored.scenarioId, stored.version, JSON.stringify(stored), text]);
      return { ok: true as const, info: stored };
    });
  }

  async listVersions(scenarioId?: string): Promise<ScenarioVersionInfo[]> {
    const { rows } =
      scenarioId === undefined
        ? await this.pool.query<{ info: ScenarioVersionInfo }>('SELECT info FROM library_versions ORDER BY scenario_id, version')
        : await this.pool.query<{ info: ScenarioVersionInfo }>('SELECT info FROM library_versions WHERE scenario_id = $1 ORDER BY version', [scenarioId]);
    return rows.map((r) => r.info);
  }

  async getVersion(scenarioId: string, version: number): Promise<StoredVersion | undefined> {
    if (!Number.isSafeInteger(version) || version < 1 || version > 2 ** 31 - 1) return undefined;
    const { rows } = await this.pool.query<{ info: ScenarioVersionInfo; text: string }>('SELECT info, text FROM library_versions WHERE scenario_id = $1 AND version = $2', [scenarioId, version]);
    const row = rows[0];
    return row ? { info: row.info, text: row.text } : undefined;
  }

  async getMark(exerciseId: string): Promise<ExerciseMark | undefined> {
    const { rows } = await this.pool.query<{ mark: ExerciseMark }>('SELECT mark FROM library_marks WHERE exercise_id = $1', [exerciseId]);
    return rows[0]?.mark;
  }

  async listMarks(): Promise<ExerciseMark[]> {
    const { rows } = await this.pool.query<{ mark: ExerciseMark }>('SELECT mark FROM library_marks ORDER BY exercise_id');
    return rows.map((r) => r.mark);
  }

  async putMark(mark: ExerciseMark): Promise<void> {
    await this.pool.query('INSERT INTO library_marks (exercise_id, mark) VALUES ($1, $2) ON CONFLICT (exercise_id) DO UPDATE SET mark = EXCLUDED.mark', [mark.exerciseId, JSON.stringify(mark)]);
  }

  async deleteMark(exerciseId: string): Promise<void> {
    await this.pool.query('DELETE FROM library_marks WHERE exercise_id = $1', [exerciseId]);
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.pool.query('INSERT INTO library_audit (entry) VALUES ($1)', [JSON.stringify(entry)]);
  }

  async listAudit(): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query<{ entry: AuditEntry }>('SELECT entry FROM library_audit ORDER BY id');
    return rows.map((r) => r.entry);
  }

  async listPlan(): Promise<PlanItem[]> {
    const { rows } = await this.pool.query<{ item: PlanItem }>('SELECT item FROM library_plan ORDER BY position');
    return rows.map((r) => r.item);
  }

  async putPlan(item: PlanItem): Promise<void> {
    await this.pool.query('INSERT INTO library_plan (id, item) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET item = EXCLUDED.item', [item.id, JSON.stringify(item)]);
  }
}
