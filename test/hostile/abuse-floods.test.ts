/**
 * Floods: a seat or a stranger repeats what it may not, thousands of times, over real sockets and
 * HTTP. Every attempt must be refused and counted one by one, nothing may change, and the log must
 * not flood: after ten lines per seat or address and code, the rest are summarised with their number
 * (the abuse matrix itself is in abuse.test.ts).
 * The refusal log's throttle on its own, with a driven clock, is in abuse-refusal-log.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type CreateExerciseResponse, type ErrorCode } from '../../protocol/index.ts';
import { defaultConfig } from '../../server/config.ts';
import { createExercise, joinSeat, seatToken, type Seat } from '../server/helpers.ts';
import { countsByCode, handshakeCode, refusalLines, startAbuseServer, stateOf, type AbuseServer } from './abuse-harness.ts';
import { budgetMs, recordFigures, scale } from './budget.ts';

const token = seatToken;

// ---------------------------------------------------------------------------------------------
// Floods: default throttling of the refusal log; every refusal counted, the log bounded.

describe('floods: refused and counted one by one, summarised in the log', () => {
  let server: AbuseServer;
  let ex: CreateExerciseResponse;
  const SOCKETS_PER_SEAT = 16;
  /** Each flood's refusals come from its own (channel, code) keys; its figures are recorded once the log is flushed. */
  const floods: Array<{ test: string; n: number; pairs: Array<[string, ErrorCode]>; figures: Record<string, number> }> = [];

  beforeAll(async () => {
    server = await startAbuseServer({ limits: { ...defaultConfig().limits, socketsPerSeat: SOCKETS_PER_SEAT } });
    ex = await createExercise(server.url, 'minimal', 'tabletop');
    const controller = await joinSeat(server.url, ex.exerciseId, token(ex, 'controller'));
    expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
    controller.close();
  });

  afterAll(async () => {
    await server?.dispose();
  });

  /** The most a token bucket of `burst` refilled at `rate` a second can let through in `ms`. */
  const allowance = (burst: number, rate: number, ms: number): number => burst + Math.ceil((rate * ms) / 1000) + 1;

  /**
   * Checks one flood: every attempt refused with one of `codes`, counted exactly, state unchanged,
   * the log bounded while it lasts, and every refusal accounted for by lines and summaries once the
   * server flushes (on close; here by closing a throwaway window with `flushLogs`).
   */
  /** `keys`: seats or addresses refused; `pairs`: the (channel, code) pairs their refusals come through (default: one per code). */
  async function checkFlood(kind: string, codes: ErrorCode[], attempt: () => Promise<string[]>, keys: number, pairs = codes.length) {
    const before = await stateOf(server, [ex.exerciseId]);
    const counted = await countsByCode(server.url);
    const from = server.logs.length;
    const got = await attempt();
    expect(
      got.filter((c) => !codes.includes(c as ErrorCode)),
      `${kind}: attempts not refused with ${codes.join('/')}`,
    ).toEqual([]);
    expect(await stateOf(server, [ex.exerciseId])).toEqual(before);
    const counts = await countsByCode(server.url);
    const refused: Record<string, number> = {};
    for (const c of got) refused[c] = (refused[c] ?? 0) + 1;
    for (const code of codes) expect((counts[code] ?? 0) - (counted[code] ?? 0), `${kind}: ${code} counted`).toBe(refused[code] ?? 0);
    // While it lasts, at most ten lines per key (seat or address, and code) reach the log.
    const during = server.logs.slice(from).filter((l) => l.msg === 'refused');
    expect(during.length, `${kind}: lines written during the flood`).toBeLessThanOrEqual(keys * pairs * 10);
    return { got, refused, from };
  }

  it(
    'command flood from one seat: FORBIDDEN until the bucket empties, then RATE_LIMITED',
    async () => {
      const n = scale(400, 20_000);
      const kw = await joinSeat(server.url, ex.exerciseId, token(ex, 'blue:kw'));
      const started = performance.now();
      const { got, refused, from } = await checkFlood(
        'command flood',
        [ERROR_CODES.FORBIDDEN, ERROR_CODES.RATE_LIMITED],
        async () => {
          const replies = await Promise.all(Array.from({ length: n }, () => kw.command({ type: 'pause' })));
          return replies.map((r) => (r.ok ? 'accepted' : r.code));
          // Refused by the engine (FORBIDDEN), the socket's bucket and the seat's command rate (RATE_LIMITED on two channels).
        },
        1,
        3,
      );
      kw.close();
      // The buckets (the socket's messages, the seat's commands) let through no more than the smaller
      // burst and what it refilled while the flood lasted (however long a busy machine made it); the
      // rest was RATE_LIMITED.
      const { limits, quotas } = defaultConfig();
      expect(refused[ERROR_CODES.FORBIDDEN] ?? 0).toBeLessThanOrEqual(
        Math.min(allowance(limits.socketBurst, limits.socketRate, performance.now() - started), allowance(quotas.commandBurst, quotas.commandsPerSecond, performance.now() - started)),
      );
      expect(refused[ERROR_CODES.RATE_LIMITED] ?? 0).toBeGreaterThan(0);
      const figures = {
        attempts: got.length,
        refused: got.length,
        counted: got.length,
        stateChanged: 0,
        rateLimited: refused[ERROR_CODES.RATE_LIMITED] ?? 0,
        logLinesDuringFlood: server.logs.slice(from).length,
      };
      floods.push({
        test: 'flood: commands from one seat',
        n: got.length,
        pairs: [
          ['command', ERROR_CODES.FORBIDDEN],
          ['socket', ERROR_CODES.RATE_LIMITED],
          ['command', ERROR_CODES.RATE_LIMITED],
        ],
        figures,
      });
    },
    budgetMs(120_000),
  );

  it(
    'connection flood with bad tokens: every handshake UNAUTHENTICATED',
    async () => {
      const n = scale(200, 5_000);
      const { got, from } = await checkFlood(
        'bad-token connection flood',
        [ERROR_CODES.UNAUTHENTICATED],
        async () => {
          const out: string[] = [];
          for (let i = 0; i < n; i += 50) {
            out.push(
              ...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, j) => handshakeCode(server.url, { exerciseId: ex.exerciseId, token: `${String(i + j).padStart(43, 'Z')}` })))),
            );
          }
          return out;
        },
        1,
      );
      const figures = {
        attempts: got.length,
        refused: got.length,
        counted: got.length,
        stateChanged: 0,
        logLinesDuringFlood: server.logs.slice(from).length,
      };
      floods.push({ test: 'flood: connections with bad tokens', n: got.length, pairs: [['handshake', ERROR_CODES.UNAUTHENTICATED]], figures });
    },
    budgetMs(180_000),
  );

  it(
    `connection flood with a valid link: a seat holds at most ${SOCKETS_PER_SEAT} sockets, the rest RATE_LIMITED`,
    async () => {
      const n = scale(100, 2_000);
      const held: Seat[] = [];
      const { got, from } = await checkFlood(
        'valid-token connection flood',
        [ERROR_CODES.RATE_LIMITED],
        async () => {
          const out: string[] = [];
          const results = await Promise.allSettled(Array.from({ length: n }, () => joinSeat(server.url, ex.exerciseId, token(ex, 'blue:om'))));
          for (const r of results) {
            if (r.status === 'fulfilled') held.push(r.value);
            else out.push((r.reason as { data?: { code?: string } }).data?.code ?? String(r.reason));
          }
          return out;
        },
        1,
      );
      expect(held).toHaveLength(SOCKETS_PER_SEAT);
      expect(got).toHaveLength(n - SOCKETS_PER_SEAT);
      // Closing sockets frees the seat's places again.
      for (const s of held.splice(0)) s.close();
      await expect
        .poll(async () => {
          try {
            const again = await joinSeat(server.url, ex.exerciseId, token(ex, 'blue:om'));
            again.close();
            return true;
          } catch {
            return false;
          }
        })
        .toBe(true);
      const figures = {
        attempts: n,
        accepted: SOCKETS_PER_SEAT,
        refused: got.length,
        counted: got.length,
        stateChanged: 0,
        logLinesDuringFlood: server.logs.slice(from).length,
      };
      floods.push({ test: 'flood: connections with one valid link', n: got.length, pairs: [['handshake', ERROR_CODES.RATE_LIMITED]], figures });
    },
    budgetMs(180_000),
  );

  it(
    'HTTP flood from one address: RATE_LIMITED beyond the burst, with Retry-After',
    async () => {
      const n = scale(300, 10_000);
      const kwToken = token(ex, 'blue:kw');
      let accepted = 0;
      const started = performance.now();
      let attempts = 0;
      const { got, from } = await checkFlood(
        'HTTP flood',
        [ERROR_CODES.RATE_LIMITED],
        async () => {
          const out: string[] = [];
          // Batches of 50 at once until n/2 were refused: the bucket refills while a busy machine is
          // slow, so the number of requests it takes is not fixed (the cap only turns a hang into a failure).
          for (; out.length <= n / 2 && attempts < 100 * n; attempts += 50) {
            const batch = await Promise.all(
              Array.from({ length: 50 }, async () => {
                const res = await fetch(`${server.url}/api/exercises/${ex.exerciseId}`, { headers: { authorization: `Bearer ${kwToken}` } });
                const body = (await res.json()) as { ok: boolean; code?: string };
                if (res.status === 429) expect(res.headers.get('retry-after')).toBe('1');
                return body.ok ? 'accepted' : (body.code ?? '?');
              }),
            );
            for (const c of batch) {
              if (c === 'accepted') accepted++;
              else out.push(c);
            }
          }
          return out;
        },
        1,
      );
      expect(got.length).toBeGreaterThan(n / 2);
      const { httpBurst, httpRate } = defaultConfig().limits;
      expect(accepted).toBeLessThanOrEqual(allowance(httpBurst, httpRate, performance.now() - started));
      expect(accepted + got.length).toBe(attempts);
      const figures = {
        attempts,
        accepted,
        refused: got.length,
        counted: got.length,
        stateChanged: 0,
        logLinesDuringFlood: server.logs.slice(from).length,
      };
      floods.push({ test: 'flood: HTTP requests from one address', n: got.length, pairs: [['http', ERROR_CODES.RATE_LIMITED]], figures });
    },
    budgetMs(180_000),
  );

  it('after the floods, lines and summaries account for every refusal, and the log stayed small', async () => {
    const total = floods.reduce((n, f) => n + f.n, 0);
    const counts = await countsByCode(server.url);
    const unlogged = await countsByCode(server.url, 'ramparts_refusals_unlogged_total');
    await server.dispose(); // flushes the summaries
    const codes = [ERROR_CODES.FORBIDDEN, ERROR_CODES.RATE_LIMITED, ERROR_CODES.UNAUTHENTICATED];
    let accounted = 0;
    let summarised = 0;
    for (const code of codes) {
      const r = refusalLines(server.logs, code);
      accounted += r.accounted;
      summarised += r.summaries.reduce((n, s) => n + (s.count ?? 0), 0);
      expect(r.accounted, `${code}: lines + summaries`).toBe(counts[code] ?? 0);
      for (const s of r.summaries) expect(s).toMatchObject({ level: 'warn', code, channel: expect.any(String) });
    }
    expect(accounted).toBe(total);
    for (const f of floods) {
      const logged = f.pairs.reduce(
        (n, [channel, code]) =>
          n +
          refusalLines(
            server.logs.filter((l) => l.channel === channel),
            code,
          ).accounted,
        0,
      );
      expect(logged, `${f.test}: lines + summaries`).toBe(f.n);
      recordFigures('abuse', f.test, { ...f.figures, logged });
    }
    expect(summarised).toBe(codes.reduce((n, c) => n + (unlogged[c] ?? 0), 0));
    const refusalLogLines = server.logs.filter((l) => l.msg === 'refused' || l.msg === 'refusals not logged one by one').length;
    // A few dozen lines for thousands of refusals.
    expect(refusalLogLines).toBeLessThan(100);
    recordFigures('abuse', 'floods: log lines for all flood refusals', { refused: total, counted: total, logged: accounted, logLines: refusalLogLines, stateChanged: 0 });
  });
});
