/**
 * The red cell's projection: its campaign steps with status and outcomes, and what it achieved.
 * Outcomes say only what an attacker observes (success, failure, target unreachable), never why blue
 * made it fail, and nothing of blue's alerts, actions, intelligence or scores.
 */
import type { CNode, CStep } from '../compile/types.ts';
import { SEVERITY } from '../machines/index.ts';
import type { ExerciseState, StepRt } from '../sim/state.ts';
import { clockView } from './common.ts';
import type { RedAttemptView, RedView } from './types.ts';
import { own } from '../lib/own.ts';

export function redCampaigns(s: ExerciseState, attemptsByStep: RedAttemptView[][]): RedView['campaigns'] {
  const sc = s.scenario;
  const nodeId = (i: number): string => (sc.nodes[i] as CNode).id;
  const stepId = (i: number): string => (sc.steps[i] as CStep).id;
  return sc.campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    ...(c.actor === undefined ? {} : { actor: c.actor }),
    mode: c.mode,
    objectives: c.objectives.map((o) => ({ id: o.id, name: o.name, achievedAt: own(s.objectives, o.id) ?? null })),
    steps: c.steps.map((si) => {
      const cs = sc.steps[si] as CStep;
      const st = s.steps[si] as StepRt;
      return {
        id: cs.id,
        name: cs.name,
        technique: cs.technique,
        ...(cs.tactic === undefined ? {} : { tactic: cs.tactic }),
        status: st.s,
        manual: cs.manual,
        due: st.due,
        startedAt: st.startedAt,
        endedAt: st.endedAt,
        run: st.run,
        targets: st.targets.map(nodeId),
        hits: st.hits.map(nodeId),
        attempts: attemptsByStep[si] ?? [],
        requires: cs.requires.map(stepId),
        requiresAny: cs.requiresAny.map(stepId),
      };
    }),
  }));
}

export function attemptsByStep(s: ExerciseState): RedAttemptView[][] {
  const out: RedAttemptView[][] = s.scenario.steps.map(() => []);
  for (const a of s.attempts) {
    (out[a.step] as RedAttemptView[]).push({ node: (s.scenario.nodes[a.node] as CNode).id, t: a.t, ok: a.ok, unreachable: a.reason === 'unreachable' });
  }
  return out;
}

export function redView(s: ExerciseState): RedView {
  const footholds: string[] = [];
  s.nodes.forEach((n, i) => {
    if (SEVERITY[n.integrity] > 0 && n.hits.length > 0) footholds.push((s.scenario.nodes[i] as CNode).id);
  });
  return { kind: 'red', clock: clockView(s), campaigns: redCampaigns(s, attemptsByStep(s)), footholds };
}
