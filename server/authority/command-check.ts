/**
 * The seat check every command passes before it reaches the queue: the engine's command check
 * (a well-formed command that the seat's role may send) with the seat as the actor, its refusal
 * answered with the protocol's codes. The actor is always the seat the server bound the socket to,
 * never anything the client wrote (a body that names an actor is malformed), so a blue team can only
 * ever act as itself; the engine then checks what it may touch (its own nodes, granted assistance).
 */
import { checkCommand as engineCheck, type ActorT, type Command } from '../../engine/index.ts';
import { ERROR_CODES, type ErrorReply } from '../../protocol/index.ts';

/** Validates `body` for `actor`; returns the command to queue, or the coded refusal. */
export function checkCommand(actor: ActorT, body: unknown): { ok: true; command: Command } | ErrorReply {
  const checked = engineCheck(actor, body);
  if (checked.ok) return checked;
  return { ok: false, code: checked.code === 'FORBIDDEN' ? ERROR_CODES.FORBIDDEN : ERROR_CODES.BAD_MESSAGE, message: checked.message };
}
