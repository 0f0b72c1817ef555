/**
 * REST payloads. Inbound bodies have zod schemas (the server parses with them; a client may too);
 * outbound bodies are plain types. Every error body is `{ ok: false, code, message }` (see errors.ts),
 * with `diagnostics` added for `INVALID_SCENARIO`.
 */
import { z } from 'zod';
import type { LocalTextT, TeamRoleT, TextDiagnostic } from '../engine/types.ts';
import type { ErrorCode } from './errors.ts';

/** Upper bound of an uploaded scenario's text (YAML or JSON). */
export const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

/** Exercise ids are random, URL- and file-safe. */
export const ExerciseId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'exercise ids are 8 to 64 letters, digits, "_" or "-"');
/** Seat tokens are 32 random bytes in base64url (43 characters). */
export const SeatToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a seat token is 43 base64url characters');

export const EXERCISE_MODES = ['realtime', 'tabletop'] as const;
export type ExerciseMode = (typeof EXERCISE_MODES)[number];

/** POST /api/exercises: a bundled scenario by id, or an uploaded one as text. */
export const CreateExerciseRequest = z.strictObject({
  scenario: z.union([
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'give a bundled scenario id or { text }'),
    z.strictObject({ text: z.string().min(1).max(MAX_SCENARIO_BYTES), name: z.string().max(200).optional() }),
  ]),
  /** The exercise's seed; absent: a secret one drawn from the OS CSPRNG. */
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  mode: z.enum(EXERCISE_MODES),
});
export type CreateExerciseRequest = z.infer<typeof CreateExerciseRequest>;

/** POST /api/scenarios/validate: check a scenario text without creating anything. */
export const ValidateScenarioRequest = z.strictObject({
  text: z.string().min(1).max(MAX_SCENARIO_BYTES),
  name: z.string().max(200).optional(),
});
export type ValidateScenarioRequest = z.infer<typeof ValidateScenarioRequest>;

/**
 * One located problem in a scenario: the engine's diagnostic as it goes on the wire (the field path
 * always, the 1-based line and column when the scenario came as text).
 */
export type ScenarioDiagnostic = Pick<TextDiagnostic, 'severity' | 'path' | 'message'> & Partial<Pick<TextDiagnostic, 'line' | 'col'>>;

/**
 * A seat's role: a scenario team's, or `presentation`, the projector's read-only link for the room
 * (issued with the others to the white cell; it sees only what every team may see and sends nothing).
 */
export type SeatRole = TeamRoleT | 'presentation';

export interface TeamSummary {
  id: string;
  role: TeamRoleT;
  name: LocalTextT;
  nation?: string;
  color?: string;
}

/**
 * A scenario as the white cell's lobby shows it (no red plan, no network, no seed). The scenario's
 * default seed stays out: an exercise created without a seed gets a secret one.
 */
export interface ScenarioSummary {
  id: string;
  title: LocalTextT;
  description: LocalTextT;
  modes: string[];
  duration: string;
  languages?: string[];
  teams: TeamSummary[];
}

/**
 * GET /api/scenarios: the bundled scenarios. With the operator token, their summaries; without it,
 * no description: a scenario's description tells its story (who attacks what, and when), which is
 * scenario content, for the white cell and evaluators only. Titles and teams are what every seat of
 * an exercise is shown anyway.
 */
export type ScenarioListing = Omit<ScenarioSummary, 'description'> & { description?: LocalTextT };
export interface ScenarioListResponse {
  ok: true;
  scenarios: ScenarioListing[];
}

/** A seat of an exercise. `seat` is `controller`, `red`, `evaluator` or `blue:<team>`. */
export interface SeatInfo {
  seat: string;
  role: SeatRole;
  team?: string;
  /** In a welcome: the white cell's read-only view of this blue team (the handshake's `viewAs`). */
  viewAs?: string;
  name?: LocalTextT;
}

/** A seat with its secret join link; returned once, at creation or token rotation. */
export interface SeatLink extends SeatInfo {
  token: string;
  /** Path of the join link: `/#/join/<exerciseId>/<token>`. */
  link: string;
}

export interface CreateExerciseResponse {
  ok: true;
  exerciseId: string;
  scenario: { id: string; title: LocalTextT };
  mode: ExerciseMode;
  seed: number;
  seats: SeatLink[];
}

/** GET /api/exercises/:id (any seat's bearer token). */
export interface ExerciseSummary {
  ok: true;
  exerciseId: string;
  scenario: { id: string; title: LocalTextT };
  mode: ExerciseMode;
  /** The exercise's seed: controller and evaluators only (they read the log, which holds it). */
  seed?: number;
  createdAt: string;
  /** The seat the bearer token belongs to. */
  seat: SeatInfo;
  /**
   * The exercise revision (commands applied so far, the length of the log): controller and
   * evaluators only (it counts every seat's commands).
   */
  revision?: number;
  /** SHA-256 of the exercise state (controller and evaluator only): equal to a replay of the log. */
  stateHash?: string;
}

/** GET /api/exercises/:id/seats (controller token): seats and how many sockets each has. */
export interface SeatListResponse {
  ok: true;
  seats: Array<SeatInfo & { connected: number }>;
}

/** POST /api/exercises/:id/seats/:seat/token (controller token): a new link; the old token stops working. */
export interface RotateTokenResponse {
  ok: true;
  seat: SeatLink;
}

export interface ValidateScenarioResponse {
  ok: boolean;
  diagnostics: ScenarioDiagnostic[];
}

export interface ErrorBody {
  ok: false;
  code: ErrorCode;
  message: string;
  diagnostics?: ScenarioDiagnostic[];
}

/** Builds the join link path a seat token opens in the client. */
export function joinLink(exerciseId: string, token: string): string {
  return `/#/join/${exerciseId}/${token}`;
}
