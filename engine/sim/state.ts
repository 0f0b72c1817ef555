/**
 * The exercise state: plain JSON data (no Maps, classes or functions), so it can be hashed, cloned,
 * snapshotted and sent. `scenario` is the shared, immutable compiled scenario; everything else is the
 * dynamic part that `stateHash` covers and `snapshot` copies.
 *
 * Ownership: `step` mutates the state it is given and returns the same object. Keep a `snapshot` if
 * you need an earlier state; never mutate the state yourself.
 */
import type { ActionKindT, LocalTextT, SensorKindT, Severity, TlpLevel } from '../scenario/schema/index.ts';

export type { Severity };
import type { CompiledScenario, Mode } from '../compile/types.ts';
import type { ExercisePhase, Integrity, Network, RedStepStatus } from '../machines/index.ts';
import type { AnswerRt, ActionRt, AssistRt, InjectRt, RatingRt, ReportRt, SitrepRt } from './state-records.ts';

/** What the teams and the white cell sent and did lives in state-records.ts; the state's readers find it here too. */
export type { ActionRt, AnswerRt, AssistRt, InjectRt, InjectTeamRt, RatingRt, ReportRt, SitrepRt } from './state-records.ts';

export type StreamName = 'red' | 'detection' | 'noise' | 'actions';
export const STREAMS: readonly StreamName[] = ['red', 'detection', 'noise', 'actions'];
/** seedrandom alea's resumable state. */
export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** A scheduled item of the event queue; `n` breaks ties in insertion order. */
export type QItem = { t: number; n: number } & (
  | { k: 'end' }
  | { k: 'sample' }
  | { k: 'step'; step: number }
  | { k: 'finish'; step: number; run: number }
  | { k: 'alert'; team: string; alert: PendingAlert }
  | { k: 'fp'; sensor: number }
  | { k: 'action'; id: string }
  | { k: 'hunt'; team: string; segment: string; until: number }
  | { k: 'assist'; id: string; until: number }
  | { k: 'deliver'; inject: string; team: string }
  | { k: 'cond'; inject: number; team: string }
  | { k: 'expect'; inject: string; team: string; i: number }
  | { k: 'move'; i: number }
);

export type AlertSource = SensorKindT | 'hunt' | 'forensics' | 'block';

/** What a blue team's tools report: observable facts only. */
export interface Alert {
  id: string;
  /** When the team received it. */
  t: number;
  /** When the observed activity happened. */
  observedAt: number;
  node: string;
  source: AlertSource;
  technique: string;
  indicators: string[];
  severity: Severity;
}

/** An alert on its way (detection delay), with its white-only truth. */
export interface PendingAlert extends Omit<Alert, 'id' | 't'> {
  fp: boolean;
  step: number | null;
  attempt: number | null;
}

export interface AlertTruth {
  team: string;
  alert: string;
  fp: boolean;
  step: string | null;
  attempt: number | null;
}

export interface NodeRt {
  integrity: Integrity;
  network: Network;
  /** Services disrupted by red (down until restored). */
  down: string[];
  defaced: boolean;
  /** Vulnerability id -> time patched (0 for patched at T+0). */
  patched: Record<string, number>;
  /** Credentials stolen from this node and not reset since. */
  creds: boolean;
  /** Steps that succeeded on this node (collect-forensics reveals them). */
  hits: number[];
  /** Current criticality-weighted count of its services that are down. */
  downW: number;
}

export interface StepRt {
  s: RedStepStatus;
  /** Number of runs started (stale finish items are ignored by comparing it). */
  run: number;
  due: number | null;
  startedAt: number | null;
  endedAt: number | null;
  /** Targets of the current or last run. */
  targets: number[];
  /** Nodes this step ever succeeded on (for sameAs). */
  hits: number[];
  reason: string | null;
}

export interface AttemptRt {
  step: number;
  node: number;
  team: string;
  t: number;
  ok: boolean;
  p: number;
  reason: string | null;
  /** When the owner team first got an alert about it. */
  detectedAt: number | null;
}

export interface ScoreSample {
  t: number;
  composite: number;
  availability: number;
  detection: number;
  response: number;
  reporting: number;
  cooperation: number;
  penalties: number;
}

export interface ScoreRt {
  /** Integration point (ms) of the two time integrals below. */
  last: number;
  downW: number;
  downAcc: number;
  needW: number;
  needAcc: number;
  attempts: number;
  credit: number;
  episodes: number;
  closedCredit: number;
  /** Node id -> start of an uncontained compromise. Changed only by openEpisode / closeEpisode (sim/score.ts). */
  open: Record<string, number>;
  graded: number;
  gradeSum: number;
  met: number;
  missed: number;
  shared: number;
  partnerApplied: number;
  appliedReceived: number;
  current: ScoreSample;
  timeline: ScoreSample[];
}

export interface OpenExpect {
  inject: string;
  i: number;
  action: ActionKindT | 'acknowledge';
  due: number;
}

export interface TeamRt {
  id: string;
  counters: { alert: number; action: number; report: number; sitrep: number; help: number };
  alerts: Alert[];
  nodeAlerts: Record<string, number>;
  /** Indicator value -> time blocked. */
  blocked: Record<string, number>;
  /** Segment id -> end of the hunt. */
  hunting: Record<string, number>;
  credsStolenAt: number | null;
  credsResetAt: number | null;
  /** Indicator value -> how the team knows it: 'own' (its alerts) or the TLP it was shared under. */
  ioc: Record<string, 'own' | TlpLevel>;
  actions: string[];
  sent: string[];
  received: string[];
  /** Report id -> time applied. */
  applied: Record<string, number>;
  helpOut: string[];
  helpIn: string[];
  /** Owner team -> until when this team may act on that team's nodes. */
  grants: Record<string, number>;
  sitreps: string[];
  inbox: string[];
  expects: OpenExpect[];
  /** Step index -> first alert time (stepDetected conditions). */
  detected: Record<string, number>;
  score: ScoreRt;
}

export interface ExerciseState {
  /** Shared immutable compiled scenario (not part of the hash; see `scenarioHash`). */
  scenario: CompiledScenario;
  v: 1;
  scenarioHash: string;
  seed: number;
  mode: Mode;
  phase: ExercisePhase;
  clock: number;
  speed: number;
  move: string | null;
  /** Intervals of simulated time the clock jumped over (not played: see play.ts), in order. */
  skips: { from: number; to: number }[];
  startedAt: number | null;
  endedAt: number | null;
  /** Sequence number of the last event emitted. */
  seq: number;
  /** Queue insertion counter. */
  n: number;
  queue: QItem[];
  rng: Record<StreamName, AleaState>;
  /** Generated or fixed value of each campaign indicator, by compiled index. */
  indicators: string[];
  nodes: NodeRt[];
  steps: StepRt[];
  attempts: AttemptRt[];
  teams: Record<string, TeamRt>;
  injects: Record<string, InjectRt>;
  adhocCount: number;
  actions: Record<string, ActionRt>;
  reports: Record<string, ReportRt>;
  assists: Record<string, AssistRt>;
  sitreps: Record<string, SitrepRt>;
  ratings: RatingRt[];
  /** Answers to the moves' discussion questions, in the order given. */
  answers: AnswerRt[];
  /** White-only truth of every alert: per team, index-aligned with that team's `alerts`. */
  alertTruth: Record<string, AlertTruth[]>;
  /** Indicator value -> first true detection anywhere; value -> team -> first targeted after that. */
  coalition: { firstSeen: Record<string, number>; targeted: Record<string, Record<string, number>> };
  objectives: Record<string, number>;
  /**
   * When the white cell last released the scores (release-scores): blue teams see the samples taken up
   * to then in full (engine/sim/disclosure.ts). Absent until the first release, so that a state that
   * never released hashes as it did before the field existed.
   */
  scoresReleasedAt?: number;
}

export type { LocalTextT };
