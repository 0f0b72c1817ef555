/**
 * The seat's session store: vanilla zustand (no React), fed by the socket connection (client/net).
 * React components select from it through client/store/react.ts; the map subscribes to it directly.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExerciseMode, Notice, SeatInfo } from '../../protocol/index.ts';
import type { LocalTextT, View } from '../../engine/types.ts';
import type { ViewState } from './apply.ts';

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'refused';

export interface SessionState extends ViewState<View> {
  status: ConnectionStatus;
  /** Why the server refused us (handshake) or the last transport problem. */
  error: { code: string; message: string } | null;
  exerciseId: string | null;
  /** The seat token from the join link (for the REST calls of this seat). */
  token: string | null;
  seat: SeatInfo | null;
  scenario: { id: string; title: LocalTextT } | null;
  mode: ExerciseMode | null;
  notices: Notice[];
  /** Wall-clock ms (performance.now) when the view last changed: the clock display extrapolates from it. */
  viewAt: number;
}

export type SessionStore = StoreApi<SessionState>;

export function initialSession(): SessionState {
  return {
    view: null,
    seq: 0,
    feed: [],
    status: 'idle',
    error: null,
    exerciseId: null,
    token: null,
    seat: null,
    scenario: null,
    mode: null,
    notices: [],
    viewAt: 0,
  };
}

/** A fresh store for one seat's session. */
export function createSessionStore(initial: Partial<SessionState> = {}): SessionStore {
  return createStore<SessionState>()(() => ({ ...initialSession(), ...initial }));
}
