/**
 * The operators' library under `/api/library` (docs/PROTOCOL.md, "The library"): scenarios with
 * their version history, the exercises this server keeps, and the improvement plan across
 * exercises. Operators only (the operator's credential, then accounts with roles); no seat token
 * of any exercise opens it.
 */
import { z } from 'zod';
import type { LocalTextT } from '../engine/types.ts';
import { EXERCISE_MODES, MAX_SCENARIO_BYTES, type ScenarioDiagnostic, type SeatInfo, type SeatLink } from './rest.ts';

/** Scenario ids as the scenario's `meta.id` gives them (the bundled catalog's rule). */
export const LibraryScenarioId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'scenario ids are 1 to 80 letters, digits, ".", "_" or "-"');

/** Where a version came from: a scenario file bundled with the server, or saved by an operator. */
export type VersionSource = 'bundled' | 'saved';

/** The validator's verdict on a stored version: stored versions are valid; warnings are kept. */
export interface VersionValidation {
  ok: true;
  warnings: ScenarioDiagnostic[];
}

/** One version of a scenario, without its text. */
export interface ScenarioVersionInfo {
  scenarioId: string;
  /** 1, 2, 3, ... per scenario. */
  version: number;
  title: LocalTextT;
  source: VersionSource;
  /** Who saved it (an account name, `operator-token` for the operator token, `bundled` for files). */
  author: string;
  /** Wall-clock ISO time it was saved. */
  savedAt: string;
  message: string;
  /** SHA-256 of the text (hex), and its size in UTF-8 bytes. */
  textHash: string;
  bytes: number;
  validation: VersionValidation;
  /** The modes the scenario allows (an exercise is created in one of them). */
  modes: string[];
}

/** GET /api/library/scenarios: one line per scenario, with its newest version. */
export interface LibraryScenario {
  id: string;
  versions: number;
  latest: ScenarioVersionInfo;
}
export interface LibraryScenariosResponse {
  ok: true;
  scenarios: LibraryScenario[];
}

/** GET /api/library/scenarios/:id/versions: newest first. */
export interface ScenarioVersionsResponse {
  ok: true;
  scenarioId: string;
  versions: ScenarioVersionInfo[];
}

/** GET /api/library/scenarios/:id/versions/:version: the version with its text. */
export interface ScenarioVersionResponse {
  ok: true;
  version: ScenarioVersionInfo;
  text: string;
}

/**
 * POST /api/library/scenarios/:id/versions (planner): a new version. The validator is the gate: an
 * invalid text is refused (INVALID_SCENARIO with every located diagnostic) and nothing is stored; a
 * text whose `meta.id` is another scenario's is refused (BAD_REQUEST). `basedOn`, the version the
 * author started from: if a newer one was saved meanwhile, CONFLICT and nothing stored.
 */
export const SaveVersionRequest = z.strictObject({
  text: z.string().min(1).max(MAX_SCENARIO_BYTES),
  message: z.string().max(2000).default(''),
  basedOn: z.int().min(0).optional(),
});
export type SaveVersionRequest = z.infer<typeof SaveVersionRequest>;
export interface SaveVersionResponse {
  ok: true;
  version: ScenarioVersionInfo;
}

/** POST /api/library/scenarios/:id/versions/:version/exercises (controller): an exercise from a version. */
export const CreateFromVersionRequest = z.strictObject({
  mode: z.enum(EXERCISE_MODES),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});
export type CreateFromVersionRequest = z.infer<typeof CreateFromVersionRequest>;

/**
 * The library's state of an exercise: archived by a controller, else the engine's phase, or
 * `elsewhere` when another process of a scale-out hosts it (its phase is not known here).
 */
export const EXERCISE_STATUSES = ['planned', 'running', 'paused', 'ended', 'archived', 'elsewhere'] as const;
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];

/** GET /api/library/exercises: an exercise at a glance. */
export interface LibraryExercise {
  id: string;
  createdAt: string;
  scenario: { id: string; title: LocalTextT; version?: number };
  mode: string;
  status: ExerciseStatus;
  /** The engine's phase (also under an archive mark), or `elsewhere`. */
  phase: string;
  /** Simulated ms from T+0, when hosted here. */
  clockMs?: number;
  seats: (SeatInfo & { connected: number })[];
  /** Composite score per blue team, when hosted here. */
  scores: { team: string; composite: number }[];
}
export interface LibraryExercisesResponse {
  ok: true;
  exercises: LibraryExercise[];
}

/** POST /api/library/exercises/:id/archive (controller). */
export const ArchiveRequest = z.strictObject({ archived: z.boolean() });

/** POST /api/library/exercises/:id/seats/:seat/link: a new link (the old one stops working). */
export interface LibraryLinkResponse {
  ok: true;
  seat: SeatLink;
}

/** An entry of the library's audit trail (deletions, archives, links re-issued or revoked, saves). */
export interface AuditEntry {
  at: string;
  actor: string;
  action:
    | 'scenario.saved'
    | 'exercise.created'
    | 'exercise.archived'
    | 'exercise.unarchived'
    | 'exercise.deleted'
    | 'seat.reissued'
    | 'seat.revoked'
    | 'plan.updated'
    | 'plan.collected'
    | 'plan.imported';
  subject: string;
  detail?: string;
}
export interface AuditResponse {
  ok: true;
  entries: AuditEntry[];
}

export type { ScenarioDiagnostic };
