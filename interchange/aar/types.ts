/**
 * The after-action results: every figure the AAR/IP (Markdown and HTML), the Navigator layer and the
 * raw JSON export are made of. Plain JSON data; times are simulated milliseconds from T+0 unless a
 * field says `iso` (wall-clock, from the scenario's start date). Texts are already in one language, the
 * results' `language`, with Unicode isolates around values that run against its direction (bidi.ts).
 */
import type { WhatIfReported } from '../whatif/finding.ts';
import type { ScoreSample, TlpLevel } from '../../engine/index.ts';
import type { CapabilityAnalysis, DiscussionResult, Finding, ImprovementItem, TeamRatingResult } from './analysis-types.ts';

/** The evaluation's shapes live in analysis-types.ts; every importer of the results finds them here too. */
export type { CapabilityAnalysis, DiscussionResult, Finding, ImprovementItem, TaskAnalysis, TeamRatingResult } from './analysis-types.ts';

export interface TeamInfo {
  id: string;
  name: string;
  /** The team's label where its name does not fit (charts, narrow columns): unique among the teams. */
  label: string;
  role: string;
  nation?: string;
  organisation?: string;
  color: string;
}

export interface AarOverview {
  scenario: { id: string; title: string; version: string; description: string; hash: string; tlp?: TlpLevel; authors: string[] };
  exercise: {
    seed: number;
    mode: string;
    /** Wall-clock time of T+0, as the scenario gives it. */
    startDate: string;
    startIso: string;
    /** Sim time the exercise ended (or the last time the log reaches). */
    endMs: number;
    endIso: string;
    plannedMs: number;
    ended: boolean;
    /** Why it ended: 'duration' (the clock reached the planned end), 'white' (ENDEX by the controller) or null. */
    endReason: string | null;
    /** stateHash of the state the log replays to: anyone replaying the same log gets the same. */
    stateHash: string;
  };
  teams: TeamInfo[];
  blueTeams: string[];
  campaigns: { id: string; name: string; actor?: string; description?: string; steps: number; objectives: { id: string; name: string; achievedAt: number | null }[] }[];
  objectives: { id: string; text: string; capabilities: string[] }[];
  capabilities: { id: string; name: string; tasks: { id: string; name: string }[] }[];
  counts: { commands: number; events: number; alerts: number; reports: number; injectsDelivered: number; sitreps: number; ratings: number; actions: number };
}

export interface TeamResult {
  id: string;
  name: string;
  /** As TeamInfo.label. */
  label: string;
  color: string;
  score: ScoreSample;
  timeline: ScoreSample[];
  detection: {
    attempts: number;
    successful: number;
    detected: number;
    /** detected / attempts, or null without attempts. */
    rate: number | null;
    meanTimeToDetect: number | null;
    medianTimeToDetect: number | null;
    alerts: number;
    falsePositives: number;
  };
  response: {
    /** Compromise episodes (a connected node became compromised). */
    episodes: number;
    contained: number;
    meanTimeToContain: number | null;
    /** Episodes still open at the end. */
    open: number;
  };
  injects: {
    delivered: number;
    acknowledged: number;
    answered: number;
    meanTimeToAck: number | null;
    meanTimeToAnswer: number | null;
    expectationsMet: number;
    expectationsMissed: number;
    meanGrade: number | null;
  };
  sitreps: { filed: number; graded: number; meanGrade: number | null };
  intel: { shared: number; received: number; applied: number; appliedByPartners: number; meanTimeToApply: number | null };
  services: { critical: number; belowTarget: number; meanAvailability: number | null };
  actions: { requested: number; completed: number; failed: number; cancelled: number };
}

export interface StepTeamResult {
  team: string;
  /** Attempts on this team's nodes (unreachable targets excluded). */
  attempts: number;
  hits: number;
  firstAttemptAt: number | null;
  /** First true alert this team received about the step (on its own or a shared node). */
  detectedAt: number | null;
  timeToDetect: number | null;
  nodesHit: string[];
  /** Nodes the step left compromised and connected (those that needed containing). */
  nodesToContain: number;
  nodesContained: number;
  /** When the last node that needed containing was contained (isolated or restored), if all were. */
  containedAt: number | null;
  timeToContain: number | null;
}

export interface RedStepResult {
  id: string;
  name: string;
  campaign: string;
  technique: string;
  techniqueName: string;
  tactic: string;
  status: string;
  startedAt: number | null;
  endedAt: number | null;
  runs: number;
  teams: StepTeamResult[];
}

export interface InjectTeamResult {
  team: string;
  status: string;
  deliveredAt: number | null;
  ackAt: number | null;
  answeredAt: number | null;
  timeToAck: number | null;
  timeToAnswer: number | null;
  grade: number | null;
  expectations: { action: string; due: number; met: boolean | null; at: number | null }[];
}

export interface InjectResult {
  id: string;
  title: string;
  channel: string;
  adhoc: boolean;
  capability?: string;
  task?: string;
  teams: InjectTeamResult[];
}

export interface ServiceResult {
  team: string;
  node: string;
  service: string;
  name: string;
  criticality: number;
  target: number;
  /** Fraction of the exercise the service was up (0..1). */
  availability: number;
  downtimeMs: number;
  outages: number;
  metTarget: boolean;
}

export interface IntelResult {
  id: string;
  from: string;
  to: string[];
  t: number;
  title: string;
  tlp: TlpLevel;
  technique?: string;
  indicators: number;
  appliedBy: { team: string; at: number; delay: number }[];
  /** Red attempts blocked at teams that had applied it, by one of its indicators. */
  blockedAttempts: number;
}

export interface IndicatorProtection {
  indicator: string;
  kind: string;
  value: string;
  firstSeen: number;
  firstSeenBy: string | null;
  /** Team later targeted with the indicator -> delay from first sighting to its block (null: never blocked). */
  teams: Record<string, number | null>;
  /** Delay until every targeted team blocked it, or null. */
  blockedEverywhereAfter: number | null;
}

export interface TechniqueTeamCoverage {
  attempts: number;
  detected: number;
  /** Mean detection credit 0..100 (100 = alerted at once, halves every detection half-life, 0 = undetected). */
  score: number;
  meanDelay: number | null;
}

export interface TechniqueCoverage {
  technique: string;
  name: string;
  tactic: string;
  steps: string[];
  teams: Record<string, TechniqueTeamCoverage>;
  coalition: TechniqueTeamCoverage;
}

export interface AarResults {
  format: 'ramparts-aar';
  version: 1;
  language: string;
  /** Highest TLP of what the report contains (scenario, injects delivered, reports shared). */
  marking: TlpLevel;
  overview: AarOverview;
  scoring: { detectionHalfLife: number; responseTarget: number; weights: Record<string, number> };
  teams: TeamResult[];
  coalition: {
    attempts: number;
    detected: number;
    meanTimeToDetect: number | null;
    reportsShared: number;
    reportsApplied: number;
    indicatorsSeen: number;
    indicatorsBlockedEverywhere: number;
    meanTimeToProtect: number | null;
    redObjectives: { achieved: number; total: number };
  };
  redSteps: RedStepResult[];
  injects: InjectResult[];
  services: ServiceResult[];
  intel: IntelResult[];
  timeToProtect: IndicatorProtection[];
  techniques: TechniqueCoverage[];
  capabilities: CapabilityAnalysis[];
  /** Per-team ratings (teams rated at least once). */
  teamRatings: TeamRatingResult[];
  /** The teams' answers to the moves' discussion questions. */
  discussion: DiscussionResult[];
  strengths: Finding[];
  improvements: Finding[];
  improvementPlan: ImprovementItem[];
  /** What-if findings evaluators pinned (interchange/whatif), without their branch files' text; absent when none was. */
  whatIf?: WhatIfReported[];
}
