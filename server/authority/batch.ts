/**
 * One batch of the queue stepped on the exercise state, in queue order: each accepted command gets
 * the next revision and a log entry, each refused one its refusal, and nothing is stored or sent
 * here (the host makes the entries durable before anyone hears of them). The real-time driver's
 * ticks become recorded `advance` commands, and the clock is brought up to the wall clock before a
 * command that changes it, so that a replay of the log needs no clock.
 *
 * Before a seat's command is stepped, the ledger (ledger.ts) is asked two things, on its state after
 * the commands before it in the batch: whether the command's client key was already answered
 * (exactly once: the first answer again, nothing stepped or stored), and whether the seat, its team
 * or the exercise has room for it (quotas.ts). Each entry is folded into the ledger as it is made.
 */
import type { Command } from '../../engine/index.ts';
import { ERROR_CODES, type ErrorReply } from '../../protocol/index.ts';
import type { Logger } from '../ops/logger.ts';
import type { QueueItem, QueuedCommand } from './command-queue.ts';
import type { CommandEntry, EnginePort } from './engine-port.ts';
import { commandDigest, entryBytes, seatOfActor, type Ledger } from './ledger.ts';
import type { QuotaLimits } from '../config.ts';
import { checkQuotas } from './quotas.ts';

/** Commands that change the clock: time is brought up to the wall clock before them. */
const CLOCK_COMMANDS = new Set(['pause', 'speed', 'end', 'jump', 'jump-to-next-inject', 'move']);

export interface BatchContext<S> {
  engine: EnginePort<S>;
  logger: Logger;
  exerciseId: string;
  /** Calendar time of the batch, recorded in every entry (audit only). */
  at: string;
  /** The simulated time the real-time driver wants now, given the engine's (undefined: no advance). */
  advanceTo: (current: number) => number | undefined;
  /** The host's bookkeeping, folded entry by entry (rebuilt with the state if the batch is not stored). */
  ledger: Ledger;
  quotas: QuotaLimits;
}

export interface SteppedBatch<S> {
  /** The state after the batch (the engine steps in place: the same object it started from). */
  state: S;
  revision: number;
  /** One per accepted command and advance, to be appended to the log. */
  entries: CommandEntry[];
  /** `seq`: the revision the command produced; `n`: its seat's view number then (what its acknowledgement carries). */
  accepted: Array<{ item: QueuedCommand; seq: number; n: number }>;
  refused: Array<{ item: QueuedCommand; reply: ErrorReply }>;
  /** Commands whose client key was already answered: the first answer's view number. */
  repeated: Array<{ item: QueuedCommand; n: number }>;
  /**
   * The engine threw on a command (a bug): the state may hold half of it, so the batch stops there;
   * the host stores the entries before it, rebuilds the state from the store and queues `rest` again.
   */
  broken: boolean;
  rest: QueueItem[];
}

/** Steps `batch` on `state`, at `revision`. See the module comment. */
export function stepBatch<S>(ctx: BatchContext<S>, state: S, revision: number, batch: readonly QueueItem[]): SteppedBatch<S> {
  const { engine, logger } = ctx;
  const out: SteppedBatch<S> = { state, revision, entries: [], accepted: [], refused: [], repeated: [], broken: false, rest: [] };

  /** Steps one command on the batch's working state; returns the refusal, if any. */
  const apply = (command: Command, reason?: string, key?: string): ErrorReply | undefined => {
    let result: ReturnType<typeof engine.step>;
    const t = engine.clock(out.state).now;
    try {
      result = engine.step(out.state, command);
    } catch (error) {
      out.broken = true;
      logger.error('engine step threw; the state is rebuilt from the store', { exerciseId: ctx.exerciseId, command: command.type, error });
      return { ok: false, code: ERROR_CODES.INTERNAL, message: 'the engine failed on this command; it was not applied' };
    }
    if (!result.ok) return { ok: false, code: result.code, message: result.message };
    out.state = result.state;
    out.revision++;
    const entry: CommandEntry = { seq: out.revision, t, at: ctx.at, command, events: result.events, ...(reason ? { reason } : {}), ...(key !== undefined ? { key } : {}) };
    out.entries.push(entry);
    ctx.ledger.record(entry, entryBytes(entry));
    return undefined;
  };

  /** The `advance` the driver wants now, if the clock runs and time has moved. */
  const catchUp = (): void => {
    const current = engine.clock(out.state).now;
    const to = ctx.advanceTo(current);
    if (to !== undefined && to > current) apply({ type: 'advance', to, actor: { role: 'system' } });
  };

  for (const [index, item] of batch.entries()) {
    if (out.broken) {
      out.rest = batch.slice(index);
      break;
    }
    if (item.kind === 'tick') {
      catchUp();
      continue;
    }
    const seat = seatOfActor(item.command.actor);
    if (item.key !== undefined && seat !== undefined) {
      const first = ctx.ledger.answerOf(seat, item.key);
      if (first && first.digest === commandDigest(item.command)) {
        out.repeated.push({ item, n: first.n });
        continue;
      }
      if (first) {
        out.refused.push({ item, reply: { ok: false, code: ERROR_CODES.CONFLICT, message: 'this command key was already used for another command; send a new command with a new key' } });
        continue;
      }
    }
    const over = checkQuotas(ctx.ledger, ctx.quotas, item.command);
    if (over) {
      out.refused.push({ item, reply: over });
      continue;
    }
    if (CLOCK_COMMANDS.has(item.command.type)) catchUp();
    if (out.broken) {
      out.rest = batch.slice(index);
      break;
    }
    const refused = apply(item.command, item.reason, item.key);
    if (refused) out.refused.push({ item, reply: refused });
    else out.accepted.push({ item, seq: out.revision, n: ctx.ledger.ackNumber(item.command.actor) });
  }
  return out;
}
