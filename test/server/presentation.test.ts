/**
 * The presentation view (issue 14), against a real server with real socket.io clients: the
 * controller gets the projector's link (with the exercise's seats, and anew from its Seats tab);
 * joined with that link alone, the room's screen sees its live tally of which teams answered move
 * with each answer of ransomware-tabletop, and nothing more: no answer text, no inject for some
 * teams, no ground truth, no criterion, no seed, no number that counts what it does not see. Any
 * command from it is refused with a sentence.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PresentationView, WhiteView } from '../../engine/index.ts';
import type { SeatLink, SeatListResponse } from '../../protocol/index.ts';
import { HANG_MS } from '../timeouts.ts';
import { checkBlueSeat } from './fairness-checker.ts';
import { api, createExercise, joinSeat, type Seat, seatToken, seesNow, startTestServer, type TestServer, until } from './helpers.ts';

const SCENARIOS = resolve(import.meta.dirname, '../../scenarios');
const SEED = 1_357_913;
const ANSWERS = { moh: 'ANSWER-MARK-moh the duty officer reads it', zaycert: 'ANSWER-MARK-zaycert the SOC lead on call' };

/** Every string value in a value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

interface ScenarioFile {
  injects: Array<Record<string, unknown> & { to?: string[] }>;
}

let server: TestServer;
let scenario: ScenarioFile;
let controller: Seat;
let room: Seat;
const opened: Seat[] = [];
const view = () => room.view as PresentationView;
const answered = () => view().move?.questions[0]?.answered ?? [];

beforeAll(async () => {
  scenario = parse(await readFile(resolve(SCENARIOS, 'ransomware-tabletop.yaml'), 'utf8')) as ScenarioFile;
  server = await startTestServer({ scenariosDir: SCENARIOS });
  const ex = await createExercise(server.url, 'silent-ward-ransomware-ttx', 'tabletop', SEED);
  const join = async (token: string) => {
    const seat = await joinSeat(server.url, ex.exerciseId, token);
    opened.push(seat);
    return seat;
  };
  controller = await join(seatToken(ex, 'controller'));
  // The exercise's seats list the presentation's link; the controller's Seats tab lists the seat and
  // issues it a new link (revoking the first): the room's screen joins with that link.
  const first = ex.seats.find((s) => s.seat === 'presentation');
  expect(first).toMatchObject({ role: 'presentation', link: expect.stringContaining(first?.token ?? '-') });
  const listed = await api<SeatListResponse>(server.url, 'GET', `/api/exercises/${ex.exerciseId}/seats`, undefined, seatToken(ex, 'controller'));
  expect(listed.body.ok && listed.body.seats.map((s) => s.seat)).toContain('presentation');
  const issued = await api<{ ok: true; seat: SeatLink }>(server.url, 'POST', `/api/exercises/${ex.exerciseId}/seats/presentation/token`, {}, seatToken(ex, 'controller'));
  expect(issued.body.seat).toMatchObject({ seat: 'presentation', role: 'presentation' });
  expect(issued.body.seat.token).not.toBe(first?.token);
  room = await join(issued.body.seat.token);
  expect(room.welcome.seat).toMatchObject({ seat: 'presentation', role: 'presentation' });
  const moh = await join(seatToken(ex, 'blue:moh'));
  const zaycert = await join(seatToken(ex, 'blue:zaycert'));

  expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
  await until(room, () => view().move?.id === 'm1-warning', 'the first move on the room screen');
  expect(view().move?.questions.length).toBeGreaterThan(0);
  expect(answered()).toEqual([]);
  const question = view().move!.questions[0]!.id;
  for (const [team, seat] of [
    ['moh', moh],
    ['zaycert', zaycert],
  ] as const) {
    const before = room.lastSeq;
    expect(await seat.command({ type: 'answer-question', move: 'm1-warning', question, text: ANSWERS[team] })).toMatchObject({ ok: true });
    // The tally moves with each answer, by one delta of the presentation's own sequence.
    await until(room, () => answered().includes(team), `${team}'s answer on the room screen`);
    expect(room.lastSeq).toBe(before + 1);
  }
  // Another team's command that changes nothing on the screen does not move it.
  expect(await moh.command({ type: 'sitrep', text: 'SITREP-MARK-moh the gateway is patched', severity: 'low' })).toMatchObject({ ok: true });
  expect(await controller.command({ type: 'move', move: 'm2-response' })).toMatchObject({ ok: true });
  await until(room, () => view().move?.id === 'm2-response', 'the second move on the room screen');
  await seesNow(server, room, 'the room screen');
  // The first test compares the screen's clock with the controller's: both caught up, not one of them.
  await seesNow(server, controller, 'the controller');
}, HANG_MS);

afterAll(async () => {
  for (const s of opened) s.close();
  await server?.dispose();
});

describe('the presentation view', () => {
  it("keeps the room's tally of answers, the clock and the move in sync with the controller", () => {
    const white = controller.view as WhiteView;
    expect(view().kind).toBe('presentation');
    expect(view().clock.t).toBe(white.clock.t);
    expect(view().moves.find((m) => m.id === 'm1-warning')?.begun).toBe(true);
    expect(room.gaps).toBe(0);
  });

  it('carries no answer text, no inject for some teams, no ground truth, criterion or seed, and numbers only its own steps', () => {
    const played = scenario.injects.map(({ evaluation: _e, ...rest }) => rest);
    // Texts the scenario also uses outside its injects (team names, moves) may show.
    const moves = strings({ ...scenario, injects: [] }).join('\n');
    // What injects say to the teams they are for (titles, senders, contents): never on the room's screen.
    const teamOnly = [...new Set(strings(played.filter((i) => i.to !== undefined)))].filter((s) => s.length >= 16 && !moves.includes(s));
    const criteria = [...new Set(strings(scenario.injects.map((i) => i.evaluation)))].filter((s) => s.length >= 16 && !moves.includes(s));
    expect(teamOnly.length, 'team-only texts to look for').toBeGreaterThan(20);
    expect(criteria.length, 'criteria to look for').toBeGreaterThan(5);
    // The frames did carry the tally: one delta for each team's answer.
    expect(room.frames.filter((f) => f.includes('"answered":{"0":["moh"]') || f.includes('"answered":{"0":["zaycert"]'))).toHaveLength(2);
    const leaks = checkBlueSeat(
      { team: 'presentation', seed: SEED, redPlan: [], foreignNodes: [], othersPrivate: [...Object.values(ANSWERS), 'ANSWER-MARK', 'SITREP-MARK', ...teamOnly], criteria, scenario: [] },
      { frames: room.frames, rest: [] },
    );
    expect(leaks).toEqual([]);
  });

  it('refuses every command from the room screen with a sentence', async () => {
    for (const body of [{ type: 'pause' }, { type: 'answer-question', move: 'm2-response', question: 'q1', text: 'x' }, { type: 'move', move: 'm3-recovery' }]) {
      const reply = await room.command(body);
      expect(reply).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/the presentation view is read-only/) });
      expect((reply as { message: string }).message).toMatch(/\s.*\s/);
    }
    expect((controller.view as WhiteView).clock.phase).toBe('running');
  });
});
