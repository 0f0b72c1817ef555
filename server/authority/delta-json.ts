/**
 * A delta's JSON text, made once: the broadcaster measures every delta it sends (the deltaBytes
 * metric) and Socket.IO then serialised the same delta again to send it to the audience's room, so
 * every delta was stringified twice under load (issue #16). A delta is not changed once made; its
 * text is kept beside it for the socket layer's encoder (server/realtime/delta-encoding.ts) until the
 * broadcaster has sent it, then dropped: a delta kept for reconnecting seats keeps no text.
 */
import type { DeltaMessage } from '../../protocol/index.ts';
import { jsonOnce } from '../ops/json-once.ts';

const deltas = jsonOnce();

/** The delta's JSON text (made now if it was not yet). */
export const deltaJson = (delta: DeltaMessage): string => deltas.text(delta);

/** Drops the delta's text once it is sent (the delta itself may be kept for seats that reconnect). */
export const forgetDeltaJson = (delta: DeltaMessage): void => deltas.forget(delta);

/** The text made for this object by `deltaJson`, if any (nothing is made here). */
export const knownDeltaJson = (value: unknown): string | undefined => deltas.known(value);
