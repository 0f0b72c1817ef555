/**
 * The socket messages of the protocol fuzz (fuzz-protocol.test.ts sends them), as fast-check
 * arbitraries over the protocol's own zod schemas (fuzz-schema-arb.ts): commands and sync requests
 * broken in exactly one place, well-formed commands that are not the seat's role's to send, well-formed
 * commands of its role naming ids the minimal fixture does not have, unknown events and oversized
 * commands; every one refused by construction, with the codes each kind of mistake may get.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { type ActorT, COMMAND_ROLES, CommandBody, type CommandType } from '../../engine/index.ts';
import { ERROR_CODES, MAX_MESSAGE_BYTES, SyncRequest } from '../../protocol/index.ts';
import { ROOT } from './fuzz-scenarios.ts';
import { acceptedBy, refusedBy } from './fuzz-schema-arb.ts';

export type Kind = 'invalid-command' | 'wrong-role' | 'dangling-reference' | 'invalid-sync' | 'unknown-event' | 'oversized';
export interface Message {
  kind: Kind;
  event: string;
  payload: unknown;
}

const TYPES = Object.keys(COMMAND_ROLES) as CommandType[];
const INVALID_COMMAND = refusedBy(CommandBody);
const INVALID_SYNC = refusedBy(SyncRequest);
const VALID_COMMAND = acceptedBy(CommandBody) as fc.Arbitrary<{ type: CommandType }>;

/**
 * Every id of the minimal fixture (teams, nodes, segments, steps, injects, actions, moves, ...): the
 * strings a well-formed command may name. Read from the scenario text, so nothing is missed.
 */
const KNOWN_IDS = new Set([...readFileSync(join(ROOT, 'test/fixtures/scenarios/minimal.yaml'), 'utf8').matchAll(/[A-Za-z0-9][A-Za-z0-9._-]*/g)].map((m) => m[0]));
/** What each command names by id, for the commands whose every effect hangs on one: refused when it names nothing. */
const REFERENCES: Partial<Record<CommandType, (c: Record<string, unknown>) => unknown[]>> = {
  action: (c) => [c.action],
  'cancel-action': (c) => [c.id],
  'ack-inject': (c) => [c.inject],
  'answer-inject': (c) => [c.inject],
  'apply-intel': (c) => [c.report],
  'grant-assistance': (c) => [c.request],
  'request-assistance': (c) => [c.to],
  'red-launch': (c) => [c.step],
  'red-hold': (c) => [c.step],
  'red-abort': (c) => [c.step],
  adjudicate: (c) => [(c.item as Record<string, unknown>).id ?? (c.item as Record<string, unknown>).inject],
};
const namesNothing = (c: { type: CommandType }): boolean => {
  const refs = REFERENCES[c.type]?.(c as unknown as Record<string, unknown>);
  return refs?.every((x) => typeof x === 'string' && !KNOWN_IDS.has(x)) === true;
};

/** The messages a seat of `role` may be sent to try: all refused by construction. */
export function messagesFor(role: ActorT['role']): fc.Arbitrary<Message> {
  const forbidden = TYPES.filter((t) => !COMMAND_ROLES[t].includes(role));
  return fc.oneof(
    { weight: 12, arbitrary: INVALID_COMMAND.map((payload): Message => ({ kind: 'invalid-command', event: 'command', payload })) },
    // Well-formed, but not this role's to send (a blue team controlling the clock, red answering injects, ...).
    { weight: 4, arbitrary: VALID_COMMAND.filter((c) => forbidden.includes(c.type)).map((payload): Message => ({ kind: 'wrong-role', event: 'command', payload })) },
    // Well-formed and this role's, but naming an action, inject, report, request, team or step that does not exist.
    ...(TYPES.some((t) => COMMAND_ROLES[t].includes(role) && REFERENCES[t])
      ? [
          {
            weight: 3,
            arbitrary: VALID_COMMAND.filter((c) => COMMAND_ROLES[c.type].includes(role) && namesNothing(c)).map((payload): Message => ({ kind: 'dangling-reference', event: 'command', payload })),
          },
        ]
      : []),
    { weight: 2, arbitrary: INVALID_SYNC.map((payload): Message => ({ kind: 'invalid-sync', event: 'sync', payload })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('Command', 'commands', 'welcome', 'delta', 'rejected', 'notice', 'hello', 'auth', 'constructor', '__proto__', 'toString', 'x'.repeat(300)),
          fc.jsonValue({ maxDepth: 3 }),
        )
        .map(([event, payload]): Message => ({ kind: 'unknown-event', event, payload })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(VALID_COMMAND, fc.integer({ min: MAX_MESSAGE_BYTES + 1, max: MAX_MESSAGE_BYTES * 4 }))
        .map(([c, n]): Message => ({ kind: 'oversized', event: 'command', payload: { ...c, text: 'x'.repeat(n) } })),
    },
  );
}

/** The codes each kind of mistake may get. */
export const EXPECTED: Record<Kind, readonly string[]> = {
  'invalid-command': [ERROR_CODES.BAD_MESSAGE, ERROR_CODES.FORBIDDEN, ERROR_CODES.TOO_LARGE],
  'wrong-role': [ERROR_CODES.FORBIDDEN],
  'dangling-reference': [ERROR_CODES.NOT_FOUND, ERROR_CODES.BAD_COMMAND, ERROR_CODES.FORBIDDEN, ERROR_CODES.CONFLICT, ERROR_CODES.WRONG_PHASE],
  'invalid-sync': [ERROR_CODES.BAD_MESSAGE],
  'unknown-event': [ERROR_CODES.UNKNOWN_EVENT],
  oversized: [ERROR_CODES.TOO_LARGE],
};
