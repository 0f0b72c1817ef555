/**
 * The red campaigns compiled to steps in one list: the campaigns' indicators, each step's static target
 * candidates, timing in ms and defaults filled in, its requires/sameAs/indicators resolved to indexes,
 * and every step's dependents (the steps that wait on it).
 */
import type { ScenarioT } from '../scenario/schema/index.ts';
import { durationMs } from '../time/duration.ts';
import { CompileError } from './conditions.ts';
import { indexOf, ms } from './lookup.ts';
import { nodesByOwner, staticCandidates } from './selectors.ts';
import type { CIndicator, CNode, CSegment, CStep } from './types.ts';

/** The campaigns' indicators and steps, each with its id -> index map. Throws `CompileError` on an unknown step or indicator. */
export function compileSteps(
  s: ScenarioT,
  nodes: readonly CNode[],
  segments: readonly CSegment[],
  nodeIndex: ReadonlyMap<string, number>,
  segmentIndex: ReadonlyMap<string, number>,
): {
  indicators: CIndicator[];
  indicatorIndex: Map<string, number>;
  steps: CStep[];
  stepIndex: Map<string, number>;
} {
  const indicators = s.campaigns.flatMap((c) => (c.indicators ?? []).map((x) => ({ ...x, campaign: c.id })));
  const indicatorIndex = indexOf(indicators);
  const stepList = s.campaigns.flatMap((c) => c.steps.map((st) => ({ st, c })));
  const stepIndex = indexOf(stepList.map((x) => x.st));
  const stepRef = (id: string, path: string): number => {
    const i = stepIndex.get(id);
    if (i === undefined) throw new CompileError(`${path}: unknown red step "${id}"`);
    return i;
  };

  const teamNodes = nodesByOwner(nodes);
  const steps: CStep[] = stepList.map(({ st, c }, idx) => {
    const path = `campaigns[${s.campaigns.indexOf(c)}].steps[${c.steps.indexOf(st)}]`;
    const t = st.timing ?? {};
    return {
      id: st.id,
      idx,
      campaign: c.id,
      manual: c.mode === 'manual' || st.manual === true,
      name: st.name,
      description: st.description,
      technique: st.technique,
      tactic: st.tactic,
      candidates: staticCandidates(st.target, nodes, segments, nodeIndex, segmentIndex, teamNodes, `${path}.target`),
      sameAs: st.target.sameAs === undefined ? null : stepRef(st.target.sameAs, `${path}.target.sameAs`),
      state: st.target.state ?? null,
      pick: st.target.pick ?? 'all',
      requires: (st.requires ?? []).map((r, j) => stepRef(r, `${path}.requires[${j}]`)),
      requiresAny: (st.requiresAny ?? []).map((r, j) => stepRef(r, `${path}.requiresAny[${j}]`)),
      dependents: [],
      at: ms(t.at, 0),
      after: ms(t.after, 0),
      jitter: ms(t.jitter, 0),
      duration: ms(t.duration, 5 * 60_000),
      exploits: st.exploits ?? null,
      success: {
        base: st.success.base,
        patched: st.success.patched ?? 0,
        hunting: st.success.hunting ?? 0.5,
        credentialsReset: st.success.credentialsReset ?? 0.2,
        blocked: st.success.blocked ?? 0,
      },
      detection: { ...(st.detection ?? {}) },
      detectionDelay: ms(st.detectionDelay, 2 * 60_000),
      effects: [...st.effects],
      service: st.service ?? null,
      indicators: (st.indicators ?? []).map((id, j) => {
        const own = indicators.findIndex((x) => x.id === id && x.campaign === c.id);
        const i = own >= 0 ? own : indicatorIndex.get(id);
        if (i === undefined) throw new CompileError(`${path}.indicators[${j}]: unknown indicator "${id}"`);
        return i;
      }),
      retry: st.retry ? { times: st.retry.times, after: durationMs(st.retry.after) } : null,
      objective: st.objective ?? null,
    };
  });
  for (const st of steps) {
    for (const r of new Set([...st.requires, ...st.requiresAny, ...(st.sameAs === null ? [] : [st.sameAs])])) {
      (steps[r] as CStep).dependents.push(st.idx);
    }
  }
  return { indicators, indicatorIndex, steps, stepIndex };
}
