/**
 * The operator's session in the browser (issue 17): who is signed in, the session's CSRF token,
 * sign-in, the first administrator, sign-out. The session itself is an HttpOnly cookie the page
 * never reads; the CSRF token is kept in memory and sent by `call` (api.ts) on every change.
 * A vanilla zustand store, so that React components and plain code read the same state.
 */
import { createStore } from 'zustand/vanilla';
import type { ErrorBody } from '../../protocol/index.ts';
import { CSRF_HEADER, type OperatorInfo, type SessionResponse } from '../../protocol/operators.ts';

export interface OperatorState {
  /** False until the first GET /api/auth/session answered. */
  loaded: boolean;
  operator: OperatorInfo | null;
  csrf: string | null;
  setupNeeded: boolean;
  sso: { label: string } | null;
}

export const operatorStore = createStore<OperatorState>(() => ({ loaded: false, operator: null, csrf: null, setupNeeded: false, sso: null }));

/** Headers a state-changing request needs with the session cookie. */
export function csrfHeaders(): Record<string, string> {
  const csrf = operatorStore.getState().csrf;
  return csrf ? { [CSRF_HEADER]: csrf } : {};
}

function take(body: SessionResponse): void {
  operatorStore.setState({ loaded: true, operator: body.operator ?? null, csrf: body.csrf ?? null, setupNeeded: body.setupNeeded, sso: body.sso ?? null });
}

async function send(path: string, method: 'GET' | 'POST', body?: unknown): Promise<SessionResponse | ErrorBody> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(method === 'POST' ? csrfHeaders() : {}) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return (await response.json()) as SessionResponse | ErrorBody;
  } catch (error) {
    return { ok: false, code: 'UNAVAILABLE', message: `the server cannot be reached (${(error as Error).message})` };
  }
}

/** Asks the server who is signed in (and for the CSRF token). */
export async function refreshSession(): Promise<void> {
  const reply = await send('/api/auth/session', 'GET');
  if (reply.ok) take(reply);
  else operatorStore.setState({ loaded: true });
}

export async function signIn(username: string, password: string): Promise<ErrorBody | null> {
  const reply = await send('/api/auth/login', 'POST', { username, password });
  if (!reply.ok) return reply;
  take(reply);
  return null;
}

/** Creates the first administrator with the token of the setup link, and signs in as them. */
export async function createFirstAdministrator(token: string, username: string, password: string): Promise<ErrorBody | null> {
  const reply = await send('/api/auth/setup', 'POST', { token, username, password });
  if (!reply.ok) return reply;
  take(reply);
  return null;
}

export async function signOut(): Promise<void> {
  await send('/api/auth/logout', 'POST');
  operatorStore.setState({ operator: null, csrf: null });
  await refreshSession();
}
