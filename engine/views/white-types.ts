/**
 * What the white cell sees (white.ts), and the audiences it runs: the evaluators (all of it, read-only,
 * with the capabilities to rate) and the projector for the whole room (presentation.ts). Ground truth,
 * the MSEL with the evaluators' expectations and criteria, the adjudication queue, every team's answers.
 */
import type { ActionKindT, ChannelT, LocalTextT, Rating } from '../scenario/schema/index.ts';
import type { ActionView, AnswerView, AssistView, ClockView, IntelView, LinkView, MoveRef, RedView, ScoreView, SitrepView, TeamRef } from './shared-types.ts';
import type { Alert, Severity } from '../sim/state.ts';
import type { BlueNodeView, BlueSegmentView } from './blue-types.ts';
import type { CoalitionMetric } from '../scoring/metrics.ts';
import type { InjectStatus, Integrity, Network } from '../machines/index.ts';

/** The whole manual, for the white cell and evaluators: every move, every text with its recipients, every team's answers. */
export interface WhiteManualMove extends MoveRef {
  module?: string;
  description?: LocalTextT;
  begun: boolean;
  situations: { to: string[]; text: LocalTextT }[];
  questions: { id: string; text: LocalTextT; to: string[] | null; criteria: CriteriaView; answers: AnswerView[] }[];
  injects: string[];
}

/** An expected action of an inject for one team, as the evaluators track it (white cell and evaluators only). */
export interface ExpectationView {
  action: ActionKindT | 'acknowledge';
  due: number;
  met: boolean | null;
  description?: LocalTextT;
}

/** How evaluators judge an inject's response (white cell and evaluators only). */
export interface CriteriaView {
  capability?: string;
  task?: string;
  answer?: LocalTextT;
  rubric?: LocalTextT;
}

export interface WhiteNodeView extends BlueNodeView {
  owner: string;
  integrity: Integrity;
  network: Network;
  down: string[];
  credentialsStolen: boolean;
  compromisedBy: string[];
}

export interface WhiteAttemptView {
  step: string;
  node: string;
  team: string;
  t: number;
  ok: boolean;
  p: number;
  reason: string | null;
  detectedAt: number | null;
}

export interface MselRow {
  inject: string;
  title: LocalTextT;
  at: number | null;
  conditional: boolean;
  channel: ChannelT;
  adhoc: boolean;
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
