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
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLog, replay, stateHash } from '../../engine/index.ts';
import { ERROR_CODES, type CommandReply, type CreateExerciseResponse, type ExerciseSummary } from '../../protocol/index.ts';
import pgClient from 'pg';
import { PostgresStore } from '../../server/store/postgres/postgres-store.ts';
import { spawnServe, type ChildServer } from '../server/child-server.ts';
import { FIXTURES, api, caughtUp, createExercise, joinSeat, seatJoiner, seatToken, type Seat } from '../server/helpers.ts';
import { budgetMs, recordFigures, scale } from './budget.ts';
import { startPrivatePostgres, startPrivateRedis, type PrivatePostgres, type PrivateRedis } from './private-services.ts';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** Longest a command may wait for its answer, outage or not (a hang is a failure, not a slow reply). */
const REPLY_BOUND_MS = 12_000;
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
  return spawnServe(['--scenarios', FIXTURES, '--log-level', 'error', '--postgres', pgUrl, '--postgres-schema', schema,
    '--redis', redisUrl, '--lease-ms', '1500']).then((child) => {
    children.push(child);
    return child;
  });
}

interface Sent {
  seat: string;
  body: Record<string, unknown>;
  reply: CommandReply | 'no answer';
  ms: number;
  /** Sent while the backend was down (between the stop and the start returning). */
  duringOutage: boolean;
}

/**
 * One seat sending sitreps one after another until stopped; every reply (or the lack of one
 * within REPLY_BOUND_MS) is recorded. Each sitrep carries a client key, and one that was refused
 * UNAVAILABLE or got no answer is sent again with the same key (as the web client does): however
 * the outage cut its answer, it must be stored once.
 */
function sender(name: string, seat: Seat, outage: { down: boolean }, log: Sent[]) {
  let running = true;
  let n = 0;
  let retry: Record<string, unknown> | undefined;
  const done = (async () => {
    while (running) {
      const body = retry ?? { type: 'sitrep', text: `${name} #${n++} ${randomBytes(3).toString('hex')}`, severity: 'low', key: randomBytes(12).toString('base64url') };
      const duringOutage = outage.down;
      const started = performance.now();
      const reply = await seat.socket.timeout(REPLY_BOUND_MS).emitWithAck('command', body).catch(() => 'no answer' as const);
      log.push({ seat: name, body, reply, ms: performance.now() - started, duringOutage: duringOutage || outage.down });
      retry = reply === 'no answer' || (!reply.ok && reply.code === ERROR_CODES.UNAVAILABLE) ? body : undefined;
      // Under the seat's command rate (server/config.ts DEFAULT_QUOTAS: 10 a second over all its
      // sockets); RATE_LIMITED would count as a failure, and the rate is not what this test is about.
      await sleep(reply !== 'no answer' && reply.ok ? 120 : 150);
    }
  })();
  return { stop: async () => { running = false; await done; } };
}

/** Waits until `name` has an acknowledged command sent after index `from` of the log. */
async function ackedAgain(log: Sent[], from: number, names: readonly string[], what: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const later = log.slice(from);
    if (names.every((name) => later.some((s) => s.seat === name && s.reply !== 'no answer' && s.reply.ok))) return performance.now() - started;
    if (performance.now() - started > 30_000) {
      const tail = later.slice(-6).map((s) => `${s.seat}: ${s.reply === 'no answer' ? s.reply : s.reply.ok ? 'ok' : s.reply.code} in ${Math.round(s.ms)} ms`);
      const lastOf = names.map((name) => { const s = log.findLast((e) => e.seat === name); return `${name} last ${s && (s.reply === 'no answer' ? s.reply : s.reply.ok ? 'ok' : s.reply.code)} at #${s ? log.indexOf(s) : -1}`; });
      throw new Error(`no command of each of ${names.join(', ')} acknowledged within 30 s after ${what} (mark #${from}); ${lastOf.join('; ')}; last: ${tail.join('; ')}`);
    }
    await sleep(50);
  }
}

/** Pauses the exercise, then checks the log against every acknowledgement, the live hash, and the seats. */
async function verify(url: string, ex: CreateExerciseResponse, log: Sent[], watching: Seat[]) {
  const token = (seat: string) => seatToken(ex, seat);
  const controller = await seatJoiner(ex, seats)(url, 'controller');
  const paused = await controller.command({ type: 'pause' });
  expect(paused, 'the controller pauses the exercise after the faults').toMatchObject({ ok: true });
  const summary = await api<ExerciseSummary>(url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, token('controller'));
  expect(summary.status).toBe(200);
  const logText = await api<string>(url, 'GET', `/api/exercises/${ex.exerciseId}/log`, undefined, token('controller'));
  expect(logText.status).toBe(200);
  const parsed = parseLog(logText.body);
  if (!parsed.ok) throw new Error(`log does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const { records } = parsed.log;
  expect(records.length).toBe(summary.body.revision);

  // Acknowledgements carry the seat's own sequence numbers, not log positions: each acknowledged
  // command is looked up in the log by what it is (every sitrep's text is unique).
  const acked = log.filter((s) => s.reply !== 'no answer' && s.reply.ok);
  const byText = new Map(records.map((r) => [(r.command as { text?: string }).text, r.command as unknown as Record<string, unknown>]));
  let lost = 0;
  for (const s of acked) {
    const stored = byText.get(s.body.text as string);
    // The client key travels beside the command and is not part of it.
    if (!stored || !Object.entries(s.body).every(([key, value]) => key === 'key' || JSON.stringify(stored[key]) === JSON.stringify(value))) lost++;
  }
  // Refused commands may still be stored when the commit went through but its answer did not: count them.
  const texts = new Set(records.map((r) => (r.command as { text?: string }).text).filter(Boolean));
  const refusedButStored = log.filter((s) => s.reply !== 'no answer' && !s.reply.ok && texts.has(s.body.text as string)).length;
  // Retried under their keys, commands whose answer was lost are stored once, never twice.
  const counts = new Map<string, number>();
  for (const r of records) {
    const text = (r.command as { text?: string }).text;
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const duplicates = [...counts.values()].filter((c) => c > 1).length;

  const replayed = replay(parsed.log, { verify: true });
  if (!replayed.ok) throw new Error(`replay failed at record ${replayed.record}: ${replayed.message}`);
  expect(stateHash(replayed.state), 'the live state equals the replay of the log').toBe(summary.body.stateHash);
  for (const seat of watching) await caughtUp(seat, `seat ${seat.welcome.seat.seat} catching up`);
  return { acked: acked.length, lost, refusedButStored, duplicates, seq: summary.body.revision!, records };
}

function tally(log: Sent[]) {
  const codes: Record<string, number> = {};
  for (const s of log) if (s.reply !== 'no answer' && !s.reply.ok) codes[s.reply.code] = (codes[s.reply.code] ?? 0) + 1;
  const outage = log.filter((s) => s.duringOutage);
  return {
    sent: log.length,
    noAnswer: log.filter((s) => s.reply === 'no answer').length,
    codes,
    duringOutage: outage.length,
    ackedDuringOutage: outage.filter((s) => s.reply !== 'no answer' && s.reply.ok).length,
    slowestReplyMs: Math.round(Math.max(0, ...log.map((s) => s.ms))),
  };
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

  it('PostgreSQL restarted under a running exercise: nothing acknowledged lost, coded errors meanwhile, resumes by itself', async () => {
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
        joinSeat(server.url, ex.exerciseId, token('evaluator')).then((s) => { s.close(); return 'joined'; },
          (error: { data?: { code?: string } }) => error.data?.code ?? String(error)),
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
    expect(Object.keys(figures.codes).filter((code) => code !== ERROR_CODES.UNAVAILABLE), JSON.stringify(figures.codes)).toEqual([]);
    expect(figures.codes[ERROR_CODES.UNAVAILABLE] ?? 0, 'commands sent while PostgreSQL was down were refused').toBeGreaterThan(0);
    expect(joinsRefused.every((j) => j === ERROR_CODES.UNAVAILABLE), joinsRefused.join(', ')).toBe(true);
    const checked = await verify(server.url, ex, log, [kw, om, controller]);
    expect(checked.lost).toBe(0);
    expect(checked.duplicates, 'commands stored twice after a retry under the same key').toBe(0);
    // The real-time clock runs again by itself after the last restart: advances follow the first acknowledgement.
    const firstAfter = log.slice(lastMark).find((s) => s.reply !== 'no answer' && s.reply.ok)!;
    const position = checked.records.findIndex((r) => (r.command as { text?: string }).text === firstAfter.body.text);
    expect(position).toBeGreaterThanOrEqual(0);
    expect(checked.records.slice(position + 1).some((r) => r.command.type === 'advance'), 'an advance after the last restart').toBe(true);
    expect(kw.socket.connected && om.socket.connected).toBe(true);
    expect(server.process.exitCode).toBeNull();

    recordFigures('faults', 'postgres-restart', {
      restarts: rounds, modes: 'immediate,fast', commandsSent: figures.sent, acked: checked.acked, lost: checked.lost,
      refusedUnavailable: figures.codes[ERROR_CODES.UNAVAILABLE] ?? 0, refusedButStored: checked.refusedButStored, storedTwice: checked.duplicates, noAnswer: figures.noAnswer,
      joinsDuringOutageRefused: joinsRefused.filter((j) => j === ERROR_CODES.UNAVAILABLE).length,
      slowestReplyMs: figures.slowestReplyMs, slowestRecoveryMs: Math.round(Math.max(...recoveries)), finalSeq: checked.seq, stateHashMatchesReplay: true,
    });
  }, budgetMs(240_000));

  it('Redis restarted under two processes: commands answered meanwhile, seats on both get every delta after it returns', async () => {
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
    expect(Object.keys(figures.codes).filter((code) => code !== ERROR_CODES.UNAVAILABLE), JSON.stringify(figures.codes)).toEqual([]);
    const checked = await verify(a.url, ex, log, [kw, om, controller, controllerOnB]);
    expect(checked.lost).toBe(0);
    expect(checked.duplicates, 'commands stored twice after a retry under the same key').toBe(0);
    for (const seat of [kw, om, controller, controllerOnB]) expect(seat.socket.connected, seat.welcome.seat.seat).toBe(true);
    expect(a.process.exitCode).toBeNull();
    expect(b.process.exitCode).toBeNull();

    recordFigures('faults', 'redis-restart', {
      restarts: rounds, modes: 'SIGKILL,SHUTDOWN NOSAVE', processes: 2, commandsSent: figures.sent, acked: checked.acked, lost: checked.lost,
      refusedUnavailable: figures.codes[ERROR_CODES.UNAVAILABLE] ?? 0, refusedButStored: checked.refusedButStored, storedTwice: checked.duplicates, noAnswer: figures.noAnswer,
      ackedDuringOutage: figures.ackedDuringOutage, seatGapsSynced: kw.gaps + controllerOnB.gaps,
      slowestReplyMs: figures.slowestReplyMs, slowestRecoveryMs: Math.round(Math.max(...recoveries)), finalSeq: checked.seq, stateHashMatchesReplay: true,
    });
  }, budgetMs(240_000));
});
