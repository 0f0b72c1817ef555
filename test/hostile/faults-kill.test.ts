/**
 * Faults, process: a real `ramparts serve` child is killed with SIGKILL at seeded random moments
 * while several seats (five sockets) send commands at their rate limit without waiting for each
 * other, so that commands are in flight, being batched and being fsynced at every kill. The same
 * data directory is served again after each kill, and after every restart:
 * - every command acknowledged before the kill is in the log at the sequence number it was given;
 * - every event a seat received is in the log, identical;
 * - the server's state hash equals the engine's replay of its log;
 * - the exercise came back paused with the recovery notice, resumes, and takes commands.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import type { WhiteView } from '../../engine/index.ts';
import type { CommandReply, SeatEvent } from '../../protocol/index.ts';
import { startChildServer, type ChildServer } from '../server/child-server.ts';
import { FIXTURES, createExercise, joinSeat, seatForm, type Seat } from '../server/helpers.ts';
import { audienceAllows } from '../../engine/index.ts';
import { budgetMs, recordFigures, scale } from './budget.ts';
import { checkLog, sleep, tokenOf, type Acked } from './faults-common.ts';

const SEED = 'ramparts-faults-kill-1';
const ROUNDS = scale(10, 100);
/** Seats and how many sockets each opens (each socket has its own rate limit). */
const SOCKETS = [
  ['controller', 1],
  ['blue:kw', 2],
  ['blue:om', 2],
] as const;
/** Under the per-socket rate limit (20 per second, burst 60) of a default server. */
const SEND_EVERY_MS = 55;

const dirs: string[] = [];
let running: ChildServer | undefined;
afterAll(async () => {
  await running?.kill();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe(`SIGKILL at random moments under load (seed ${SEED})`, () => {
  it(
    `${ROUNDS} kills: nothing acknowledged lost, the exercise resumes each time, the state equals a replay of the log`,
    async () => {
      const rng = seedrandom(SEED);
      const dataDir = await mkdtemp(join(tmpdir(), 'ramparts-faults-kill-'));
      dirs.push(dataDir);
      /** Kills that left a torn last entry (in the middle of an append), cut off by the restart. */
      let tornTails = 0;
      /** Most temporary files (of snapshots being written at a kill) found in the snapshot folder. */
      let tmpLeft = 0;
      const serve = () => startChildServer(dataDir, FIXTURES);
      running = await serve();
      const ex = await createExercise(running.url, 'minimal', 'realtime', 21);
      const acked: Acked[] = [];
      const received: Array<{ name: string; event: SeatEvent }> = [];
      let sent = 0;
      let inFlightAtKill = 0;
      let hashChecks = 0;

      for (let round = 0; round < ROUNDS; round++) {
        const sockets: Array<{ name: string; seat: Seat }> = [];
        for (const [name, count] of SOCKETS) {
          for (let i = 0; i < count; i++) sockets.push({ name, seat: await joinSeat(running.url, ex.exerciseId, tokenOf(ex, name)) });
        }
        const controller = sockets[0]!.seat;
        if (round === 0) {
          sent++;
          const started = await controller.command({ type: 'start' });
          expect(started.ok).toBe(true);
          if (started.ok) acked.push({ seq: started.seq, body: { type: 'start' }, seat: 'controller' });
        } else {
          // Back after a kill: paused where it was, every seat told why; the controller resumes it.
          for (const { name, seat } of sockets) {
            expect(
              seat.welcome.notices.map((n) => n.code),
              `round ${round}, ${name}`,
            ).toContain('RECOVERED_PAUSED');
          }
          expect((controller.view as WhiteView).clock.phase, `round ${round}`).toBe('paused');
          sent++;
          const resumed = await controller.command({ type: 'resume' });
          expect(resumed, `round ${round}`).toMatchObject({ ok: true });
          if (resumed.ok) acked.push({ seq: resumed.seq, body: { type: 'resume' }, seat: 'controller' });
        }

        // Every socket sends at its rate limit without waiting for replies; the kill comes at a
        // seeded moment. A command in flight at the kill gets no reply: not acknowledged.
        let killed = false;
        const pending = new Set<Promise<void>>();
        const loops = sockets.map(async ({ name, seat }, s) => {
          for (let i = 0; !killed; i++) {
            const body: Record<string, unknown> = name === 'controller' ? { type: 'speed', speed: 1 + Math.floor(rng() * 60) } : { type: 'sitrep', text: `r${round} s${s} #${i}`, severity: 'low' };
            sent++;
            const reply = seat.command(body).then(
              (r: CommandReply) => {
                if (r.ok) acked.push({ seq: r.seq, body, seat: name });
              },
              () => undefined,
            );
            pending.add(reply);
            void reply.then(() => pending.delete(reply));
            await sleep(SEND_EVERY_MS);
          }
        });
        await sleep(150 + Math.floor(rng() * 600));
        killed = true;
        inFlightAtKill += pending.size;
        await running.kill();
        for (const { seat } of sockets) seat.close();
        await Promise.all(loops);
        await Promise.all(pending);
        for (const { name, seat } of sockets) received.push(...seat.deltas.flatMap((d) => d.events).map((event) => ({ name, event })));

        const snapshots = join(dataDir, 'exercises', ex.exerciseId, 'snapshots');
        tmpLeft = Math.max(tmpLeft, (await readdir(snapshots)).filter((n) => n.endsWith('.tmp')).length);
        // At most the one this kill left: the next snapshot clears those of earlier kills.
        expect(tmpLeft, `round ${round}: temporary snapshot files piling up`).toBeLessThanOrEqual(1);
        const logFile = join(dataDir, 'exercises', ex.exerciseId, 'log.jsonl');
        const torn = !(await readFile(logFile, 'utf8')).endsWith('\n');
        if (torn) tornTails++;
        running = await serve();
        if (torn) expect((await readFile(logFile, 'utf8')).endsWith('\n'), `round ${round}: the torn entry was cut off`).toBe(true);
        const { records } = await checkLog(running.url, ex, acked, new Set(), `after kill ${round + 1}`);
        hashChecks++;
        // Each audience numbers the events it may see 1, 2, 3, ...: a seat's event n is the n-th logged
        // event of its audience. Seats get events without their audience (protocol SeatEvent), renumbered.
        const all = records.flatMap((r) => r.events ?? []);
        const nth = (name: string, n: number) => {
          const seat = name === 'controller' ? { role: 'white' } : { role: 'blue', team: name.slice(5) };
          const e = all.filter((x) => audienceAllows(x.audience, seat))[n - 1];
          return e === undefined ? undefined : { ...seatForm(e), seq: n };
        };
        for (const { name, event } of received) expect(nth(name, event.seq), `round ${round}: ${name}'s event ${event.seq}`).toEqual(event);
        received.length = 0;
      }

      // The last restart resumes and takes commands.
      const controller = await joinSeat(running.url, ex.exerciseId, tokenOf(ex, 'controller'));
      expect(controller.welcome.notices.map((n) => n.code)).toContain('RECOVERED_PAUSED');
      sent++;
      const resumed = await controller.command({ type: 'resume' });
      expect(resumed).toMatchObject({ ok: true });
      if (resumed.ok) acked.push({ seq: resumed.seq, body: { type: 'resume' }, seat: 'controller' });
      controller.close();
      const final = await checkLog(running.url, ex, acked, new Set(), 'final');
      expect(acked.length).toBeGreaterThan(ROUNDS * 5);
      expect(final.records.filter((r) => r.command.type === 'pause').length).toBeGreaterThanOrEqual(ROUNDS);
      expect(await running.stop()).toBe(0);
      running = undefined;

      recordFigures('faults', 'sigkill-under-load', {
        rounds: ROUNDS,
        faults: ROUNDS,
        sockets: SOCKETS.reduce((n, [, c]) => n + c, 0),
        sent,
        acked: acked.length,
        inFlightAtKill,
        tornTails,
        tmpFilesLeftMax: tmpLeft,
        logEntries: final.seq,
        hashChecks,
        lost: 0,
        hashEqualReplay: true,
      });
    },
    budgetMs(600_000),
  );
});
