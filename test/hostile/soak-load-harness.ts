/**
 * What soak-load.test.ts loads a server with and measures it by: a `ramparts serve` child with the
 * memory probe (memory-probe.mjs) and its samples, REST calls that wait out the per-address rate
 * limit, seats that send sitreps at a steady pace recording every reply (or its absence within
 * REPLY_BOUND_MS), the check of one exercise's log against its acknowledgements, its live hash against
 * its replay and its seats against the last revision, and the figures: percentiles, the heap's slope.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { parseLog, replay, stateHash } from '../../engine/index.ts';
import type { CommandReply, CreateExerciseResponse, ExerciseSummary } from '../../protocol/index.ts';
import { spawnServe, type ChildServer } from '../server/child-server.ts';
import { api, caughtUp, type Seat } from '../server/helpers.ts';
import { HANG_MS } from '../timeouts.ts';

const PROBE = resolve(import.meta.dirname, 'memory-probe.mjs');
export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** A command without an answer after this long counts as a hang. */
const REPLY_BOUND_MS = HANG_MS;
const MB = 1024 * 1024;

export interface Sample {
  t: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  gc: boolean;
}

/** A server child with the memory probe; its samples are read from the probe's file. Its removal is pushed to `cleanups`. */
export async function probedServer(scenariosDir: string, cleanups: Array<() => Promise<void> | void>): Promise<{ child: ChildServer; samples(): Sample[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'ramparts-soak-'));
  const file = join(dir, 'memory.jsonl');
  const child = await spawnServe(['--data', join(dir, 'data'), '--scenarios', scenariosDir, '--log-level', 'warn'], {
    nodeArgs: ['--expose-gc', '--import', PROBE],
    env: { RAMPARTS_MEMORY_PROBE: file },
  });
  cleanups.push(async () => {
    await child.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    child,
    samples: () =>
      readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Sample),
  };
}

/**
 * The probe's next sample: one taken after this call, so after whatever the test has set up. The
 * probe samples once when the server process starts (before it has loaded anything: a 3 MB heap) and
 * then every second of a free event loop; a server that starts and sets up an exercise within that
 * second would otherwise leave the start-up sample as the baseline, and the growth measured from it
 * would be the whole server's.
 */
export async function nextSample(samples: () => Sample[]): Promise<Sample> {
  const seen = samples().length;
  for (;;) {
    const now = samples();
    if (now.length > seen) return now.at(-1)!;
    await sleep(100);
  }
}

/** A REST call that waits out the per-address rate limit (20 requests/s) instead of failing. */
export async function paced<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  for (;;) {
    const res = await api<T>(base, method, path, body, token);
    if (res.status !== 429) return res;
    await sleep(1000);
  }
}

export interface Sent {
  exercise: string;
  body: Record<string, unknown>;
  reply: CommandReply | 'no answer';
  ms: number;
}

/** A seat sending sitreps every `everyMs` (first after `offsetMs`, to spread the seats) until stopped. */
export function sender(exercise: string, name: string, seat: Seat, everyMs: number, offsetMs: number, log: Sent[]) {
  let running = true;
  let n = 0;
  const done = (async () => {
    await sleep(offsetMs % everyMs);
    while (running) {
      const body = { type: 'sitrep', text: `${name} #${n++} ${randomBytes(3).toString('hex')}`, severity: 'low' };
      const started = performance.now();
      const reply = await seat.socket
        .timeout(REPLY_BOUND_MS)
        .emitWithAck('command', body)
        .catch(() => 'no answer' as const);
      const ms = performance.now() - started;
      log.push({ exercise, body, reply, ms });
      await sleep(Math.max(0, everyMs - ms));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/**
 * Pauses an exercise and checks it: every acknowledged command in the log at its seq, the live hash
 * equal to the replay, every seat at the last revision. Returns its figures.
 */
export async function check(url: string, ex: CreateExerciseResponse, controller: Seat, watching: Seat[], log: Sent[]) {
  const token = ex.seats.find((s) => s.seat === 'controller')!.token;
  expect(await controller.command({ type: 'pause' })).toMatchObject({ ok: true });
  const summary = await paced<ExerciseSummary>(url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, token);
  expect(summary.status).toBe(200);
  const text = await paced<string>(url, 'GET', `/api/exercises/${ex.exerciseId}/log`, undefined, token);
  expect(text.status).toBe(200);
  const parsed = parseLog(text.body);
  if (!parsed.ok) throw new Error(`log of ${ex.exerciseId} does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const { records } = parsed.log;
  expect(records.length).toBe(summary.body.revision);
  let lost = 0;
  const mine = log.filter((s) => s.exercise === ex.exerciseId && s.reply !== 'no answer' && s.reply.ok);
  // Acknowledgements carry the seat's own numbers: each acknowledged sitrep is found by its (unique) text.
  const byText = new Map(records.map((r) => [(r.command as { text?: string }).text, r.command as unknown as Record<string, unknown>]));
  for (const s of mine) {
    const stored = byText.get(s.body.text as string);
    if (!stored || !Object.entries(s.body).every(([key, value]) => JSON.stringify(stored[key]) === JSON.stringify(value))) lost++;
  }
  const replayed = replay(parsed.log, { verify: true });
  if (!replayed.ok) throw new Error(`replay of ${ex.exerciseId} failed at record ${replayed.record}: ${replayed.message}`);
  expect(stateHash(replayed.state), `exercise ${ex.exerciseId}: live state = replay of its log`).toBe(summary.body.stateHash);
  for (const seat of watching) await caughtUp(seat, `${ex.exerciseId} ${seat.welcome.seat.seat} catching up`);
  return { acked: mine.length, lost, records: records.length, events: records.reduce((n, r) => n + (r.events?.length ?? 0), 0) };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Least-squares slope (bytes per second) of heapUsed over the samples. */
export function slope(samples: readonly Sample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mt = samples.reduce((s, x) => s + x.t, 0) / n;
  const mh = samples.reduce((s, x) => s + x.heapUsed, 0) / n;
  let num = 0;
  let den = 0;
  for (const x of samples) {
    num += (x.t - mt) * (x.heapUsed - mh);
    den += (x.t - mt) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 1000;
}

export const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
