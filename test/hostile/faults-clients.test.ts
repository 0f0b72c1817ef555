/**
 * Faults, clients: seats that stop reading, and seats whose connection drops in the middle of a
 * burst of deltas.
 *
 * - A slow client: a blue seat whose TCP socket stops being read (paused under the WebSocket)
 *   while its audience receives a stream of large deltas. What the server holds for it must stay
 *   under server/realtime/backlog.ts's bound (MAX_BACKLOG_BYTES beyond its largest message): the
 *   server cuts it off and logs it. The other seats receive everything, without a gap, with their
 *   latency recorded; the slow seat, reconnecting with what it holds, ends with the exact view.
 * - Drops mid-burst: while two teams and the controller send commands, readers of every audience
 *   lose their connection (a clean Engine.IO close, or the TCP socket destroyed) and reconnect with
 *   their lastSeq, again and again. Each ends with exactly the view a fresh seat gets, and the
 *   deltas each applied chain without a gap or a duplicate.
 *
 * The server, the TCP socket under a seat, the bytes held for a socket and the delta chain check are
 * in faults-clients-harness.ts.
 */
import seedrandom from 'seedrandom';
import { HANG_MS } from '../timeouts.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { project, type ExerciseState } from '../../engine/index.ts';
import type { CommandReply, CreateExerciseResponse } from '../../protocol/index.ts';
import type { AudienceSeat } from '../../server/authority/audience.ts';
import { engineAdapter } from '../../server/authority/engine-adapter.ts';
import { defaultConfig } from '../../server/config.ts';
import { MAX_BACKLOG_BYTES } from '../../server/realtime/backlog.ts';
import { createExercise, joinSeat, until, type Seat, type TestServer } from '../server/helpers.ts';
import { budgetMs, recordFigures, scale } from './budget.ts';
import { sleep, tokenOf } from './faults-common.ts';
import { chainOf, heldFor, percentile, startServer, tcpOf, welcomeSeq, type LogLine } from './faults-clients-harness.ts';

const SEED = 'ramparts-faults-clients-1';

let server: TestServer;
const open: Seat[] = [];
afterAll(async () => {
  for (const seat of open) seat.close();
  await server?.dispose();
});

const lines: LogLine[] = [];

const stateOf = (ex: CreateExerciseResponse) => server.manager.host(ex.exerciseId)!.currentState as ExerciseState;

describe('clients that misbehave', () => {
  it(
    `a seat that stops reading is cut off within the backlog bound; the others keep receiving; it catches up exactly`,
    async () => {
      server = await startServer(lines);
      // The slow seat's paused TCP stops its pongs too: on a loaded machine, filling the backlog can take
      // longer than Engine.IO's ping timeout (25 + 20 s), which would then cut the seat first, without
      // the log line this test is about. Sockets read the timeout when they ping, so raise it for them.
      server.io.engine.opts.pingTimeout = HANG_MS;
      const ex = await createExercise(server.url, 'minimal', 'tabletop', 31);
      const controller = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, 'controller'));
      const writer = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, 'blue:kw'));
      const reader = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, 'blue:kw'));
      const other = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, 'blue:om'));
      const slow = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, 'blue:kw'));
      open.push(controller, writer, reader, other, slow);
      expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
      await until(slow, () => slow.lastSeq === reader.lastSeq && reader.lastSeq >= 1, 'the slow seat to have the start');
      // Nobody watches the controller's audience now: only kw's and om's views are projected.
      controller.close();

      const slowId = slow.socket.id!;
      let cutReason: string | undefined;
      server.io.sockets.sockets.get(slowId)!.once('disconnect', (reason) => (cutReason = reason));
      tcpOf(slow).pause();

      // Large situation reports from kw: every one is a delta of some 40 KB to kw's audience (its
      // text twice: in the view's patch and in the event).
      const rng = seedrandom(SEED);
      const filler = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(rng() * 26))).join('');
      const latencies: number[] = [];
      let maxHeld = 0;
      let commands = 0;
      const sampler = setInterval(() => {
        maxHeld = Math.max(maxHeld, heldFor(server, slowId) ?? 0);
      }, 5);
      try {
        while (cutReason === undefined) {
          if (commands > 4000) throw new Error(`not cut off after ${commands} deltas (held ${heldFor(server, slowId)} bytes)`);
          const sent = performance.now();
          const reply: CommandReply = await writer.command({ type: 'sitrep', text: `${commands} ${filler(19_900)}`, severity: 'low' });
          if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`);
          commands++;
          maxHeld = Math.max(maxHeld, heldFor(server, slowId) ?? 0);
          // The reader that does read gets it at once (recorded, not asserted: no timed assertions).
          await until(reader, () => reader.lastSeq >= reply.seq, `the reading seat to get ${reply.seq}`);
          latencies.push(performance.now() - sent);
        }
      } finally {
        clearInterval(sampler);
      }
      const largest = Math.max(...reader.frames.map((f) => f.length));
      expect(maxHeld, 'bytes held for the slow seat').toBeLessThanOrEqual(MAX_BACKLOG_BYTES + 2 * largest);
      expect(maxHeld, 'the slow seat did fill the backlog').toBeGreaterThan(MAX_BACKLOG_BYTES / 2);
      expect(server.io.sockets.sockets.has(slowId)).toBe(false);
      expect(lines.filter((l) => l.msg.startsWith('seat cut off') && l.seat === 'blue:kw' && l.socket === slowId)).toHaveLength(1);

      // The others missed nothing.
      expect(reader.gaps).toBe(0);
      expect(chainOf(reader.deltas, welcomeSeq(reader))).toMatchObject({ gaps: 0, duplicates: 0 });
      expect(reader.view).toEqual(project(stateOf(ex), { role: 'blue', team: 'kw' }));
      // om's audience sees none of kw's reports: its view stayed exact without a delta.
      expect(other.view).toEqual(project(stateOf(ex), { role: 'blue', team: 'om' }));

      // The slow seat reads again: it finds itself cut off, reconnects with what it holds, and ends
      // with the exact view.
      const gone = new Promise<void>((done) => slow.socket.once('disconnect', () => done()));
      tcpOf(slow).resume();
      await gone;
      const held = { lastSeq: slow.lastSeq, view: slow.view };
      const back = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, 'blue:kw'), held);
      open.push(back);
      expect(back.lastSeq).toBe(reader.lastSeq);
      expect(back.view).toEqual(reader.view);
      expect(back.view).toEqual(project(stateOf(ex), { role: 'blue', team: 'kw' }));

      recordFigures('faults', 'slow-client', {
        faults: 1,
        deltasPushed: commands,
        backlogLimitBytes: MAX_BACKLOG_BYTES,
        maxHeldBytes: maxHeld,
        largestMessageBytes: largest,
        cutReason: cutReason ?? 'none',
        catchUp: back.welcome.sync.kind,
        otherSeatGaps: reader.gaps,
        otherSeatLatencyP50Ms: Math.round(percentile(latencies, 0.5)),
        otherSeatLatencyMaxMs: Math.round(Math.max(...latencies)),
        lost: 0,
        exactViewAfterReconnect: true,
      });
      for (const seat of [writer, reader, other, back]) seat.close();
    },
    budgetMs(120_000),
  );

  const CYCLES = scale(20, 200);
  it(
    `${CYCLES} drop-and-reconnect cycles in the middle of bursts: no gap, no duplicate, the exact view (seed ${SEED})`,
    async () => {
      server ??= await startServer(lines);
      const rng = seedrandom(`${SEED}-drops`);
      const ex = await createExercise(server.url, 'minimal', 'tabletop', 32);
      const controller = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, 'controller'));
      const kw = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, 'blue:kw'));
      const om = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, 'blue:om'));
      open.push(controller, kw, om);
      expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });

      // The burst: kw and om file reports, the controller moves the clock (events for every audience).
      let stop = false;
      let acked = 0;
      const writers = [
        (async () => {
          for (let t = 15_000; !stop; t += 15_000) {
            const reply = await controller.command({ type: 'advance', to: t });
            if (reply.ok) acked++;
            await sleep(3);
          }
        })(),
        ...[kw, om].map(async (seat, w) => {
          for (let i = 0; !stop; i++) {
            const reply = await seat.command({ type: 'sitrep', text: `w${w} #${i}`, severity: 'low' });
            if (reply.ok) acked++;
            await sleep(2);
          }
        }),
      ];

      const audiences: Array<{ seat: string; view: AudienceSeat }> = [
        { seat: 'controller', view: { role: 'white' } },
        { seat: 'blue:kw', view: { role: 'blue', team: 'kw' } },
        { seat: 'blue:om', view: { role: 'blue', team: 'om' } },
        { seat: 'red', view: { role: 'red' } },
        { seat: 'evaluator', view: { role: 'evaluator' } },
      ];
      const readers = new Map<string, Seat>();
      for (const a of audiences) readers.set(a.seat, await joinSeat(server.url, ex.exerciseId, tokenOf(ex, a.seat)));
      const totals = { gaps: 0, duplicates: 0, applied: 0, engineCloses: 0, tcpCuts: 0, reconnects: 0, byDeltas: 0, byFull: 0, current: 0 };
      /** Where each reader's current connection started (the seq after its welcome). */
      const startedAt = new Map<string, number>([...readers].map(([k, s]) => [k, welcomeSeq(s)]));
      const settle = (name: string, seat: Seat) => {
        const chain = chainOf(seat.deltas, startedAt.get(name)!);
        totals.gaps += chain.gaps + seat.gaps;
        totals.duplicates += chain.duplicates;
        totals.applied += chain.applied;
      };

      for (let cycle = 0; cycle < CYCLES; cycle++) {
        await sleep(10 + Math.floor(rng() * 40));
        // Some readers drop, each its own way, and come back after a moment.
        const dropping = audiences.filter(() => rng() < 0.6);
        await Promise.all(
          dropping.map(async ({ seat: name }) => {
            const seat = readers.get(name)!;
            const gone = new Promise<void>((done) => seat.socket.once('disconnect', () => done()));
            if (rng() < 0.5) {
              totals.engineCloses++;
              seat.socket.io.engine.close();
            } else {
              totals.tcpCuts++;
              tcpOf(seat).destroy();
            }
            await gone;
            settle(name, seat);
            seat.close();
            await sleep(Math.floor(rng() * 30));
            const held = { lastSeq: seat.lastSeq, view: seat.view };
            const back = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, name), held);
            totals.reconnects++;
            const kind = back.welcome.sync.kind;
            if (kind === 'deltas') totals.byDeltas++;
            else if (kind === 'full') totals.byFull++;
            else totals.current++;
            startedAt.set(name, welcomeSeq(back, held.lastSeq));
            readers.set(name, back);
          }),
        );
      }
      stop = true;
      await Promise.all(writers);
      // Heavy audiences (the controller's, the evaluators') are published at most every
      // heavyIntervalMs: their last publication is due within that (a full run once compared the
      // controller's view with the engine's before it went out). Timers fire in order on this one
      // event loop, so after three intervals it has been sent.
      await sleep(3 * defaultConfig().deltas.heavyIntervalMs);

      // Every reader ends with exactly the view a fresh seat of its audience gets, and the engine's.
      for (const { seat: name, view } of audiences) {
        const reader = readers.get(name)!;
        const fresh = await joinSeat(server.url, ex.exerciseId, tokenOf(ex, name));
        await until(reader, () => reader.lastSeq === fresh.lastSeq, `${name} to catch up to ${fresh.lastSeq}`);
        expect(reader.view, `${name} against a fresh seat`).toEqual(fresh.view);
        expect(reader.view, `${name} against the engine's projection`).toEqual(engineAdapter.project(stateOf(ex), view));
        settle(name, reader);
        reader.close();
        fresh.close();
      }
      expect(totals.gaps).toBe(0);
      expect(totals.duplicates).toBe(0);
      expect(totals.reconnects).toBeGreaterThan(CYCLES);
      expect(totals.engineCloses).toBeGreaterThan(0);
      expect(totals.tcpCuts).toBeGreaterThan(0);

      recordFigures('faults', 'drop-reconnect-mid-burst', {
        rounds: CYCLES,
        faults: totals.engineCloses + totals.tcpCuts,
        engineCloses: totals.engineCloses,
        tcpCuts: totals.tcpCuts,
        reconnects: totals.reconnects,
        caughtUpByDeltas: totals.byDeltas,
        caughtUpByFullView: totals.byFull,
        alreadyCurrent: totals.current,
        deltasApplied: totals.applied,
        acked,
        gaps: totals.gaps,
        duplicates: totals.duplicates,
        lost: 0,
        exactViews: true,
      });
      for (const seat of [controller, kw, om]) seat.close();
    },
    budgetMs(300_000),
  );
});
