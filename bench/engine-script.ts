/**
 * A busy, reproducible blue/white command stream for the engine benchmarks: every blue team acts every
 * few simulated minutes (hunts, isolations and reconnections, patches, forensics, blocks, situation
 * reports graded by the white cell, inject acknowledgements, intelligence shared and applied), the way
 * a dozen national teams fill an exercise log. Drawn from a fixed-seed generator, so the log (and its
 * event count) is the same on every machine.
 */
import { compileScenario, createExercise, type ActorT, type Command, type CommandBody, type CompiledScenario, type ScenarioT } from '../engine/index.ts';
import type { ScriptedInput } from '../cli/inputs.ts';

/** mulberry32: a tiny deterministic generator (benchmarks only; the engine has its own seeded streams). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Commands for `compiled` run with `seed`: each blue team acts every `everyMs` (jittered). */
export function busyScript(compiled: CompiledScenario, seed: number, everyMs: number): ScriptedInput[] {
  const r = rng(seed * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const indicators = createExercise(compiled, { seed }).indicators;
  const k = compiled.actionByKind;
  const out: ScriptedInput[] = [];
  const counters = new Map<string, { sitrep: number; report: number }>();
  const push = (at: number, actor: ActorT, body: CommandBody): void => {
    if (at < compiled.meta.duration) out.push({ at, command: { ...body, actor } as Command, line: out.length + 1 });
  };
  for (const b of compiled.blue) {
    const actor: ActorT = { role: 'blue', team: b.id };
    const nodes = b.nodes.map((i) => compiled.nodes[i]?.id as string);
    const segments = b.owns.map((i) => compiled.segments[i]?.id as string);
    const partners = compiled.blue.filter((x) => x.id !== b.id).map((x) => x.id);
    const injects = compiled.injects.filter((x) => x.to.includes(b.id));
    const c = { sitrep: 0, report: 0 };
    counters.set(b.id, c);
    for (let t = Math.floor(r() * everyMs); t < compiled.meta.duration; t += Math.floor(everyMs * (0.5 + r()))) {
      const roll = r();
      if (roll < 0.15 && segments.length > 0) push(t, actor, { type: 'action', action: k.hunt, target: { segment: pick(segments) } });
      else if (roll < 0.3) {
        const node = pick(nodes);
        push(t, actor, { type: 'action', action: k.isolate, target: { node } });
        push(t + 30 * 60_000, actor, { type: 'action', action: k.reconnect, target: { node } });
      } else if (roll < 0.4) push(t, actor, { type: 'action', action: k.patch, target: { node: pick(nodes) } });
      else if (roll < 0.5) push(t, actor, { type: 'action', action: k['collect-forensics'], target: { node: pick(nodes) } });
      else if (roll < 0.6 && indicators.length > 0) push(t, actor, { type: 'action', action: k['block-indicator'], target: { indicator: pick(indicators) } });
      else if (roll < 0.75) {
        c.sitrep++;
        push(t, actor, { type: 'sitrep', text: `Situation ${c.sitrep} of ${b.id}`, severity: pick(['low', 'medium', 'high'] as const) });
        push(t + 20 * 60_000, { role: 'white' }, { type: 'adjudicate', item: { kind: 'sitrep', id: `${b.id}-S${c.sitrep}` }, grade: Math.floor(r() * 100) });
      } else if (roll < 0.85 && injects.length > 0) push(t, actor, { type: 'ack-inject', inject: pick(injects).id });
      else if (partners.length > 0) {
        c.report++;
        const to = pick(partners);
        push(t, actor, {
          type: 'share-intel',
          partners: [to],
          report: { title: `IOCs ${c.report}`, text: 'Indicators seen', indicators: indicators.length > 0 ? [pick(indicators)] : [], tlp: 'AMBER' },
        });
        push(t + 10 * 60_000, { role: 'blue', team: to }, { type: 'apply-intel', report: `${b.id}-R${c.report}` });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The benchmarks' long log: stress.yaml stretched to 14 days with the busy script (every team acts
 * about every 20 simulated minutes), recorded headless with seed 1: about 107,000 events.
 */
export function longStressLog(stress: ScenarioT): { scenario: ScenarioT; compiled: CompiledScenario; inputs: ScriptedInput[] } {
  const scenario = structuredClone(stress);
  scenario.meta.duration = '14d';
  const compiled = compileScenario(scenario);
  return { scenario, compiled, inputs: busyScript(compiled, 1, 20 * 60_000) };
}
