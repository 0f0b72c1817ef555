/**
 * A bound on what the server holds for a client that does not read. Socket.IO never drops a
 * message: when a client stops reading (a frozen tab, a stalled network), every delta broadcast to
 * its audience waits in Engine.IO's write buffer and in the WebSocket's send buffer, in this
 * process's memory, without limit. So each socket is watched: when what is held for it (queued
 * and not yet taken by the kernel) exceeds MAX_BACKLOG_BYTES beyond its largest single message,
 * the connection is cut at once (its buffers are freed). The client reconnects with its lastSeq
 * and catches up from the deltas kept for its audience, or from the full view (docs/PROTOCOL.md).
 */
import type { Logger } from '../ops/logger.ts';
import type { RampartsSocket } from './types.ts';

/** Bytes held for one socket (beyond its largest single message) before it is cut off. */
export const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;

/** The parts of an Engine.IO socket this reads (not in its public typings). */
interface EngineConn {
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
  on(event: 'packetCreate', fn: (packet: { data?: unknown }) => void): void;
  on(event: 'flush', fn: () => void): void;
  close(discard?: boolean): void;
}

function bytesOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/** Cuts `socket` off when it holds more than `limit` bytes beyond its largest message. */
export function limitBacklog(socket: RampartsSocket, logger: Logger, limit = MAX_BACKLOG_BYTES): void {
  const conn = socket.conn as unknown as EngineConn;
  /** Bytes queued in Engine.IO since its last flush to the transport. */
  let queued = 0;
  let largest = 0;
  let cut = false;
  conn.on('flush', () => {
    queued = 0;
  });
  conn.on('packetCreate', (packet) => {
    if (cut) return;
    const bytes = bytesOf(packet.data);
    // Held before this packet: Engine.IO's queue and the WebSocket's unsent bytes.
    const held = queued + (conn.transport?.socket?.bufferedAmount ?? 0);
    queued += bytes;
    largest = Math.max(largest, bytes);
    if (held <= limit + largest) return;
    cut = true;
    logger.warn('seat cut off: it does not read what is sent to it', {
      exerciseId: socket.data.exerciseId,
      seat: socket.data.seat,
      socket: socket.id,
      heldBytes: held,
      limitBytes: limit,
    });
    // Not from inside the broadcast that is creating this packet.
    setImmediate(() => {
      // terminate() frees the buffers now; a closing handshake would wait behind them.
      const ws = conn.transport?.socket;
      if (ws?.terminate) ws.terminate();
      else conn.close(true);
    });
  });
}
