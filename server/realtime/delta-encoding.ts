/**
 * Socket.IO's encoder, taught to reuse a delta's JSON text: a `delta` event broadcast to a room is
 * encoded once per broadcast by JSON.stringify(['delta', delta]) (after a recursive search of the
 * delta for binary data), and the broadcaster has already made the delta's text to measure it
 * (server/authority/delta-json.ts). The packet written is the same text, byte for byte: the
 * encoder's `2["delta",<json>]` for an event in the default namespace without acknowledgement.
 * Any other packet, or a delta whose text was not made, is encoded by Socket.IO as before.
 */
import { knownDeltaJson } from '../authority/delta-json.ts';

/** The parts of Socket.IO's packet and encoder this touches (socket.io-parser). */
interface Packet {
  type: number;
  nsp?: string;
  id?: number;
  data?: unknown;
}
interface Encoder {
  encode(packet: Packet): unknown[];
}

/** socket.io-parser's PacketType.EVENT. */
const EVENT = 2;

/** The encoded text of a `delta` event packet whose delta's text is known, else undefined. */
export function deltaPacketText(packet: Packet): string | undefined {
  if (packet.type !== EVENT || packet.id != null || (packet.nsp !== undefined && packet.nsp !== '/')) return undefined;
  const data = packet.data;
  if (!Array.isArray(data) || data.length !== 2 || data[0] !== 'delta') return undefined;
  const json = knownDeltaJson(data[1]);
  return json === undefined ? undefined : `${EVENT}["delta",${json}]`;
}

/** Wraps the server's encoder (shared by its namespaces' adapters) so that known deltas reuse their text. */
export function reuseDeltaText(server: { encoder: unknown }): void {
  const encoder = server.encoder as Encoder;
  const encode = encoder.encode.bind(encoder);
  encoder.encode = (packet: Packet) => {
    const text = deltaPacketText(packet);
    return text === undefined ? encode(packet) : [text];
  };
}

/** The part of Socket.IO's in-memory adapter this touches (socket.io-adapter, not in its typings). */
interface FrameAdapter {
  _encode?: (packet: Packet, opts: { wsPreEncodedFrame?: unknown }) => unknown;
}

/**
 * A broadcast's WebSocket frame as one buffer: the adapter frames a broadcast once for every socket
 * of the room as a header and a payload, and `ws` then writes each delivery as two chunks (its
 * `sendFrame` corks and writes both), so under load Node's stream bookkeeping and the `writev` it
 * builds handled two chunks a delivery (issue #16). The two are joined once per broadcast, and a
 * one-buffer frame is written as one chunk (`sendFrame`'s other case); the bytes are the same.
 * An adapter without `_encode` (another version) is left as it is.
 */
export function joinBroadcastFrames(adapter: unknown): void {
  const a = adapter as FrameAdapter;
  const encode = a._encode;
  if (typeof encode !== 'function') return;
  a._encode = function (this: unknown, packet, opts) {
    const encoded = encode.call(this, packet, opts);
    const frame = opts.wsPreEncodedFrame;
    if (Array.isArray(frame) && frame.length === 2 && frame.every((part) => Buffer.isBuffer(part))) opts.wsPreEncodedFrame = [Buffer.concat(frame as Buffer[])];
    return encoded;
  };
}
