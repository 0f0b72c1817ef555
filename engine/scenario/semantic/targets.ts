/**
 * Target selectors, checked statically: their references exist, and at least one node can match.
 * The true node state (`state`) is only known while the exercise runs and is not considered;
 * `sameAs` narrows to the nodes the referenced step could have targeted.
 */
import type { PathSegment } from '../../lib/diagnostic.ts';
import type { Ctx } from './context.ts';
import { blueTeamRef } from './network.ts';
import type { NodeT, SegmentT, StepT } from './types.ts';

/** A node id with what a selector reads of it, looked up once (stress.yaml: 335 selectors over 2,036 nodes). */
interface NodeInfo {
  id: string;
  node: NodeT | undefined;
  seg: SegmentT | undefined;
  /** Sensor kinds covering the node (its own and its segment's), built when first asked. */
  covered?: Set<string>;
}

export class Targets {
  private readonly memo = new Map<string, Set<string> | null>();
  private readonly infos = new Map<string, NodeInfo>();
  /** Pools of selectors, by "team:ID", "segment:ID" or "all", as NodeInfo lists in the tables' order. */
  private readonly pools = new Map<string, NodeInfo[]>();
  private tags: Set<string> | undefined;

  constructor(private readonly ctx: Ctx) {}

  /** Every tag some node carries. */
  allTags(): Set<string> {
    if (!this.tags) {
      this.tags = new Set();
      for (const n of this.ctx.s.network.nodes) for (const tag of n.tags ?? []) this.tags.add(tag);
    }
    return this.tags;
  }

  /** Node ids the step could act on; null when unknown (a sameAs loop). */
  candidates(step: StepT): Set<string> | null {
    // Follow the sameAs chain first and fill the memo from its far end: long lateral-movement
    // chains would overflow the stack if this recursed.
    const chain: StepT[] = [];
    const onChain = new Set<string>();
    let loop = false;
    for (let s: StepT | undefined = step; s && !this.memo.has(s.id); ) {
      if (onChain.has(s.id)) {
        loop = true;
        break;
      }
      chain.push(s);
      onChain.add(s.id);
      const next: string | undefined = s.target.sameAs;
      s = next === undefined ? undefined : this.ctx.tables.steps.get(next)?.value;
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      const s = chain[k] as StepT;
      const other = s.target.sameAs === undefined ? undefined : this.memo.get(s.target.sameAs);
      // On a loop the far end has nothing to narrow by; treat its narrowing as unknown.
      this.memo.set(s.id, loop && k === chain.length - 1 ? null : this.match(s, other ?? null));
    }
    return this.memo.get(step.id) ?? null;
  }

  /** What a selector reads of node `id` (the first node of that id, as the tables hold it). */
  info(id: string): NodeInfo {
    let info = this.infos.get(id);
    if (!info) {
      const node = this.ctx.tables.nodes.get(id)?.value;
      info = { id, node, seg: node && this.ctx.tables.segments.get(node.segment)?.value };
      this.infos.set(id, info);
    }
    return info;
  }

  /** Whether a sensor of `kind` (the node's own or its segment's) covers node `id`. */
  coveredBy(id: string, kind: string): boolean {
    const info = this.info(id);
    if (!info.covered) {
      const covered = new Set<string>();
      const add = (list: readonly (string | { kind: string })[] | undefined) => {
        for (const x of list ?? []) covered.add(typeof x === 'string' ? x : x.kind);
      };
      add(info.node?.sensors);
      add(info.seg?.sensors);
      info.covered = covered;
    }
    return info.covered.has(kind);
  }

  private pool(key: string, ids: () => readonly string[]): NodeInfo[] {
    let pool = this.pools.get(key);
    if (!pool) {
      pool = ids().map((id) => this.info(id));
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** The nodes matching a selector's static criteria, narrowed to `narrowTo` when given. */
  private match(step: StepT, narrowTo: Set<string> | null): Set<string> {
    const { tables } = this.ctx;
    const sel = step.target;
    let pool: readonly NodeInfo[];
    if (sel.nodes) pool = sel.nodes.filter((id) => tables.nodes.has(id)).map((id) => this.info(id));
    else if (sel.segment !== undefined) pool = this.pool(`segment:${sel.segment}`, () => tables.segmentNodes.get(sel.segment as string) ?? []);
    else if (sel.team !== undefined) pool = this.pool(`team:${sel.team}`, () => tables.teamNodes.get(sel.team as string) ?? []);
    // Narrowed to a previous step's nodes (a sameAs): only those can pass, in the same (node) order.
    else if (narrowTo) pool = [...narrowTo].map((id) => this.info(id));
    else pool = this.pool('all', () => [...tables.nodes.keys()]);
    const out = new Set<string>();
    for (const { id, node, seg } of pool) {
      if (!node) continue;
      if (sel.team !== undefined && seg?.owner !== sel.team) continue;
      if (sel.segment !== undefined && node.segment !== sel.segment) continue;
      if (sel.zone !== undefined && seg?.zone !== sel.zone) continue;
      if (sel.kind && !sel.kind.includes(node.kind)) continue;
      if (sel.tags && !sel.tags.every((t) => node.tags?.includes(t))) continue;
      if (sel.minCriticality !== undefined && node.criticality < sel.minCriticality) continue;
      if (narrowTo && !narrowTo.has(id)) continue;
      out.add(id);
    }
    return out;
  }
}

function describeSelector(step: StepT): string {
  const parts = Object.entries(step.target)
    .filter(([k]) => k !== 'pick')
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`);
  return parts.length > 0 ? parts.join(', ') : 'no criteria';
}

/** Checks one step's target selector and what the step needs from its targets. */
export function checkTarget(ctx: Ctx, targets: Targets, step: StepT, base: readonly PathSegment[]): void {
  const { tables } = ctx;
  const sel = step.target;
  const tp = [...base, 'target'];
  let refsOk = true;
  if (sel.team !== undefined) refsOk = blueTeamRef(ctx, [...tp, 'team'], sel.team, 'a target team') && refsOk;
  if (sel.segment !== undefined) refsOk = ctx.ref([...tp, 'segment'], sel.segment, tables.segments, 'segment') !== undefined && refsOk;
  sel.nodes?.forEach((id, k) => {
    refsOk = ctx.ref([...tp, 'nodes', k], id, tables.nodes, 'node') !== undefined && refsOk;
  });
  sel.tags?.forEach((tag, k) => {
    if (!targets.allTags().has(tag)) ctx.warn([...tp, 'tags', k], `no node carries the tag "${tag}"`);
  });
  if (sel.sameAs !== undefined && sel.sameAs === step.id) ctx.error([...tp, 'sameAs'], 'a step cannot target the nodes it is itself acting on');
  if (!refsOk) return;
  const nodes = targets.candidates(step);
  if (nodes === null) return;
  if (nodes.size === 0) {
    ctx.warn(tp, `no node matches this target (${describeSelector(step)}): the step can never run`);
    return;
  }
  if (typeof sel.pick === 'number' && sel.pick > nodes.size) {
    ctx.warn([...tp, 'pick'], `picks ${sel.pick} nodes but at most ${nodes.size} can match`);
  }
  if (step.exploits !== undefined && tables.vulnerabilityNodes.has(step.exploits)) {
    const vulnerable = tables.vulnerabilityNodes.get(step.exploits) ?? [];
    if (!vulnerable.some((id) => nodes.has(id))) {
      ctx.warn([...base, 'exploits'], `none of the ${nodes.size} node(s) this step can target has vulnerability "${step.exploits}": it can never succeed`);
    }
  }
  if (step.service !== undefined && tables.serviceNodes.has(step.service)) {
    const running = tables.serviceNodes.get(step.service) ?? [];
    if (!running.some((id) => nodes.has(id))) {
      ctx.warn([...base, 'service'], `none of the ${nodes.size} node(s) this step can target runs service "${step.service}"`);
    }
  }
  for (const kind of Object.keys(step.detection ?? {})) {
    let covered = false;
    for (const id of nodes) {
      if (targets.coveredBy(id, kind)) {
        covered = true;
        break;
      }
    }
    if (!covered) ctx.warn([...base, 'detection', kind], `no node this step can target is covered by a ${kind} sensor, so this probability never applies`);
  }
}
