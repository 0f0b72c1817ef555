/**
 * The Socket.IO side: handshake authentication binds each socket to one seat of one exercise,
 * the socket joins its audience's room and receives its welcome (seat, view, notices) in the same
 * tick, so no delta can slip between the view it starts from and the deltas that follow.
 */
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { ERROR_CODES, HandshakeAuth, PROTOCOL_VERSION, SOCKET_PATH, type ErrorCode } from '../../protocol/index.ts';
import { audienceOf } from '../authority/audience.ts';
import { isAllowedOrigin } from '../http/origin.ts';
import { audienceRoom, exerciseRoom, seatRoom } from './rooms.ts';
import { handleSeatSocket, type SeatSocketDeps } from './seat-socket.ts';
import type { RampartsServer } from './types.ts';

/** Largest frame the transport reads at all; bigger frames close the connection (engine.io rule). */
const TRANSPORT_LIMIT_BYTES = 1024 * 1024;

export function createSocketServer(http: HttpServer, allowedOrigins: readonly string[], extra: Partial<ServerOptions> = {}): RampartsServer {
  return new Server(http, {
    ...extra,
    path: SOCKET_PATH,
    serveClient: false,
    // Frames over the protocol's per-message limit but under this one are read and answered with
    // TOO_LARGE (a coded error); only absurd frames are cut at the transport.
    maxHttpBufferSize: TRANSPORT_LIMIT_BYTES,
    allowRequest: (req: IncomingMessage, callback) => {
      const ok = isAllowedOrigin(req.headers.origin, req.headers.host, allowedOrigins);
      callback(ok ? null : ERROR_CODES.BAD_ORIGIN, ok);
    },
  });
}

function connectError(code: ErrorCode, message: string): Error {
  return Object.assign(new Error(message), { data: { code } });
}

/** What the socket layer needs: the same as each seat's handler. */
export type RealtimeDeps = SeatSocketDeps;

/** Installs the handshake authentication and the per-seat handlers. */
export function bindRealtime(io: RampartsServer, deps: RealtimeDeps): void {
  io.use((socket, next) => {
    const parsed = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      deps.metrics.rejected.inc({ code: ERROR_CODES.UNAUTHENTICATED });
      return next(connectError(ERROR_CODES.UNAUTHENTICATED, 'the handshake needs auth { exerciseId, token } from a join link'));
    }
    const auth = parsed.data;
    if (auth.protocol !== undefined && auth.protocol !== PROTOCOL_VERSION) {
      return next(connectError(ERROR_CODES.PROTOCOL_VERSION, `the server speaks protocol ${PROTOCOL_VERSION}, the client ${auth.protocol}; reload the page`));
    }
    deps.manager.authenticate(auth.exerciseId, auth.token).then((seat) => {
      if (!seat) {
        deps.metrics.rejected.inc({ code: ERROR_CODES.UNAUTHENTICATED });
        return next(connectError(ERROR_CODES.UNAUTHENTICATED, 'unknown exercise or seat token; ask the controller for a new link'));
      }
      const info = { role: seat.role, ...(seat.team ? { team: seat.team } : {}) };
      Object.assign(socket.data, {
        exerciseId: auth.exerciseId, seat: seat.seat, ...info, audience: audienceOf(info),
        ...(auth.lastSeq !== undefined ? { lastSeq: auth.lastSeq } : {}),
      });
      next();
    }, (error: unknown) => {
      deps.logger.error('seat lookup failed', { error });
      next(connectError(ERROR_CODES.UNAVAILABLE, 'the server could not check the token; retry'));
    });
  });

  io.on('connection', (socket) => {
    const data = socket.data;
    const host = deps.manager.host(data.exerciseId);
    if (!host && !deps.remote) return void socket.disconnect(true);
    deps.metrics.seatsConnected.inc({ role: data.role });
    deps.logger.debug('seat connected', { exerciseId: data.exerciseId, seat: data.seat, socket: socket.id });
    socket.on('disconnect', (reason) => {
      deps.metrics.seatsConnected.dec({ role: data.role });
      deps.logger.debug('seat disconnected', { exerciseId: data.exerciseId, seat: data.seat, socket: socket.id, reason });
    });
    handleSeatSocket(socket, deps);
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
        seat: { seat: data.seat, role: data.role, ...(data.team ? { team: data.team } : {}) },
        sync,
        notices: [...host.notices],
      });
    });
  });
}
