/**
 * The Socket.IO side: handshake authentication binds each socket to one seat of one exercise,
 * the socket joins its audience's room and receives its welcome (seat, view, notices) in the same
 * tick, so no delta can slip between the view it starts from and the deltas that follow.
 */
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { ERROR_CODES, HandshakeAuth, PROTOCOL_VERSION, SOCKET_PATH, type ErrorCode } from '../../protocol/index.ts';
import { audienceOf } from '../authority/audience.ts';
import { hostProblem } from '../ops/host-check.ts';
import { isAllowedOrigin } from '../ops/origin.ts';
import { audienceRoom, exerciseRoom, seatRoom } from './rooms.ts';
import { limitBacklog } from './backlog.ts';
import { coalesceWrites } from './write-coalescing.ts';
import { joinBroadcastFrames, reuseDeltaText } from './delta-encoding.ts';
import { handleSeatSocket, whoOf, type SeatSocketDeps } from './seat-socket.ts';
import type { RampartsServer } from './types.ts';

/** Largest frame the transport reads at all; bigger frames close the connection (engine.io rule). */
const TRANSPORT_LIMIT_BYTES = 1024 * 1024;

export function createSocketServer(http: HttpServer, allowedOrigins: readonly string[], allowedHosts: readonly string[], extra: Partial<ServerOptions> = {}): RampartsServer {
  const io: RampartsServer = new Server(http, {
    ...extra,
    path: SOCKET_PATH,
    serveClient: false,
    // Frames over the protocol's per-message limit but under this one are read and answered with
    // TOO_LARGE (a coded error); only absurd frames are cut at the transport.
    maxHttpBufferSize: TRANSPORT_LIMIT_BYTES,
    allowRequest: (req: IncomingMessage, callback) => {
      if (hostProblem(req.headers.host, allowedHosts) !== undefined) return callback(ERROR_CODES.BAD_REQUEST, false);
      const ok = isAllowedOrigin(req.headers.origin, req.headers.host, allowedOrigins);
      callback(ok ? null : ERROR_CODES.BAD_ORIGIN, ok);
    },
  });
  reuseDeltaText(io);
  joinBroadcastFrames(io.of('/').adapter);
  return io;
}

/**
 * Whether a transport closed because a frame exceeded `maxHttpBufferSize`: over WebSocket, `ws`
 * raises WS_ERR_UNSUPPORTED_MESSAGE_LENGTH and Engine.IO closes with that error as the description.
 * (Over long-polling Engine.IO answers such a request 413 and drops it without closing; that is
 * not seen here.)
 */
function isOversizedFrame(description: unknown): boolean {
  const error = description as { message?: unknown; description?: { code?: unknown } } | undefined;
  return error?.description?.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' || (typeof error?.message === 'string' && error.message.includes('Max payload size exceeded'));
}

function connectError(code: ErrorCode, message: string): Error {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * Why a seat may not watch `team` read-only (undefined: it may): only the white cell may, and only a
 * blue team of the exercise (on a process that does not host the exercise, the owner's sync refuses an
 * unknown audience).
 */
function viewAsProblem(deps: RealtimeDeps, exerciseId: string, role: string, team: string): string | undefined {
  if (role !== 'white') return "only the controller may open a team's console read-only";
  const host = deps.manager.host(exerciseId);
  if (host && !host.scenario.summary.teams.some((t) => t.role === 'blue' && t.id === team)) return `no blue team "${team}" in this exercise`;
  return undefined;
}

/** What the socket layer needs: the same as each seat's handler. */
export type RealtimeDeps = SeatSocketDeps;

/** The address a handshake came from (the TCP peer: the server trusts no forwarding header). */
function addressOf(req: IncomingMessage): string {
  return req.socket?.remoteAddress ?? 'unknown';
}

/**
 * Installs the handshake authentication and the per-seat handlers. Every refused handshake is
 * counted and logged with the client address (and the exercise it named), as are requests the
 * transport refuses (another origin) and connections it cuts for an oversized frame.
 */
export function bindRealtime(io: RampartsServer, deps: RealtimeDeps): void {
  // Engine.IO refuses a request before Socket.IO sees it: another origin or Host (allowRequest), a
  // bad transport or handshake.
  io.engine.on('connection_error', (error: { req: IncomingMessage; code: number; message: string; context?: { message?: unknown } }) => {
    // allowRequest refuses with FORBIDDEN (code 4) and our code as the context's message: another
    // origin (BAD_ORIGIN) or a Host the server does not answer to (BAD_REQUEST).
    const refusedBy = error.code === 4 ? (error.context?.message === ERROR_CODES.BAD_REQUEST ? ERROR_CODES.BAD_REQUEST : ERROR_CODES.BAD_ORIGIN) : ERROR_CODES.BAD_REQUEST;
    deps.refusals.refuse({
      channel: 'transport',
      code: refusedBy,
      what: `${error.req.method ?? '?'} ${error.req.url ?? ''}`,
      message: error.message,
      address: addressOf(error.req),
    });
  });

  // Over long-polling, Engine.IO answers a frame over the transport limit 413 and drops it, with no
  // event: seen here on the response, and counted like the WebSocket case (with the seat when the
  // session is known).
  io.httpServer?.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith(SOCKET_PATH)) return;
    res.once('finish', () => {
      if (res.statusCode !== 413) return;
      const sid = new URL(req.url ?? '', 'http://x').searchParams.get('sid');
      const socket = sid ? [...io.of('/').sockets.values()].find((s) => (s.conn as unknown as { id: string }).id === sid) : undefined;
      deps.refusals.refuse({
        channel: 'transport',
        code: ERROR_CODES.TOO_LARGE,
        what: `${req.method ?? '?'} ${SOCKET_PATH}`,
        address: addressOf(req),
        message: `a long-polling payload over ${TRANSPORT_LIMIT_BYTES} bytes; dropped`,
        ...(socket ? whoOf(socket.data) : {}),
      });
    });
  });

  /** Open sockets per `exerciseId|seat` on this process, for the per-seat cap. */
  const open = new Map<string, number>();
  const refuseHandshake = (socket: { handshake: { auth: unknown }; request: IncomingMessage }, code: ErrorCode, message: string, exerciseId?: unknown) => {
    deps.refusals.refuse({
      channel: 'handshake',
      code,
      message,
      address: addressOf(socket.request),
      ...(typeof exerciseId === 'string' ? { exerciseId } : {}),
    });
    return connectError(code, message);
  };

  io.use((socket, next) => {
    const claimed = (socket.handshake.auth as { exerciseId?: unknown } | undefined)?.exerciseId;
    const parsed = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      return next(refuseHandshake(socket, ERROR_CODES.UNAUTHENTICATED, 'the handshake needs auth { exerciseId, token } from a join link', claimed));
    }
    const auth = parsed.data;
    if (auth.protocol !== undefined && auth.protocol !== PROTOCOL_VERSION) {
      return next(refuseHandshake(socket, ERROR_CODES.PROTOCOL_VERSION, `the server speaks protocol ${PROTOCOL_VERSION}, the client ${auth.protocol}; reload the page`, auth.exerciseId));
    }
    deps.manager.authenticate(auth.exerciseId, auth.token).then(
      (seat) => {
        if (!seat) {
          return next(refuseHandshake(socket, ERROR_CODES.UNAUTHENTICATED, 'unknown exercise or seat token; ask the controller for a new link', auth.exerciseId));
        }
        if (auth.viewAs !== undefined) {
          const problem = viewAsProblem(deps, auth.exerciseId, seat.role, auth.viewAs);
          if (problem) return next(refuseHandshake(socket, ERROR_CODES.FORBIDDEN, problem, auth.exerciseId));
        }
        const key = `${auth.exerciseId}|${seat.seat}`;
        const held = open.get(key) ?? 0;
        if (held >= deps.socketsPerSeat) {
          const message = `seat ${seat.seat} already has ${held} connections open; close some and retry`;
          deps.refusals.refuse({
            channel: 'handshake',
            code: ERROR_CODES.RATE_LIMITED,
            message,
            address: addressOf(socket.request),
            exerciseId: auth.exerciseId,
            seat: seat.seat,
            role: seat.role,
            ...(seat.team ? { team: seat.team } : {}),
          });
          return next(connectError(ERROR_CODES.RATE_LIMITED, message));
        }
        // Counted from here: released when the socket disconnects, or when its transport closes before
        // the connection completes (Socket.IO then never emits connection or disconnect).
        open.set(key, held + 1);
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          const n = (open.get(key) ?? 1) - 1;
          if (n <= 0) open.delete(key);
          else open.set(key, n);
        };
        socket.conn.once('close', release);
        socket.once('disconnect', () => {
          socket.conn.off('close', release);
          release();
        });
        const info = { role: seat.role, ...(seat.team ? { team: seat.team } : {}) };
        Object.assign(socket.data, {
          exerciseId: auth.exerciseId,
          seat: seat.seat,
          ...info,
          ...(auth.viewAs === undefined ? { audience: audienceOf(info) } : { audience: audienceOf({ role: 'blue', team: auth.viewAs }), viewAs: auth.viewAs }),
          ...(auth.lastSeq !== undefined ? { lastSeq: auth.lastSeq } : {}),
        });
        next();
      },
      (error: unknown) => {
        deps.logger.error('seat lookup failed', { error });
        next(connectError(ERROR_CODES.UNAVAILABLE, 'the server could not check the token; retry'));
      },
    );
  });

  io.on('connection', (socket) => {
    const data = socket.data;
    const host = deps.manager.host(data.exerciseId);
    if (!host && !deps.remote) return void socket.disconnect(true);
    deps.metrics.seatsConnected.inc({ role: data.role });
    deps.logger.debug('seat connected', { exerciseId: data.exerciseId, seat: data.seat, socket: socket.id });
    // A frame over the transport limit closes the connection (Engine.IO reads no further): counted
    // and logged like a TOO_LARGE message, naming the seat.
    socket.on('disconnect', (reason, description) => {
      if (isOversizedFrame(description)) {
        deps.refusals.refuse({
          channel: 'transport',
          code: ERROR_CODES.TOO_LARGE,
          what: 'frame',
          ...whoOf(data),
          message: `a frame over ${TRANSPORT_LIMIT_BYTES} bytes; the connection was closed`,
        });
      }
      deps.metrics.seatsConnected.dec({ role: data.role });
      deps.logger.debug('seat disconnected', { exerciseId: data.exerciseId, seat: data.seat, socket: socket.id, reason });
    });
    handleSeatSocket(socket, deps);
    // Every packet a batch sends this socket (deltas, acknowledgement) leaves in one write.
    coalesceWrites(socket.conn);
    // A seat that stops reading is cut off before what waits for it grows without bound.
    limitBacklog(socket, deps.logger);
    // Another process owns the exercise: it joins this socket to the rooms and sends the welcome.
    if (!host) return deps.remote?.attach(socket);
    const { summary } = host.scenario;
    host.sync(data.audience, data.lastSeq, (sync) => {
      if (socket.disconnected) return;
      // Joining the room and sending the view in one tick: the next delta applies to this view.
      void socket.join([audienceRoom(data.exerciseId, data.audience), exerciseRoom(data.exerciseId), seatRoom(data.exerciseId, data.seat)]);
      socket.emit('welcome', {
        protocol: PROTOCOL_VERSION,
        exerciseId: data.exerciseId,
        scenario: { id: summary.id, title: summary.title },
        mode: host.record.mode,
        seat: { seat: data.seat, role: data.role, ...(data.team ? { team: data.team } : {}), ...(data.viewAs ? { viewAs: data.viewAs } : {}) },
        sync,
        notices: [...host.notices],
      });
    });
  });
}
