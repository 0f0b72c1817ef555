/**
 * Everything a bound socket may do. Every inbound packet passes one guard first (rate limit, known
 * event, acknowledgement present, size), and every refusal is a coded error: through the
 * acknowledgement when there is one, else as a `rejected` event. Nothing a client sends can throw
 * inside the server, and nothing names an exercise or a seat: both come from the handshake.
 */
import type { ActorT } from '../../engine/index.ts';
import { CommandKey, ERROR_CODES, MAX_MESSAGE_BYTES, SyncRequest, type ErrorCode, type ErrorReply } from '../../protocol/index.ts';
import type { ExerciseManager } from '../authority/manager.ts';
import type { Logger } from '../ops/logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Refusal, RefusalLog } from '../ops/refusals.ts';
import { TokenBucket } from '../ops/token-bucket.ts';
import type { RampartsSocket, RemoteExercises, SocketData } from './types.ts';

export interface SeatSocketDeps {
  manager: ExerciseManager;
  metrics: Metrics;
  logger: Logger;
  /** Counts and logs every refusal (rate-limited summaries for floods). */
  refusals: RefusalLog;
  rate: number;
  burst: number;
  /** Most sockets one seat may hold open on this process (a connection flood with a valid link is refused beyond). */
  socketsPerSeat: number;
  /** Scale-out: exercises another process owns (absent on a single server). */
  remote?: RemoteExercises;
}

const EVENTS = new Set(['command', 'sync']);

/** The actor a socket's commands are sent as; null for a read-only socket (the presentation, a view as a team). */
export function actorOf(data: SocketData): ActorT | null {
  if (data.viewAs !== undefined) return null;
  switch (data.role) {
    case 'blue':
      return { role: 'blue', team: data.team ?? '' };
    case 'white':
      return { role: 'white' };
    case 'red':
      return { role: 'red' };
    case 'evaluator':
      return { role: 'evaluator' };
    case 'presentation':
      return null;
  }
}

/** Why a read-only socket's command is refused, as a sentence. */
const READ_ONLY = (data: SocketData): string =>
  data.viewAs !== undefined
    ? `this is a read-only view of team ${data.viewAs}'s console; act from your own console`
    : 'the presentation view is read-only; the controller runs the exercise from its console';

/** Who a socket is, for the refusal log. */
export function whoOf(data: SocketData): Pick<Refusal, 'exerciseId' | 'seat' | 'role' | 'team'> {
  return { exerciseId: data.exerciseId, seat: data.seat, role: data.role, ...(data.team ? { team: data.team } : {}) };
}

function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** A command payload as the command body and its optional client key (`key`, see protocol/socket.ts). */
function splitKey(payload: unknown): { ok: true; body: unknown; key?: string } | ErrorReply {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload) || !Object.hasOwn(payload, 'key')) return { ok: true, body: payload };
  const { key, ...body } = payload as { key?: unknown };
  const parsed = CommandKey.safeParse(key);
  if (!parsed.success) return { ok: false, code: ERROR_CODES.BAD_MESSAGE, message: 'a command key is 8 to 64 letters, digits, "_" or "-"' };
  return { ok: true, body, key: parsed.data };
}

/** Installs the guard and the handlers on a socket whose seat the handshake bound. */
export function handleSeatSocket(socket: RampartsSocket, deps: SeatSocketDeps): void {
  const bucket = new TokenBucket(deps.rate, deps.burst);
  const refuse = (event: unknown, ack: unknown, code: ErrorCode, message: string) => {
    deps.refusals.refuse({ channel: 'socket', code, what: String(event), message, ...whoOf(socket.data) });
    const reply: ErrorReply = { ok: false, code, message };
    if (typeof ack === 'function') (ack as (r: ErrorReply) => void)(reply);
    else socket.emit('rejected', { event: String(event).slice(0, 64), code, message });
  };

  socket.use((packet, next) => {
    const [event, ...args] = packet as unknown[];
    const ack = args.at(-1);
    if (!bucket.take()) return refuse(event, ack, ERROR_CODES.RATE_LIMITED, `more than ${deps.rate} messages per second; slow down`);
    if (typeof event !== 'string' || !EVENTS.has(event)) {
      return refuse(event, ack, ERROR_CODES.UNKNOWN_EVENT, `unknown event; the server accepts ${[...EVENTS].join(', ')}`);
    }
    if (typeof ack !== 'function') return refuse(event, ack, ERROR_CODES.BAD_MESSAGE, `send "${event}" with an acknowledgement callback`);
    if (args.length !== 2) return refuse(event, ack, ERROR_CODES.BAD_MESSAGE, `"${event}" takes one payload and an acknowledgement`);
    if (jsonBytes(args[0]) > MAX_MESSAGE_BYTES) {
      return refuse(event, ack, ERROR_CODES.TOO_LARGE, `a message may carry at most ${MAX_MESSAGE_BYTES} bytes of JSON`);
    }
    next();
  });

  /** Answers a command or sync; a refusal is counted and logged with the seat that tried. */
  const answer =
    <R extends { ok: boolean }>(event: 'command' | 'sync', what: string, ack: (reply: R) => void) =>
    (reply: R) => {
      if (!reply.ok) {
        const { code, message } = reply as unknown as ErrorReply;
        deps.refusals.refuse({ channel: event === 'command' ? 'command' : 'socket', code, what, message, ...whoOf(socket.data) });
      }
      ack(reply);
    };

  socket.on('command', (payload, rawAck) => {
    const type = (payload as { type?: unknown } | null)?.type;
    const ack = answer('command', typeof type === 'string' ? type : 'command', rawAck);
    // The client key travels beside the command's fields; the command itself goes on without it.
    const split = splitKey(payload);
    if (!split.ok) return ack(split);
    const { body, key } = split;
    const actor = actorOf(socket.data);
    if (actor === null) return ack({ ok: false, code: ERROR_CODES.FORBIDDEN, message: READ_ONLY(socket.data) });
    const host = deps.manager.host(socket.data.exerciseId);
    if (!host && !deps.remote) return ack({ ok: false, code: ERROR_CODES.NOT_FOUND, message: 'the exercise is no longer hosted here' });
    (host ? host.submit(actor, body, key) : deps.remote!.command(socket.data.exerciseId, actor, body, key)).then(ack, (error: unknown) => {
      deps.logger.error('command handling failed', { exerciseId: socket.data.exerciseId, error });
      ack({ ok: false, code: ERROR_CODES.INTERNAL, message: 'the server failed on this command; it was not applied' });
    });
  });

  socket.on('sync', (request, rawAck) => {
    const ack = answer('sync', 'sync', rawAck);
    const parsed = SyncRequest.safeParse(request);
    if (!parsed.success) return ack({ ok: false, code: ERROR_CODES.BAD_MESSAGE, message: 'sync takes { lastSeq?: integer >= 0 }' });
    const host = deps.manager.host(socket.data.exerciseId);
    if (!host && deps.remote) return void deps.remote.sync(socket.data.exerciseId, socket.data.audience, parsed.data.lastSeq).then(ack);
    if (!host?.sync(socket.data.audience, parsed.data.lastSeq, ack)) {
      ack({ ok: false, code: ERROR_CODES.NOT_FOUND, message: 'the exercise is no longer hosted here' });
    }
  });
}
