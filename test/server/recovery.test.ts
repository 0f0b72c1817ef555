/**
 * The recovery test of issue #4: a real `ramparts serve` process runs a real-time exercise while
 * seats send commands; it is killed with SIGKILL at moments drawn from a seeded RNG, restarted,
 * and so on for ROUNDS rounds. Then every acknowledged command is in the log at the sequence number
 * its acknowledgement gave, every event any seat received is in the log, and the server's state
 * hash equals the engine's replay of the log. After each restart the running exercise is paused and
 * every seat is told why.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLog, replay, stateHash, type WhiteView } from '../../engine/index.ts';
import type { CreateExerciseResponse, ExerciseSummary, SeatEvent } from '../../protocol/index.ts';
import { startChildServer, type ChildServer } from './child-server.ts';
import { audienceAllows } from '../../engine/index.ts';
import { HANG_MS } from '../timeouts.ts';
import { FIXTURES, api, canonicalJson, commandPositions, createExercise, joinSeat, seatForm, type Seat } from './helpers.ts';

const SEED = 'ramparts-recovery-1';
const ROUNDS = 10;
const SEATS = ['controller', 'blue:kw', 'blue:om'] as const;

interface Acked {
  seq: number;
  body: Record<string, unknown>;
  seat: (typeof SEATS)[number];
  round: number;
}

const dirs: string[] = [];
let running: ChildServer | undefined;
afterAll(async () => {
  await running?.kill();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const actorOf = (seat: Acked['seat']) => (seat === 'controller' ? { role: 'white' } : { role: 'blue', team: seat.slice(5) });

describe(`SIGKILL recovery (seed ${SEED})`, () => {
  it(`loses nothing acknowledged over ${ROUNDS} kills, and the state equals a replay of the log`, async () => {
    const rng = seedrandom(SEED);
    const dataDir = await mkdtemp(join(tmpdir(), 'ramparts-kill-'));
    dirs.push(dataDir);
    running = await startChildServer(dataDir, FIXTURES);
    const ex: CreateExerciseResponse = await createExercise(running.url, 'minimal', 'realtime', 5);
    const token = (seat: string) => ex.seats.find((s) => s.seat === seat)!.token;
    const acked: Acked[] = [];
    const received: Array<{ name: string; event: SeatEvent }> = [];

    for (let round = 0; round < ROUNDS; round++) {
      const seats: Record<string, Seat> = {};
      for (const seat of SEATS) seats[seat] = await joinSeat(running.url, ex.exerciseId, token(seat));
      const controller = seats.controller!;
      if (round === 0) {
        const started = await controller.command({ type: 'start' });
        expect(started.ok).toBe(true);
        if (started.ok) acked.push({ seq: started.seq, body: { type: 'start' }, seat: 'controller', round });
      } else {
        // The kill caught the exercise running: it is back paused, and every seat was told.
        for (const seat of SEATS) {
          expect(
            seats[seat]!.welcome.notices.map((n) => n.code),
            `round ${round}, ${seat}`,
          ).toContain('RECOVERED_PAUSED');
        }
        expect((controller.view as WhiteView).clock.phase).toBe('paused');
        const resumed = await controller.command({ type: 'resume' });
        expect(resumed, `round ${round}`).toMatchObject({ ok: true });
        if (resumed.ok) acked.push({ seq: resumed.seq, body: { type: 'resume' }, seat: 'controller', round });
      }

      // Every seat sends commands until the kill.
      let killed = false;
      const gone = new Promise<void>((done) => running!.process.once('exit', () => done()));
      const loops = SEATS.map(async (seat) => {
        for (let i = 0; !killed; i++) {
          const body: Record<string, unknown> =
            seat === 'controller' ? { type: 'speed', speed: 1 + Math.floor(rng() * 60) } : { type: 'sitrep', text: `round ${round} ${seat} #${i}`, severity: 'low' };
          // A command in flight at the kill is rejected with the disconnection: not acknowledged.
          const reply = await Promise.race([seats[seat]!.command(body).catch(() => undefined), gone.then(() => undefined)]);
          if (reply?.ok) acked.push({ seq: reply.seq, body, seat, round });
          await sleep(60); // under the per-socket rate limit
        }
      });
      // The kill comes after a seeded number of acknowledged commands this round, not after a wall-clock
      // delay: on a busy machine a delay let too few commands through for the test to mean anything.
      const due = 6 + Math.floor(rng() * 12);
      const roundStart = acked.length;
      const hang = Date.now() + HANG_MS;
      while (acked.length - roundStart < due && Date.now() < hang) await sleep(10);
      killed = true;
      await running.kill();
      await Promise.all(loops);
      for (const [name, seat] of Object.entries(seats)) {
        received.push(...seat.deltas.flatMap((d) => d.events).map((event) => ({ name, event })));
        seat.close();
      }
      running = await startChildServer(dataDir, FIXTURES);
    }

    // The last restart: compare the live server with the log it wrote.
    const controller = await joinSeat(running.url, ex.exerciseId, token('controller'));
    expect(controller.welcome.notices.map((n) => n.code)).toContain('RECOVERED_PAUSED');
    controller.close();
    const summary = await api<ExerciseSummary>(running.url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, token('controller'));
    const logText = await api<string>(running.url, 'GET', `/api/exercises/${ex.exerciseId}/log`, undefined, token('controller'));
    expect(logText.status).toBe(200);
    const parsed = parseLog(logText.body);
    if (!parsed.ok) throw new Error(`log does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    const { records } = parsed.log;
    expect(records.length).toBe(summary.body.revision);

    // Every acknowledged command is in the log, as its seat's (acknowledgements carry the seat's own
    // numbers, not log positions, so it is found by what it is).
    expect(acked.length).toBeGreaterThan(ROUNDS * 5);
    const positions = commandPositions(records);
    for (const a of acked) {
      expect(positions.has(canonicalJson({ ...a.body, actor: actorOf(a.seat) })), `round ${a.round}: ${JSON.stringify(a.body)} acknowledged, not in the log`).toBe(true);
    }
    // Every event a seat received is in the log, identical.
    // Each audience numbers the events it may see 1, 2, 3, ...: a seat's event n is the n-th logged
    // event of its audience. Seats get events without their audience (protocol SeatEvent), renumbered.
    const all = records.flatMap((r) => r.events ?? []);
    const ofAudience = new Map(
      SEATS.map((name) => {
        const seat = name === 'controller' ? { role: 'white' } : { role: 'blue', team: name.slice(5) };
        return [name as string, all.filter((e) => audienceAllows(e.audience, seat))];
      }),
    );
    expect(received.length).toBeGreaterThan(ROUNDS * 5);
    for (const { name, event } of received) {
      const logged = ofAudience.get(name)![event.seq - 1];
      expect(logged && { ...seatForm(logged), seq: event.seq }, `${name}'s event ${event.seq}`).toEqual(event);
    }
    // Each restart paused the exercise with a recorded pause.
    expect(records.filter((r) => r.command.type === 'pause').length).toBeGreaterThanOrEqual(ROUNDS);

    // The engine's replay of the log reproduces the live state exactly.
    const replayed = replay(parsed.log, { verify: true });
    if (!replayed.ok) throw new Error(`replay failed at record ${replayed.record}: ${replayed.message}`);
    expect(stateHash(replayed.state)).toBe(summary.body.stateHash);

    expect(await running.stop()).toBe(0);
    running = undefined;
  });
});
