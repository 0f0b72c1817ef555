/**
 * Static target matching for the generator: which nodes a selector can reach and which sensor kinds
 * cover them, so that generated steps only carry detection odds that can apply (as the validator checks).
 */
import type { NetworkT, NodeT, SensorT, TargetSelectorT } from '../../engine/index.ts';

const kindOf = (s: SensorT): string => (typeof s === 'string' ? s : s.kind);

export class Coverage {
  private readonly segments: Map<string, NetworkT['segments'][number]>;
  /** Static candidates of the steps generated so far, for sameAs. */
  private readonly byStep = new Map<string, NodeT[]>();

  constructor(private readonly network: NetworkT) {
    this.segments = new Map(network.segments.map((s) => [s.id, s]));
  }

  /** Nodes matching every static criterion of the selector (state and pick are runtime filters). */
  candidates(sel: TargetSelectorT, exploits?: string): NodeT[] {
    const base = sel.sameAs !== undefined ? (this.byStep.get(sel.sameAs) ?? []) : this.network.nodes;
    return base.filter((n) => {
      const seg = this.segments.get(n.segment);
      if (!seg) return false;
      if (sel.nodes && !sel.nodes.includes(n.id)) return false;
      if (sel.team !== undefined && seg.owner !== sel.team) return false;
      if (sel.segment !== undefined && n.segment !== sel.segment) return false;
      if (sel.zone !== undefined && seg.zone !== sel.zone) return false;
      if (sel.kind && !sel.kind.includes(n.kind)) return false;
      if (sel.tags && !sel.tags.every((t) => n.tags?.includes(t))) return false;
      if (sel.minCriticality !== undefined && n.criticality < sel.minCriticality) return false;
      if (exploits !== undefined && !n.vulnerabilities?.some((v) => v.id === exploits)) return false;
      return true;
    });
  }

  /** Records a step's candidates and returns them. */
  register(stepId: string, sel: TargetSelectorT, exploits?: string): NodeT[] {
    const nodes = this.candidates(sel, exploits);
    if (nodes.length === 0) throw new Error(`stress generator: step ${stepId} matches no node`);
    this.byStep.set(stepId, nodes);
    return nodes;
  }

  /** Sensor kinds covering at least one of these nodes (node sensors and segment sensors). */
  sensorKinds(nodes: readonly NodeT[]): Set<string> {
    const out = new Set<string>();
    for (const n of nodes) {
      for (const s of n.sensors ?? []) out.add(kindOf(s));
      for (const s of this.segments.get(n.segment)?.sensors ?? []) out.add(kindOf(s));
    }
    return out;
  }
}
