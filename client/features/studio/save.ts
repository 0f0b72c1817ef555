/**
 * Saving a draft as a new version of its scenario (a planner's): POST
 * /api/library/scenarios/:id/versions, where the engine's validator is the gate (an invalid text is
 * refused with its located diagnostics, nothing stored). The operator comes with the session cookie
 * and its CSRF token (GET /api/auth/session), or with the operator token as a bearer (scripts). A
 * server without the library yet still checks the text (POST /api/scenarios/validate) and says that
 * nothing was stored. Every call answers a value, never throws.
 */
import type { ErrorBody, OperatorInfo, ScenarioDiagnostic, SessionResponse } from '../../../protocol/index.ts';
import { CSRF_HEADER } from '../../../protocol/index.ts';

/** What the library answers for a saved version (protocol/library.ts on the server's side). */
export interface SavedVersion {
  scenarioId: string;
  version: number;
  author: string;
  savedAt: string;
}

export type SaveOutcome = { ok: true; saved: SavedVersion } | { ok: true; checkedOnly: true } | { ok: false; code: string; message: string; diagnostics?: ScenarioDiagnostic[] };

export interface Credentials {
  csrf?: string;
  token?: string;
}

async function call<T>(path: string, method: 'GET' | 'POST', body: unknown, auth: Credentials): Promise<{ status: number; body: T | ErrorBody }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth.token) headers.Authorization = `Bearer ${auth.token}`;
  if (auth.csrf && method !== 'GET') headers[CSRF_HEADER] = auth.csrf;
  try {
    const response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const parsed = (await response.json().catch(() => ({ ok: false, code: 'INTERNAL', message: `the server answered ${response.status} without a JSON body` }))) as T | ErrorBody;
    return { status: response.status, body: parsed };
  } catch (error) {
    return { status: 0, body: { ok: false, code: 'UNAVAILABLE', message: `the server cannot be reached (${(error as Error).message})` } as ErrorBody };
  }
}

/** Who is signed in, and the session's CSRF token. */
export async function currentSession(): Promise<{ operator: OperatorInfo | null; csrf: string | null }> {
  const r = await call<SessionResponse>('/api/auth/session', 'GET', undefined, {});
  if (!r.body.ok) return { operator: null, csrf: null };
  const s = r.body as SessionResponse;
  return { operator: s.operator ?? null, csrf: s.csrf ?? null };
}

/** The newest saved version number of a scenario, 0 when it has none (or there is no library). */
export async function newestVersion(scenarioId: string, auth: Credentials): Promise<number> {
  const r = await call<{ ok: true; versions: { version: number }[] }>(`/api/library/scenarios/${encodeURIComponent(scenarioId)}/versions`, 'GET', undefined, auth);
  return r.body.ok ? Math.max(0, ...(r.body as { versions: { version: number }[] }).versions.map((v) => v.version)) : 0;
}

/** Saves `text` as a new version of `scenarioId` (its meta.id). */
export async function saveVersion(scenarioId: string, text: string, message: string, auth: Credentials, basedOn?: number): Promise<SaveOutcome> {
  const r = await call<{ ok: true; version: SavedVersion }>(
    `/api/library/scenarios/${encodeURIComponent(scenarioId)}/versions`,
    'POST',
    { text, message, ...(basedOn !== undefined ? { basedOn } : {}) },
    auth,
  );
  if (r.body.ok) return { ok: true, saved: (r.body as { version: SavedVersion }).version };
  if (r.status === 404 && (r.body as ErrorBody).code === 'NOT_FOUND' && /no such API endpoint/.test((r.body as ErrorBody).message)) {
    // No library on this server yet: the validator still gates, nothing is stored.
    const v = await call<{ ok: boolean; diagnostics: ScenarioDiagnostic[] }>('/api/scenarios/validate', 'POST', { text, name: `${scenarioId}.yaml` }, auth);
    const body = v.body as { ok: boolean; diagnostics?: ScenarioDiagnostic[]; code?: string; message?: string };
    if (body.ok) return { ok: true, checkedOnly: true };
    if (body.diagnostics) return { ok: false, code: 'INVALID_SCENARIO', message: 'the validator refused the scenario', diagnostics: body.diagnostics };
    return { ok: false, code: body.code ?? 'INTERNAL', message: body.message ?? '' };
  }
  const e = r.body as ErrorBody & { errors?: ScenarioDiagnostic[]; diagnostics?: ScenarioDiagnostic[] };
  const diagnostics = e.errors ?? e.diagnostics;
  return { ok: false, code: e.code, message: e.message, ...(diagnostics ? { diagnostics } : {}) };
}
