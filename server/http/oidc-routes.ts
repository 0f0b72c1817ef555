/**
 * The single sign-on endpoints under `/api/auth/oidc` (server/auth/oidc.ts): `login` sends the
 * browser to the provider, `callback` is where the provider sends it back. The state travels in a
 * short-lived cookie scoped to these two paths; it is SameSite=Lax because the provider's redirect
 * back is a cross-site navigation (a Strict cookie would not come with it). The session cookie
 * (SameSite=Strict) is set by the callback as after a password sign-in.
 */
import { Router, type Request, type Response } from 'express';
import type { AuthConfig } from '../auth/auth-config.ts';
import { readCookie, setSessionCookie } from '../auth/guard.ts';
import type { OidcLogin } from '../auth/oidc.ts';
import { route } from './reply.ts';

const STATE_COOKIE = 'ramparts_oidc_state';
const PATH = '/api/auth/oidc';

function stateCookie(req: Request, res: Response, value: string | undefined, secure: boolean): void {
  const attributes = [`Path=${PATH}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${value === undefined ? 0 : 600}`];
  if (req.secure || secure) attributes.push('Secure');
  res.append('Set-Cookie', `${STATE_COOKIE}=${value ?? ''}; ${attributes.join('; ')}`);
}

export function oidcRouter(deps: { oidc: OidcLogin; auth: AuthConfig; publicUrl: string | undefined }): Router {
  const router = Router();
  const base = (req: Request) => deps.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;

  router.get(
    '/login',
    route(async (req, res) => {
      const { url, state } = await deps.oidc.start(`${base(req)}${PATH}/callback`);
      stateCookie(req, res, state, deps.auth.secureCookies);
      res.set('Cache-Control', 'no-store').redirect(303, url);
    }),
  );

  router.get(
    '/callback',
    route(async (req, res) => {
      const result = await deps.oidc.finish(new URL(req.originalUrl, base(req)), readCookie(req, STATE_COOKIE), req.socket.remoteAddress ?? 'unknown');
      stateCookie(req, res, undefined, deps.auth.secureCookies);
      res.set('Cache-Control', 'no-store');
      if (!result.ok) return res.redirect(303, '/?sso-failed=1#/login');
      setSessionCookie(req, res, result.token, deps.auth.sessionHours * 3600, deps.auth.secureCookies);
      res.redirect(303, '/#/');
    }),
  );

  return router;
}
