/**
 * The seat check every command passes before it reaches the queue: the seat's command rate
 * (SeatCheck), then the engine's command check (a well-formed command that the seat's role may
 * send) with the seat as the actor, its refusal answered with the protocol's codes. The actor is always the seat the server bound the socket to,
 * never anything the client wrote (a body that names an actor is malformed), so a blue team can only
 * ever act as itself; the engine then checks what it may touch (its own nodes, granted assistance).
 */
import { checkCommand as engineCheck, type ActorT, type Command } from '../../engine/index.ts';
import { ERROR_CODES, type ErrorReply } from '../../protocol/index.ts';
import type { Metrics } from '../ops/metrics.ts';
import { seatOfActor } from './ledger.ts';
import { countQuotaRefusal, type SeatRates } from './quotas.ts';

/** Validates `body` for `actor`; returns the command to queue, or the coded refusal. */
export function checkCommand(actor: ActorT, body: unknown): { ok: true; command: Command } | ErrorReply {
  const checked = engineCheck(actor, body);
  if (checked.ok) return checked;
  return { ok: false, code: checked.code === 'FORBIDDEN' ? ERROR_CODES.FORBIDDEN : ERROR_CODES.BAD_MESSAGE, message: checked.message };
}

/**
 * The check of one exercise's commands at its door: the seat's command rate over all its sockets
 * (quotas.ts), then `checkCommand`. A refusal is counted in the metrics and returned.
 */
export class SeatCheck {
  constructor(
    private readonly rates: SeatRates,
    private readonly metrics: Metrics,
  ) {}

  admit(actor: ActorT, body: unknown): { ok: true; command: Command } | ErrorReply {
    const seat = seatOfActor(actor);
    const limited = seat === undefined ? undefined : this.rates.take(seat);
    if (limited) {
      countQuotaRefusal(this.metrics, limited);
      return limited;
    }
    const checked = checkCommand(actor, body);
    if (!checked.ok) this.metrics.commands.inc({ type: typeof (body as { type?: unknown })?.type === 'string' ? 'invalid' : 'malformed', outcome: checked.code });
    return checked;
  }
}
