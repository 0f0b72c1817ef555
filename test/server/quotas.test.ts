/**
 * Quotas per seat, team and exercise (issue 13), over real sockets: the command rate of a seat over
 * all its sockets, free text, reports, requests and sitreps per team, free text and log size per
 * exercise. Each refusal is coded (RATE_LIMITED, QUOTA_EXCEEDED) with the quota in `detail`, changes
 * nothing, is counted in ramparts_quota_refusals_total, and the usage survives a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, QUOTAS, type CommandReply, type ErrorReply } from '../../protocol/index.ts';
import { DEFAULT_QUOTAS, defaultConfig, type QuotaLimits } from '../../server/config.ts';
import { TEST_OPERATOR_TOKEN, api, createExercise, seatJoiner, startTestServer, type Seat, type TestServer } from './helpers.ts';

const opened: Seat[] = [];
const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) s.close();
  // A server closed twice closes once.
  for (const s of servers.splice(0)) await s.dispose();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function start(quotas: Partial<QuotaLimits>, dataDir?: string): Promise<TestServer> {
  const base = defaultConfig();
  const server = await startTestServer(
    {
      // Snapshots often: a restart takes the ledger from a snapshot, then folds the entries after it.
      store: { snapshotEvery: 3 },
      quotas: { ...DEFAULT_QUOTAS, commandsPerSecond: 1000, commandBurst: 1000, ...quotas },
      // Sockets may send at speed: the per-socket transport limit is not what this is about.
      limits: { ...base.limits, socketRate: 1e6, socketBurst: 1e6 },
    },
    dataDir,
  );
  servers.push(server);
  return server;
}

const refusal = (reply: CommandReply) => (reply.ok ? undefined : { code: reply.code, quota: (reply as ErrorReply).detail?.quota });

async function quotaCount(server: TestServer, quota: string): Promise<number> {
  const metrics = await api<string>(server.url, 'GET', '/metrics', undefined, TEST_OPERATOR_TOKEN);
  expect(metrics.status).toBe(200);
  const text = metrics.body;
  const match = new RegExp(`^ramparts_quota_refusals_total\\{quota="${quota}"\\} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

describe('quotas', () => {
  it('limit the commands of a seat over all its sockets, not per socket; other seats are not held up', async () => {
    const server = await start({ commandsPerSecond: 2, commandBurst: 8 });
    const ex = await createExercise(server.url, 'minimal', 'tabletop');
    const join = seatJoiner(ex, opened);
    const controller = await join(server.url, 'controller');
    expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
    const sockets = await Promise.all([1, 2, 3, 4].map(() => join(server.url, 'blue:kw')));
    const started = performance.now();
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => sockets[i % 4]!.command({ type: 'ack-inject', inject: 'nope' })));
    const seconds = (performance.now() - started) / 1000;
    const limited = replies.filter((r) => refusal(r)?.code === ERROR_CODES.RATE_LIMITED);
    // The engine answers the rest (NOT_FOUND: no such inject); the bucket let through its burst and refill only.
    expect(40 - limited.length).toBeLessThanOrEqual(8 + Math.ceil(2 * seconds) + 1);
    expect(limited.length).toBeGreaterThanOrEqual(40 - 8 - Math.ceil(2 * seconds) - 1);
    expect((limited[0] as ErrorReply).detail).toEqual({ quota: QUOTAS.COMMAND_RATE, limit: 2, used: 2 });
    expect((limited[0] as ErrorReply).message).toMatch(/^your seat sends more than 2 commands per second/);
    const om = await join(server.url, 'blue:om');
    expect(await om.command({ type: 'sitrep', text: 'om is fine', severity: 'low' })).toMatchObject({ ok: true });
    expect(await quotaCount(server, QUOTAS.COMMAND_RATE)).toBe(limited.length);
  });

  it('cap free text, reports, requests and sitreps per team; a refusal changes nothing and survives a restart', async () => {
    const quotas = { textBytesPerSeat: 10_000, reportsPerTeam: 2, requestsPerTeam: 1, sitrepsPerTeam: 3 };
    const dir = await mkdtemp(joinPath(tmpdir(), 'ramparts-quotas-'));
    dirs.push(dir);
    const server = await start(quotas, dir);
    const ex = await createExercise(server.url, 'minimal', 'tabletop');
    const join = seatJoiner(ex, opened);
    const controller = await join(server.url, 'controller');
    expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
    const kw = await join(server.url, 'blue:kw');
    const host = () => server.manager.host(ex.exerciseId)!;
    const report = (n: number, partner = 'om') => ({ type: 'share-intel', partners: [partner], report: { title: `r${n}`, text: 'x', indicators: [], tlp: 'GREEN' } });
    expect(await kw.command(report(1))).toMatchObject({ ok: true });
    expect(await kw.command(report(2))).toMatchObject({ ok: true });
    const before = { seq: host().seq, hash: host().stateHash() };
    expect(refusal(await kw.command(report(3)))).toEqual({ code: ERROR_CODES.QUOTA_EXCEEDED, quota: QUOTAS.REPORTS });
    expect(await kw.command({ type: 'request-assistance', to: 'om', text: 'help' })).toMatchObject({ ok: true });
    expect(refusal(await kw.command({ type: 'request-assistance', to: 'om', text: 'help again' }))).toEqual({ code: ERROR_CODES.QUOTA_EXCEEDED, quota: QUOTAS.REQUESTS });
    for (const n of [1, 2, 3]) expect(await kw.command({ type: 'sitrep', text: `s${n}`, severity: 'low' })).toMatchObject({ ok: true });
    const sitrep = await kw.command({ type: 'sitrep', text: 's4', severity: 'low' });
    expect(refusal(sitrep)).toEqual({ code: ERROR_CODES.QUOTA_EXCEEDED, quota: QUOTAS.SITREPS });
    expect((sitrep as ErrorReply).message).toBe('your team has filed its 3 situation reports for this exercise; this one was not filed');
    // Free text: 10,000 bytes per seat, counted in UTF-8 (an Arabic letter is two bytes).
    expect(await kw.command({ type: 'answer-inject', inject: 'nope', text: 'ع'.repeat(4000) })).toMatchObject({ ok: false, code: ERROR_CODES.NOT_FOUND });
    const used = host().ledger.usage('blue:kw').textBytes;
    const big = await kw.command({ type: 'request-assistance', to: 'om', text: 'ع'.repeat(5000) });
    expect(big).toMatchObject({ ok: false, code: ERROR_CODES.QUOTA_EXCEEDED, detail: { quota: QUOTAS.TEXT_BYTES, limit: 10_000, used } });
    // Another team's quotas are its own.
    const om = await join(server.url, 'blue:om');
    expect(await om.command(report(9, 'kw'))).toMatchObject({ ok: true });
    const after = { seq: host().seq, hash: host().stateHash() };
    expect(after.seq).toBe(before.seq + 5);
    expect(await quotaCount(server, QUOTAS.REPORTS)).toBe(1);
    expect(await quotaCount(server, QUOTAS.TEXT_BYTES)).toBe(1);

    // After a restart the usage is the same: it is folded from the log like the state.
    const usage = host().ledger.usage('blue:kw');
    for (const s of opened.splice(0)) s.close();
    await server.close();
    const again = await start(quotas, dir);
    const kw2 = await seatJoiner(ex, opened)(again.url, 'blue:kw');
    expect(refusal(await kw2.command(report(4)))).toEqual({ code: ERROR_CODES.QUOTA_EXCEEDED, quota: QUOTAS.REPORTS });
    expect(again.manager.host(ex.exerciseId)!.ledger.usage('blue:kw')).toEqual(usage);
  });

  it('cap the free text of all seats together, and the log: over it only the controller is heard', async () => {
    const server = await start({ textBytesPerExercise: 3_000, logBytesPerExercise: 40_000 });
    const ex = await createExercise(server.url, 'minimal', 'tabletop');
    const join = seatJoiner(ex, opened);
    const controller = await join(server.url, 'controller');
    const [kw, om] = [await join(server.url, 'blue:kw'), await join(server.url, 'blue:om')];
    expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
    expect(await kw.command({ type: 'sitrep', text: 'k'.repeat(2_000), severity: 'low' })).toMatchObject({ ok: true });
    expect(refusal(await om.command({ type: 'sitrep', text: 'o'.repeat(1_500), severity: 'low' }))).toEqual({ code: ERROR_CODES.QUOTA_EXCEEDED, quota: QUOTAS.EXERCISE_TEXT_BYTES });
    // Fill the log with the controller's moves until it is over 40,000 bytes.
    let to = 0;
    while (server.manager.host(ex.exerciseId)!.ledger.logBytes < 40_000) {
      to += 60_000;
      expect(await controller.command({ type: 'advance', to })).toMatchObject({ ok: true });
    }
    expect(refusal(await om.command({ type: 'sitrep', text: 'o', severity: 'low' }))).toEqual({ code: ERROR_CODES.QUOTA_EXCEEDED, quota: QUOTAS.LOG_BYTES });
    expect(await controller.command({ type: 'end' })).toMatchObject({ ok: true });
  });
});
