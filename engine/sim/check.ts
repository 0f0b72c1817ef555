/**
 * Is this a command, and may its sender send it? The one check of a command's form and role, before
 * it touches an exercise: `step` runs it on every command, the server runs it on what a seat sends
 * (with the seat as the actor) before queueing it, and the command line on every input of a command
 * file before the run. What depends on the exercise (the team exists, the phase allows it, the ids
 * it names) is left to `step`.
 */
import { formatPath, type PathSegment } from '../lib/diagnostic.ts';
import { Actor, COMMAND_ROLES, CommandBody, type ActorT, type Command, type CommandType } from './commands.ts';
import type { Refusal } from './refusal.ts';
import { isRecord } from '../lib/record.ts';
import { MAX_SIM_TIME } from '../time/duration.ts';

/** One problem of a command: where (`['actor', 'role']`, `['target', 'node']`, `[]` for the whole body) and what. */
export interface CommandIssue {
  path: PathSegment[];
  message: string;
}

/**
 * The command to apply (the body as parsed, with the actor), or the refusal: BAD_COMMAND (not a
 * well-formed command) or FORBIDDEN (the sender's role may not send it). `message` is one sentence
 * for the sender; `issues` are every problem at its place in the command, for a file of commands.
 */
export type CommandCheck = { ok: true; command: Command } | (Refusal & { ok: false; code: 'BAD_COMMAND' | 'FORBIDDEN'; issues: CommandIssue[] });

const TYPES = Object.keys(COMMAND_ROLES) as CommandType[];

const WHO: Record<ActorT['role'], string> = {
  white: 'the controller',
  red: 'the red cell',
  blue: 'a blue team',
  evaluator: 'an evaluator',
  system: 'the server',
};

const zodIssues = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, prefix: PathSegment[] = []): CommandIssue[] =>
  issues.map((i) => ({ path: [...prefix, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))], message: i.message }));

const located = (i: CommandIssue): string => (i.path.length > 0 ? `${formatPath(i.path)}: ${i.message}` : i.message);

const keyCount = (o: object): number => {
  let n = 0;
  for (const _ in o) n++;
  return n;
};

/**
 * The system's clock advance `{ type: 'advance', to }` from `{ role: 'system' }`, checked by hand
 * exactly as the schema accepts it (strict objects, `to` a safe integer from 0 to MAX_SIM_TIME): the
 * real-time driver's ticks and over half of a log's records, so replays and the host skip the schema
 * for them. Anything else, or anything slightly off, goes through the schema and its messages.
 */
export function isSystemAdvance(actor: unknown, body: unknown): body is { type: 'advance'; to: number } {
  if (!isRecord(body) || body.type !== 'advance' || keyCount(body) !== 2) return false;
  const to = body.to;
  return typeof to === 'number' && Number.isSafeInteger(to) && to >= 0 && to <= MAX_SIM_TIME && isRecord(actor) && actor.role === 'system' && keyCount(actor) === 1;
}

/**
 * Checks `body` (the command without its actor) as sent by `actor`: the actor, that the body is a
 * command of a known type, that the actor's role may send it, then the body's fields. Every problem is
 * in `issues`; the message says the first that matters to the sender (the role before the fields).
 */
export function checkCommand(actor: unknown, body: unknown): CommandCheck {
  if (isSystemAdvance(actor, body)) return { ok: true, command: { type: 'advance', to: body.to, actor: { role: 'system' } } };
  const issues: CommandIssue[] = [];
  const a = Actor.safeParse(actor);
  if (!a.success) issues.push(...zodIssues(a.error.issues, ['actor']));
  const refuse = (code: 'BAD_COMMAND' | 'FORBIDDEN', message: string): CommandCheck => ({ ok: false, code, message, issues });
  if (!isRecord(body)) {
    issues.push({ path: [], message: 'a command is an object like { "type": "pause" }' });
    return refuse('BAD_COMMAND', a.success ? (issues[0] as CommandIssue).message : located(issues[0] as CommandIssue));
  }
  const b = CommandBody.safeParse(body);
  if (!b.success) issues.push(...zodIssues(b.error.issues));
  const type = body.type as CommandType;
  if (!TYPES.includes(type)) return refuse('BAD_COMMAND', `unknown command type ${JSON.stringify(type)}; expected one of ${TYPES.join(', ')}`);
  const roles = COMMAND_ROLES[type];
  if (a.success && !roles.includes(a.data.role)) {
    issues.unshift({ path: ['actor', 'role'], message: `a ${a.data.role} actor may not send ${type} (allowed: ${roles.join(', ')})` });
    const who = roles
      .filter((r) => r !== 'system')
      .map((r) => WHO[r])
      .join(' or ');
    return refuse('FORBIDDEN', `${WHO[a.data.role]} may not send "${type}": only ${who} may`);
  }
  if (!a.success) return refuse('BAD_COMMAND', located(issues[0] as CommandIssue));
  if (!b.success) return refuse('BAD_COMMAND', `"${type}" command: ${located(issues[0] as CommandIssue)}`);
  return { ok: true, command: { ...(b.data as CommandBody), actor: a.data } as Command };
}
