/**
 * One write to the kernel per socket per turn of the event loop, however many packets it is sent.
 *
 * Engine.IO sends every packet to a WebSocket as its own frame, and writes it at once when the
 * transport is idle; the frames queued behind it go out after its write completes, each in its own
 * write too (`ws` corks only a frame's header with its body). One batch of commands sends a blue
 * seat one delta per step of its team plus the acknowledgement of its own command, so under load a
 * socket took several `writev` calls per batch: profiled at 3,000 commands a second offered to
 * 1,000 sockets, the `writev` system calls were 40 % of the server's busy time (issue #16).
 *
 * So a WebSocket connection's flush is deferred to the end of the current turn (`setImmediate`,
 * one for all connections), and then its queued packets are written corked: every frame a batch
 * sent it (its deltas, its acknowledgement, a notice) leaves in one `writev`. Packets keep their
 * order and nothing is dropped; a packet waits at most until the loop's check phase. Other
 * transports (long-polling answers one request with every queued packet anyway) flush as before.
 */

/** The parts of an Engine.IO socket this touches (not in its public typings). */
interface EngineConn {
  readyState: string;
  transport: { name: string; socket?: { _socket?: { cork?: () => void; uncork?: () => void } } };
  flush(): void;
}

const pending = new Set<EngineConn>();
const realFlush = new WeakMap<EngineConn, () => void>();
let scheduled = false;

function flushPending(): void {
  scheduled = false;
  const conns = [...pending];
  pending.clear();
  for (const conn of conns) {
    const flush = realFlush.get(conn);
    if (!flush || conn.readyState === 'closed') continue;
    const net = conn.transport.socket?._socket;
    net?.cork?.();
    try {
      flush();
    } finally {
      net?.uncork?.();
    }
  }
}

/** Makes `conn` (a Socket.IO socket's `conn`) write its packets once per turn of the loop, corked. */
export function coalesceWrites(connection: unknown): void {
  const conn = connection as EngineConn;
  if (realFlush.has(conn)) return;
  const flush = conn.flush.bind(conn);
  realFlush.set(conn, flush);
  conn.flush = () => {
    if (conn.transport.name !== 'websocket') return flush();
    pending.add(conn);
    if (scheduled) return;
    scheduled = true;
    setImmediate(flushPending);
  };
}
