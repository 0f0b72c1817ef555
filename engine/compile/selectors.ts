/** Static part of red target selection, resolved once at compile time. */
import type { TargetSelectorT } from '../scenario/schema/index.ts';
import { CompileError } from './conditions.ts';
import type { CNode, CSegment } from './types.ts';

/**
 * Each team's nodes (those of the segments it owns), in scenario order: the pool a selector with a
 * team and no segment or node list starts from, instead of every node of the network (stress.yaml:
 * 335 steps over 2,036 nodes spent 50 ms of a cold compile filtering other teams' nodes).
 */
export function nodesByOwner(nodes: readonly CNode[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const list = out.get(n.owner);
    if (list) list.push(i);
    else out.set(n.owner, [i]);
  });
  return out;
}

/**
 * Nodes matching every criterion that cannot change during an exercise (explicit nodes, team, segment,
 * zone, kind, tags, minCriticality), in scenario order. `sameAs` and `state` are applied when the step starts.
 */
export function staticCandidates(
  sel: TargetSelectorT,
  nodes: readonly CNode[],
  segments: readonly CSegment[],
  nodeIndex: ReadonlyMap<string, number>,
  segmentIndex: ReadonlyMap<string, number>,
  teamNodes: ReadonlyMap<string, readonly number[]>,
  path: string,
): number[] {
  let pool: readonly number[];
  if (sel.nodes) {
    pool = sel.nodes.map((id, j) => {
      const i = nodeIndex.get(id);
      if (i === undefined) throw new CompileError(`${path}.nodes[${j}]: unknown node "${id}"`);
      return i;
    });
    pool = [...new Set(pool)].sort((a, b) => a - b);
  } else if (sel.segment !== undefined) {
    const g = segmentIndex.get(sel.segment);
    if (g === undefined) throw new CompileError(`${path}.segment: unknown segment "${sel.segment}"`);
    pool = [...(segments[g] as CSegment).nodes];
  } else if (sel.team !== undefined) {
    pool = teamNodes.get(sel.team) ?? [];
  } else {
    pool = nodes.map((_, i) => i);
    // No static criterion at all (a bare sameAs, 61 steps of stress.yaml): every node, no filter to run.
    if (sel.zone === undefined && !sel.kind && !sel.tags && sel.minCriticality === undefined) return pool as number[];
  }
  const seg = sel.segment === undefined ? undefined : segmentIndex.get(sel.segment);
  const kinds = sel.kind ? new Set<string>(sel.kind) : null;
  return pool.filter((i) => {
    const n = nodes[i] as CNode;
    const g = segments[n.segment] as CSegment;
    if (seg !== undefined && n.segment !== seg) return false;
    if (sel.team !== undefined && n.owner !== sel.team) return false;
    if (sel.zone !== undefined && g.zone !== sel.zone) return false;
    if (kinds && !kinds.has(n.kind)) return false;
    if (sel.tags && !sel.tags.every((t) => n.tags.includes(t))) return false;
    if (sel.minCriticality !== undefined && n.criticality < sel.minCriticality) return false;
    return true;
  });
}
