/**
 * Hostile world, faults: PostgreSQL and Redis restarted under running `ramparts serve` processes
 * (scale-out mode: PostgreSQL store and leases, Redis Streams adapter), while seats keep sending
 * commands to a real-time exercise. Private servers on free ports (private-services.ts), never the
 * shared ones other tests use.
 *
 * What must hold, every round: every acknowledged command is in the PostgreSQL log at its seq;
 * every command sent during an outage gets an answer, an acknowledgement or a coded error, within a
 * bound (no hang) and the server does not crash; once the backend is back, the server reconnects by
 * itself and the same seats' commands are acknowledged again; at the end the live state hash equals
 * the replay of the log and every seat, on either process, has caught up to the last revision.
 *
 * The senders and the final check of the log are in backends-restart-senders.ts.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../protocol/index.ts';
import pgClient from 'pg';
import { PostgresStore } from '../../server/store/postgres/postgres-store.ts';
import { spawnServe, type ChildServer } from '../server/child-server.ts';
import { FIXTURES, createExercise, joinSeat, seatJoiner, seatToken, type Seat } from '../server/helpers.ts';
import { ackedAgain, REPLY_BOUND_MS, sender, sleep, tally, verify, type Sent } from './backends-restart-senders.ts';
import { budgetMs, recordFigures, scale } from './budget.ts';
import { startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from './private-services.ts';

/** How long each outage lasts. */
const OUTAGE_MS = 1_000;
/**
 * The last outage of each test is longer: PostgreSQL's outlasts the ownership lease (1.5 s), Redis's
 * outlasts the Redis client's 5 s command timeout (a queued command that timed out unobserved once
 * ended the process).
 */
const LONG_PG_OUTAGE_MS = 3_000;
const LONG_REDIS_OUTAGE_MS = 6_500;

const children: ChildServer[] = [];
const seats: Seat[] = [];
const services: Array<PrivatePostgres | PrivateRedis> = [];

afterAll(async () => {
  for (const seat of seats) seat.close();
  for (const child of children) await child.kill();
  for (const service of services) await service.dispose();
});

function serve(pgUrl: string, redisUrl: string, schema: string): Promise<ChildServer> {
  return spawnServe(['--scenarios', FIXTURES, '--log-level', 'error', '--postgres', pgUrl, '--postgres-schema', schema, '--redis', redisUrl, '--lease-ms', '1500']).then((child) => {
    children.push(child);
    return child;
  });
}

describe('backends restarted under the server', () => {
  it('a connection cut between two queries of a transaction fails that transaction, not the process', async () => {
    // Found by the PostgreSQL restarts under load: the pool listens only on idle clients, and a
    // checked-out one whose connection was terminated between queries emitted an unheard 'error'.
    const pg = await startPrivatePostgres();
    services.push(pg);
    const store = await PostgresStore.open(pg.url, { schema: `hostile_${randomBytes(4).toString('hex')}` });
    const admin = new pgClient.Client({ connectionString: pg.url });
    await admin.connect();
    try {
      const cut = store.transaction(async (client) => {
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
        // The termination arrives while this client is checked out and between queries.
        await sleep(300);
        await client.query('SELECT 1');
      });
      await expect(cut).rejects.toThrow();
      // The broken connection went back to the pool as broken: the next transaction gets a good one.
      expect(await store.transaction(async (client) => (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one)).toBe(1);
    } finally {
      await admin.end();
      await store.close();
    }
    recordFigures('faults', 'postgres-connection-cut-in-transaction', { faults: 1, lost: 0, processSurvived: true });
  });

  it(
    'PostgreSQL restarted under a running exercise: nothing acknowledged lost, coded errors meanwhile, resumes by itself',
    async () => {
      const rounds = scale(2, 10);
      const pg = await startPrivatePostgres();
      services.push(pg);
      const redis = await startPrivateRedis();
      services.push(redis);
      const server = await serve(pg.url, redis.url, `hostile_${randomBytes(4).toString('hex')}`);
      const ex = await createExercise(server.url, 'minimal', 'realtime', 11);
      const token = (seat: string) => seatToken(ex, seat);
      const join = seatJoiner(ex, seats);
      const controller = await join(server.url, 'controller');
      const kw = await join(server.url, 'blue:kw');
      const om = await join(server.url, 'blue:om');
      expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
      expect(await controller.command({ type: 'speed', speed: 60 })).toMatchObject({ ok: true });

      const outage = { down: false };
      const log: Sent[] = [];
      const senders = [sender('blue:kw', kw, outage, log), sender('blue:om', om, outage, log)];
      const recoveries: number[] = [];
      const joinsRefused: string[] = [];
      let lastMark = 0;
      for (let round = 0; round < rounds; round++) {
        await sleep(700);
        const mode = round % 2 === 0 ? 'immediate' : 'fast';
        outage.down = true;
        pg.stop(mode);
        // A seat connecting meanwhile is told to retry (a coded connect error), not left hanging.
        const joining = await Promise.race([
          joinSeat(server.url, ex.exerciseId, token('evaluator')).then(
            (s) => {
              s.close();
              return 'joined';
            },
            (error: { data?: { code?: string } }) => error.data?.code ?? String(error),
          ),
          sleep(REPLY_BOUND_MS).then(() => 'no answer'),
        ]);
        joinsRefused.push(joining);
        await sleep(round === rounds - 1 ? LONG_PG_OUTAGE_MS : OUTAGE_MS);
        const mark = log.length;
        pg.start();
        outage.down = false;
        lastMark = mark;
        recoveries.push(await ackedAgain(log, mark, ['blue:kw', 'blue:om'], `PostgreSQL restart ${round + 1} (${mode})`));
        expect(server.process.exitCode, 'the server is still running').toBeNull();
      }
      await sleep(500);
      await Promise.all(senders.map((s) => s.stop()));

      const figures = tally(log);
      expect(figures.noAnswer, 'commands without an answer within the bound').toBe(0);
      expect(
        Object.keys(figures.codes).filter((code) => code !== ERROR_CODES.UNAVAILABLE),
        JSON.stringify(figures.codes),
      ).toEqual([]);
      expect(figures.codes[ERROR_CODES.UNAVAILABLE] ?? 0, 'commands sent while PostgreSQL was down were refused').toBeGreaterThan(0);
      expect(
        joinsRefused.every((j) => j === ERROR_CODES.UNAVAILABLE),
        joinsRefused.join(', '),
      ).toBe(true);
      const checked = await verify(server.url, ex, log, [kw, om, controller], seats);
      expect(checked.lost).toBe(0);
      expect(checked.duplicates, 'commands stored twice after a retry under the same key').toBe(0);
      // The real-time clock runs again by itself after the last restart: advances follow the first acknowledgement.
      const firstAfter = log.slice(lastMark).find((s) => s.reply !== 'no answer' && s.reply.ok)!;
      const position = checked.records.findIndex((r) => (r.command as { text?: string }).text === firstAfter.body.text);
      expect(position).toBeGreaterThanOrEqual(0);
      expect(
        checked.records.slice(position + 1).some((r) => r.command.type === 'advance'),
        'an advance after the last restart',
      ).toBe(true);
      expect(kw.socket.connected && om.socket.connected).toBe(true);
      expect(server.process.exitCode).toBeNull();

      recordFigures('faults', 'postgres-restart', {
        restarts: rounds,
        modes: 'immediate,fast',
        commandsSent: figures.sent,
        acked: checked.acked,
        lost: checked.lost,
        refusedUnavailable: figures.codes[ERROR_CODES.UNAVAILABLE] ?? 0,
        refusedButStored: checked.refusedButStored,
        storedTwice: checked.duplicates,
        noAnswer: figures.noAnswer,
        joinsDuringOutageRefused: joinsRefused.filter((j) => j === ERROR_CODES.UNAVAILABLE).length,
        slowestReplyMs: figures.slowestReplyMs,
        slowestRecoveryMs: Math.round(Math.max(...recoveries)),
        finalSeq: checked.seq,
        stateHashMatchesReplay: true,
      });
    },
    budgetMs(240_000),
  );

  it(
    'Redis restarted under two processes: commands answered meanwhile, seats on both get every delta after it returns',
    async () => {
      const rounds = scale(2, 10);
      const pg = await startPrivatePostgres();
      services.push(pg);
      const redis = await startPrivateRedis();
      services.push(redis);
      const schema = `hostile_${randomBytes(4).toString('hex')}`;
      const a = await serve(pg.url, redis.url, schema);
      const b = await serve(pg.url, redis.url, schema);
      const ex = await createExercise(a.url, 'minimal', 'realtime', 12);
      const join = seatJoiner(ex, seats);
      const controller = await join(a.url, 'controller');
      const om = await join(a.url, 'blue:om');
      // On B, which does not own the exercise: its commands cross Redis to A, its deltas come back through it.
      const kw = await join(b.url, 'blue:kw');
      const controllerOnB = await join(b.url, 'controller');
      expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
      expect(await controller.command({ type: 'speed', speed: 60 })).toMatchObject({ ok: true });

      const outage = { down: false };
      const log: Sent[] = [];
      const senders = [sender('blue:kw', kw, outage, log), sender('blue:om', om, outage, log)];
      const recoveries: number[] = [];
      for (let round = 0; round < rounds; round++) {
        await sleep(700);
        const how = round % 2 === 0 ? 'SIGKILL' : 'SHUTDOWN NOSAVE';
        outage.down = true;
        if (how === 'SIGKILL') await redis.kill();
        else await redis.shutdown();
        await sleep(round === rounds - 1 ? LONG_REDIS_OUTAGE_MS : OUTAGE_MS);
        const mark = log.length;
        await redis.start();
        outage.down = false;
        recoveries.push(await ackedAgain(log, mark, ['blue:kw', 'blue:om'], `Redis restart ${round + 1} (${how})`));
        expect(a.process.exitCode, 'process A is still running').toBeNull();
        expect(b.process.exitCode, 'process B is still running').toBeNull();
      }
      await sleep(500);
      await Promise.all(senders.map((s) => s.stop()));

      const figures = tally(log);
      expect(figures.noAnswer, 'commands without an answer within the bound').toBe(0);
      expect(
        Object.keys(figures.codes).filter((code) => code !== ERROR_CODES.UNAVAILABLE),
        JSON.stringify(figures.codes),
      ).toEqual([]);
      const checked = await verify(a.url, ex, log, [kw, om, controller, controllerOnB], seats);
      expect(checked.lost).toBe(0);
      expect(checked.duplicates, 'commands stored twice after a retry under the same key').toBe(0);
      for (const seat of [kw, om, controller, controllerOnB]) expect(seat.socket.connected, seat.welcome.seat.seat).toBe(true);
      expect(a.process.exitCode).toBeNull();
      expect(b.process.exitCode).toBeNull();

      recordFigures('faults', 'redis-restart', {
        restarts: rounds,
        modes: 'SIGKILL,SHUTDOWN NOSAVE',
        processes: 2,
        commandsSent: figures.sent,
        acked: checked.acked,
        lost: checked.lost,
        refusedUnavailable: figures.codes[ERROR_CODES.UNAVAILABLE] ?? 0,
        refusedButStored: checked.refusedButStored,
        storedTwice: checked.duplicates,
        noAnswer: figures.noAnswer,
        ackedDuringOutage: figures.ackedDuringOutage,
        seatGapsSynced: kw.gaps + controllerOnB.gaps,
        slowestReplyMs: figures.slowestReplyMs,
        slowestRecoveryMs: Math.round(Math.max(...recoveries)),
        finalSeq: checked.seq,
        stateHashMatchesReplay: true,
      });
    },
    budgetMs(240_000),
  );
});
