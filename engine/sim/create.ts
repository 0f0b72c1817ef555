/** createExercise: the initial state of an exercise of a compiled scenario, for a seed and a driving mode. */
import type { CompiledScenario, Mode } from '../compile/types.ts';
import { newScore, computeScore } from './score.ts';
import { campaignIndicatorValues } from './indicators.ts';
import { newInjectTeam } from './injects.ts';
import { seedStreams } from './rng.ts';
import type { ExerciseState, InjectRt, NodeRt, TeamRt } from './state.ts';
import { setOwn } from '../lib/own.ts';

export interface ExerciseOptions {
  /** Integer seed; defaults to the scenario's meta.seed. */
  seed?: number;
  /** How the clock will be driven (recorded; `move` needs tabletop). Defaults to headless. */
  mode?: Mode;
}

/** Largest time used for "until further notice" (JSON has no Infinity). */
export const FOREVER = Number.MAX_SAFE_INTEGER;

/** A planned exercise at T+0. Pure: the same scenario, seed and mode always give the same state. */
export function createExercise(scenario: CompiledScenario, options: ExerciseOptions = {}): ExerciseState {
  const seed = options.seed ?? scenario.meta.seed;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`createExercise: seed must be a non-negative integer, got ${seed}`);
  const indicators = campaignIndicatorValues(seed, scenario.indicators);
  const teams: Record<string, TeamRt> = {};
  for (const b of scenario.blue) {
    const posture = scenario.posture.get(b.id);
    const blocked: Record<string, number> = {};
    for (const id of posture?.blocked ?? []) {
      const i = scenario.indicatorIndex.get(id);
      if (i !== undefined) setOwn(blocked, indicators[i] as string, 0);
    }
    const hunting: Record<string, number> = {};
    for (const seg of posture?.hunting ?? []) setOwn(hunting, seg, FOREVER);
    setOwn(teams, b.id, {
      id: b.id,
      counters: { alert: 0, action: 0, report: 0, sitrep: 0, help: 0 },
      alerts: [],
      nodeAlerts: {},
      blocked,
      hunting,
      credsStolenAt: null,
      credsResetAt: null,
      ioc: {},
      actions: [],
      sent: [],
      received: [],
      applied: {},
      helpOut: [],
      helpIn: [],
      grants: {},
      sitreps: [],
      inbox: [],
      expects: [],
      detected: {},
      score: newScore(),
    });
  }
  const patchedBy = new Map<string, Set<string>>();
  const nodes: NodeRt[] = scenario.nodes.map((c) => {
    const patched: Record<string, number> = {};
    let teamPatched = patchedBy.get(c.owner);
    if (teamPatched === undefined) {
      teamPatched = new Set(scenario.posture.get(c.owner)?.patched ?? []);
      patchedBy.set(c.owner, teamPatched);
    }
    for (const v of c.vulns) if (v.patched || teamPatched.has(v.id)) setOwn(patched, v.id, 0);
    // Fields sorted, as in the other records held by the thousand: see deliverAlert.
    return { creds: false, defaced: false, down: [], downW: 0, hits: [], integrity: 'clean', network: 'connected', patched };
  });
  const injects: Record<string, InjectRt> = {};
  for (const inj of scenario.injects) {
    const per: InjectRt['teams'] = {};
    for (const t of inj.to) setOwn(per, t, newInjectTeam());
    setOwn(injects, inj.id, { id: inj.id, idx: inj.idx, adhoc: null, teams: per });
  }
  const state: ExerciseState = {
    scenario,
    v: 1,
    scenarioHash: scenario.hash,
    seed,
    mode: options.mode ?? 'headless',
    phase: 'planned',
    clock: 0,
    speed: scenario.meta.speed,
    move: null,
    skips: [],
    startedAt: null,
    endedAt: null,
    seq: 0,
    n: 0,
    queue: [],
    rng: seedStreams(seed),
    indicators,
    nodes,
    steps: scenario.steps.map(() => ({ due: null, endedAt: null, hits: [], reason: null, run: 0, s: 'pending', startedAt: null, targets: [] })),
    attempts: [],
    teams,
    injects,
    adhocCount: 0,
    actions: {},
    reports: {},
    assists: {},
    sitreps: {},
    ratings: [],
    answers: [],
    alertTruth: Object.fromEntries(scenario.blue.map((b) => [b.id, []])),
    coalition: { firstSeen: {}, targeted: {} },
    objectives: {},
  };
  for (const t of Object.values(teams)) t.score.current = computeScore(state, t.id);
  return state;
}
