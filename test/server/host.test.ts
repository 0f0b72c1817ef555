/**
 * The exercise host in-process, with the real engine and the real file store, and an in-process
 * transport that records what each audience would receive. A gate in front of the store's append
 * holds a batch "in flight" so the tests can look at the host while its commands are not durable.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlueView } from '../../engine/index.ts';
import type { DeltaMessage, Notice, SyncResult } from '../../protocol/index.ts';
import { applyViewPatch } from '../protocol/jsondiffpatch.ts';
import type { AudienceKey } from '../../server/authority/audience.ts';
import { engineAdapter } from '../../server/authority/engine-adapter.ts';
import type { LoadedScenario } from '../../server/authority/engine-port.ts';
import { ExerciseHost } from '../../server/authority/host.ts';
import type { ExerciseTransport } from '../../server/authority/transport.ts';
import { audiencesOf } from '../../server/authority/seats.ts';
import { systemClock } from '../../server/ops/clock.ts';
import { createMetrics } from '../../server/ops/metrics.ts';
import { silentLogger } from '../../server/ops/logger.ts';
import { FileStore } from '../../server/store/file-store.ts';
import type { ExerciseRecord, ExerciseStore, LogEntry } from '../../server/store/types.ts';
import { FIXTURES } from './helpers.ts';

/** Records deltas per audience; `watching` says which audiences have sockets. */
class RecordingTransport implements ExerciseTransport {
  readonly deltas = new Map<AudienceKey, DeltaMessage[]>();
  readonly notices: Notice[] = [];
  watching = new Set<AudienceKey>();
  delta(_id: string, audience: AudienceKey, delta: DeltaMessage): void {
    this.deltas.set(audience, [...(this.deltas.get(audience) ?? []), delta]);
  }
  notice(_id: string, notice: Notice): void {
    this.notices.push(notice);
  }
  listeners(_id: string, audience: AudienceKey): number {
    return this.watching.has(audience) ? 1 : 0;
  }
}

/** The file store with a gate on append (held until released) and an optional one-time failure. */
class GatedStore {
  gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  failNext = false;
  constructor(readonly inner: FileStore) {}
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open?.();
    this.gate = undefined;
  }
  asStore(): ExerciseStore {
    return new Proxy(this.inner, {
      get: (target, prop, receiver) => {
        if (prop === 'append') {
          return async (id: string, entries: readonly LogEntry[]) => {
            await this.gate;
            if (this.failNext) {
              this.failNext = false;
              throw new Error('disk full');
            }
            return target.append(id, entries);
          };
        }
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

/** Per test: which views count as heavy (the last test makes every view heavy). */
const HEAVY = { costMs: 1e9, intervalMs: 100 };
let dir: string;
let store: GatedStore;
let transport: RecordingTransport;
let host: ExerciseHost;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ramparts-host-'));
  store = new GatedStore(await FileStore.open(dir));
  transport = new RecordingTransport();
  const text = await readFile(join(FIXTURES, 'minimal.yaml'), 'utf8');
  const loaded = engineAdapter.load(text, 'minimal.yaml');
  if (!loaded.ok) throw new Error('fixture must load');
  const scenario: LoadedScenario = loaded.scenario;
  const record: ExerciseRecord = { id: 'exercise-1', createdAt: '2025-01-01T00:00:00Z', seed: 3, mode: 'tabletop', scenario: { id: 'minimal', title: 'Minimal', text, source: 'upload' } };
  await store.inner.createExercise(record, []);
  host = new ExerciseHost(
    {
      engine: engineAdapter,
      store: store.asStore(),
      transport,
      metrics: createMetrics({ defaultMetrics: false }),
      logger: silentLogger,
      options: { tickMs: 500, snapshotEvery: 1000, keepDeltas: 16, maxBatch: 64, heavyCostMs: HEAVY.costMs, heavyIntervalMs: HEAVY.intervalMs },
      clock: systemClock,
    },
    record,
    scenario,
    audiencesOf(scenario.summary),
    engineAdapter.create(scenario, 3, 'tabletop'),
    0,
    0,
  );
  expect(await host.submit({ role: 'white' }, { type: 'start' })).toEqual({ ok: true, seq: 1 });
});

afterEach(async () => {
  store.release();
  await host.close();
  await store.inner.close();
  await rm(dir, { recursive: true, force: true });
});

const sitreps = (r: SyncResult) => (r.kind === 'full' ? (r.full.view as BlueView).sitreps.map((s) => s.text) : []);

describe('exercise host', () => {
  it('acknowledges only after the append, and broadcasts nothing before', async () => {
    transport.watching.add('team:kw');
    host.sync('team:kw', undefined, () => undefined);
    store.hold();
    let acked = false;
    const reply = host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'held', severity: 'low' }).then((r) => {
      acked = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(acked).toBe(false);
    expect(transport.deltas.get('team:kw') ?? []).toEqual([]);
    expect(await store.inner.lastSeq('exercise-1')).toBe(1);
    store.release();
    expect(await reply).toEqual({ ok: true, seq: 2 });
    expect(await store.inner.lastSeq('exercise-1')).toBe(2);
    expect(transport.deltas.get('team:kw')!.map((d) => [d.fromSeq, d.toSeq])).toEqual([[1, 2]]);
  });

  it('a seat joining an unwatched audience during a batch in flight gets its view only once the batch is durable', async () => {
    store.hold();
    const reply = host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'in flight', severity: 'low' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const delivered: SyncResult[] = [];
    expect(host.sync('team:kw', undefined, (r) => delivered.push(r))).toBe(true);
    expect(delivered).toEqual([]);
    store.release();
    await reply;
    expect(delivered.map((r) => [r.kind, r.kind === 'full' ? r.full.seq : -1])).toEqual([['full', 2]]);
    expect(sitreps(delivered[0]!)).toEqual(['in flight']);
  });

  it('does not project audiences nobody watches, and rebuilds them when someone joins', async () => {
    transport.watching.add('team:om');
    host.sync('team:om', undefined, () => undefined);
    expect(await host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'unseen', severity: 'low' })).toMatchObject({ ok: true });
    expect(transport.deltas.has('team:kw')).toBe(false);
    expect(transport.deltas.has('white')).toBe(false);
    const joined: SyncResult[] = [];
    host.sync('team:kw', 1, (r) => joined.push(r));
    expect(joined.map((r) => r.kind)).toEqual(['full']);
    expect(sitreps(joined[0]!)).toEqual(['unseen']);
  });

  it('refuses a batch the store cannot take, with UNAVAILABLE, and leaves the state as stored', async () => {
    const before = { hash: host.stateHash(), seq: host.seq };
    store.failNext = true;
    expect(await host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'lost', severity: 'low' })).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    expect({ hash: host.stateHash(), seq: host.seq }).toEqual(before);
    expect(await host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'kept', severity: 'low' })).toEqual({ ok: true, seq: 2 });
    const log = await store.inner.readLog('exercise-1');
    expect(log.map((e) => (e as unknown as { command: { text?: string } }).command.text ?? e.seq)).toEqual([1, 'kept']);
  });

  it('tells every seat while the store refuses writes, and withdraws the notice when it takes them again', async () => {
    store.failNext = true;
    expect(await host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'lost', severity: 'low' })).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    expect(host.notices.map((n) => n.code)).toEqual(['STORE_SUSPENDED']);
    expect(transport.notices).toEqual([expect.objectContaining({ code: 'STORE_SUSPENDED', message: expect.stringMatching(/disk full|storage error/) })]);
    expect(await host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'kept', severity: 'low' })).toEqual({ ok: true, seq: 2 });
    expect(host.notices).toEqual([]);
    expect(transport.notices.at(-1)).toEqual({ code: 'STORE_SUSPENDED', message: '', cleared: true });
    expect(transport.notices).toHaveLength(2);
  });

  it('withdraws the recovery notice once the exercise runs again, and only that one', async () => {
    expect(await host.submit({ role: 'white' }, { type: 'pause' })).toMatchObject({ ok: true });
    host.raiseNotice('RECOVERED_PAUSED', 'paused by a restart');
    host.raiseNotice('SHUTTING_DOWN', 'going down');
    expect(await host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'still paused', severity: 'low' })).toMatchObject({ ok: false });
    expect(host.notices.map((n) => n.code)).toEqual(['RECOVERED_PAUSED', 'SHUTTING_DOWN']);
    expect(await host.submit({ role: 'white' }, { type: 'resume' })).toMatchObject({ ok: true });
    expect(host.notices.map((n) => n.code)).toEqual(['SHUTTING_DOWN']);
    expect(transport.notices.at(-1)).toMatchObject({ code: 'RECOVERED_PAUSED', cleared: true });
  });

  it('applies commands queued together in order, each with its own acknowledgement', async () => {
    store.hold();
    const replies = Promise.all([
      host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'a', severity: 'low' }),
      host.submit({ role: 'blue', team: 'om' }, { type: 'sitrep', text: 'b', severity: 'low' }),
      host.submit({ role: 'blue', team: 'kw' }, { type: 'pause' }),
      host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'c', severity: 'low' }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    store.release();
    // Each acknowledgement carries its seat's own view number (the start, then its own commands):
    // om's sitrep is its second step, whatever kw sent before it.
    expect(await replies).toEqual([{ ok: true, seq: 2 }, { ok: true, seq: 2 }, expect.objectContaining({ ok: false, code: 'FORBIDDEN' }), { ok: true, seq: 3 }]);
    expect(host.seq).toBe(4);
    expect([host.viewNumber('team:kw'), host.viewNumber('team:om'), host.viewNumber('white')]).toEqual([3, 2, 4]);
  });

  it('sends a heavy view at most every interval, with every event, ending at the last revision', async () => {
    // Rebuild the host with every view counted as heavy.
    await host.close();
    HEAVY.costMs = -1;
    try {
      const text = await readFile(join(FIXTURES, 'minimal.yaml'), 'utf8');
      const loaded = engineAdapter.load(text, 'minimal.yaml');
      if (!loaded.ok) throw new Error('fixture must load');
      host = new ExerciseHost(
        {
          engine: engineAdapter,
          store: store.asStore(),
          transport,
          metrics: createMetrics({ defaultMetrics: false }),
          logger: silentLogger,
          options: { tickMs: 500, snapshotEvery: 1000, keepDeltas: 64, maxBatch: 64, heavyCostMs: HEAVY.costMs, heavyIntervalMs: 300 },
          clock: systemClock,
        },
        host.record,
        loaded.scenario,
        audiencesOf(loaded.scenario.summary),
        host.currentState,
        host.seq,
        0,
      );
      transport.watching.add('white');
      const joined: SyncResult[] = [];
      host.sync('white', undefined, (r) => joined.push(r));
      expect(joined[0]).toMatchObject({ kind: 'full', full: { seq: 1 } });
      for (const text of ['a', 'b', 'c']) {
        expect(await host.submit({ role: 'blue', team: 'kw' }, { type: 'sitrep', text, severity: 'low' })).toMatchObject({ ok: true });
      }
      // The first change goes out at once; the next ones wait for the interval.
      const sent = () => transport.deltas.get('white') ?? [];
      expect(sent().map((d) => [d.fromSeq, d.toSeq])).toEqual([[1, 2]]);
      // A seat joining meanwhile gets the last view sent, and follows on from it.
      const late: SyncResult[] = [];
      host.sync('white', 2, (r) => late.push(r));
      expect(late).toEqual([{ ok: true, kind: 'current', seq: 2 }]);
      // Then one delta brings both later revisions, with both events in order.
      while (sent().length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      const second = sent()[1]!;
      expect([second.fromSeq, second.toSeq]).toEqual([2, 4]);
      expect(second.events.filter((e) => e.type === 'sitrep.filed').map((e) => (e.data as { text: string }).text)).toEqual(['b', 'c']);
      expect(applyViewPatch(applyViewPatch((joined[0] as { full: { view: unknown } }).full.view, sent()[0]!.patch), second.patch)).toEqual(
        engineAdapter.project(host.currentState as never, { role: 'white' }),
      );
    } finally {
      HEAVY.costMs = 1e9;
    }
  });
});
