/**
 * Records every view a live console receives, as timeline frames, from the moment it joins. Views
 * share their unchanged parts (protocol/patch.ts), so a frame costs only what changed.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SessionStore } from '../../store/session.ts';
import { addFrame, type Frame, type TruthView } from './source.ts';

export type FrameStore = StoreApi<{ frames: Frame[] }>;

export function createRecorder(session: SessionStore): { frames: FrameStore; stop: () => void } {
  const frames: FrameStore = createStore(() => ({ frames: [] as Frame[] }));
  const record = () => {
    const { view, seq } = session.getState();
    if (!view || (view.kind !== 'white' && view.kind !== 'evaluator')) return;
    const next = addFrame(frames.getState().frames, { t: view.clock.t, seq, view: view as TruthView });
    if (next !== frames.getState().frames) frames.setState({ frames: next });
  };
  record();
  const stop = session.subscribe((state, previous) => {
    if (state.view !== previous.view) record();
  });
  return { frames, stop };
}
