/**
 * Red steps against each team: attempts, first detection and containment. A step detected by a team
 * is the first true alert that team received about it (on its own nodes or on shared infrastructure it
 * watches); time to detect counts from the step's first attempt on the team's nodes (or its first
 * attempt anywhere, for a team that only watched). Time to contain counts from the first successful
 * attempt to the moment the last node it left compromised and connected was isolated or restored.
 */
import { type AttemptRt, type CNode, type CStep, type ExerciseState, technique as attackTechnique } from '../../engine/index.ts';
import { pickText } from './exercise.ts';
import { containedAfter, type Timeline } from './timeline.ts';
import type { RedStepResult, StepTeamResult } from './types.ts';

/** The tactic a step is filed under: its own, else the technique's first tactic in ATT&CK. */
export function stepTactic(c: CStep): string {
  return c.tactic ?? attackTechnique(c.technique)?.tactics[0] ?? 'unknown';
}

/** Attempts that reached their target (unreachable ones never touched the team). */
export function reachedAttempts(state: ExerciseState): { a: AttemptRt; i: number }[] {
  const out: { a: AttemptRt; i: number }[] = [];
  state.attempts.forEach((a, i) => {
    if (a.reason !== 'unreachable') out.push({ a, i });
  });
  return out;
}

function teamResult(state: ExerciseState, tl: Timeline, c: CStep, team: string, attempts: { a: AttemptRt; i: number }[], firstAnywhere: number | null): StepTeamResult {
  const own = attempts.filter((x) => x.a.team === team);
  const hits = own.filter((x) => x.a.ok);
  const firstAttemptAt = own.length > 0 ? Math.min(...own.map((x) => x.a.t)) : null;
  const detectedAt = tl.stepAlert.get(c.id)?.get(team) ?? null;
  const from = firstAttemptAt ?? firstAnywhere;
  const nodesHit = [...new Set(hits.map((x) => (state.scenario.nodes[x.a.node] as CNode).id))];
  let toContain = 0;
  let contained = 0;
  let lastContained = -1;
  const seen = new Set<string>();
  for (const x of hits) {
    const node = (state.scenario.nodes[x.a.node] as CNode).id;
    const key = `${node}|${x.a.t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const c2 = containedAfter(tl, node, x.a.t);
    if (!c2.open) continue;
    toContain++;
    if (c2.at !== null) {
      contained++;
      lastContained = Math.max(lastContained, c2.at);
    }
  }
  const containedAt = toContain > 0 && contained === toContain ? lastContained : null;
  const firstHit = hits.length > 0 ? Math.min(...hits.map((x) => x.a.t)) : null;
  return {
    team,
    attempts: own.length,
    hits: hits.length,
    firstAttemptAt,
    detectedAt,
    timeToDetect: detectedAt !== null && from !== null ? Math.max(0, detectedAt - from) : null,
    nodesHit,
    nodesToContain: toContain,
    nodesContained: contained,
    containedAt,
    timeToContain: containedAt !== null && firstHit !== null ? Math.max(0, containedAt - firstHit) : null,
  };
}

/** Every red step of the scenario, in scenario order, with its outcome per blue team involved. */
export function redStepResults(state: ExerciseState, tl: Timeline, lang: string): RedStepResult[] {
  const reached = reachedAttempts(state);
  return state.scenario.steps.map((c): RedStepResult => {
    const st = state.steps[c.idx];
    const attempts = reached.filter((x) => x.a.step === c.idx);
    const firstAnywhere = attempts.length > 0 ? Math.min(...attempts.map((x) => x.a.t)) : null;
    const teams = new Set<string>(attempts.map((x) => x.a.team));
    for (const t of tl.stepAlert.get(c.id)?.keys() ?? []) teams.add(t);
    const order = state.scenario.blue.map((b) => b.id).filter((id) => teams.has(id));
    return {
      id: c.id,
      name: pickText(c.name, lang),
      campaign: c.campaign,
      technique: c.technique,
      techniqueName: attackTechnique(c.technique)?.name ?? c.technique,
      tactic: stepTactic(c),
      status: st?.s ?? 'pending',
      startedAt: tl.stepStarted.get(c.id) ?? null,
      endedAt: st?.endedAt ?? null,
      runs: st?.run ?? 0,
      teams: order.map((team) => teamResult(state, tl, c, team, attempts, firstAnywhere)),
    };
  });
}
