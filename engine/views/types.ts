/**
 * What each seat sees. Views are plain JSON computed from the state by `project`; a blue view holds no
 * ground truth, no red plan and nothing private to another team.
 */
import type { ActionKindT, ChannelT, LocalTextT, NodeKindT, Rating, TlpLevel, ZoneT } from '../scenario/schema/index.ts';
import type { ActionStatus, ExercisePhase, InjectStatus, Integrity, Network, RedStepStatus } from '../machines/index.ts';
import type { Mode } from '../compile/types.ts';
import type { ActionTargetT } from '../sim/commands.ts';
import type { Alert, ScoreSample, Severity } from '../sim/state.ts';
import type { CoalitionMetric } from '../scoring/metrics.ts';
import type { BlueScoreSample } from '../sim/disclosure.ts';

export type { Alert, BlueScoreSample, CoalitionMetric, ScoreSample };

/** A seat: who is looking. */
export type Seat = { role: 'white' } | { role: 'red' } | { role: 'evaluator' } | { role: 'presentation' } | { role: 'blue'; team: string };

export interface ClockView {
  t: number;
  phase: ExercisePhase;
  mode: Mode;
  speed: number;
  duration: number;
  /** Wall-clock date shown for T+0 (display only). */
  startDate: string;
  startedAt: number | null;
  endedAt: number | null;
  /** The current move (its situation and questions are in each seat's manual). */
  move: MoveRef | null;
}

/** A move of the scenario as the white cell picks it (jump to a move). */
export interface MoveRef { id: string; title: LocalTextT; start: number }

/** An answer to a discussion question, with the white cell's grade. */
export interface AnswerView { team: string; t: number; text: string; grade: number | null; comment: string | null }
/** The situation manual as a team reads it: a move that has begun, with what is addressed to the team. */
export interface ManualMove extends MoveRef {
  module?: string;
  /** The situation every team reads (Markdown). */
  description?: LocalTextT;
  /** Situation texts addressed to this team. */
  situations: LocalTextT[];
  questions: { id: string; text: LocalTextT; answer: AnswerView | null }[];
  /** The move's injects in this team's inbox. */
  injects: string[];
}
/** The whole manual, for the white cell and evaluators: every move, every text with its recipients, every team's answers. */
export interface WhiteManualMove extends MoveRef {
  module?: string;
  description?: LocalTextT;
  begun: boolean;
  situations: { to: string[]; text: LocalTextT }[];
  questions: { id: string; text: LocalTextT; to: string[] | null; criteria: CriteriaView; answers: AnswerView[] }[];
  injects: string[];
}

export interface TeamRef { id: string; name: LocalTextT; nation?: string; organisation?: LocalTextT; color?: string; language?: string; timeZone?: string }
export interface ServiceView { id: string; name?: LocalTextT; port?: number; critical: boolean; availability: number; up: boolean }
export interface LinkView { from: string; to: string; kind?: string; name?: LocalTextT }
export interface ScoreView { current: ScoreSample; timeline: ScoreSample[] }
/**
 * A blue team's own score: what it may see (engine/sim/disclosure.ts). Components computed from ground
 * truth or the evaluators' criteria are null in samples taken after `releasedAt` (every sample until
 * the white cell's first release).
 */
export interface BlueScoreView {
  /** The scenario's scoring.blueScores: `known` gives a composite of the known components meanwhile. */
  policy: 'withheld' | 'known';
  /** Up to when the white cell has released the scores, or null. */
  releasedAt: number | null;
  current: BlueScoreSample;
  timeline: BlueScoreSample[];
}

export interface BlueSegmentView {
  id: string; name?: LocalTextT; zone: ZoneT; owner: string; own: boolean; cidr?: string; huntingUntil: number | null;
  /** Another team's segment this team may act in under a granted assistance: until when. */
  grantedUntil?: number;
}
export interface BlueNodeView {
  id: string;
  name?: LocalTextT;
  segment: string;
  own: boolean;
  kind: NodeKindT;
  os?: string;
  criticality: number;
  ip?: string;
  services: ServiceView[];
  isolated: boolean;
  defaced: boolean;
  alerts: number;
  /** Own nodes only: the team's asset inventory. */
  vulnerabilities?: { id: string; cvss?: number; patched: boolean }[];
  backup?: { restoreTime: number; offline: boolean };
  sensors?: string[];
}
export interface InboxItem {
  inject: string;
  title: LocalTextT;
  channel: ChannelT;
  from: { name: LocalTextT; role?: LocalTextT; organisation?: LocalTextT };
  tlp?: TlpLevel;
  priority?: string;
  content: LocalTextT;
  questions: LocalTextT[];
  /** What the team is asked to do, as written for it (the evaluators' expected actions, deadlines and rubric are not here). */
  asks: LocalTextT[];
  deliveredAt: number;
  status: InjectStatus;
  ackAt: number | null;
  answeredAt: number | null;
  answer: string | null;
  grade: number | null;
  comment: string | null;
}
/** An expected action of an inject for one team, as the evaluators track it (white cell and evaluators only). */
export interface ExpectationView { action: ActionKindT | 'acknowledge'; due: number; met: boolean | null; description?: LocalTextT }
/** How evaluators judge an inject's response (white cell and evaluators only). */
export interface CriteriaView { capability?: string; task?: string; answer?: LocalTextT; rubric?: LocalTextT }
export interface ActionView {
  id: string;
  action: string;
  kind: ActionKindT | 'apply-intel';
  target: ActionTargetT;
  report: string | null;
  status: ActionStatus;
  requestedAt: number;
  due: number;
  endedAt: number | null;
  result: string | null;
  onBehalfOf: string | null;
  team: string;
}
export interface CatalogEntry { id: string; kind: ActionKindT; name?: LocalTextT; description?: LocalTextT; duration: number; success: number; lasts: number }
export interface IntelView {
  id: string; from: string; to: string[]; t: number; title: string; text: string; indicators: string[]; technique?: string; tlp: TlpLevel;
  /** Sent reports: when each partner applied it. Received: only the viewer's own application. */
  appliedBy: Record<string, number>;
}
export interface AssistView { id: string; from: string; to: string; text: string; t: number; status: 'requested' | 'granted' | 'ended'; grantedAt: number | null; until: number | null }
export interface SitrepView { id: string; team: string; t: number; text: string; severity: Severity; grade: number | null; comment: string | null }

export interface BlueView {
  kind: 'blue';
  team: TeamRef;
  clock: ClockView;
  partners: TeamRef[];
  segments: BlueSegmentView[];
  nodes: BlueNodeView[];
  links: LinkView[];
  /** The most recent alerts (at most ALERT_VIEW_LIMIT), oldest first; `alertCount` is the total. */
  alerts: Alert[];
  alertCount: number;
  inbox: InboxItem[];
  actions: ActionView[];
  catalog: CatalogEntry[];
  intel: { sent: IntelView[]; received: IntelView[] };
  assistance: { requested: AssistView[]; received: AssistView[]; mayActFor: { team: string; until: number }[] };
  sitreps: SitrepView[];
  blocked: { value: string; since: number }[];
  score: BlueScoreView;
  /** The moves that have begun, as this team reads them. */
  manual: ManualMove[];
}

export interface RedAttemptView { node: string; t: number; ok: boolean; unreachable: boolean }
export interface RedStepView {
  id: string; name: LocalTextT; technique: string; tactic?: string; status: RedStepStatus; manual: boolean; due: number | null;
  startedAt: number | null; endedAt: number | null; run: number; targets: string[]; hits: string[]; attempts: RedAttemptView[];
  /** Preconditions: steps that must all have succeeded, and steps of which one must have. */
  requires: string[]; requiresAny: string[];
}
export interface RedView {
  kind: 'red';
  clock: ClockView;
  campaigns: {
    id: string; name: LocalTextT; actor?: string; mode: 'scripted' | 'manual';
    objectives: { id: string; name: LocalTextT; achievedAt: number | null }[];
    steps: RedStepView[];
  }[];
  /** Nodes red holds a foothold on (it knows what it achieved). */
  footholds: string[];
}

export interface WhiteNodeView extends BlueNodeView {
  owner: string;
  integrity: Integrity;
  network: Network;
  down: string[];
  credentialsStolen: boolean;
  compromisedBy: string[];
}
export interface WhiteAttemptView { step: string; node: string; team: string; t: number; ok: boolean; p: number; reason: string | null; detectedAt: number | null }
export interface MselRow {
  inject: string; title: LocalTextT; at: number | null; conditional: boolean; channel: ChannelT; adhoc: boolean;
  teams: Record<string, { status: InjectStatus; due: number | null; deliveredAt: number | null; ackAt: number | null; answeredAt: number | null; grade: number | null; expects: ExpectationView[] }>;
  /** The evaluators' criteria for the response. */
  criteria: CriteriaView;
}
export type AdjudicationItem =
  | { kind: 'sitrep'; id: string; team: string; t: number; text: string; severity: Severity }
  | { kind: 'answer'; inject: string; team: string; t: number; text: string; criteria: CriteriaView }
  | { kind: 'question'; move: string; question: string; team: string; t: number; text: string; criteria: CriteriaView };
/** An item the white cell graded, with its current grade (the log's adjudication events hold each change). */
export type GradedItem = AdjudicationItem & { grade: number; comment: string | null };
export interface WhiteTeamView {
  team: TeamRef;
  alertCount: number;
  falsePositives: number;
  recentAlerts: (Alert & { falsePositive: boolean; step: string | null })[];
  actions: ActionView[];
  blocked: number;
  hunting: { segment: string; until: number }[];
  score: ScoreView;
}
export interface WhiteView {
  kind: 'white';
  clock: ClockView;
  nextEventAt: number | null;
  scenario: { id: string; title: LocalTextT; version: string; description: LocalTextT };
  /** Every move in the order they begin: the whole situation manual and the teams' answers. */
  moves: WhiteManualMove[];
  teams: (TeamRef & { role: string })[];
  segments: (BlueSegmentView & { sharedWith: string[] })[];
  nodes: WhiteNodeView[];
  links: LinkView[];
  red: RedView['campaigns'];
  attempts: WhiteAttemptView[];
  msel: MselRow[];
  adjudication: AdjudicationItem[];
  /** Items graded, re-gradable. */
  graded: GradedItem[];
  blue: WhiteTeamView[];
  intel: IntelView[];
  assistance: AssistView[];
  sitreps: SitrepView[];
  coalition: CoalitionMetric[];
  ratings: { t: number; by: string; capability: string; task?: string; team?: string; rating: Rating; note?: string }[];
}
/** The evaluator sees everything the white cell sees, read-only, with the HSEEP capabilities to rate. */
export interface EvaluatorView extends Omit<WhiteView, 'kind'> {
  kind: 'evaluator';
  capabilities: { id: string; name: LocalTextT; tasks: { id: string; name: LocalTextT; answer?: LocalTextT; rubric?: LocalTextT }[] }[];
  objectives: { id: string; text: LocalTextT; capabilities: string[] }[];
}

/**
 * The projector's view for the whole room (presentation.ts): the clock, the current move's title and
 * the description every team reads, its questions for every team with the teams that answered (not
 * the answers), the moves. Nothing addressed to some teams only, no answer text, grade or criterion.
 */
export interface PresentationView {
  kind: 'presentation';
  clock: ClockView;
  scenario: { title: LocalTextT };
  teams: { id: string; name: LocalTextT; color?: string }[];
  moves: (MoveRef & { begun: boolean })[];
  move: (MoveRef & { description?: LocalTextT; questions: { id: string; text: LocalTextT; answered: string[] }[] }) | null;
}

export type View = WhiteView | BlueView | RedView | EvaluatorView | PresentationView;

/** Blue views carry at most this many (most recent) alerts. */
export const ALERT_VIEW_LIMIT = 500;
