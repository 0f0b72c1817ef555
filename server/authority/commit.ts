/**
 * One batch of the queue carried through the rooms: stepped (batch.ts), made durable in one write
 * (durable-state.ts), then published (broadcaster.ts) and every command answered; refused whole with
 * UNAVAILABLE while the store cannot take it, and the commands a broken batch did not reach queued
 * again. The host (host.ts) hands each batch here.
 */
import { NOTICE_CODES, type ErrorReply } from '../../protocol/index.ts';
import type { QuotaLimits } from '../config.ts';
import type { Clock } from '../ops/clock.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import { stepBatch } from './batch.ts';
import type { Broadcaster } from './broadcaster.ts';
import type { CommandQueue, QueueItem, QueuedCommand } from './command-queue.ts';
import type { DurableState } from './durable-state.ts';
import type { EnginePort } from './engine-port.ts';
import type { NoticeBoard } from './notices.ts';
import { countQuotaRefusal } from './quotas.ts';
import type { RealtimeDriver } from './realtime-driver.ts';

/** The rooms of one exercise a batch goes through. */
export interface BatchRooms<S> {
  exerciseId: string;
  engine: EnginePort<S>;
  metrics: Metrics;
  logger: Logger;
  clock: Clock;
  quotas: QuotaLimits;
  queue: CommandQueue;
  durable: DurableState<S>;
  broadcaster: Broadcaster<S>;
  board: NoticeBoard;
  driver: RealtimeDriver | undefined;
}

/** One batch: stepped, made durable, then acknowledged and published; refused whole while the store cannot take it. */
export async function runBatch<S>(r: BatchRooms<S>, batch: QueueItem[]): Promise<void> {
  const { engine, metrics, logger, clock, durable, queue } = r;
  // Suspended: refused without stepping (nothing to undo) until it is time to try the store again.
  if (!(await durable.ready())) return refuseUnavailable(r, batch);
  const stepped = stepBatch(
    {
      engine,
      logger,
      exerciseId: r.exerciseId,
      at: clock.timestamp(),
      advanceTo: (current) => r.driver?.target(current),
      ledger: durable.ledger,
      quotas: r.quotas,
    },
    durable.state,
    durable.revision,
    batch,
  );
  for (const { item, reply } of stepped.refused) answer(metrics, item, reply);
  if (stepped.entries.length > 0) {
    if (!(await durable.write(stepped.entries, stepped.state, stepped.revision))) {
      queue.settle();
      requeue(queue, stepped);
      return refuseUnavailable(
        r,
        [...stepped.accepted, ...stepped.repeated].map((a) => a.item),
      );
    }
    // Stored again after a suspension: withdraw the notice, at the revision that ended it.
    r.board.clear(NOTICE_CODES.STORE_SUSPENDED);
    r.broadcaster.publish(stepped.entries);
    queue.settle();
    for (const { item, n } of stepped.accepted) {
      metrics.commands.inc({ type: item.command.type, outcome: 'ok' });
      metrics.commandLatency.observe({ type: item.command.type }, (clock.now() - item.received) / 1000);
      item.resolve({ ok: true, seq: n });
    }
    // Running again after a recovery pause: the notice about it is past.
    if (engine.clock(durable.state).phase === 'running') r.board.clear(NOTICE_CODES.RECOVERED_PAUSED);
  }
  // Repeats of keyed commands answered before (or earlier in this batch): the first answer again.
  for (const { item, n } of stepped.repeated) {
    metrics.commands.inc({ type: item.command.type, outcome: 'repeated' });
    item.resolve({ ok: true, seq: n });
  }
  if (stepped.broken) {
    // The engine threw: what is stored is the exercise; the state is reloaded from it.
    await durable.rebuildAfterFailure();
    requeue(queue, stepped);
  } else if (stepped.entries.length > 0) durable.snapshotIfDue();
  reconcileDriver(r);
}

/** Tells the real-time driver (if any) where simulated time stands and when the engine next needs it. */
export function reconcileDriver<S>(r: Pick<BatchRooms<S>, 'driver' | 'engine' | 'durable'>): void {
  r.driver?.reconcile(r.engine.clock(r.durable.state), r.engine.nextEventTime(r.durable.state));
}

/** Puts the commands a broken batch did not reach back at the head of the queue. */
function requeue(queue: CommandQueue, stepped: { broken: boolean; rest: QueueItem[] }): void {
  if (stepped.broken && stepped.rest.length > 0) queue.requeue(stepped.rest);
}

function answer(metrics: Metrics, item: QueuedCommand, reply: ErrorReply): void {
  metrics.commands.inc({ type: item.command.type, outcome: reply.code });
  countQuotaRefusal(metrics, reply);
  item.resolve(reply);
}

/** Refuses the commands among `items` with UNAVAILABLE while the store is down. */
function refuseUnavailable<S>(r: BatchRooms<S>, items: readonly QueueItem[]): void {
  for (const item of items) if (item.kind === 'command') answer(r.metrics, item, r.durable.refusal());
}
