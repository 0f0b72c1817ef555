/** The typed Socket.IO server and socket of Ramparts, and what the server keeps on each socket. */
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/index.ts';
import type { AudienceKey } from '../authority/audience.ts';
import type { CommandReply, SeatRole, SyncReply } from '../../protocol/index.ts';
import type { ActorT } from '../../engine/index.ts';

/** The seat a socket is bound to at the handshake; never changes for the socket's life. */
export interface SocketData {
  exerciseId: string;
  seat: string;
  role: SeatRole;
  team?: string;
  audience: AudienceKey;
  /** The blue team a white-cell socket watches read-only (its audience is then that team's). */
  viewAs?: string;
  lastSeq?: number;
}

// None declared: the only server-to-server events, scale-out's forwarding to an exercise's owner
// (server/cluster/cluster.ts), go through the Redis adapter on an untyped view of the server.
type InterServerEvents = Record<string, never>;

export type RampartsServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RampartsSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Exercises another server process owns (scale-out, server/cluster/): the owner does the work. */
export interface RemoteExercises {
  /** The owner joins the socket to its rooms and sends its welcome, in order with later deltas. */
  attach(socket: RampartsSocket): void;
  command(exerciseId: string, actor: ActorT, body: unknown, key?: string): Promise<CommandReply>;
  sync(exerciseId: string, audience: AudienceKey, lastSeq: number | undefined): Promise<SyncReply>;
}
