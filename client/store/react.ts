/** The thin React binding of the stores: components select slices; nothing else touches React. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { View } from '../../engine/types.ts';
import { prefsStore, type Prefs } from './prefs.ts';
import type { SessionState, SessionStore } from './session.ts';

export const SessionContext = createContext<SessionStore | null>(null);

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession outside a <SessionContext.Provider>: wrap the console in one');
  return store;
}

/** Selects a slice of the session; the component re-renders when the slice changes (Object.is). */
export function useSession<T>(selector: (state: SessionState) => T): T {
  return useStore(useSessionStore(), selector);
}

/** The seat's view, narrowed to the kind the console expects (null until the welcome arrives). */
export function useView<K extends View['kind']>(kind: K): Extract<View, { kind: K }> | null {
  return useSession((s) => (s.view && s.view.kind === kind ? (s.view as Extract<View, { kind: K }>) : null));
}

export function usePrefs<T>(selector: (prefs: Prefs) => T): T {
  return useStore(prefsStore, selector);
}
