/**
 * The operators' library (`/api/library`, docs/SERVER.md): scenario versions, the exercise library,
 * the improvement plan. Every call carries the operator's credential: `operator`, the operator
 * token as a bearer token, or (empty) the signed-in operator's session cookie with its CSRF token
 * (client/net/operator.ts). Every call answers a value, never a throw.
 */
import type {
  AuditResponse,
  CreateExerciseResponse,
  ErrorBody,
  ExerciseMode,
  LibraryExercise,
  LibraryExercisesResponse,
  LibraryLinkResponse,
  LibraryScenariosResponse,
  SaveVersionResponse,
  ScenarioVersionResponse,
  ScenarioVersionsResponse,
} from '../../protocol/index.ts';
import type { ExportDownload } from '../../protocol/exports.ts';
import type { PlanAddResponse, PlanItem, PlanResponse, PlanUpdateRequest } from '../../protocol/plan.ts';
import type { ApiResult } from './api.ts';
import { csrfHeaders } from './operator.ts';

const UNREACHABLE = (error: unknown): ErrorBody => ({ ok: false, code: 'UNAVAILABLE', message: `the server cannot be reached (${(error as Error).message})` });

async function send(path: string, operator: string, init: RequestInit = {}): Promise<Response | ErrorBody> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (operator) headers.Authorization = `Bearer ${operator}`;
  // Without a token, the signed-in operator's session cookie rides along; a change needs its CSRF token.
  else if (init.method !== undefined && init.method !== 'GET') Object.assign(headers, csrfHeaders());
  try {
    return await fetch(`/api/library${path}`, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    return UNREACHABLE(error);
  }
}

async function call<T>(path: string, operator: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  const response = await send(path, operator, init);
  if (!(response instanceof Response)) return response;
  try {
    return (await response.json()) as ApiResult<T>;
  } catch {
    return { ok: false, code: 'INTERNAL', message: `the server answered ${response.status} without a JSON body` };
  }
}

const json = (method: string, body?: unknown): RequestInit => ({ method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const seg = encodeURIComponent;

export const libraryApi = {
  scenarios: (op: string) => call<LibraryScenariosResponse>('/scenarios', op),
  versions: (op: string, id: string) => call<ScenarioVersionsResponse>(`/scenarios/${seg(id)}/versions`, op),
  version: (op: string, id: string, n: number) => call<ScenarioVersionResponse>(`/scenarios/${seg(id)}/versions/${n}`, op),
  save: (op: string, id: string, body: { text: string; message?: string; basedOn?: number }) => call<SaveVersionResponse>(`/scenarios/${seg(id)}/versions`, op, json('POST', body)),
  /** A new version under the text's own meta.id (an upload; a new id is a new scenario). */
  upload: (op: string, body: { text: string; message?: string }) => call<SaveVersionResponse>('/scenarios', op, json('POST', body)),
  createFrom: (op: string, id: string, n: number, body: { mode: ExerciseMode; seed?: number }) => call<CreateExerciseResponse>(`/scenarios/${seg(id)}/versions/${n}/exercises`, op, json('POST', body)),
  exercises: (op: string) => call<LibraryExercisesResponse>('/exercises', op),
  archive: (op: string, id: string, archived: boolean) => call<{ ok: true; exercise: LibraryExercise }>(`/exercises/${seg(id)}/archive`, op, json('POST', { archived })),
  remove: (op: string, id: string) => call<{ ok: true; deleted: string }>(`/exercises/${seg(id)}?confirm=${seg(id)}`, op, json('DELETE')),
  reissue: (op: string, id: string, seat: string) => call<LibraryLinkResponse>(`/exercises/${seg(id)}/seats/${seg(seat)}/link`, op, json('POST')),
  revoke: (op: string, id: string, seat: string) => call<{ ok: true; revoked: string }>(`/exercises/${seg(id)}/seats/${seg(seat)}/link`, op, json('DELETE')),
  audit: (op: string) => call<AuditResponse>('/audit', op),
  plan: (op: string) => call<PlanResponse>('/plan', op),
  updatePlan: (op: string, itemId: string, body: PlanUpdateRequest) => call<{ ok: true; item: PlanItem }>(`/plan/${seg(itemId)}`, op, json('PATCH', body)),
  collectPlan: (op: string, exerciseId: string) => call<PlanAddResponse>(`/plan/collect/${seg(exerciseId)}`, op, json('POST')),
  importPlan: (op: string, text: string) => call<PlanAddResponse>('/plan/import', op, json('POST', { text })),
};

/** A file from the library (an export, the plan's CSV): its bytes and the name the server gives it. */
export async function libraryFile(op: string, path: string, fallbackName: string): Promise<{ ok: true; blob: Blob; fileName: string } | ErrorBody> {
  const response = await send(path, op);
  if (!(response instanceof Response)) return response;
  if (response.ok) {
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
    return { ok: true, blob: await response.blob(), fileName: name };
  }
  try {
    return (await response.json()) as ErrorBody;
  } catch {
    return { ok: false, code: 'INTERNAL', message: `the server answered ${response.status}` };
  }
}

/** An exercise's after-action product through the library. */
export function libraryExport(op: string, exerciseId: string, format: ExportDownload, params: { lang: string; tz: string }) {
  return libraryFile(op, `/exercises/${seg(exerciseId)}/export/${format}?${new URLSearchParams(params)}`, `${exerciseId}-${format}`);
}
