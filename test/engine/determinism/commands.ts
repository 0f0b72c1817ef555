/**
 * Command streams built from a scenario's own ids: a fixed script (for golden hashes) and a fast-check
 * arbitrary of random valid command streams (for property tests). "Valid" means well-formed and
 * addressed to things the scenario has; many still get refused at run time (acting on another nation's
 * node without a grant, answering an inject not yet delivered, ...), which is part of what is tested:
 * a refusal changes nothing, live or replayed.
 */
import fc from 'fast-check';
import type { ActorT, Command, CommandBody, CompiledScenario } from '../../../engine/index.ts';
import type { ScriptedInput } from '../../../cli/inputs.ts';

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

const input = (at: number, actor: ActorT, body: CommandBody, line: number): ScriptedInput => ({ at, command: { ...body, actor } as Command, line });

/**
 * A fixed, busy script: for each of the first three blue teams, an acknowledgement, an isolation, a
 * hunt, a situation report graded by the white cell, and intelligence shared with a partner and applied.
 * Times are fractions of the scenario's duration, so the script fits any scenario.
 */
export function fixedScript(c: CompiledScenario): ScriptedInput[] {
  const d = c.meta.duration;
  const at = (f: number) => Math.floor(d * f);
  const out: ScriptedInput[] = [];
  const teams = c.blue.slice(0, 3);
  teams.forEach((b, i) => {
    const actor: ActorT = { role: 'blue', team: b.id };
    const partner = c.blue[(c.blueIndex.get(b.id)! + 1) % c.blue.length]!.id;
    const inject = c.injects.find((x) => x.to.includes(b.id));
    const node = c.nodes[b.nodes[0] ?? 0]!.id;
    const segment = c.segments[b.owns[0] ?? 0]!.id;
    if (inject) out.push(input(at(0.02), actor, { type: 'ack-inject', inject: inject.id }, out.length + 1));
    out.push(input(at(0.05 + i * 0.01), actor, { type: 'action', action: c.actionByKind.hunt, target: { segment } }, out.length + 1));
    out.push(input(at(0.2), actor, { type: 'sitrep', text: `Sitrep from ${b.id}`, severity: 'medium' }, out.length + 1));
    out.push(input(at(0.25), { role: 'white' }, { type: 'adjudicate', item: { kind: 'sitrep', id: `${b.id}-S1` }, grade: 60 + i * 10 }, out.length + 1));
    out.push(input(at(0.3), actor, { type: 'action', action: c.actionByKind.isolate, target: { node } }, out.length + 1));
    if (partner !== b.id) {
      out.push(input(at(0.35), actor, { type: 'share-intel', partners: [partner], report: { title: `Report ${b.id}`, text: 'IOCs', indicators: [], tlp: 'AMBER' } }, out.length + 1));
      out.push(input(at(0.4), { role: 'blue', team: partner }, { type: 'apply-intel', report: `${b.id}-R1` }, out.length + 1));
    }
  });
  return out.sort((a, b) => a.at - b.at);
}

/** Random command streams for `c` (inputs sorted by time; `indicators` are the run's indicator values). */
export function commandStream(c: CompiledScenario, indicators: readonly string[], maxLength = 30): fc.Arbitrary<ScriptedInput[]> {
  const blue = c.blue.map((b) => b.id);
  const team = fc.constantFrom(...blue);
  const nodes = c.nodes.map((n) => n.id);
  const node = fc.constantFrom(...nodes);
  const segment = fc.constantFrom(...c.segments.map((s) => s.id));
  const action = fc.constantFrom(...c.actions.keys());
  const inject = fc.constantFrom(...c.injects.map((x) => x.id), 'adhoc-1');
  const indicator = indicators.length > 0 ? fc.constantFrom(...indicators) : fc.constant('typed.example');
  const seq = fc.integer({ min: 1, max: 4 });
  const text = fc.constantFrom('seen', 'contained', 'escalating');
  const d = c.meta.duration;
  const at = fc.oneof(fc.integer({ min: 0, max: d - 1 }), fc.integer({ min: 0, max: Math.min(d - 1, 3 * 3_600_000) }));

  const blueBody: fc.Arbitrary<CommandBody> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .record({ action, target: fc.oneof(fc.record({ node }), fc.record({ segment }), fc.record({ indicator }), fc.record({ team })) })
        .map(({ action: a, target }): CommandBody => ({ type: 'action', action: a, target })),
    },
    { weight: 1, arbitrary: fc.tuple(team, seq).map(([t, n]): CommandBody => ({ type: 'cancel-action', id: `${t}-X${n}` })) },
    { weight: 2, arbitrary: inject.map((i): CommandBody => ({ type: 'ack-inject', inject: i })) },
    { weight: 1, arbitrary: fc.tuple(inject, text).map(([i, t]): CommandBody => ({ type: 'answer-inject', inject: i, text: t })) },
    { weight: 2, arbitrary: fc.tuple(text, fc.constantFrom(...SEVERITIES)).map(([t, s]): CommandBody => ({ type: 'sitrep', text: t, severity: s })) },
    {
      weight: 2,
      arbitrary: fc
        .record({ partners: fc.uniqueArray(team, { minLength: 1, maxLength: 3 }), inds: fc.uniqueArray(indicator, { maxLength: 3 }), tlp: fc.constantFrom(...TLPS) })
        .map(({ partners, inds, tlp }): CommandBody => ({ type: 'share-intel', partners, report: { title: 'Shared', text: 'IOCs', indicators: inds, tlp } })),
    },
    { weight: 2, arbitrary: fc.tuple(team, seq).map(([t, n]): CommandBody => ({ type: 'apply-intel', report: `${t}-R${n}` })) },
    { weight: 1, arbitrary: fc.tuple(team, text).map(([t, x]): CommandBody => ({ type: 'request-assistance', to: t, text: x })) },
    { weight: 1, arbitrary: fc.tuple(team, seq).map(([t, n]): CommandBody => ({ type: 'grant-assistance', request: `${t}-H${n}` })) },
  );
  const whiteBody: fc.Arbitrary<CommandBody> = fc.oneof(
    fc.constant<CommandBody>({ type: 'pause' }),
    fc.constant<CommandBody>({ type: 'resume' }),
    fc.integer({ min: 1, max: 1000 }).map((speed): CommandBody => ({ type: 'speed', speed })),
    fc.tuple(team, seq, fc.integer({ min: 0, max: 100 })).map(([t, n, grade]): CommandBody => ({ type: 'adjudicate', item: { kind: 'sitrep', id: `${t}-S${n}` }, grade })),
    fc.tuple(inject, team, fc.integer({ min: 0, max: 100 })).map(([i, t, grade]): CommandBody => ({ type: 'adjudicate', item: { kind: 'answer', inject: i, team: t }, grade })),
    fc.uniqueArray(team, { minLength: 1, maxLength: 2 }).map(
      (to): CommandBody => ({
        type: 'adhoc-inject',
        inject: { title: 'Call', to, channel: 'phone', from: { name: 'Minister' }, content: 'Report now', evaluation: { expects: [{ action: 'sitrep', within: '30m' }] } },
      }),
    ),
    fc.integer({ min: 0, max: d }).map((to): CommandBody => ({ type: 'advance', to })),
  );
  const steps = c.steps.map((s) => s.id);
  const redBody: fc.Arbitrary<CommandBody> =
    steps.length === 0 ? whiteBody : fc.tuple(fc.constantFrom('red-launch', 'red-hold', 'red-abort'), fc.constantFrom(...steps)).map(([type, step]) => ({ type, step }) as CommandBody);
  const caps = c.capabilities.map((x) => x.id);
  const evaluatorBody: fc.Arbitrary<CommandBody> =
    caps.length === 0 ? whiteBody : fc.tuple(fc.constantFrom(...caps), fc.constantFrom('P', 'S', 'M', 'U')).map(([capability, rating]) => ({ type: 'rate', capability, rating }) as CommandBody);

  const one: fc.Arbitrary<{ at: number; actor: ActorT; body: CommandBody }> = fc.oneof(
    { weight: 36, arbitrary: fc.record({ at, actor: team.map((t): ActorT => ({ role: 'blue', team: t })), body: blueBody }) },
    { weight: 9, arbitrary: fc.record({ at, actor: fc.constant<ActorT>({ role: 'white' }), body: whiteBody }) },
    { weight: 3, arbitrary: fc.record({ at, actor: fc.constant<ActorT>({ role: 'red' }), body: redBody }) },
    { weight: 3, arbitrary: fc.record({ at, actor: fc.constant<ActorT>({ role: 'evaluator' }), body: evaluatorBody }) },
    // Rare: an end cuts the run short.
    { weight: 1, arbitrary: fc.record({ at, actor: fc.constant<ActorT>({ role: 'white' }), body: fc.constant<CommandBody>({ type: 'end' }) }) },
  );
  return fc.array(one, { maxLength: maxLength }).map((xs) => xs.map((x, i) => input(x.at, x.actor, x.body, i + 1)).sort((a, b) => a.at - b.at));
}
