/**
 * Socket.IO messages. Typed event maps (`Server<ClientToServerEvents, ServerToClientEvents>` on the
 * server, `Socket<ServerToClientEvents, ClientToServerEvents>` on the client) and zod schemas for
 * everything a client sends: the server parses every inbound payload and answers a bad one with a
 * coded error, never with an exception.
 *
 * Sequence numbers are each audience's own (docs/PROTOCOL.md, "What each seat receives and what it
 * may infer"), so that no seat can count activity it does not see. A view number: the white cell's
 * and evaluators' is the exercise revision (the number of commands applied, 1, 2, ...); a blue
 * team's or the red cell's steps by one at each command that concerns it (its own, one that brings
 * it an event, a clock command), and each of its deltas steps it by exactly one. Both are the same
 * after a restart. Each delta carries `fromSeq` (the number of the view it applies to) and `toSeq`
 * (the number it brings it to). A client keeps `lastSeq` = the `toSeq` of the last message it
 * applied, ignores messages with `toSeq <= lastSeq`, applies one with `fromSeq === lastSeq`, and on
 * any other `fromSeq` (a gap) calls `sync({ lastSeq })`. Events are numbered 1, 2, 3, ... among the
 * events the audience may see (not by their place in the exercise's log).
 */
import { z } from 'zod';
import type { EngineEvent, LocalTextT } from '../engine/types.ts';
import type { ErrorCode, NoticeCode, QuotaDetail } from './errors.ts';
import type { ExerciseMode, SeatInfo } from './rest.ts';
import type { ViewPatch } from './delta.ts';
import { ExerciseId, SeatToken } from './rest.ts';

/** Largest socket message the server reads (bytes of its JSON); larger ones get `TOO_LARGE`. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** `auth` of the Socket.IO handshake. */
export const HandshakeAuth = z.strictObject({
  exerciseId: ExerciseId,
  token: SeatToken,
  /** The protocol version the client speaks (PROTOCOL_VERSION); refused when different. */
  protocol: z.int().min(1).optional(),
  /** Number of the view the client still holds (its `lastSeq`), to catch up with deltas instead of a full view. */
  lastSeq: z.int().min(0).optional(),
  /**
   * The white cell only: watch this blue team's console read-only, exactly as the team sees it (the
   * socket gets the team's view and events; its commands are refused).
   */
  viewAs: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

/**
 * A command's client key (exactly once): any unique text the client makes, sent as the field `key`
 * beside the command's own fields. A command repeated with the same key (a retry after a lost
 * answer) is answered with its first answer and applied once, across reconnections and restarts;
 * the same key with another command is refused with CONFLICT. Keys are per seat.
 */
export const CommandKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a command key is 8 to 64 letters, digits, "_" or "-"');

export const SyncRequest = z.strictObject({ lastSeq: z.int().min(0).optional() });
export type SyncRequest = z.infer<typeof SyncRequest>;

/**
 * An engine event as a seat receives it: without its audience. The server sends each audience only
 * the events it may see, so the list says nothing the seat needs, costs bytes on every event (9 % of
 * a blue delta) and would name the other teams an event also went to.
 */
export type SeatEvent = Omit<EngineEvent, 'audience'>;

/** One change of an audience's view: apply `patch` to the view at `fromSeq` to get the view at `toSeq`. */
export interface DeltaMessage {
  fromSeq: number;
  toSeq: number;
  /** jsondiffpatch delta (see protocol/delta.ts); absent when only events were added. */
  patch?: ViewPatch;
  /** The engine events of these revisions this audience may see, in log order. */
  events: SeatEvent[];
}

/** The whole view of an audience, numbered `seq`. */
export interface FullView<V = unknown> {
  seq: number;
  view: V;
}

/** How a client gets up to date: the deltas it missed, its whole view, or nothing (already current). */
export type SyncResult<V = unknown> = { ok: true; kind: 'deltas'; deltas: DeltaMessage[] } | { ok: true; kind: 'full'; full: FullView<V> } | { ok: true; kind: 'current'; seq: number };

export interface CommandOk {
  ok: true;
  /**
   * The sender's view number at which the command took effect (the first answer's, for a repeated
   * key): its seat has seen it once its `lastSeq` reaches this. Never the exercise revision, except
   * for the white cell and evaluators, whose view number it is.
   */
  seq: number;
}
export interface ErrorReply {
  ok: false;
  code: ErrorCode;
  message: string;
  /** The quota of a RATE_LIMITED or QUOTA_EXCEEDED refusal from the exercise host. */
  detail?: QuotaDetail;
}
export type CommandReply = CommandOk | ErrorReply;
export type SyncReply<V = unknown> = SyncResult<V> | ErrorReply;

/** Sent once on connection: who the socket is, and its view (full, or the deltas since `auth.lastSeq`). */
export interface Welcome<V = unknown> {
  protocol: number;
  exerciseId: string;
  scenario: { id: string; title: LocalTextT };
  mode: ExerciseMode;
  seat: SeatInfo;
  sync: SyncResult<V>;
  /** Notices still in force (e.g. the exercise came back paused after a restart). */
  notices: Notice[];
}

export interface Notice {
  code: NoticeCode;
  message: string;
  /** Present on the message that withdraws a notice of this code: remove it. */
  cleared?: true;
}

/** Sent for a message that had no acknowledgement callback to answer through. */
export interface Rejected {
  event: string;
  code: ErrorCode;
  message: string;
}

export interface ClientToServerEvents {
  /**
   * A command body (the engine's `CommandBody`), with an optional client key `key` (CommandKey);
   * the server adds the actor from the seat.
   */
  command: (body: unknown, ack: (reply: CommandReply) => void) => void;
  /** Catch up after a gap; answers with deltas, a full view, or `current`. */
  sync: (request: SyncRequest, ack: (reply: SyncReply) => void) => void;
}

export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  delta: (delta: DeltaMessage) => void;
  notice: (notice: Notice) => void;
  rejected: (rejected: Rejected) => void;
}

/** `data` of a `connect_error` the server raises (message in `err.message`). */
export interface ConnectErrorData {
  code: ErrorCode;
}
