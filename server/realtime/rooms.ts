/**
 * Socket.IO room names. A socket joins three rooms at connection: its audience (deltas), its
 * exercise (notices) and its seat (so that rotating a seat's token can disconnect its sockets).
 * Exercise ids and seat names cannot contain `|`, so the names cannot collide.
 */
import type { DeltaMessage, Notice } from '../../protocol/index.ts';
import type { AudienceKey } from '../authority/audience.ts';
import type { ExerciseTransport } from '../authority/transport.ts';
import type { RampartsServer } from './types.ts';

export const audienceRoom = (exerciseId: string, audience: AudienceKey) => `${exerciseId}|a|${audience}`;
export const exerciseRoom = (exerciseId: string) => `${exerciseId}|all`;
export const seatRoom = (exerciseId: string, seat: string) => `${exerciseId}|s|${seat}`;

/** The transport the exercise hosts use: one broadcast per audience room, encoded once by Socket.IO. */
export class SocketTransport implements ExerciseTransport {
  constructor(private readonly io: RampartsServer) {}

  delta(exerciseId: string, audience: AudienceKey, delta: DeltaMessage): void {
    this.io.to(audienceRoom(exerciseId, audience)).emit('delta', delta);
  }

  notice(exerciseId: string, notice: Notice): void {
    this.io.to(exerciseRoom(exerciseId)).emit('notice', notice);
  }

  listeners(exerciseId: string, audience: AudienceKey): number {
    return this.io.sockets.adapter.rooms.get(audienceRoom(exerciseId, audience))?.size ?? 0;
  }
}
