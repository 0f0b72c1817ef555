/**
 * What one flooding blue seat achieves against a real `ramparts serve` (issue 13). Before quotas were
 * per seat, a blue seat sent 1,600 intelligence reports of 59 KiB over many sockets in 47 s: the
 * server grew from 273 to 1,433 MiB, its data folder by 360 MiB and the controller's join from
 * 146 KiB to 92.5 MiB. Here the same flood (gulf-shield running, one blue seat on 32 sockets, 1,600
 * reports of 59 KiB as fast as the sockets take them) is measured on a child server: what was
 * accepted, how each refusal was coded, the server's resident memory, the data folder and the
 * controller's join; the test holds them to the seat's quota. The figures are printed (RELIABILITY.md,
 * "Fairness"): `HOSTILE=full npx vitest run test/hostile/quota-flood.test.ts`.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandReply } from '../../protocol/index.ts';
import { startChildServer, type ChildServer } from '../server/child-server.ts';
import { createExercise, joinSeat, type Seat } from '../server/helpers.ts';
import { HANG_MS } from '../timeouts.ts';
import { FULL } from './budget.ts';

const SCENARIOS = resolve(import.meta.dirname, '../../scenarios');
// The flood with HOSTILE=full (npm run test:hostile); a tenth of it in npm test.
const SOCKETS = FULL ? 32 : 8;
const REPORTS = FULL ? 1_600 : 160;
const REPORT_BYTES = 59 * 1024;
const MiB = 1024 * 1024;

let server: ChildServer | undefined;
const open: Seat[] = [];
let dataDir = '';

afterAll(async () => {
  for (const s of open) s.close();
  await server?.kill();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await bytesUnder(path) : (await stat(path)).size;
  }
  return total;
}

/**
 * A report of 59 KiB of text, as large as a command may make one (its text holds 20,000 characters,
 * so the rest is 200 indicators), under the 64 KiB socket message limit.
 */
function report(n: number): { title: string; text: string; indicators: string[]; tlp: string } {
  const indicators = Array.from({ length: 200 }, (_, i) => `ioc-${n}-${i}-${'a'.repeat(196)}`);
  const fixed = `flood ${n}`.length + indicators.reduce((k, x) => k + x.length, 0) + 'GREEN'.length + 'xr'.length;
  return { title: `flood ${n}`, text: 'x'.repeat(REPORT_BYTES - fixed), indicators, tlp: 'GREEN' };
}

/** Bytes of what a newly joined seat receives with its welcome (its whole view). */
async function joinBytes(url: string, exerciseId: string, token: string): Promise<number> {
  const seat = await joinSeat(url, exerciseId, token);
  seat.close();
  return seat.frames.reduce((n, f) => n + Buffer.byteLength(f), 0);
}

describe('one blue seat flooding intelligence reports', () => {
  it(`${REPORTS} reports of 59 KiB over ${SOCKETS} sockets: bounded by the seat's quota`, { timeout: HANG_MS }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ramparts-quota-flood-'));
    server = await startChildServer(dataDir, SCENARIOS);
    const pid = server.process.pid!;
    const ex = await createExercise(server.url, 'gulf-shield-2026', 'realtime');
    const token = (seat: string) => ex.seats.find((s) => s.seat === seat)!.token;
    const controller = await joinSeat(server.url, ex.exerciseId, token('controller'));
    open.push(controller);
    expect(await controller.command({ type: 'start' })).toMatchObject({ ok: true });
    const before = { rss: await rssMiB(pid), data: await bytesUnder(dataDir), join: await joinBytes(server.url, ex.exerciseId, token('controller')) };

    const sockets: Seat[] = [];
    for (let i = 0; i < SOCKETS; i++) sockets.push(await joinSeat(server.url, ex.exerciseId, token('blue:xs')));
    open.push(...sockets);
    const codes = new Map<string, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      sockets.map(async (socket) => {
        while (next < REPORTS) {
          const n = next++;
          // A socket the server (or a ping timeout on a busy machine) cut off stops; the others go on.
          // An answer that does not come within a minute counts as none (a measurement, not a wait on a condition).
          const reply: CommandReply | undefined = await socket.socket
            .timeout(60_000)
            .emitWithAck('command', { type: 'share-intel', partners: ['xr'], report: report(n) })
            .catch(() => undefined);
          const code = reply === undefined ? (socket.socket.connected ? 'no answer' : 'disconnected') : reply.ok ? 'ok' : reply.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (reply === undefined && !socket.socket.connected) return;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = { rss: await rssMiB(pid), data: await bytesUnder(dataDir), join: await joinBytes(server.url, ex.exerciseId, token('controller')) };

    const accepted = codes.get('ok') ?? 0;
    const figures = {
      attempts: REPORTS,
      sockets: SOCKETS,
      seconds: Math.round(seconds),
      accepted,
      refused: Object.fromEntries([...codes].filter(([c]) => c !== 'ok')),
      rssMiB: [Math.round(before.rss), Math.round(after.rss)],
      dataMiB: +((after.data - before.data) / MiB).toFixed(1),
      controllerJoinKiB: [Math.round(before.join / 1024), Math.round(after.join / 1024)],
    };
    console.log(`quota flood: ${JSON.stringify(figures)}`);
    const answered = [...codes].filter(([c]) => c !== 'disconnected' && c !== 'no answer').reduce((n, [, k]) => n + k, 0);
    expect(answered).toBeGreaterThan(REPORTS / 2);
    // The seat's free text (2 MiB) holds 34 reports of 59 KiB: every other answer is a coded refusal.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(Math.ceil((2 * MiB) / REPORT_BYTES));
    expect((codes.get('QUOTA_EXCEEDED') ?? 0) + (codes.get('RATE_LIMITED') ?? 0)).toBe(answered - accepted);
    // What the flood could add to every controller's join and to the disk is the seat's quota, not the flood.
    expect(after.join - before.join).toBeLessThan(4 * MiB);
    expect(after.data - before.data).toBeLessThan(16 * MiB);
  });
});
