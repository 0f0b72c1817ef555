/**
 * Ids are data, never keys of plain objects: every command shape is sent with `__proto__`,
 * `constructor`, `toString`, `hasOwnProperty` and `valueOf` in every id field (and indicator values),
 * mixed with ordinary commands. Nothing may throw, a refused command must leave the state exactly as it
 * was, and the live state must hash the same as the replay of its log. The same holds for a scenario
 * whose own ids are those names: it must run exactly like the same scenario with ordinary ids.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileScenario,
  createExercise,
  createReplayer,
  logHeader,
  metrics,
  parseLog,
  serialiseLog,
  stateHash,
  step,
  type ActorT,
  type Command,
  type CommandBody,
  type CompiledScenario,
  type LogRecord,
} from '../../../engine/index.ts';
import { Scenario, type ScenarioT } from '../../../engine/scenario/schema/index.ts';
import { baseScenario, HOUR } from '../fixtures.ts';
import { busyScript, runScript } from '../script.ts';
import { commandStream } from './commands.ts';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** Every command shape with a prototype name (or, for the actor's team, sometimes a real team) in each id field. */
function hostile(c: CompiledScenario): fc.Arbitrary<{ actor: ActorT; body: CommandBody }> {
  const n = fc.constantFrom(...NAMES);
  const team = fc.oneof(n, fc.constantFrom(...c.blue.map((b) => b.id)));
  const blueActor = team.map((t): ActorT => ({ role: 'blue', team: t }));
  const real = <T>(x: fc.Arbitrary<T>) => fc.record({ actor: blueActor, body: x });
  const as =
    (role: 'white' | 'red' | 'evaluator') =>
    <T>(x: fc.Arbitrary<T>) =>
      fc.record({ actor: fc.constant<ActorT>({ role }), body: x });
  const body = (x: fc.Arbitrary<unknown>) => x as fc.Arbitrary<CommandBody>;
  const action = fc.oneof(n, fc.constantFrom(...[...c.actions.keys()]));
  return fc.oneof(
    real(
      body(
        fc.record({
          type: fc.constant('action'),
          action,
          target: fc.oneof(
            fc.record({ node: n }),
            fc.record({ segment: n }),
            fc.record({ indicator: n }),
            fc.record({ team: n }),
            fc.record({ inject: n }),
            fc.record({ node: n, segment: n, indicator: n, team: n, inject: n }),
          ),
        }),
      ),
    ),
    real(body(fc.record({ type: fc.constant('cancel-action'), id: n }))),
    real(body(fc.record({ type: fc.constant('ack-inject'), inject: n }))),
    real(body(fc.record({ type: fc.constant('answer-inject'), inject: n, text: n }))),
    real(body(fc.record({ type: fc.constant('sitrep'), text: n, severity: fc.constant('low') }))),
    real(
      body(
        fc.record({
          type: fc.constant('share-intel'),
          partners: fc.array(team, { minLength: 1, maxLength: 3 }),
          report: fc.record({ title: n, text: n, indicators: fc.array(n, { maxLength: 3 }), tlp: fc.constantFrom('CLEAR', 'GREEN', 'AMBER', 'RED') }),
        }),
      ),
    ),
    real(body(fc.record({ type: fc.constant('apply-intel'), report: n }))),
    real(body(fc.record({ type: fc.constant('request-assistance'), to: team, text: n }))),
    real(body(fc.record({ type: fc.constant('grant-assistance'), request: n }))),
    as('red')(body(fc.record({ type: fc.constantFrom('red-launch', 'red-hold', 'red-abort'), step: n }))),
    as('evaluator')(body(fc.record({ type: fc.constant('rate'), capability: n, task: n, rating: fc.constant('P'), note: n }))),
    as('white')(body(fc.record({ type: fc.constant('rate'), capability: n, rating: fc.constant('S') }))),
    as('white')(body(fc.record({ type: fc.constant('move'), move: n }))),
    as('white')(body(fc.record({ type: fc.constant('adjudicate'), item: fc.record({ kind: fc.constant('sitrep'), id: n }), grade: fc.constant(50) }))),
    as('white')(body(fc.record({ type: fc.constant('adjudicate'), item: fc.record({ kind: fc.constant('answer'), inject: n, team }), grade: fc.constant(50) }))),
    as('white')(
      body(
        fc.record({
          type: fc.constant('adhoc-inject'),
          inject: fc.record({
            title: n,
            to: fc.array(team, { minLength: 1, maxLength: 2 }),
            channel: fc.constant('phone'),
            from: fc.record({ name: n }),
            content: n,
            expects: fc.constant([{ action: 'sitrep', within: '30m' }]),
          }),
        }),
      ),
    ),
  );
}

/** Applies inputs in time order, checking that nothing throws and that a refusal changes nothing; returns the log and final hash. */
function drive(scenario: ScenarioT, seed: number, inputs: { at: number; command: Command }[]) {
  const compiled = compileScenario(scenario);
  const state = createExercise(compiled, { seed });
  const records: LogRecord[] = [];
  const apply = (command: Command) => {
    const before = stateHash(state);
    const t = state.clock;
    const r = step(state, command);
    if (r.ok) records.push({ t, command, events: r.events });
    else expect(stateHash(state), `${JSON.stringify(command)} was refused (${r.code}) but changed the state`).toBe(before);
  };
  apply({ type: 'start', actor: { role: 'white' } });
  for (const x of inputs) {
    if (state.phase === 'ended') break;
    if (x.at > state.clock) apply({ type: 'advance', to: x.at, actor: { role: 'system' } });
    apply(x.command);
  }
  const text = serialiseLog({ header: logHeader(scenario, seed, 'headless'), records });
  const parsed = parseLog(text);
  if (!parsed.ok) throw new Error(`log does not parse: ${JSON.stringify(parsed.errors[0])}`);
  const r = createReplayer(parsed.log, { verify: true });
  if (!r.ok) throw new Error(r.message);
  return { live: stateHash(state), replayed: stateHash(r.replayer.final()), state };
}

describe('prototype names in id fields', () => {
  const scenario = baseScenario();
  const compiled = compileScenario(scenario);
  const indicators = createExercise(compiled, { seed: 3 }).indicators;
  const at = fc.integer({ min: 0, max: 4 * HOUR });

  it('every command shape, every id field: nothing throws, refusals change nothing, live = replay', () => {
    const mixed = fc
      .tuple(fc.array(fc.record({ at, cmd: hostile(compiled) }), { minLength: 1, maxLength: 25 }), commandStream(compiled, indicators, 15))
      .map(([bad, good]) =>
        [...bad.map((x) => ({ at: x.at, command: { ...x.cmd.body, actor: x.cmd.actor } as Command })), ...good.map((x) => ({ at: x.at, command: x.command }))].sort((a, b) => a.at - b.at),
      );
    fc.assert(
      fc.property(mixed, (inputs) => {
        const r = drive(scenario, 3, inputs);
        expect(r.replayed).toBe(r.live);
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('an indicator named __proto__ is blocked, shared and re-checked like any other value', () => {
    const kw = { role: 'blue', team: 'kw' } as const;
    const r = drive(scenario, 3, [
      { at: HOUR, command: { type: 'action', action: 'block-indicator', target: { indicator: '__proto__' }, actor: kw } },
      { at: HOUR, command: { type: 'share-intel', partners: ['sa'], report: { title: 't', text: 'x', indicators: ['__proto__', 'constructor'], tlp: 'AMBER' }, actor: kw } },
      { at: 2 * HOUR, command: { type: 'share-intel', partners: ['qa'], report: { title: 't', text: 'x', indicators: ['constructor'], tlp: 'AMBER' }, actor: { role: 'blue', team: 'sa' } } },
    ]);
    expect(r.replayed).toBe(r.live);
    const kwRt = r.state.teams.kw!;
    expect(Object.hasOwn(kwRt.blocked, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(kwRt.blocked)).toBe(Object.prototype);
    // sa learnt "constructor" under AMBER: it may not pass it on.
    expect(r.state.teams.sa!.sent).toEqual([]);
  });
});

describe('a scenario whose ids are prototype names', () => {
  const map = new Map<string, string>([
    ['kw', 'constructor'],
    ['sa', 'toString'],
    ['qa', 'valueOf'],
    ['kw-web', 'hasOwnProperty'],
    ['kw-dc', 'constructor'],
    ['kw-dmz', 'toString'],
    ['kw-corp', 'valueOf'],
    ['CVE-2024-0001', 'toString'],
    ['https', 'valueOf'],
    ['exploit-web', 'constructor'],
    ['persist-web', 'toString'],
    ['welcome', 'constructor'],
    ['breach-news', 'toString'],
    ['c2', 'constructor'],
    ['dropper', 'valueOf'],
    ['isolate', 'constructor'],
    ['hunt', 'toString'],
    ['camp', 'hasOwnProperty'],
  ]);
  /** Renames ids (ids are unique per kind, so one name serves several kinds); an action's `kind` is a word of the format, not an id. */
  const rename = <T>(x: T, key = ''): T => {
    if (typeof x === 'string') {
      // Records the engine numbers per team (kw-H1, kw-R2, ...) carry the team's id.
      const numbered = /^([a-z]+)-([AHRSX]\d+)$/.exec(x);
      if (numbered && map.has(numbered[1]!)) return `${map.get(numbered[1]!)}-${numbered[2]}` as T;
      return (key !== 'kind' && map.has(x) ? map.get(x) : x) as T;
    }
    if (Array.isArray(x)) return x.map((v) => rename(v, key)) as T;
    if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, rename(v, k)])) as T;
    return x;
  };

  it('runs exactly like the same scenario with ordinary ids, live = replay', () => {
    const scenario = Scenario.parse(rename(baseScenario()));
    const script = busyScript();
    const plain = runScript(baseScenario(), 5, script, 8 * HOUR);
    const odd = runScript(
      scenario,
      5,
      script.map((x) => rename(x)),
      8 * HOUR,
    );
    expect(odd.events.length).toBe(plain.events.length);
    expect(odd.refused.map((x) => x.code)).toEqual(plain.refused.map((x) => x.code));
    expect(rename(metrics(plain.state).teams.map((t) => t.score))).toEqual(metrics(odd.state).teams.map((t) => t.score));
    const r = createReplayer(odd.log, { verify: true });
    if (!r.ok) throw new Error(r.message);
    expect(stateHash(r.replayer.final())).toBe(stateHash(odd.state));
  });
});
