/**
 * Availability of critical services over the exercise: the share of the time from start to end each
 * service marked critical was up as its users experience it (node connected, not encrypted or wiped,
 * service not disrupted), against its availability target.
 */
import type { ExerciseState } from '../../engine/index.ts';
import { pickText, round2 } from './exercise.ts';
import { downtime, type Timeline } from './timeline.ts';
import type { ServiceResult } from './types.ts';

export function serviceResults(state: ExerciseState, tl: Timeline, endMs: number, lang: string): ServiceResult[] {
  const from = state.startedAt ?? 0;
  const span = Math.max(0, endMs - from);
  const out: ServiceResult[] = [];
  for (const b of state.scenario.blue) {
    for (const ni of b.nodes) {
      const node = state.scenario.nodes[ni];
      if (!node) continue;
      for (const sv of node.services) {
        if (!sv.critical) continue;
        const d = downtime(tl, node.id, sv.id, from, endMs);
        const availability = span > 0 ? 1 - d.ms / span : 1;
        out.push({
          team: b.id,
          node: node.id,
          service: sv.id,
          name: sv.name === undefined ? `${sv.id} on ${pickText(node.name, lang) || node.id}` : pickText(sv.name, lang),
          criticality: node.criticality,
          target: sv.availability,
          availability: round2(availability * 10_000) / 10_000,
          downtimeMs: d.ms,
          outages: d.outages,
          metTarget: availability >= sv.availability,
        });
      }
    }
  }
  return out;
}
