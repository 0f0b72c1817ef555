/**
 * Target selectors, checked statically: their references exist, and at least one node can match.
 * The true node state (`state`) is only known while the exercise runs and is not considered;
 * `sameAs` narrows to the nodes the referenced step could have targeted.
 */
import type { PathSegment } from '../../lib/diagnostic.ts';
import type { Ctx } from './context.ts';
import { blueTeamRef } from './network.ts';
import type { StepT } from './types.ts';

export class Targets {
  private readonly memo = new Map<string, Set<string> | null>();
  private allNodes: string[] | undefined;
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

  /** The nodes matching a selector's static criteria, narrowed to `narrowTo` when given. */
  private match(step: StepT, narrowTo: Set<string> | null): Set<string> {
    const { tables } = this.ctx;
    const sel = step.target;
    let pool: readonly string[];
    if (sel.nodes) pool = sel.nodes.filter((id) => tables.nodes.has(id));
    else if (sel.segment !== undefined) pool = tables.segmentNodes.get(sel.segment) ?? [];
    else if (sel.team !== undefined) pool = tables.teamNodes.get(sel.team) ?? [];
    else pool = this.allNodes ??= [...tables.nodes.keys()];
    const out = new Set<string>();
    for (const id of pool) {
      const node = tables.nodes.get(id)?.value;
      if (!node) continue;
      const seg = tables.segments.get(node.segment)?.value;
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
    const covered = [...nodes].some((id) => {
      const node = tables.nodes.get(id)?.value;
      const seg = node && tables.segments.get(node.segment)?.value;
      const has = (list: readonly (string | { kind: string })[] | undefined) => list?.some((x) => (typeof x === 'string' ? x : x.kind) === kind);
      return has(node?.sensors) || has(seg?.sensors);
    });
    if (!covered) ctx.warn([...base, 'detection', kind], `no node this step can target is covered by a ${kind} sensor, so this probability never applies`);
  }
}
