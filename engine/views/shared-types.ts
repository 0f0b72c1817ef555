/**
 * What more than one seat's view is made of: the seat, the clock and the moves, team references, the
 * network's services and links, scores, actions, reports, assistance and situation reports (blue and
 * the white cell both see them), and the red cell's campaigns (the white cell sees them too).
 */
import type { ActionKindT, LocalTextT, TlpLevel } from '../scenario/schema/index.ts';
import type { ActionStatus, ExercisePhase, RedStepStatus } from '../machines/index.ts';
import type { ActionTargetT } from '../sim/commands.ts';
import type { Mode } from '../compile/types.ts';
import type { ScoreSample, Severity } from '../sim/state.ts';

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
export interface MoveRef {
  id: string;
  title: LocalTextT;
  start: number;
}

/** An answer to a discussion question, with the white cell's grade. */
export interface AnswerView {
  team: string;
  t: number;
  text: string;
  grade: number | null;
  comment: string | null;
}

export interface TeamRef {
  id: string;
  name: LocalTextT;
  nation?: string;
  organisation?: LocalTextT;
  color?: string;
  language?: string;
  timeZone?: string;
}

export interface ServiceView {
  id: string;
  name?: LocalTextT;
  port?: number;
  critical: boolean;
  availability: number;
  up: boolean;
}

export interface LinkView {
  from: string;
  to: string;
  kind?: string;
  name?: LocalTextT;
}

export interface ScoreView {
  current: ScoreSample;
  timeline: ScoreSample[];
}

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

export interface CatalogEntry {
  id: string;
  kind: ActionKindT;
  name?: LocalTextT;
  description?: LocalTextT;
  duration: number;
  success: number;
  lasts: number;
}

export interface IntelView {
  id: string;
  from: string;
  to: string[];
  t: number;
  title: string;
  text: string;
  indicators: string[];
  technique?: string;
  tlp: TlpLevel;
  /** Sent reports: when each partner applied it. Received: only the viewer's own application. */
  appliedBy: Record<string, number>;
}

export interface AssistView {
  id: string;
  from: string;
  to: string;
  text: string;
  t: number;
  status: 'requested' | 'granted' | 'ended';
  grantedAt: number | null;
  until: number | null;
}

export interface SitrepView {
  id: string;
  team: string;
  t: number;
  text: string;
  severity: Severity;
  grade: number | null;
  comment: string | null;
}

export interface RedAttemptView {
  node: string;
  t: number;
  ok: boolean;
  unreachable: boolean;
}

export interface RedStepView {
  id: string;
  name: LocalTextT;
  technique: string;
  tactic?: string;
  status: RedStepStatus;
  manual: boolean;
  due: number | null;
  startedAt: number | null;
  endedAt: number | null;
  run: number;
  targets: string[];
  hits: string[];
  attempts: RedAttemptView[];
  /** Preconditions: steps that must all have succeeded, and steps of which one must have. */
  requires: string[];
  requiresAny: string[];
}

export interface RedView {
  kind: 'red';
  clock: ClockView;
  campaigns: {
    id: string;
    name: LocalTextT;
    actor?: string;
    mode: 'scripted' | 'manual';
    objectives: { id: string; name: LocalTextT; achievedAt: number | null }[];
    steps: RedStepView[];
  }[];
  /** Nodes red holds a foothold on (it knows what it achieved). */
  footholds: string[];
}
