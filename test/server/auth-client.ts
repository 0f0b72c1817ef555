/**
 * A browser-like API client for the account tests: keeps the session cookie it is given, sends the
 * Origin a browser would, and the session's CSRF token when told to.
 */
import type { ErrorBody, SessionResponse } from '../../protocol/index.ts';

export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

export class CookieClient {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(readonly base: string) {}

  async call<T = SessionResponse | ErrorBody>(method: string, path: string, body?: unknown, options: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { origin: this.base, ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (options.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await fetch(`${this.base}${path}`, { method, headers, redirect: 'manual', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      if (!pair?.startsWith('ramparts_session=')) continue;
      this.cookie = pair === 'ramparts_session=' ? undefined : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    const typed = parsed as { csrf?: unknown };
    if (typeof typed === 'object' && typed !== null && typeof typed.csrf === 'string') this.csrf = typed.csrf;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** Signs in with a password; throws unless it worked. */
  async login(username: string, password: string): Promise<SessionResponse> {
    const res = await this.call<SessionResponse>('POST', '/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}
