/**
 * What a blue team sees (blue.ts projects it): its own and shared segments and nodes, its inbox, its
 * score as far as it may be disclosed, and the moves of the manual addressed to it. No ground truth,
 * no red plan and nothing private to another team.
 */
import type { ActionView, AnswerView, AssistView, CatalogEntry, ClockView, IntelView, LinkView, MoveRef, ServiceView, SitrepView, TeamRef } from './shared-types.ts';
import type { Alert } from '../sim/state.ts';
import type { BlueScoreSample } from '../sim/disclosure.ts';
import type { ChannelT, LocalTextT, NodeKindT, TlpLevel, ZoneT } from '../scenario/schema/index.ts';
import type { InjectStatus } from '../machines/index.ts';

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
  id: string;
  name?: LocalTextT;
  zone: ZoneT;
  owner: string;
  own: boolean;
  cidr?: string;
  huntingUntil: number | null;
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
