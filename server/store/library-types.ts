/**
 * The library store: what the operators' library keeps beside the exercises, in the same backend
 * (the file store's data directory, or the same PostgreSQL database): scenario versions, the
 * library's marks on exercises (archived, the version an exercise came from), the audit trail and
 * the improvement plan. test/server/library-contract.ts is the suite both backends pass.
 */
import type { AuditEntry, ScenarioVersionInfo } from '../../protocol/index.ts';
import type { PlanItem } from '../../protocol/plan.ts';

/** A stored version: its description and its text. */
export interface StoredVersion {
  info: ScenarioVersionInfo;
  text: string;
}

/** The library's marks on one exercise (the exercise record itself stays immutable). */
export interface ExerciseMark {
  exerciseId: string;
  archived: boolean;
  /** The scenario version it was created from, when it came from the library. */
  origin?: { scenarioId: string; version: number };
}

export interface LibraryStore {
  /**
   * Stores the next version of `info.scenarioId` (its `version` field is ignored and assigned: one
   * more than the newest). With `basedOn`, stores nothing and answers `conflict` when the newest
   * stored version is not `basedOn` (0: no version yet). Durable when the promise resolves.
   */
  addVersion(info: Omit<ScenarioVersionInfo, 'version'>, text: string, basedOn?: number): Promise<{ ok: true; info: ScenarioVersionInfo } | { ok: false; latest: number }>;
  /** Every version of every scenario (or of one), oldest first, without texts. */
  listVersions(scenarioId?: string): Promise<ScenarioVersionInfo[]>;
  getVersion(scenarioId: string, version: number): Promise<StoredVersion | undefined>;

  getMark(exerciseId: string): Promise<ExerciseMark | undefined>;
  listMarks(): Promise<ExerciseMark[]>;
  putMark(mark: ExerciseMark): Promise<void>;
  deleteMark(exerciseId: string): Promise<void>;

  /** Appends to the audit trail; durable when the promise resolves. */
  audit(entry: AuditEntry): Promise<void>;
  /** The audit trail, oldest first. */
  listAudit(): Promise<AuditEntry[]>;

  /** The improvement plan's items, oldest first. */
  listPlan(): Promise<PlanItem[]>;
  /** Stores (creates or replaces) one item by its id. */
  putPlan(item: PlanItem): Promise<void>;
}
