/**
 * What the map draws, derived from a seat's view: segments, nodes and each node's look. A blue team
 * sees its network as its sensors see it (alerts, services down, isolation: never the true state);
 * the white cell and evaluators see the ground truth (integrity and network state).
 */
import type { BlueNodeView, BlueView, EvaluatorView, LocalTextT, NodeKindT, WhiteNodeView, WhiteView, ZoneT } from '../../engine/types.ts';

export interface MapSegment {
  id: string;
  name?: LocalTextT;
  zone: ZoneT;
  owner: string;
}
export interface MapNode {
  id: string;
  name?: LocalTextT;
  segment: string;
  kind: NodeKindT;
  criticality: number;
  ip?: string;
}

/** Blue looks (what sensors say) and white looks (the truth) share one list of statuses. */
export const STATUSES = ['ok', 'alerting', 'degraded', 'defaced', 'clean', 'compromised', 'persistent', 'exfiltrated', 'encrypted', 'wiped', 'restored'] as const;
export type NodeStatus = (typeof STATUSES)[number];

export interface NodeLook {
  status: NodeStatus;
  isolated: boolean;
  alerts: number;
}

export interface MapModel {
  segments: MapSegment[];
  nodes: MapNode[];
  teams: { id: string; name: LocalTextT; color?: string }[];
  /** Team shown first (the blue team's own network). */
  ownTeam?: string;
}

/** The look of a node as its blue team sees it. */
export function blueLook(node: BlueNodeView): NodeLook {
  const down = node.services.some((s) => !s.up);
  const status: NodeStatus = node.defaced ? 'defaced' : node.alerts > 0 ? 'alerting' : down ? 'degraded' : 'ok';
  return { status, isolated: node.isolated, alerts: node.alerts };
}

/** The true look of a node (white cell, evaluators). */
export function whiteLook(node: WhiteNodeView): NodeLook {
  return { status: node.integrity, isolated: node.network === 'isolated', alerts: node.alerts };
}

export function blueModel(view: BlueView): MapModel {
  return {
    segments: view.segments.map((s) => ({ id: s.id, name: s.name, zone: s.zone, owner: s.owner })),
    nodes: view.nodes,
    teams: [view.team, ...view.partners],
    ownTeam: view.team.id,
  };
}

export function whiteModel(view: WhiteView | EvaluatorView): MapModel {
  return {
    segments: view.segments.map((s) => ({ id: s.id, name: s.name, zone: s.zone, owner: s.owner })),
    nodes: view.nodes,
    teams: view.teams,
  };
}

/**
 * A key that changes only when the map's structure does (segments, nodes, their order), so that a
 * change of node states does not recompute the layout.
 */
export function structureKey(model: MapModel): string {
  let key = `${model.ownTeam ?? ''}|`;
  for (const s of model.segments) key += `${s.id}:${s.owner}:${s.zone},`;
  key += '|';
  for (const n of model.nodes) key += `${n.id}@${n.segment},`;
  return key;
}
