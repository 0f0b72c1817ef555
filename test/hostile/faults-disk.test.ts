/**
 * Faults, file store: the disk fills up (or the device fails) while seats send commands at speed.
 *
 * Two ways to get a full disk:
 * - an injected one (always runs): the store's log file is opened through a wrapper
 *   (`FileStoreOptions.openLogFile`) that takes only so many more bytes (a write cut short in the
 *   middle of an entry, then ENOSPC), or fails `datasync` with EIO, or also fails the cut that
 *   undoes a failed append;
 * - a real one (when this machine lets the test mount a small tmpfs, i.e. as root): the data
 *   directory lives on a 4 MiB tmpfs filled up by a filler file, so the log, the snapshots and
 *   their temporary files all meet ENOSPC from the kernel.
 *
 * What must hold: a command whose append failed is not acknowledged (UNAVAILABLE, saying why);
 * while the fault lasts nothing is acknowledged and simulated time holds; an error line is logged;
 * once the fault is gone the exercise takes commands again by itself; every acknowledged command is
 * in the log at its sequence number, no refused one is, and the server's state hash equals the
 * engine's replay of the log, before and after a restart. A torn last line (a crash in the middle
 * of an append) is cut off at the restart with a warning.
 *
 * The disk the test controls, the server, the seats sending at speed and the tmpfs are in
 * faults-disk-harness.ts.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, describe, expect, it } from 'vitest';
import type { WhiteView } from '../../engine/index.ts';
import { FileStore } from '../../server/store/file-store.ts';
import { createExercise } from '../server/helpers.ts';
import { budgetMs, recordFigures, scale } from './budget.ts';
import { checkLog, sleep } from './faults-common.ts';
import { clockOf, FaultyDisk, fillUp, firstRefusal, joinAll, mountTmpfs, sendAtSpeed, start, type Ledger, type LogLine, type Phase } from './faults-disk-harness.ts';
import { HANG_MS } from '../timeouts.ts';

const SEED = 'ramparts-faults-disk-1';
const EPISODES = scale(4, 40);

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean().catch(() => undefined);
});

describe('a full disk under the log', () => {
  it(
    `injected (seed ${SEED}): ${EPISODES} fault episodes while seats send at speed; nothing refused is stored, nothing acknowledged lost`,
    async () => {
      const rng = seedrandom(SEED);
      const dataDir = await mkdtemp(join(tmpdir(), 'ramparts-faults-disk-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const lines: LogLine[] = [];
      const disk = new FaultyDisk();
      let server = await start(dataDir, lines, disk);
      cleanups.push(() => server.close());
      const ex = await createExercise(server.url, 'minimal', 'realtime', 11);
      let seats = await joinAll(server.url, ex);
      const ledger: Ledger = { acked: [], refusedTexts: new Set(), refused: 0, violations: [] };
      const started = await seats.controller!.command({ type: 'start' });
      expect(started.ok).toBe(true);
      if (started.ok) ledger.acked.push({ seq: started.seq, body: { type: 'start' }, seat: 'controller' });

      const kinds = { enospc: 0, eio: 0, uncut: 0, stuck: 0 };
      let heldChecks = 0;
      let selfResumed = 0;
      for (let episode = 0; episode < EPISODES; episode++) {
        const phase: { now: Phase; onRefused?: () => void } = { now: 'normal' };
        const senders = sendAtSpeed(seats, ledger, phase, `e${episode}`, true);
        await sleep(100 + Math.floor(rng() * 300));

        // The fault: a disk with a few bytes left (the next entry is torn in the middle), a device
        // whose syncs fail, or a full disk where even the cut that undoes the failed append fails,
        // once or for as long as the fault lasts.
        const hitsBefore = disk.hits;
        const kind = (['enospc', 'eio', 'uncut', 'stuck'] as const)[episode % 4]!;
        kinds[kind]++;
        disk.free = Math.floor(rng() * 400);
        if (kind === 'eio') {
          disk.free = Number.POSITIVE_INFINITY;
          disk.failSync = true;
        }
        if (kind === 'uncut') disk.failTruncate = 1;
        if (kind === 'stuck') disk.failTruncate = Number.POSITIVE_INFINITY;
        const refused = firstRefusal(phase);
        phase.now = 'fault';
        await refused;
        // Known to fail: nothing is acknowledged, and simulated time holds (read between batches:
        // a retry's working state may be ahead until it is undone).
        const host = server.manager.host(ex.exerciseId)!;
        const durable = () => host.settled(() => ({ clock: clockOf(server, ex.exerciseId).now, seq: host.seq }));
        const held = await durable();
        expect(host.suspended, `episode ${episode}`).toBe(true);
        await sleep(300 + Math.floor(rng() * 400));
        expect(await durable(), `episode ${episode}: time held`).toEqual(held);
        heldChecks++;
        expect(disk.hits, `episode ${episode}: the fault was met`).toBeGreaterThan(hitsBefore);

        // Space comes back. Every other episode nobody is sending then: the running exercise tries
        // the store again by itself and resumes; otherwise the seats' retries get through.
        const quiet = episode % 2 === 1;
        if (quiet) await senders.stop();
        disk.clear();
        phase.now = 'cleared';
        if (quiet) {
          for (let waited = 0; host.suspended; waited += 20) {
            if (waited > HANG_MS) throw new Error(`episode ${episode}: still suspended long after the fault was removed, with nobody sending`);
            await sleep(20);
          }
          selfResumed++;
          const after = { type: 'sitrep', text: `e${episode} after`, severity: 'low' };
          const reply = await seats['blue:kw']!.command(after);
          expect(reply, `episode ${episode}`).toMatchObject({ ok: true });
          if (reply.ok) ledger.acked.push({ seq: reply.seq, body: after, seat: 'blue:kw' });
        } else {
          const ackedBefore = ledger.acked.length;
          for (let waited = 0; ledger.acked.length < ackedBefore + 3; waited += 20) {
            if (waited > HANG_MS) throw new Error(`episode ${episode}: no acknowledgement long after the fault was removed`);
            await sleep(20);
          }
          expect(host.suspended).toBe(false);
          await senders.stop();
        }
        expect(ledger.violations).toEqual([]);
      }

      // The log lines say what happened, once per episode.
      const failed = lines.filter((l) => l.level === 'error' && l.msg.startsWith('store append failed'));
      const back = lines.filter((l) => l.msg.startsWith('store takes writes again'));
      expect(failed.length).toBe(EPISODES);
      expect(back.length).toBe(EPISODES);
      expect(failed.every((l) => l.exerciseId === ex.exerciseId && typeof l.reason === 'string')).toBe(true);

      await checkLog(server.url, ex, ledger.acked, ledger.refusedTexts, 'live');
      for (const seat of Object.values(seats)) seat.close();

      // A crash in the middle of an append leaves a torn last line: the restart cuts it off, warns,
      // and still has every acknowledged command.
      await server.close();
      await appendFile(join(dataDir, 'exercises', ex.exerciseId, 'log.jsonl'), '{"seq":999999,"t":1,"command":{"type":"sitr');
      const restartLines: LogLine[] = [];
      server = await start(dataDir, restartLines);
      expect(restartLines.some((l) => l.level === 'warn' && l.msg.includes('never completed') && l.exerciseId === ex.exerciseId)).toBe(true);
      const after = await checkLog(server.url, ex, ledger.acked, ledger.refusedTexts, 'after restart');
      // It resumes: the controller finds it paused by the recovery and resumes it; seats send again.
      seats = await joinAll(server.url, ex);
      expect((seats.controller!.view as WhiteView).clock.phase).toBe('paused');
      const resumed = await seats.controller!.command({ type: 'resume' });
      expect(resumed).toMatchObject({ ok: true });
      if (resumed.ok) ledger.acked.push({ seq: resumed.seq, body: { type: 'resume' }, seat: 'controller' });
      const last = { type: 'sitrep', text: 'after the restart', severity: 'low' };
      const reply = await seats['blue:kw']!.command(last);
      expect(reply).toMatchObject({ ok: true });
      if (reply.ok) ledger.acked.push({ seq: reply.seq, body: last, seat: 'blue:kw' });
      await checkLog(server.url, ex, ledger.acked, ledger.refusedTexts, 'resumed');
      for (const seat of Object.values(seats)) seat.close();

      recordFigures('faults', 'disk-full-injected', {
        rounds: EPISODES,
        faults: EPISODES,
        enospc: kinds.enospc,
        eio: kinds.eio,
        uncutFailedAppend: kinds.uncut,
        uncutUntilCleared: kinds.stuck,
        faultHits: disk.hits,
        acked: ledger.acked.length,
        refused: ledger.refused,
        logEntries: after.seq,
        timeHeldChecks: heldChecks,
        resumedWithNobodySending: selfResumed,
        lost: 0,
        refusedStored: 0,
        hashEqualReplay: true,
      });
    },
    budgetMs(300_000),
  );
});

describe('a real full filesystem', () => {
  it(
    `tmpfs (seed ${SEED}): ${scale(3, 20)} times full while seats send; the kernel's ENOSPC never costs an acknowledged command`,
    async (ctx) => {
      const rounds = scale(3, 20);
      const rng = seedrandom(`${SEED}-tmpfs`);
      const dataDir = await mkdtemp(join(tmpdir(), 'ramparts-faults-tmpfs-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      if (!mountTmpfs(dataDir, 4)) {
        recordFigures('faults', 'disk-full-tmpfs', { rounds: 0, skipped: 'mount -t tmpfs not permitted here' });
        ctx.skip();
        return;
      }
      cleanups.push(async () => void execFileSync('umount', ['-l', dataDir], { stdio: 'ignore' }));
      const lines: LogLine[] = [];
      let server = await start(dataDir, lines);
      cleanups.push(() => server.close());
      const ex = await createExercise(server.url, 'minimal', 'realtime', 12);
      let seats = await joinAll(server.url, ex);
      const ledger: Ledger = { acked: [], refusedTexts: new Set(), refused: 0, violations: [] };
      const started = await seats.controller!.command({ type: 'start' });
      if (started.ok) ledger.acked.push({ seq: started.seq, body: { type: 'start' }, seat: 'controller' });
      const filler = join(dataDir, 'filler');
      let filled = 0;

      for (let round = 0; round < rounds; round++) {
        // Fill the filesystem, then give back a few pages (0 to 3): the log and the snapshots run
        // into the real ENOSPC somewhere in the middle of what they write.
        const size = await fillUp(filler);
        filled += size;
        await truncate(filler, Math.max(0, size - Math.floor(rng() * 4) * 4096));
        const phase: { now: Phase; onRefused?: () => void } = { now: 'fault' };
        const refused = firstRefusal(phase);
        // Not strict: on a real filesystem space comes and goes by itself (a failed snapshot's
        // temporary file removed, old snapshots pruned), so a command after a refusal may rightly be
        // stored and acknowledged; what must hold is that each reply tells the truth.
        const senders = sendAtSpeed(seats, ledger, phase, `t${round}`, false);
        await refused;
        await sleep(200 + Math.floor(rng() * 300));
        // Space comes back.
        await rm(filler);
        phase.now = 'cleared';
        const ackedBefore = ledger.acked.length;
        for (let waited = 0; ledger.acked.length < ackedBefore + 3; waited += 20) {
          if (waited > HANG_MS) throw new Error(`round ${round}: no acknowledgement long after space came back`);
          await sleep(20);
        }
        await senders.stop();
        expect(ledger.violations).toEqual([]);
      }
      // At least once a round (space that came back by itself may run out again within a round).
      expect(lines.filter((l) => l.level === 'error' && l.msg.startsWith('store append failed')).length).toBeGreaterThanOrEqual(rounds);
      await checkLog(server.url, ex, ledger.acked, ledger.refusedTexts, 'tmpfs live');
      // No temporary file of a failed snapshot is left taking space.
      expect((await readdir(join(dataDir, 'exercises', ex.exerciseId, 'snapshots'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      for (const seat of Object.values(seats)) seat.close();
      await server.close();
      server = await start(dataDir, []);
      const after = await checkLog(server.url, ex, ledger.acked, ledger.refusedTexts, 'tmpfs after restart');
      seats = await joinAll(server.url, ex);
      expect(await seats.controller!.command({ type: 'resume' })).toMatchObject({ ok: true });
      for (const seat of Object.values(seats)) seat.close();
      await writeFile(join(dataDir, 'ok'), 'ok');

      recordFigures('faults', 'disk-full-tmpfs', {
        rounds,
        faults: rounds,
        filledBytes: filled,
        acked: ledger.acked.length,
        refused: ledger.refused,
        logEntries: after.seq,
        lost: 0,
        refusedStored: 0,
        hashEqualReplay: true,
      });
    },
    budgetMs(300_000),
  );
});

describe('leftovers of a kill in the middle of a snapshot', () => {
  it('the next snapshot removes the temporary files of snapshots whose writer was killed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ramparts-faults-snaptmp-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const store = await FileStore.open(dataDir);
    const record = {
      id: 'exercise-1',
      createdAt: '2025-03-01T08:00:00.000Z',
      seed: 1,
      mode: 'tabletop' as const,
      scenario: { id: 's', title: 'S', text: 'x', source: 'upload' as const },
    };
    await store.createExercise(record, []);
    const dir = join(dataDir, 'exercises', 'exercise-1', 'snapshots');
    // What writeFileDurable leaves when the process dies before its rename: two earlier kills.
    await writeFile(join(dir, '.m3x1a2b-4242.tmp'), '{"seq":40,"stateHash":"x","da');
    await writeFile(join(dir, '.m3x1a9z-4343.tmp'), '');
    await store.putSnapshot('exercise-1', { seq: 80, stateHash: 'h', data: {} });
    expect((await readdir(dir)).sort()).toEqual(['000000000080.json']);
    expect(await store.latestSnapshot('exercise-1')).toEqual({ seq: 80, stateHash: 'h', data: {} });
    await store.close();
    recordFigures('faults', 'snapshot-tmp-leftovers', { faults: 2, tmpFilesLeft: 0, lost: 0 });
  });
});
