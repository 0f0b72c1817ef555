/**
 * What backends-restart.test.ts measures an outage with: seats that send sitreps one after another
 * while PostgreSQL or Redis is down and back (each reply, or its absence within REPLY_BOUND_MS, is
 * recorded, and a command refused UNAVAILABLE or left unanswered is sent again under the same client
 * key), the wait until each seat is acknowledged again, and the final check of the log against every
 * acknowledgement, the live state hash against the replay, and the seats against the last revision.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { parseLog, replay, stateHash } from '../../engine/index.ts';
import { ERROR_CODES, type CommandReply, type CreateExerciseResponse, type ExerciseSummary } from '../../protocol/index.ts';
import { api, caughtUp, seatJoiner, seatToken, type Seat } from '../server/helpers.ts';

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** Longest a command may wait for its answer, outage or not (a hang is a failure, not a slow reply). */
export const REPLY_BOUND_MS = 12_000;

export interface Sent {
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
export function sender(name: string, seat: Seat, outage: { down: boolean }, log: Sent[]) {
  let running = true;
  let n = 0;
  let retry: Record<string, unknown> | undefined;
  const done = (async () => {
    while (running) {
      const body = retry ?? { type: 'sitrep', text: `${name} #${n++} ${randomBytes(3).toString('hex')}`, severity: 'low', key: randomBytes(12).toString('base64url') };
      const duringOutage = outage.down;
      const started = performance.now();
      const reply = await seat.socket
        .timeout(REPLY_BOUND_MS)
        .emitWithAck('command', body)
        .catch(() => 'no answer' as const);
      log.push({ seat: name, body, reply, ms: performance.now() - started, duringOutage: duringOutage || outage.down });
      retry = reply === 'no answer' || (!reply.ok && reply.code === ERROR_CODES.UNAVAILABLE) ? body : undefined;
      // Under the seat's command rate (server/config.ts DEFAULT_QUOTAS: 10 a second over all its
      // sockets); RATE_LIMITED would count as a failure, and the rate is not what this test is about.
      await sleep(reply !== 'no answer' && reply.ok ? 120 : 150);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** Waits until `name` has an acknowledged command sent after index `from` of the log. */
export async function ackedAgain(log: Sent[], from: number, names: readonly string[], what: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const later = log.slice(from);
    if (names.every((name) => later.some((s) => s.seat === name && s.reply !== 'no answer' && s.reply.ok))) return performance.now() - started;
    if (performance.now() - started > 30_000) {
      const tail = later.slice(-6).map((s) => `${s.seat}: ${s.reply === 'no answer' ? s.reply : s.reply.ok ? 'ok' : s.reply.code} in ${Math.round(s.ms)} ms`);
      const lastOf = names.map((name) => {
        const s = log.findLast((e) => e.seat === name);
        return `${name} last ${s && (s.reply === 'no answer' ? s.reply : s.reply.ok ? 'ok' : s.reply.code)} at #${s ? log.indexOf(s) : -1}`;
      });
      throw new Error(`no command of each of ${names.join(', ')} acknowledged within 30 s after ${what} (mark #${from}); ${lastOf.join('; ')}; last: ${tail.join('; ')}`);
    }
    await sleep(50);
  }
}

/**
 * Pauses the exercise, then checks the log against every acknowledgement, the live hash, and the seats.
 * The controller it joins is added to `opened`, which the test closes.
 */
export async function verify(url: string, ex: CreateExerciseResponse, log: Sent[], watching: Seat[], opened: Seat[]) {
  const token = (seat: string) => seatToken(ex, seat);
  const controller = await seatJoiner(ex, opened)(url, 'controller');
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

export function tally(log: Sent[]) {
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
