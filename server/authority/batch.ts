/**
 * One batch of the queue stepped on the exercise state, in queue order: each accepted command gets
 * the next revision and a log entry, each refused one its refusal, and nothing is stored or sent
 * here (the host makes the entries durable before anyone hears of them). The real-time driver's
 * ticks become recorded `advance` commands, and the clock is brought up to the wall clock before a
 * command that changes it, so that a replay of the log needs no clock.
 */
import type { Command } from '../../engine/index.ts';
import { ERROR_CODES, type ErrorReply } from '../../protocol/index.ts';
import type { Logger } from '../ops/logger.ts';
import type { QueueItem, QueuedCommand } from './command-queue.ts';
import type { CommandEntry, EnginePort } from './engine-port.ts';

/** Commands that change the clock: time is brought up to the wall clock before them. */
const CLOCK_COMMANDS = new Set(['pause', 'speed', 'end', 'jump-to-next-inject', 'move']);

export interface BatchContext<S> {
  engine: EnginePort<S>;
  logger: Logger;
  exerciseId: string;
  /** Calendar time of the batch, recorded in every entry (audit only). */
  at: string;
  /** The simulated time the real-time driver wants now, given the engine's (undefined: no advance). */
  advanceTo: (current: number) => number | undefined;
}

export interface SteppedBatch<S> {
  /** The state after the batch (the engine steps in place: the same object it started from). */
  state: S;
  revision: number;
  /** One per accepted command and advance, to be appended to the log. */
  entries: CommandEntry[];
  accepted: Array<{ item: QueuedCommand; seq: number }>;
  refused: Array<{ item: QueuedCommand; reply: ErrorReply }>;
}

/** Steps `batch` on `state`, at `revision`. See the module comment. */
export function stepBatch<S>(ctx: BatchContext<S>, state: S, revision: number, batch: readonly QueueItem[]): SteppedBatch<S> {
  const { engine, logger } = ctx;
  const out: SteppedBatch<S> = { state, revision, entries: [], accepted: [], refused: [] };

  /** Steps one command on the batch's working state; returns the refusal, if any. */
  const apply = (command: Command, reason?: string): ErrorReply | undefined => {
    let result;
    const t = engine.clock(out.state).now;
    try {
      result = engine.step(out.state, command);
    } catch (error) {
      logger.error('engine step threw', { exerciseId: ctx.exerciseId, command: command.type, error });
      return { ok: false, code: ERROR_CODES.INTERNAL, message: 'the engine failed on this command; it was not applied' };
    }
    if (!result.ok) return { ok: false, code: result.code, message: result.message };
    out.state = result.state;
    out.revision++;
    out.entries.push({ seq: out.revision, t, at: ctx.at, command, events: result.events, ...(reason ? { reason } : {}) });
    return undefined;
  };

  /** The `advance` the driver wants now, if the clock runs and time has moved. */
  const catchUp = (): void => {
    const current = engine.clock(out.state).now;
    const to = ctx.advanceTo(current);
    if (to !== undefined && to > current) apply({ type: 'advance', to, actor: { role: 'system' } });
  };

  for (const item of batch) {
    if (item.kind === 'tick') {
      catchUp();
      continue;
    }
    if (CLOCK_COMMANDS.has(item.command.type)) catchUp();
    const refused = apply(item.command, item.reason);
    if (refused) out.refused.push({ item, reply: refused });
    else out.accepted.push({ item, seq: out.revision });
  }
  return out;
}
