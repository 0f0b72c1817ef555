/**
 * What a run came to, in numbers: red objectives achieved, and per blue team its score, first
 * detection, time to detect and time to contain. Shared by `run`, `replay` (same shape, so the two
 * can be compared), the `sweep` workers and what-if branches (in the browser too: pure).
 *
 * Containment is read from the event stream: a compromise episode opens when a connected node's
 * integrity turns bad and closes when the node is isolated or restored (the same rule the engine's
 * response score uses); the state keeps only the credit of closed episodes, not their length.
 */
import type { CompiledScenario } from '../compile/types.ts';
import { own } from '../lib/own.ts';
import { SEVERITY, type Integrity } from '../machines/index.ts';
import { stateHash } from '../replay/snapshot.ts';
import { metrics } from '../scoring/metrics.ts';
import type { EngineEvent } from '../sim/events.ts';
import { computeScore } from '../sim/score.ts';
import type { ExerciseState, ScoreSample } from '../sim/state.ts';

export interface TeamOutcome {
  team: string;
  score: ScoreSample;
  /** Red attempts on the team's nodes (unreachable ones excluded), how many succeeded, how many it detected. */
  attempts: number;
  successfulAttempts: number;
  detectedAttempts: number;
  /** Simulated time of the team's first true detection (an alert about a real attempt), or null. */
  firstDetectionMs: number | null;
  /** Mean delay from a red attempt to the team's first alert about it, over detected attempts, or null. */
  meanTimeToDetectMs: number | null;
  /** Simulated time a node of the team was first compromised, or null. */
  firstCompromiseMs: number | null;
  /** Compromise episodes opened, and closed by isolation or restoration. */
  compromises: number;
  contained: number;
  /** Mean episode length over contained episodes, or null when none was contained. */
  meanTimeToContainMs: number | null;
  /** Nodes of the team whose integrity is not clean now (compromised, persistent, encrypted, ...). */
  compromisedNodes: number;
  /** Service downtime from T+0 to now in minutes, each service weighted by its node's criticality (what availability scores). */
  serviceDownMinutes: number;
}

export interface ObjectiveOutcome {
  id: string;
  campaign: string;
  achievedAtMs: number | null;
}

export interface RunOutcome {
  scenario: string;
  scenarioHash: string;
  seed: number;
  stateHash: string;
  phase: ExerciseState['phase'];
  simTimeMs: number;
  /** Number of events emitted from T+0 to now. */
  events: number;
  objectives: ObjectiveOutcome[];
  red: { stepsSucceeded: number; stepsFailed: number; stepsAborted: number };
  /** Composite and category scores per blue team at the end of the run. */
  scores: Record<string, ScoreSample>;
  teams: TeamOutcome[];
}

const bad = (integrity: string, network: string): boolean => (SEVERITY[integrity as Integrity] ?? 0) > 0 && network === 'connected';

interface TeamEpisodes {
  compromises: number;
  contained: number;
  total: number;
  first: number | null;
}

/** What a tracker has followed so far, as plain data (a what-if branch carries it from the fork into its runs). */
export interface TrackerState {
  open: [string, number][];
  teams: [string, TeamEpisodes][];
}

/** The event types a ContainmentTracker reads (for a headless run's `observeOnly`). */
export const TRACKED_EVENTS: readonly string[] = ['node.state'];

/** Follows compromise episodes through the events of a run, in order. */
export class ContainmentTracker {
  private readonly open = new Map<string, number>();
  private readonly perTeam = new Map<string, TeamEpisodes>();

  constructor(
    private readonly compiled: CompiledScenario,
    from?: TrackerState,
  ) {
    for (const b of compiled.blue) this.perTeam.set(b.id, { compromises: 0, contained: 0, total: 0, first: null });
    for (const [node, t] of from?.open ?? []) this.open.set(node, t);
    for (const [team, x] of from?.teams ?? []) if (this.perTeam.has(team)) this.perTeam.set(team, { ...x });
  }

  /** A copy of what was followed so far. */
  save(): TrackerState {
    return { open: [...this.open], teams: [...this.perTeam].map(([team, x]) => [team, { ...x }]) };
  }

  /** Feeds events in emission order (every event may be passed; only node.state, TRACKED_EVENTS, is read). */
  add(events: readonly EngineEvent[]): void {
    for (const e of events) {
      if (e.type !== 'node.state') continue;
      const d = e.data as { node: string; integrity: string; network: string };
      const ni = this.compiled.nodeIndex.get(d.node);
      const team = ni === undefined ? undefined : this.perTeam.get(this.compiled.nodes[ni]?.owner ?? '');
      if (!team) continue;
      const isBad = bad(d.integrity, d.network);
      const since = this.open.get(d.node);
      if (isBad && since === undefined) {
        this.open.set(d.node, e.t);
        team.compromises++;
        if (team.first === null) team.first = e.t;
      } else if (!isBad && since !== undefined) {
        this.open.delete(d.node);
        team.contained++;
        team.total += e.t - since;
      }
    }
  }

  team(id: string): { compromises: number; contained: number; meanTimeToContainMs: number | null; firstCompromiseMs: number | null } {
    const t = this.perTeam.get(id) ?? { compromises: 0, contained: 0, total: 0, first: null };
    return { compromises: t.compromises, contained: t.contained, meanTimeToContainMs: t.contained > 0 ? t.total / t.contained : null, firstCompromiseMs: t.first };
  }
}

/**
 * The outcome of the state `state` reached, given every event emitted up to it. `sha256`: the host's
 * faster SHA-256 for the state hash (node:crypto on Node; the engine's pure one by default).
 */
export function outcomeOf(state: ExerciseState, tracker: ContainmentTracker, sha256?: (text: string) => string): RunOutcome {
  const c = state.scenario;
  const m = metrics(state);
  const firstDetection = firstDetections(state);
  const scores: Record<string, ScoreSample> = {};
  const teams: TeamOutcome[] = [];
  const compromised = compromisedByOwner(state);
  for (const b of c.blue) {
    const tm = m.teams.find((t) => t.team === b.id);
    const sc = own(state.teams, b.id)?.score;
    const down = sc ? sc.downAcc + sc.downW * Math.max(0, state.clock - sc.last) : 0;
    const score = computeScore(state, b.id);
    scores[b.id] = score;
    teams.push({
      team: b.id,
      score,
      attempts: tm?.attempts ?? 0,
      successfulAttempts: tm?.successfulAttempts ?? 0,
      detectedAttempts: tm?.detectedAttempts ?? 0,
      firstDetectionMs: firstDetection.get(b.id) ?? null,
      meanTimeToDetectMs: tm?.meanTimeToDetect ?? null,
      ...tracker.team(b.id),
      compromisedNodes: compromised.get(b.id) ?? 0,
      serviceDownMinutes: Math.round(down / 600) / 100,
    });
  }
  const objectives: ObjectiveOutcome[] = c.campaigns.flatMap((camp) => camp.objectives.map((o) => ({ id: o.id, campaign: camp.id, achievedAtMs: own(state.objectives, o.id) ?? null })));
  return {
    scenario: c.meta.id,
    scenarioHash: state.scenarioHash,
    seed: state.seed,
    stateHash: stateHash(state, sha256),
    phase: state.phase,
    simTimeMs: state.clock,
    events: state.seq,
    objectives,
    red: { stepsSucceeded: m.red.stepsSucceeded, stepsFailed: m.red.stepsFailed, stepsAborted: m.red.stepsAborted },
    scores,
    teams,
  };
}

// The loops over every attempt and node live in functions of their own: in outcomeOf, which runs once a
// run, they made V8 optimise the whole of it with everything it calls inlined, and optimise it again
// after each deoptimisation (3 background compiles of 40-110 ms in 20 runs of stress.yaml, in every
// sweep worker); alone, each is a small function to optimise.

/** Team -> the earliest time one of its detections of a red attempt happened. */
function firstDetections(state: ExerciseState): Map<string, number> {
  const first = new Map<string, number>();
  for (const a of state.attempts) {
    if (a.detectedAt === null) continue;
    const prev = first.get(a.team);
    if (prev === undefined || a.detectedAt < prev) first.set(a.team, a.detectedAt);
  }
  return first;
}

/** Owner team -> how many of its nodes are not clean. */
function compromisedByOwner(state: ExerciseState): Map<string, number> {
  const nodes = state.scenario.nodes;
  const count = new Map<string, number>();
  state.nodes.forEach((n, i) => {
    const owner = nodes[i]?.owner;
    if (owner !== undefined && n.integrity !== 'clean') count.set(owner, (count.get(owner) ?? 0) + 1);
  });
  return count;
}
