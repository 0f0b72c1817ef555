/**
 * How an exercise host reaches its seats. The Socket.IO layer implements it with one room per
 * audience (server/realtime/rooms.ts); with several server processes the Redis Streams adapter
 * carries the same broadcasts to the rooms' sockets on every process (server/cluster/). The host
 * never sees sockets.
 */
import type { DeltaMessage, Notice } from '../../protocol/index.ts';
import type { AudienceKey } from './audience.ts';

export interface ExerciseTransport {
  /** Sends a delta to every socket of one audience of one exercise. */
  delta(exerciseId: string, audience: AudienceKey, delta: DeltaMessage): void;
  /** Sends a notice to every socket of the exercise. */
  notice(exerciseId: string, notice: Notice): void;
  /** How many sockets listen to an audience (0: the host need not project its view at all). */
  listeners(exerciseId: string, audience: AudienceKey): number;
}
