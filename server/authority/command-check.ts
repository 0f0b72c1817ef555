/**
 * The seat check every command passes before it reaches the queue: the body must be a well-formed
 * command (engine/sim/commands.ts) and the seat's role must be allowed to send it. The actor is
 * always the seat the server bound the socket to, never anything the client wrote, so a blue team
 * can only ever act as itself; the engine then checks what it may touch (its own nodes, granted
 * assistance).
 */
import { type ActorT, type Command, COMMAND_ROLES, CommandBody, type CommandType } from '../../engine/index.ts';
import { ERROR_CODES, type ErrorReply } from '../../protocol/index.ts';

const KNOWN = new Set(Object.keys(COMMAND_ROLES));

const WHO: Record<ActorT['role'], string> = {
  white: 'the controller', red: 'the red cell', blue: 'a blue team', evaluator: 'an evaluator', system: 'the server',
};

function describeRoles(type: CommandType): string {
  return COMMAND_ROLES[type].filter((r) => r !== 'system').map((r) => WHO[r]).join(' or ');
}

function firstIssue(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid command';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Validates `body` for `actor`; returns the command to queue, or the coded refusal. */
export function checkCommand(actor: ActorT, body: unknown): { ok: true; command: Command } | ErrorReply {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, code: ERROR_CODES.BAD_MESSAGE, message: 'a command is an object like { "type": "pause" }' };
  }
  const type = (body as { type?: unknown }).type;
  if (typeof type !== 'string' || !KNOWN.has(type)) {
    return {
      ok: false, code: ERROR_CODES.BAD_MESSAGE,
      message: `unknown command type ${JSON.stringify(type)}; expected one of ${[...KNOWN].join(', ')}`,
    };
  }
  const roles = COMMAND_ROLES[type as CommandType];
  if (!roles.includes(actor.role)) {
    return { ok: false, code: ERROR_CODES.FORBIDDEN, message: `${WHO[actor.role]} may not send "${type}": only ${describeRoles(type as CommandType)} may` };
  }
  const parsed = CommandBody.safeParse(body);
  if (!parsed.success) {
    return { ok: false, code: ERROR_CODES.BAD_MESSAGE, message: `"${type}" command: ${firstIssue(parsed.error)}` };
  }
  return { ok: true, command: { ...(parsed.data as CommandBody), actor } as Command };
}
