/**
 * The exercise state's records of what was sent and done (plain JSON, like the rest of state.ts): each
 * inject as delivered to each team with its answer and expected actions, the blue teams' actions,
 * intelligence reports, assistance requests and situation reports, the answers to the moves'
 * questions and the evaluators' ratings.
 */
import type { ActionKindT, LocalTextT, Rating, Severity, TlpLevel } from '../scenario/schema/index.ts';
import type { ActionStatus, InjectStatus } from '../machines/index.ts';
import type { ActionTargetT, AdhocInjectT } from './commands.ts';

export interface InjectTeamRt {
  s: InjectStatus;
  /** Condition met / delivery scheduled. */
  triggered: boolean;
  due: number | null;
  deliveredAt: number | null;
  ackAt: number | null;
  answeredAt: number | null;
  answer: string | null;
  grade: number | null;
  comment: string | null;
  expects: { action: ActionKindT | 'acknowledge'; due: number; met: boolean | null; at: number | null; description?: LocalTextT }[];
}

export interface InjectRt {
  id: string;
  /** Index in the compiled scenario, or -1 for an ad-hoc inject (then `adhoc` holds it). */
  idx: number;
  adhoc: (AdhocInjectT & { t: number }) | null;
  teams: Record<string, InjectTeamRt>;
}

export interface ActionRt {
  id: string;
  team: string;
  def: string;
  kind: ActionKindT | 'apply-intel';
  target: ActionTargetT;
  s: ActionStatus;
  requestedAt: number;
  due: number;
  endedAt: number | null;
  result: string | null;
  /** Owner of the target when the team acts under another team's grant. */
  onBehalfOf: string | null;
  /** The intelligence report an apply-intel action applies. */
  report: string | null;
}

export interface ReportRt {
  id: string;
  from: string;
  to: string[];
  t: number;
  title: string;
  text: string;
  indicators: string[];
  technique?: string;
  tlp: TlpLevel;
  appliedBy: Record<string, number>;
}

export interface AssistRt {
  id: string;
  from: string;
  to: string;
  text: string;
  t: number;
  s: 'requested' | 'granted' | 'ended';
  grantedAt: number | null;
  until: number | null;
}

/** A team's answer to a discussion question of a move, and its grade. */
export interface AnswerRt {
  move: string;
  question: string;
  team: string;
  t: number;
  text: string;
  grade: number | null;
  comment: string | null;
}

export interface SitrepRt {
  id: string;
  team: string;
  t: number;
  text: string;
  severity: Severity;
  grade: number | null;
  comment: string | null;
}
/** An evaluator's HSEEP rating of a capability or critical task, for one blue team or (no team) the exercise as a whole. */
export interface RatingRt {
  t: number;
  by: string;
  capability: string;
  task?: string;
  team?: string;
  rating: Rating;
  note?: string;
}
