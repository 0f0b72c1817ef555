/**
 * A fair exercise (issue 13): the flagship scenario (gulf-shield) run live over real sockets with
 * every seat joined (controller, three blue teams, red cell, evaluator). Every frame each blue seat
 * receives, the REST answers it gets and its refusals for another nation's node and a made-up one are
 * handed to the fairness checker (fairness-checker.ts), which lists every leak: facts the seat was not
 * given and facts it could infer. The checker is itself checked: fed the white cell's frames as if
 * they were a blue seat's, it must report the leaks.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { BlueView, WhiteView } from '../../engine/index.ts';
import { checkBlueSeat, type Leak, type Received, type Secrets } from './fairness-checker.ts';
import { HANG_MS } from '../timeouts.ts';
import { TEST_OPERATOR_TOKEN, api, audienceOfSeat, createExercise, joinSeat, startTestServer, until, type Seat, type TestServer } from './helpers.ts';

const SCENARIOS = resolve(import.meta.dirname, '../../scenarios');
const BLUE = ['xs', 'xr', 'xn'] as const;
const SEED = 1_234_567;

/** Every string (keys and values) of a value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

interface ScenarioFile {
  meta: { description: string | Record<string, string> };
  campaigns: Array<Record<string, unknown>>;
  injects: Array<Record<string, unknown>>;
  network: { segments: Array<{ id: string; owner: string; sharedWith?: string[] }>; nodes: Array<{ id: string; segment: string }> };
}

let server: TestServer;
let scenario: ScenarioFile;
const seats: Record<string, Seat> = {};
const rest: Record<string, unknown[]> = {};
const probes: Record<string, NonNullable<Received['probes']>> = {};
/** The lobby's list as an operator gets it (with descriptions): for the checker's own test. */
let operatorList: unknown;
let operatorMetrics: unknown;

/** What the evaluators judge with (format 2: an inject's `evaluation`; format 1: `expects`, `evaluates`). */
function criteriaOf(file: ScenarioFile): string[] {
  const judged = file.injects.map((i) => ({ evaluation: i.evaluation, expects: i.expects, evaluates: i.evaluates }));
  const played = file.injects.map(({ evaluation: _e, expects: _x, evaluates: _v, ...rest }) => rest);
  const elsewhere = strings({ ...file, injects: played }).join('\n');
  return [...new Set(strings(judged))].filter((s) => s.length >= 12 && !elsewhere.includes(s));
}

function secretsOf(team: string): Secrets {
  const elsewhere = strings({ ...scenario, campaigns: [] }).join('\n');
  // Ids, names, descriptions of campaigns, objectives and steps (their indicators and techniques show
  // in alerts by design); words the scenario also uses outside the campaign are blue-visible.
  const texts = (t: unknown): string[] => (typeof t === 'string' ? [t] : t && typeof t === 'object' ? Object.values(t as Record<string, string>) : []);
  const plan: string[] = [];
  for (const c of scenario.campaigns as Array<{
    id: string;
    name?: unknown;
    description?: unknown;
    objectives?: Array<{ id: string; name?: unknown }>;
    steps: Array<{ id: string; name?: unknown; description?: unknown }>;
  }>) {
    plan.push(c.id, ...texts(c.name), ...texts(c.description));
    for (const o of c.objectives ?? []) plan.push(o.id, ...texts(o.name));
    for (const st of c.steps) plan.push(st.id, ...texts(st.name), ...texts(st.description));
  }
  plan.splice(0, plan.length, ...plan.filter((p) => p.length >= 4 && !elsewhere.includes(p)));
  const visible = new Set(scenario.network.segments.filter((g) => g.owner === team || (g.sharedWith ?? []).includes(team)).map((g) => g.id));
  const sender = BLUE[(BLUE.indexOf(team as (typeof BLUE)[number]) + BLUE.length - 1) % BLUE.length]!;
  return {
    team,
    seed: SEED,
    redPlan: [...new Set(plan)],
    foreignNodes: scenario.network.nodes.filter((n) => !visible.has(n.segment)).map((n) => n.id),
    othersPrivate: BLUE.filter((o) => o !== team).flatMap((o) => [`SITREP-MARK-${o}-`, `ANSWER-MARK-${o}-`, ...(o === sender ? [] : [`INTEL-MARK-${o}-to-`])]),
    criteria: criteriaOf(scenario),
    // The scenario's story, for the white cell and evaluators (served with the operator's lobby list only).
    scenario: texts(scenario.meta.description),
  };
}

beforeAll(async () => {
  scenario = parse(await readFile(resolve(SCENARIOS, 'gulf-shield.yaml'), 'utf8')) as ScenarioFile;
  server = await startTestServer({ scenariosDir: SCENARIOS, realtime: { tickMs: 200 } });
  const created = await createExercise(server.url, 'gulf-shield-2026', 'realtime', SEED);
  const token = (seat: string) => created.seats.find((s) => s.seat === seat)!.token;
  for (const seat of ['controller', 'red', 'evaluator', ...BLUE.map((b) => `blue:${b}`)]) seats[seat] = await joinSeat(server.url, created.exerciseId, token(seat));
  const white = seats.controller!;
  const blue = (team: string) => seats[`blue:${team}`]!;
  const view = (team: string) => blue(team).view as BlueView;
  operatorList = (await api(server.url, 'GET', '/api/scenarios', undefined, TEST_OPERATOR_TOKEN)).body;
  operatorMetrics = (await api(server.url, 'GET', '/metrics', undefined, TEST_OPERATOR_TOKEN)).body;
  for (const team of BLUE) {
    rest[team] = [
      (await api(server.url, 'GET', `/api/exercises/${created.exerciseId}`, undefined, token(`blue:${team}`))).body,
      (await api(server.url, 'GET', '/api/scenarios')).body,
      (await api(server.url, 'GET', '/api/scenarios', undefined, token(`blue:${team}`))).body,
      // The server's counters (commands by type, refusals by code) would count other teams' activity.
      (await api(server.url, 'GET', '/metrics', undefined, token(`blue:${team}`))).body,
    ];
  }
  expect(await white.command({ type: 'start' })).toMatchObject({ ok: true });
  // Slow enough that the controller's advances, not the wall clock of a busy machine, decide when it ends.
  expect(await white.command({ type: 'speed', speed: 60 })).toMatchObject({ ok: true });
  for (const hours of [1, 3, 6, 9, 12, 16, 20]) {
    const clock = (white.view as WhiteView).clock.t;
    if (clock < hours * 3_600_000) await white.command({ type: 'advance', to: hours * 3_600_000 });
    for (const team of BLUE) {
      const b = blue(team);
      expect(await b.command({ type: 'sitrep', text: `SITREP-MARK-${team}-${hours}`, severity: 'medium' })).toMatchObject({ ok: true });
      const partner = BLUE[(BLUE.indexOf(team) + 1) % BLUE.length]!;
      expect(
        await b.command({
          type: 'share-intel',
          partners: [partner],
          report: { title: `INTEL-MARK-${team}-to-${partner}-${hours}`, text: 'private to one partner', indicators: [`198.51.100.${BLUE.indexOf(team) * 30 + hours}`], tlp: 'AMBER' },
        }),
      ).toMatchObject({ ok: true });
      const own = view(team).nodes.filter((n) => n.own);
      await b.command({ type: 'action', action: 'isolate-host', target: { node: own[hours % own.length]!.id } });
      const item = view(team).inbox.find((i) => i.answeredAt === null);
      if (item) {
        await b.command({ type: 'ack-inject', inject: item.inject });
        await b.command({ type: 'answer-inject', inject: item.inject, text: `ANSWER-MARK-${team}-${item.inject}` });
      }
      const received = view(team).intel.received[0];
      if (received) await b.command({ type: 'apply-intel', report: received.id });
    }
  }
  // Probes: another nation's node, and a made-up id, with the same action.
  for (const team of BLUE) {
    const foreign = secretsOf(team).foreignNodes[0]!;
    const unknown = `${foreign}-no-such-host`;
    const b = blue(team);
    probes[team] = {
      foreign: { id: foreign, reply: await b.command({ type: 'action', action: 'isolate-host', target: { node: foreign } }) },
      unknown: { id: unknown, reply: await b.command({ type: 'action', action: 'isolate-host', target: { node: unknown } }) },
    };
  }
  // At x1000 the scenario may have run to its end by itself meanwhile.
  const ended = await white.command({ type: 'end' });
  if (!ended.ok) expect(ended.code).toBe('WRONG_PHASE');
  const host = server.manager.host(created.exerciseId)!;
  await host.idle();
  for (const [name, seat] of Object.entries(seats)) await until(seat, () => seat.lastSeq === host.viewNumber(audienceOfSeat(name)), `${name}'s final delta`);
}, HANG_MS);

afterAll(async () => {
  for (const seat of Object.values(seats)) seat.close();
  await server?.dispose();
});

const leaksOf = (team: string): Leak[] => checkBlueSeat(secretsOf(team), { frames: seats[`blue:${team}`]!.frames, rest: rest[team]!, probes: probes[team]! });
const ofKind = (kinds: readonly Leak['kind'][]) =>
  BLUE.flatMap((team) =>
    leaksOf(team)
      .filter((l) => kinds.includes(l.kind))
      .map((l) => `${team}: ${l.kind}: ${l.detail}`),
  );

describe('what every blue seat of a live gulf-shield exercise receives', () => {
  it('is a real run: frames, alerts, injects and red activity, and probes answered', () => {
    expect(secretsOf('xs').criteria.length, 'criteria to look for').toBeGreaterThan(20);
    const white = seats.controller!.view as WhiteView;
    expect(white.clock.phase).toBe('ended');
    expect(white.attempts.filter((a) => a.ok).length).toBeGreaterThan(0);
    for (const team of BLUE) {
      expect(seats[`blue:${team}`]!.frames.length).toBeGreaterThan(20);
      expect(probes[team]!.foreign.reply).toMatchObject({ ok: false });
      expect(secretsOf(team).criteria.length + secretsOf(team).redPlan.length).toBeGreaterThan(100);
    }
    // The figures RELIABILITY.md quotes ("Fairness"): what the checker read, and what it looked for.
    const read = BLUE.map((team) => seats[`blue:${team}`]!.frames);
    const looked = secretsOf('xs');
    console.log(
      `fairness: ${JSON.stringify({
        blueSeats: BLUE.length,
        frames: read.reduce((n, f) => n + f.length, 0),
        bytes: read.flat().reduce((n, f) => n + Buffer.byteLength(f), 0),
        restAnswers: BLUE.reduce((n, team) => n + rest[team]!.length, 0),
        probes: BLUE.length * 2,
        secretsPerSeat: {
          redPlan: looked.redPlan.length,
          criteria: looked.criteria.length,
          foreignNodes: looked.foreignNodes.length,
          othersPrivate: looked.othersPrivate.length,
          scenario: looked.scenario.length,
        },
        whiteFramesForSelfTest: seats.controller!.frames.length,
      })}`,
    );
  });

  it("holds no ground truth, red plan, seed, scenario description, other nation's node or text; refuses foreign and unknown nodes alike", () => {
    expect(ofKind(['ground-truth', 'red-plan', 'seed', 'scenario', 'foreign-node', 'private-text', 'refusal'])).toEqual([]);
  });

  it("numbers events, deltas and acknowledgements in the seat's own sequence, and REST answers carry no revision", () => {
    // Events: 1, 2, 3, ... among those the seat may see; deltas step by one among those it receives;
    // an acknowledgement carries a number of that sequence (docs/PROTOCOL.md, "What each seat receives").
    expect(ofKind(['numbering'])).toEqual([]);
  });

  it('holds no score component computed from ground truth before its release (the white cell has not released them)', () => {
    expect(ofKind(['score'])).toEqual([]);
  });
  it("holds no server-wide counters: /metrics refuses a blue seat's token as it refuses a stranger", () => {
    expect(ofKind(['counters'])).toEqual([]);
  });
  it("holds none of the evaluators' criteria (an inject's evaluation: expected actions, answers, rubrics)", () => {
    expect(ofKind(['criteria'])).toEqual([]);
  });
});

describe('the fairness checker', () => {
  it("fed the white cell's frames as a blue seat's, reports the leaks", () => {
    const leaks = checkBlueSeat(secretsOf('xs'), {
      frames: seats.controller!.frames,
      rest: [{ ok: true, seed: SEED, revision: 12 }, operatorList, operatorMetrics],
      probes: {
        foreign: { id: 'a', reply: { ok: false, code: 'FORBIDDEN', message: 'node "a" belongs to another team' } },
        unknown: { id: 'b', reply: { ok: false, code: 'NOT_FOUND', message: 'no node "b"' } },
      },
    });
    const kinds = new Set(leaks.map((l) => l.kind));
    for (const kind of ['ground-truth', 'red-plan', 'foreign-node', 'private-text', 'scenario', 'seed', 'score', 'numbering', 'refusal', 'counters'] as const) {
      expect(kinds.has(kind), `the checker missed ${kind} in the white view`).toBe(true);
    }
  });
});
