/**
 * The one queue of an exercise: seats' commands, the server's own and the real-time driver's ticks
 * wait here and are handed on in batches of at most `maxBatch`, one batch at a time, so that only
 * one batch ever changes the state. A batch is "in flight" from its first step until it is durable
 * and published (or undone): meanwhile the state may hold changes that are not durable yet, so
 * whatever must see durable state only (a seat joining, a REST summary) waits for it with `settled`.
 */
import type { Command } from '../../engine/index.ts';
import type { CommandReply } from '../../protocol/index.ts';

/** A command waiting for its batch, with the function that answers its sender. */
export interface QueuedCommand {
  kind: 'command';
  command: Command;
  /** Monotonic ms when it arrived (for the command latency). */
  received: number;
  /** Why the server itself sent it (recorded in its log entry); absent for seats' commands. */
  reason?: string;
  /** The seat's client key (exactly once), recorded in its log entry. */
  key?: string;
  resolve: (reply: CommandReply) => void;
}

/** A command, or the driver's request to bring simulated time up to the wall clock. */
export type QueueItem = QueuedCommand | { kind: 'tick' };

/**
 * Between two batches of one drain, a turn of the event loop: the batch just published queued its
 * deltas and acknowledgements to be written at the loop's check phase (server/realtime/
 * write-coalescing.ts), and the next batch, started at once, was stepped before they left, so under
 * load every delivery waited for the next batch's steps too (issue #16). After this turn they have
 * been written, and the commands that arrived meanwhile have been read into the queue.
 */
const yieldToIo = (): Promise<void> => new Promise((resume) => setImmediate(resume));

export class CommandQueue {
  private readonly items: QueueItem[] = [];
  private draining: Promise<void> | undefined;
  /** True from the first step of a batch until it is published (the state may hold unstored changes). */
  private inFlight = false;
  /** Work waiting for the batch in flight to settle. */
  private afterBatch: Array<() => void> = [];
  /** A batch ran in this drain: the next one waits for a turn of the event loop (yieldToIo). */
  private ran = false;

  /** `run` takes one batch through stepping, the store and publication; it may `settle` early. */
  constructor(
    private readonly maxBatch: number,
    private readonly run: (batch: QueueItem[]) => Promise<void>,
  ) {}

  /** Queues a command; resolves with the reply its batch gives it. */
  command(command: Command, received: number, extra: { reason?: string; key?: string } = {}): Promise<CommandReply> {
    return new Promise((resolve) => {
      this.items.push({
        kind: 'command',
        command,
        received,
        resolve,
        ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
        ...(extra.key !== undefined ? { key: extra.key } : {}),
      });
      this.drain();
    });
  }

  /** Queues a tick, unless one is already waiting (one advance catches up with the wall clock). */
  tick(): void {
    if (this.items.some((item) => item.kind === 'tick')) return;
    this.items.push({ kind: 'tick' });
    this.drain();
  }

  /** Puts items back at the head of the queue, in their order (a batch that stopped before them). */
  requeue(items: readonly QueueItem[]): void {
    this.items.unshift(...items);
    this.drain();
  }

  /** Runs `fn` now if no batch is in flight, else right after the batch in flight settles. */
  whenSettled(fn: () => void): void {
    if (this.inFlight) this.afterBatch.push(fn);
    else fn();
  }

  /** Runs `read` when no batch is in flight (now, or right after the current one settles). */
  settled<T>(read: () => T): Promise<T> {
    return new Promise((resolve) => this.whenSettled(() => resolve(read())));
  }

  /** The batch in flight is durable and published, or undone: what waited for it runs now. */
  settle(): void {
    this.inFlight = false;
    const waiting = this.afterBatch;
    this.afterBatch = [];
    for (const fn of waiting) fn();
  }

  /** Resolves when every item queued so far has been through its batch. */
  async idle(): Promise<void> {
    while (this.draining !== undefined) await this.draining;
  }

  private drain(): void {
    if (this.draining !== undefined) return;
    this.draining = (async () => {
      try {
        while (this.items.length > 0) {
          if (this.ran) await yieldToIo();
          this.ran = true;
          const batch = this.items.splice(0, this.maxBatch);
          this.inFlight = true;
          try {
            await this.run(batch);
          } finally {
            this.settle();
          }
        }
      } finally {
        this.draining = undefined;
        this.ran = false;
      }
    })();
  }
}
