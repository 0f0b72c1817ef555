/**
 * Swimlanes data, per blue team: red step attempts on its nodes (succeeded or not, and when it was
 * first detected), its detections (alerts, false positives marked) and its responses (actions from
 * request to end). Pure: from a truth view to marks in simulated time.
 */
import type { TruthView } from './source.ts';

export interface LaneMarks {
  team: string;
  red: { t: number; ok: boolean; step: string; node: string; detectedAt: number | null }[];
  detections: { t: number; falsePositive: boolean; node: string }[];
  responses: { start: number; end: number; kind: string; status: string; target: string }[];
}

export function swimlanes(view: TruthView, now: number): LaneMarks[] {
  return view.blue.map((b) => ({
    team: b.team.id,
    red: view.attempts.filter((a) => a.team === b.team.id).map((a) => ({ t: a.t, ok: a.ok, step: a.step, node: a.node, detectedAt: a.detectedAt })),
    detections: b.recentAlerts.map((a) => ({ t: a.t, falsePositive: a.falsePositive, node: a.node })),
    responses: b.actions.map((a) => ({
      start: a.requestedAt,
      end: a.endedAt ?? Math.max(a.requestedAt, Math.min(a.due, now)),
      kind: a.kind,
      status: a.status,
      target: a.target.node ?? a.target.segment ?? a.target.indicator ?? '',
    })),
  }));
}

/** Times worth stepping to with the keyboard: every mark, sorted, unique. */
export function markTimes(lanes: readonly LaneMarks[]): number[] {
  const set = new Set<number>();
  for (const l of lanes) {
    for (const r of l.red) set.add(r.t);
    for (const d of l.detections) set.add(d.t);
    for (const r of l.responses) set.add(r.start);
  }
  return [...set].sort((a, b) => a - b);
}
