/**
 * The compiled scenario: the scenario with durations in milliseconds, defaults filled in, references
 * resolved to array indexes and lookup tables built. Never mutated after compilation, shared by every
 * exercise state and snapshot made from it. Lookup tables keyed by scenario ids are `Map`s: an id is
 * data, never a key of a plain object (a node named "constructor" must not find Object.prototype's).
 */
import type { ActionKindT, ChannelT, EffectT, IndicatorKindT, LocalTextT, Mode, NodeKindT, NodeStateT, SensorKindT, TlpLevel, ZoneT } from '../scenario/schema/index.ts';

export type { Mode };

export interface CSensor {
  /** Index in `CompiledScenario.sensors`. */
  idx: number;
  kind: SensorKindT;
  quality: number;
  fpPerHour: number;
  /** A node sensor covers this node; a segment sensor covers every node of `segment`. */
  node: number | null;
  segment: number;
}

export interface CService {
  id: string;
  name?: LocalTextT;
  port?: number;
  availability: number;
  critical: boolean;
}
export interface CVuln {
  id: string;
  cvss?: number;
  technique?: string;
  patched: boolean;
  patchTime: number | null;
}

export interface CNode {
  id: string;
  name?: LocalTextT;
  segment: number;
  /** The owning blue team (the segment owner). */
  owner: string;
  kind: NodeKindT;
  os?: string;
  criticality: number;
  ip?: string;
  tags: string[];
  services: CService[];
  vulns: CVuln[];
  /** Node sensors and the sensors of its segment: everything that can see this node. */
  sensors: CSensor[];
  backup: { restoreTime: number; offline: boolean; age: number | null } | null;
}

export interface CSegment {
  id: string;
  name?: LocalTextT;
  owner: string;
  zone: ZoneT;
  sharedWith: string[];
  sensors: CSensor[];
  cidr?: string;
  nodes: number[];
}

export interface CTeam {
  id: string;
  role: 'white' | 'red' | 'blue' | 'evaluator';
  name: LocalTextT;
  /** A short label for charts (per language). */
  shortName?: LocalTextT;
  nation?: string;
  organisation?: LocalTextT;
  language?: string;
  timeZone?: string;
  color?: string;
}

export interface CIndicator {
  id: string;
  kind: IndicatorKindT;
  value?: string;
  campaign: string;
  description?: LocalTextT;
}

export interface CStep {
  id: string;
  idx: number;
  campaign: string;
  manual: boolean;
  name: LocalTextT;
  description?: LocalTextT;
  technique: string;
  tactic?: string;
  /** Nodes matching every static criterion of the selector (all but sameAs and state), in scenario order. */
  candidates: number[];
  sameAs: number | null;
  state: NodeStateT | null;
  pick: number | 'all';
  requires: number[];
  requiresAny: number[];
  /** Steps that list this one in requires or requiresAny, or use it in sameAs. */
  dependents: number[];
  at: number;
  after: number;
  jitter: number;
  duration: number;
  exploits: string | null;
  success: { base: number; patched: number; hunting: number; credentialsReset: number; blocked: number };
  detection: Partial<Record<SensorKindT, number>>;
  detectionDelay: number;
  effects: EffectT[];
  service: string | null;
  /** Indexes into `CompiledScenario.indicators`. */
  indicators: number[];
  retry: { times: number; after: number } | null;
  objective: string | null;
}

export interface CCampaign {
  id: string;
  name: LocalTextT;
  actor?: string;
  description?: LocalTextT;
  mode: 'scripted' | 'manual';
  objectives: { id: string; name: LocalTextT; description?: LocalTextT }[];
  steps: number[];
}

export interface CAction {
  id: string;
  kind: ActionKindT;
  name?: LocalTextT;
  description?: LocalTextT;
  duration: number;
  success: number;
  lasts: number;
  /** True when it comes from the standard catalog rather than the scenario. */
  standard: boolean;
}

/** A trigger condition with durations in ms (see the scenario's injects.ts). */
export type CCondition =
  | { kind: 'stepSucceeded'; step: number }
  | { kind: 'stepDetected'; step: number }
  | { kind: 'notAnswered'; inject: string; within: number }
  | { kind: 'notAcknowledged'; inject: string; within: number }
  | { kind: 'scoreBelow'; value: number }
  | { kind: 'nodeState'; node: number; state: NodeStateT }
  | { kind: 'all'; of: CCondition[] }
  | { kind: 'any'; of: CCondition[] };

export interface CExpect {
  action: ActionKindT | 'acknowledge';
  within: number;
  description?: LocalTextT;
}

/** How evaluators judge an inject's response (white cell and evaluators only; no player view carries it). */
export interface CEvaluation {
  capability?: string;
  task?: string;
  /** Expected actions, with their grading deadlines after delivery. */
  expects: CExpect[];
  answer?: LocalTextT;
  rubric?: LocalTextT;
}

export interface CInject {
  id: string;
  idx: number;
  title: LocalTextT;
  /** Delivery time for timed injects, or the earliest delivery for condition injects. */
  at: number | null;
  when: CCondition | null;
  /** notAnswered / notAcknowledged clauses of `when`: timers set when their inject is delivered. */
  timers: { inject: string; within: number }[];
  delay: number;
  to: string[];
  channel: ChannelT;
  from: { name: LocalTextT; role?: LocalTextT; organisation?: LocalTextT };
  tlp?: TlpLevel;
  priority?: 'routine' | 'priority' | 'immediate' | 'flash';
  type: 'inject' | 'contingency' | 'expected-action';
  content: LocalTextT;
  questions: LocalTextT[];
  /** What the recipients are asked to do, as they read it. */
  asks: LocalTextT[];
  evaluation: CEvaluation;
  move?: string;
}

/** How evaluators judge the answers to a discussion question (white cell and evaluators only). */
export type CQuestionEvaluation = Omit<CEvaluation, 'expects'>;
/** A discussion question of a move; `to` null means every blue team. */
export interface CQuestion {
  id: string;
  text: LocalTextT;
  to: string[] | null;
  evaluation: CQuestionEvaluation;
}
export interface CMove {
  id: string;
  title: LocalTextT;
  start: number;
  module?: string;
  /** The situation every team reads. */
  description?: LocalTextT;
  /** Situation texts for some teams only. */
  situations: { to: string[]; text: LocalTextT }[];
  questions: CQuestion[];
}

export interface CScoring {
  weights: { availability: number; detection: number; response: number; reporting: number; cooperation: number };
  penalties: { disruption: number; lateReport: number };
  detectionHalfLife: number;
  responseTarget: number;
  sampleEvery: number;
  /** What a blue team sees of its score before a release (see engine/sim/disclosure.ts). */
  blueScores: 'withheld' | 'known';
}

/** Per blue team: what it owns and sees, precomputed. */
export interface CBlueTeam {
  id: string;
  /** Segments it owns. */
  owns: number[];
  /** Segments owned by others and shared with it. */
  sharedIn: number[];
  /** Nodes of the segments it owns. */
  nodes: number[];
  /** Sum of criticality over the services of its nodes (availability scoring). */
  serviceWeight: number;
  /** Criticality-weighted mean availability target. */
  availabilityTarget: number;
}

export interface CompiledScenario {
  /** sha256 of the canonical JSON of the source scenario. */
  hash: string;
  /** The scenario as given (for logs and exports). */
  source: unknown;
  meta: {
    id: string;
    title: LocalTextT;
    version: string;
    description: LocalTextT;
    startDate: string;
    duration: number;
    seed: number;
    modes: Mode[];
    languages: string[];
    speed: number;
    tlp?: TlpLevel;
  };
  teams: CTeam[];
  teamIndex: ReadonlyMap<string, number>;
  blue: CBlueTeam[];
  blueIndex: ReadonlyMap<string, number>;
  segments: CSegment[];
  segmentIndex: ReadonlyMap<string, number>;
  nodes: CNode[];
  nodeIndex: ReadonlyMap<string, number>;
  sensors: CSensor[];
  links: { from: string; to: string; kind?: string; name?: LocalTextT }[];
  campaigns: CCampaign[];
  indicators: CIndicator[];
  indicatorIndex: ReadonlyMap<string, number>;
  steps: CStep[];
  stepIndex: ReadonlyMap<string, number>;
  actions: ReadonlyMap<string, CAction>;
  /** The action id a command of each kind uses (the scenario's first of that kind, else the standard one). */
  actionByKind: Record<ActionKindT, string>;
  posture: ReadonlyMap<string, { patched: string[]; blocked: string[]; hunting: string[] }>;
  injects: CInject[];
  injectIndex: ReadonlyMap<string, number>;
  /** Condition dependency key -> inject indexes whose condition reads it (see conditions.ts). */
  injectDeps: ReadonlyMap<string, number[]>;
  moves: CMove[];
  capabilities: { id: string; name: LocalTextT; tasks: { id: string; name: LocalTextT; answer?: LocalTextT; rubric?: LocalTextT }[] }[];
  objectives: { id: string; text: LocalTextT; capabilities: string[] }[];
  scoring: CScoring;
}
