/** Red campaigns: step references, preconditions and their loops, ATT&CK tags, timing, objectives. */
import type { PathSegment } from '../../lib/diagnostic.ts';
import { checkTactic, checkTechniqueId } from './attack.ts';
import type { Ctx } from './context.ts';
import { findCycles } from './cycles.ts';
import { warnRepeats } from './ids.ts';
import { Targets, checkTarget } from './targets.ts';
import { didYouMean } from '../suggest.ts';

export function checkCampaigns(ctx: Ctx): void {
  const { s, tables } = ctx;
  const targets = new Targets(ctx);
  const edges = new Map<string, string[]>();
  for (const [id, entry] of tables.steps) edges.set(id, [...(entry.value.requires ?? []), ...(entry.value.requiresAny ?? [])]);

  s.campaigns.forEach((c, ci) => {
    const objectives = new Set(c.objectives?.map((o) => o.id));
    const achieved = new Set<string>();
    c.steps.forEach((step, si) => {
      const base: PathSegment[] = ['campaigns', ci, 'steps', si];
      checkTechniqueId(ctx, [...base, 'technique'], step.technique);
      if (step.tactic !== undefined) checkTactic(ctx, [...base, 'tactic'], step.tactic, step.technique);
      for (const field of ['requires', 'requiresAny'] as const) {
        step[field]?.forEach((id, k) => {
          ctx.ref([...base, field, k], id, tables.steps, 'step');
        });
        warnRepeats(ctx, step[field], [...base, field], 'step');
      }
      step.requiresAny?.forEach((id, k) => {
        if (step.requires?.includes(id)) ctx.warn([...base, 'requiresAny', k], `"${id}" is already in requires, so listing it here changes nothing`);
      });
      if (step.target.sameAs !== undefined && step.target.sameAs !== step.id) {
        const other = ctx.ref([...base, 'target', 'sameAs'], step.target.sameAs, tables.steps, 'step');
        if (other && !precedes(edges, step.target.sameAs, step.id)) {
          ctx.warn([...base, 'target', 'sameAs'], `"${step.target.sameAs}" is not among this step's preconditions, so it may not have succeeded anywhere when this step starts; add it to requires`);
        }
      }
      if (step.objective !== undefined) {
        if (objectives.has(step.objective)) achieved.add(step.objective);
        else {
          const owner = s.campaigns.find((o) => o.objectives?.some((x) => x.id === step.objective));
          ctx.error(
            [...base, 'objective'],
            owner
              ? `objective "${step.objective}" belongs to campaign "${owner.id}"; a step achieves objectives of its own campaign ("${c.id}")`
              : `no objective "${step.objective}" in campaign "${c.id}"${didYouMean(step.objective, objectives)}`,
          );
        }
      }
      step.indicators?.forEach((id, k) => {
        ctx.ref([...base, 'indicators', k], id, tables.indicators, 'indicator');
      });
      warnRepeats(ctx, step.indicators, [...base, 'indicators'], 'indicator');
      if (step.exploits !== undefined && !tables.vulnerabilityNodes.has(step.exploits)) {
        ctx.error([...base, 'exploits'], `no node has a vulnerability "${step.exploits}"${didYouMean(step.exploits, tables.vulnerabilityNodes.keys())}`);
      }
      if (step.service !== undefined) {
        if (!tables.serviceNodes.has(step.service)) {
          ctx.error([...base, 'service'], `no node runs a service "${step.service}"${didYouMean(step.service, tables.serviceNodes.keys())}`);
        } else if (!step.effects.includes('disrupt-service')) {
          ctx.warn([...base, 'service'], 'service only matters with the disrupt-service effect, which this step does not have');
        }
      }
      warnRepeats(ctx, step.effects, [...base, 'effects'], 'effect');
      if (step.timing?.at !== undefined) ctx.notAfterEnd([...base, 'timing', 'at'], step.timing.at, 'start time');
      if (step.timing?.after !== undefined && !step.requires?.length && !step.requiresAny?.length) {
        ctx.warn([...base, 'timing', 'after'], 'after counts from the preconditions finishing, and this step has none: use at');
      }
      checkTarget(ctx, targets, step, base);
    });
    c.objectives?.forEach((o, oi) => {
      if (!achieved.has(o.id)) ctx.warn(['campaigns', ci, 'objectives', oi], `no step achieves objective "${o.id}" (set objective: ${o.id} on the step that does)`);
    });
  });

  for (const { cycle, from, edge } of findCycles(edges)) {
    const entry = tables.steps.get(from);
    if (!entry) continue;
    const requires = entry.value.requires ?? [];
    const field = edge < requires.length ? 'requires' : 'requiresAny';
    const k = edge < requires.length ? edge : edge - requires.length;
    ctx.error([...entry.path, field, k], cycle.length === 2 ? `step "${from}" requires itself` : `precondition loop: ${showCycle(cycle)}; these steps wait for each other and never run`);
  }
}

/** "a -> b -> c -> a", shortened in the middle for long loops. */
function showCycle(cycle: readonly string[]): string {
  if (cycle.length <= 12) return cycle.join(' -> ');
  return `${cycle.slice(0, 5).join(' -> ')} -> ... (${cycle.length - 10} more) ... -> ${cycle.slice(-5).join(' -> ')}`;
}

/** True when `ancestor` is reachable from `step` through preconditions. */
function precedes(edges: ReadonlyMap<string, readonly string[]>, ancestor: string, step: string): boolean {
  if (edges.get(step)?.includes(ancestor)) return true;
  const seen = new Set<string>([step]);
  const todo = [...(edges.get(step) ?? [])];
  while (todo.length > 0) {
    const id = todo.pop() ?? '';
    if (id === ancestor) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(edges.get(id) ?? []));
  }
  return false;
}
