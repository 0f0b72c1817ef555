/**
 * REST calls (docs/PROTOCOL.md, "REST API"). Every call answers a value: the body on success, or
 * `{ ok: false, code, message }`, including for network failures, so the UI never sees a throw.
 */
import type { ExportDownload } from '../../protocol/exports.ts';
import type {
  CreateExerciseRequest,
  CreateExerciseResponse,
  ErrorBody,
  ExerciseSummary,
  ScenarioListResponse,
  SeatListResponse,
  ValidateScenarioResponse,
  RotateTokenResponse,
} from '../../protocol/index.ts';
import { csrfHeaders } from './operator.ts';

export type ApiResult<T> = T | ErrorBody;

async function call<T>(path: string, init: RequestInit = {}, token?: string): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  // A change made with the operator's session cookie carries the session's CSRF token (net/operator.ts).
  else if (init.method !== undefined && init.method !== 'GET') Object.assign(headers, csrfHeaders());
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    return { ok: false, code: 'UNAVAILABLE', message: `the server cannot be reached (${(error as Error).message})` };
  }
  try {
    return (await response.json()) as ApiResult<T>;
  } catch {
    return { ok: false, code: 'INTERNAL', message: `the server answered ${response.status} without a JSON body` };
  }
}

/** The bundled scenarios; their descriptions only with the operator token (scenario content is the white cell's). */
export function listScenarios(operatorToken?: string): Promise<ApiResult<ScenarioListResponse>> {
  return call('/api/scenarios', {}, operatorToken);
}

/**
 * Creating an exercise is a controller's: with the signed-in operator's session, or with the
 * server's operator token when given.
 */
export function createExercise(request: CreateExerciseRequest, operatorToken?: string): Promise<ApiResult<CreateExerciseResponse>> {
  return call('/api/exercises', { method: 'POST', body: JSON.stringify(request) }, operatorToken);
}

export function validateScenario(text: string, operatorToken?: string, name?: string): Promise<ApiResult<ValidateScenarioResponse>> {
  return call('/api/scenarios/validate', { method: 'POST', body: JSON.stringify(name ? { text, name } : { text }) }, operatorToken);
}

export function exerciseSummary(exerciseId: string, token: string): Promise<ApiResult<ExerciseSummary>> {
  return call(`/api/exercises/${encodeURIComponent(exerciseId)}`, {}, token);
}

export function listSeats(exerciseId: string, token: string): Promise<ApiResult<SeatListResponse>> {
  return call(`/api/exercises/${encodeURIComponent(exerciseId)}/seats`, {}, token);
}

export function rotateSeatToken(exerciseId: string, seat: string, token: string): Promise<ApiResult<RotateTokenResponse>> {
  return call(`/api/exercises/${encodeURIComponent(exerciseId)}/seats/${encodeURIComponent(seat)}/token`, { method: 'POST' }, token);
}

/**
 * The exercise's log in the engine's format (controller and evaluator tokens): the text a replay
 * folds, exactly as the server recorded it.
 */
export async function exerciseLog(exerciseId: string, token: string): Promise<{ ok: true; text: string } | ErrorBody> {
  let response: Response;
  try {
    response = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/log`, { headers: { Authorization: `Bearer ${token}` }, credentials: 'same-origin' });
  } catch (error) {
    return { ok: false, code: 'UNAVAILABLE', message: `the server cannot be reached (${(error as Error).message})` };
  }
  if (response.ok) return { ok: true, text: await response.text() };
  try {
    return (await response.json()) as ErrorBody;
  } catch {
    return { ok: false, code: 'INTERNAL', message: `the server answered ${response.status}` };
  }
}

/**
 * An after-action product of the exercise (controller and evaluator tokens), as the server wrote it:
 * the bytes as they came (no re-encoding), and the file name the server gives it.
 */
export async function exerciseExport(exerciseId: string, token: string, format: ExportDownload, params: { lang: string; tz: string }): Promise<{ ok: true; blob: Blob; fileName: string } | ErrorBody> {
  const query = new URLSearchParams({ lang: params.lang, tz: params.tz });
  let response: Response;
  try {
    response = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/export/${format}?${query}`, { headers: { Authorization: `Bearer ${token}` }, credentials: 'same-origin' });
  } catch (error) {
    return { ok: false, code: 'UNAVAILABLE', message: `the server cannot be reached (${(error as Error).message})` };
  }
  if (response.ok) {
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${exerciseId}-${format}`;
    return { ok: true, blob: await response.blob(), fileName: name };
  }
  try {
    return (await response.json()) as ErrorBody;
  } catch {
    return { ok: false, code: 'INTERNAL', message: `the server answered ${response.status}` };
  }
}
