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
