/**
 * The seat's socket: joins with the token from the join link, follows the server's deltas into the
 * session store, catches up after gaps and reconnects (docs/PROTOCOL.md, "Socket.IO").
 *
 * Incoming deltas are queued and applied together once per animation frame (or after 100 ms when
 * the tab is hidden and frames stop): at 100 changes per second the consoles re-render at most once
 * per frame instead of once per message.
 */
import { io, type Socket } from 'socket.io-client';
// Values from version.ts only: protocol/index.ts would also pull in the zod schemas.
import { PROTOCOL_VERSION, SOCKET_PATH } from '../../protocol/version.ts';
import type { CommandReply, DeltaMessage, ServerToClientEvents, ClientToServerEvents, SyncReply, Welcome } from '../../protocol/index.ts';
import type { CommandBody, View } from '../../engine/types.ts';
import { applyDeltas, applySync } from '../store/apply.ts';
import type { SessionStore } from '../store/session.ts';

export interface Connection {
  /** Sends a command; resolves with the server's acknowledgement (never rejects). */
  send(body: CommandBody): Promise<CommandReply>;
  close(): void;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 15_000;
/** How long a command is retried (same key) while its answer is lost or the store is suspended. */
const RETRY_FOR_MS = 45_000;

/** A fresh client key (exactly once, protocol/socket.ts `CommandKey`): 16 random bytes, base64url. */
export function newCommandKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const NO_ANSWER: CommandReply = { ok: false, code: 'UNAVAILABLE', message: 'no answer from the server; check the connection and try again' };

/** Opens a seat's socket; `viewAs` (white cell only) watches that blue team's console read-only. */
export function connect(store: SessionStore, exerciseId: string, token: string, origin = window.location.origin, viewAs?: string): Connection {
  store.setState({ status: 'connecting', exerciseId, token, error: null });
  const socket: ClientSocket = io(origin, {
    path: SOCKET_PATH,
    // A function: Socket.IO calls it on every (re)connection, so the handshake carries the latest seq.
    auth: (cb) => {
      const { seq, view } = store.getState();
      cb({ exerciseId, token, protocol: PROTOCOL_VERSION, ...(view !== null ? { lastSeq: seq } : {}), ...(viewAs ? { viewAs } : {}) });
    },
  });

  let queue: DeltaMessage[] = [];
  let scheduled = false;
  let syncing = false;

  const flush = () => {
    scheduled = false;
    if (syncing || queue.length === 0) return;
    const pending = queue;
    queue = [];
    const state = store.getState();
    const { state: next, gap } = applyDeltas<View>(state, pending);
    if (next !== state) store.setState({ ...next, viewAt: performance.now() });
    if (gap) void resync();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      flush();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
    setTimeout(run, 100);
  };

  async function resync(): Promise<void> {
    if (syncing) return;
    syncing = true;
    try {
      const reply = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync', { lastSeq: store.getState().seq })) as SyncReply<View>;
      if (!reply.ok) {
        store.setState({ error: { code: reply.code, message: reply.message } });
        return;
      }
      const result = applySync<View>(store.getState(), reply);
      store.setState({ ...result.state, viewAt: performance.now() });
      // Deltas queued meanwhile are applied (or found stale) by the next flush.
    } catch {
      // No answer in time: the connection is probably dropping; the reconnect catches up.
    } finally {
      syncing = false;
      if (queue.length > 0) schedule();
    }
  }

  socket.on('welcome', (welcome: Welcome) => {
    const base = store.getState();
    // A welcome for another exercise (never expected) must not be patched onto our view.
    const start = base.exerciseId === welcome.exerciseId ? base : { ...base, view: null, seq: 0, feed: [] };
    const result = applySync<View>(start, welcome.sync as Welcome<View>['sync']);
    store.setState({
      ...result.state,
      status: 'online',
      error: null,
      seat: welcome.seat,
      scenario: welcome.scenario,
      mode: welcome.mode,
      notices: welcome.notices,
      exerciseId: welcome.exerciseId,
      viewAt: performance.now(),
    });
    if (!result.ok) void resync();
  });
  socket.on('delta', (delta) => {
    queue.push(delta);
    schedule();
  });
  socket.on('notice', (notice) => {
    // A notice replaces an earlier one of its code; `cleared` withdraws it.
    store.setState((s) => ({ notices: [...s.notices.filter((n) => n.code !== notice.code), ...(notice.cleared ? [] : [notice])] }));
  });
  socket.on('rejected', (rejected) => {
    store.setState({ error: { code: rejected.code, message: rejected.message } });
  });
  socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
    const code = error.data?.code ?? 'UNAVAILABLE';
    // A refused handshake will be refused again: stop retrying and say why.
    if (socket.active) store.setState({ status: 'reconnecting', error: { code, message: error.message } });
    else store.setState({ status: 'refused', error: { code, message: error.message } });
  });
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  socket.on('disconnect', (reason) => {
    store.setState({ status: 'reconnecting' });
    // Socket.IO retries dropped transports by itself, but not a disconnection by the server: that
    // happens when it shuts down (it says so with a notice) or revokes this seat's link. Try again
    // after a pause: a restarted server takes us back, a revoked link refuses the handshake.
    if (reason === 'io server disconnect' && !closed) retry = setTimeout(() => socket.connect(), 1000 + Math.random() * 1000);
  });

  return {
    /**
     * Sends with a client key and, when the answer is lost (no acknowledgement in time, a dropped
     * connection) or the store is suspended (UNAVAILABLE), sends again with the same key: the
     * server applies the command once and answers a repeat with its first answer.
     */
    async send(body) {
      const key = newCommandKey();
      const deadline = performance.now() + RETRY_FOR_MS;
      for (let attempt = 0; ; attempt++) {
        let reply: CommandReply = NO_ANSWER;
        try {
          reply = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', { ...body, key });
        } catch {
          // No answer: it may have been applied; the retry below asks again under the same key.
        }
        if (reply.ok || reply.code !== 'UNAVAILABLE' || closed || performance.now() + 1000 > deadline) return reply;
        await new Promise((done) => setTimeout(done, Math.min(5000, 500 * 2 ** attempt)));
      }
    },
    close() {
      closed = true;
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
