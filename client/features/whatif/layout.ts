/**
 * Layout of the what-if charts, pure and tested (the component only draws what this returns): score
 * lines played against branch per team, objective probabilities with their intervals and the played
 * outcome, and a swimlane diff of what happened after T in each history.
 */
import { scaleLinear } from 'd3';
import type { EngineEvent, ObjectiveOnce, ObjectiveSweep, ScoreSample } from '../../../engine/types.ts';

export interface Box {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** An SVG path through the points (M x,y L x,y ...), coordinates rounded to 0.1 px. */
export function linePath(points: readonly [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join('');
}

export interface ScoreLines {
  played: string;
  branch: string;
  forkX: number;
  yTicks: { y: number; label: string }[];
}

/** The composite score over time as played and in the branch (from the fork on), in one box. */
export function scoreLines(played: readonly ScoreSample[], branch: readonly ScoreSample[], at: number, end: number, box: Box): ScoreLines {
  const x = scaleLinear()
    .domain([0, Math.max(end, 1)])
    .range([box.left, box.width - box.right])
    .clamp(true);
  const y = scaleLinear()
    .domain([0, 100])
    .range([box.height - box.bottom, box.top]);
  const pts = (xs: readonly ScoreSample[]): [number, number][] => xs.map((s) => [x(s.t), y(s.composite)]);
  return {
    played: linePath(pts(played)),
    branch: linePath(pts(branch.filter((s) => s.t >= at))),
    forkX: x(at),
    yTicks: [0, 50, 100].map((v) => ({ y: y(v), label: String(v) })),
  };
}

export interface ProbabilityRow {
  id: string;
  y: number;
  barWidth: number;
  lo: number;
  hi: number;
  playedReached: boolean;
  label: string;
}

/** One row per objective: the branch's probability as a bar with its 95% interval; whether red reached it as played. */
export function probabilityRows(objectives: readonly (ObjectiveSweep | ObjectiveOnce)[], box: Box, rowHeight = 22): ProbabilityRow[] {
  const x = scaleLinear()
    .domain([0, 1])
    .range([0, box.width - box.left - box.right]);
  return objectives.map((o, i) => {
    const swept = 'probability' in o;
    const p = swept ? o.probability : o.branch !== null ? 1 : 0;
    const [lo, hi] = swept ? o.ci95 : [p, p];
    return { id: o.id, y: box.top + i * rowHeight, barWidth: x(p), lo: x(lo), hi: x(hi), playedReached: o.played !== null, label: `${Math.round(100 * p)}%` };
  });
}

export type DiffKind = 'compromise' | 'response' | 'objective';
export interface DiffMark {
  x: number;
  kind: DiffKind;
  only: boolean;
}
export interface DiffLane {
  team: string;
  played: DiffMark[];
  branch: DiffMark[];
}

const BAD = new Set(['compromised', 'persistent', 'exfiltrated', 'encrypted', 'wiped']);

/** The marks of one history after T per team: compromises, responses requested, objectives (on every lane). */
function marks(events: readonly EngineEvent[], team: (node: string) => string | undefined): { team: string | null; t: number; kind: DiffKind; key: string }[] {
  const out: { team: string | null; t: number; kind: DiffKind; key: string }[] = [];
  for (const e of events) {
    const d = e.data as Record<string, unknown>;
    if (e.type === 'node.state' && BAD.has(String(d.integrity))) {
      const tm = team(String(d.node));
      if (tm) out.push({ team: tm, t: e.t, kind: 'compromise', key: `c:${String(d.node)}:${String(d.integrity)}:${e.t}` });
    } else if (e.type === 'action.requested' && e.actor.startsWith('blue:')) {
      out.push({ team: e.actor.slice(5), t: e.t, kind: 'response', key: `r:${e.actor}:${String(d.action)}:${JSON.stringify(d.target)}:${e.t}` });
    } else if (e.type === 'red.objective') out.push({ team: null, t: e.t, kind: 'objective', key: `o:${String(d.objective)}:${e.t}` });
  }
  return out;
}

/**
 * Per team, what happened after T as played and in the branch; a mark the other history does not
 * have at the same time is `only` (drawn strong: that is the difference).
 */
export function swimlaneDiff(
  played: readonly EngineEvent[],
  branch: readonly EngineEvent[],
  teams: readonly string[],
  owner: (node: string) => string | undefined,
  at: number,
  end: number,
  box: Box,
): DiffLane[] {
  const x = scaleLinear()
    .domain([at, Math.max(end, at + 1)])
    .range([box.left, box.width - box.right])
    .clamp(true);
  const p = marks(played, owner);
  const b = marks(branch, owner);
  const pk = new Set(p.map((m) => m.key));
  const bk = new Set(b.map((m) => m.key));
  const lane = (xs: typeof p, other: Set<string>, team: string): DiffMark[] => xs.filter((m) => m.team === team || m.team === null).map((m) => ({ x: x(m.t), kind: m.kind, only: !other.has(m.key) }));
  return teams.map((team) => ({ team, played: lane(p, bk, team), branch: lane(b, pk, team) }));
}
