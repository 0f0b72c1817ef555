/**
 * Benchmark page (built by bench/client.ts, never shipped): the controller's ground-truth map of a
 * real engine view in the client's own session store, fed with deltas made by the protocol's
 * differ and applied through the same path as the socket's (applyDeltas: patches that share
 * unchanged parts). The patches are made beforehand by the driver (the server's work, not the
 * browser's) and served as deltas.json; `window.bench.start(rate, ms)` plays them and counts frames.
 */
import { createRoot } from 'react-dom/client';
import type { ViewPatch } from '../../protocol/delta.ts';
import type { DeltaMessage } from '../../protocol/socket.ts';
import type { WhiteView } from '../../engine/types.ts';
import { applyDeltas } from '../../client/store/apply.ts';
import { SessionContext } from '../../client/store/react.ts';
import { createSessionStore } from '../../client/store/session.ts';
import { TruthMap } from '../../client/features/truth/TruthMap.tsx';
import '../../client/theme.css';

declare global {
  interface Window {
    bench: {
      ready: Promise<number>;
      start(rate: number, ms: number): Promise<{ frames: number; ms: number; changes: number; p95FrameMs: number; maxFrameMs: number }>;
    };
  }
}

const store = createSessionStore({ status: 'online' });
let patches: ViewPatch[] = [];

async function load(): Promise<number> {
  const view = (await (await fetch('./view.json')).json()) as WhiteView;
  patches = (await (await fetch('./deltas.json')).json()) as ViewPatch[];
  store.setState({ view, seq: 1 });
  createRoot(document.getElementById('root') as HTMLElement).render(
    <SessionContext.Provider value={store}>
      <div className="console-main single">
        <TruthMap />
      </div>
    </SessionContext.Provider>,
  );
  return view.nodes.length;
}

window.bench = {
  ready: load(),
  start(rate, ms) {
    return new Promise((resolve) => {
      const frameTimes: number[] = [];
      let changes = 0;
      let last = performance.now();
      const t0 = last;
      let pending: DeltaMessage[] = [];
      let scheduled = false;
      // Deltas arrive like socket messages (one task each) and are applied once per frame, as the connection does.
      const flush = () => {
        scheduled = false;
        const state = store.getState();
        const { state: next } = applyDeltas(state, pending);
        pending = [];
        store.setState({ ...next, viewAt: performance.now() });
      };
      const interval = 1000 / rate;
      let due = t0;
      const produce = () => {
        const now = performance.now();
        while (due <= now && now - t0 < ms && changes < patches.length) {
          const seq = store.getState().seq + pending.length;
          // Parsed afresh, as a socket message would be.
          pending.push(JSON.parse(JSON.stringify({ fromSeq: seq, toSeq: seq + 1, patch: patches[changes], events: [] })) as DeltaMessage);
          changes++;
          due += interval;
        }
        if (!scheduled && pending.length > 0) {
          scheduled = true;
          requestAnimationFrame(flush);
        }
        if (now - t0 < ms) setTimeout(produce, Math.max(0, due - performance.now()));
      };
      produce();
      const frame = (now: number) => {
        frameTimes.push(now - last);
        last = now;
        if (now - t0 < ms) requestAnimationFrame(frame);
        else {
          const sorted = [...frameTimes].sort((a, b) => a - b);
          resolve({
            frames: frameTimes.length,
            ms: now - t0,
            changes,
            p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
            maxFrameMs: sorted[sorted.length - 1] ?? 0,
          });
        }
      };
      requestAnimationFrame(frame);
    });
  },
};
