/**
 * Single sign-on by OpenID Connect (issue 17): the authorization code flow with PKCE (S256), state
 * and nonce, through openid-client (panva's certified relying party library). The provider's groups
 * claim (`groupsClaim`, from the ID token or else from the userinfo endpoint) maps to roles
 * (`roleMap`); a user whose groups give no role is refused. An account is made at the first sign-in,
 * keyed by `issuer#subject`; its roles follow the provider's groups at every sign-in; an account
 * disabled here stays refused whatever the provider says.
 *
 * The pending sign-ins (state, nonce, code verifier) are kept in this process's memory for ten
 * minutes, bound to the browser by a cookie holding the state: with several processes behind a load
 * balancer, the callback must reach the process that started the sign-in (sticky sessions).
 */
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { OperatorRole } from '../../protocol/index.ts';
import type { Logger } from '../ops/logger.ts';
import type { UserRecord } from './account-store.ts';
import type { Accounts, Opened, Refusal } from './accounts.ts';
import type { OidcConfig } from './auth-config.ts';

const PENDING_MS = 10 * 60_000;
const MAX_PENDING = 10_000;

interface Pending {
  verifier: string;
  nonce: string;
  redirectUri: string;
  expires: number;
}

/** The roles `groups` map to under `roleMap` (own keys only: a group named "__proto__" maps to nothing). */
export function rolesOf(groups: readonly string[], roleMap: OidcConfig['roleMap']): OperatorRole[] {
  const roles = new Set<OperatorRole>();
  for (const group of groups) {
    if (Object.hasOwn(roleMap, group)) for (const role of roleMap[group] ?? []) roles.add(role);
  }
  return [...roles];
}

function groupsIn(claims: Record<string, unknown> | undefined, name: string): string[] | undefined {
  const value = claims?.[name];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return [value];
  return undefined;
}

/** A user name for a new single sign-on account: the provider's preferred name if it fits and is free. */
function nameFor(claims: Record<string, unknown>, subject: string): string {
  const wanted = [claims.preferred_username, claims.email, claims.sub].find((v): v is string => typeof v === 'string') ?? 'user';
  const cleaned = wanted
    .toLowerCase()
    .replace(/[^a-z0-9._@-]/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 48);
  return cleaned === '' ? `sso-${createHash('sha256').update(subject).digest('hex').slice(0, 12)}` : cleaned;
}

export class OidcLogin {
  private configuration: Promise<client.Configuration> | undefined;
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly config: OidcConfig,
    private readonly accounts: Accounts,
    private readonly logger: Logger,
  ) {}

  /** Discovery, once (again after a failure). */
  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.config.issuer),
        this.config.clientId,
        this.config.clientSecret === undefined ? { token_endpoint_auth_method: 'none' } : { client_secret: this.config.clientSecret },
        undefined,
        this.config.allowInsecure ? { execute: [client.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** Starts a sign-in: the provider's authorization URL, and the state to bind to the browser. */
  async start(redirectUri: string, now = Date.now()): Promise<{ url: string; state: string }> {
    const config = await this.discover();
    for (const [key, p] of this.pending) if (p.expires <= now) this.pending.delete(key);
    if (this.pending.size >= MAX_PENDING) throw new Error('too many single sign-ins in progress');
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    this.pending.set(state, { verifier, nonce, redirectUri, expires: now + PENDING_MS });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in from the provider's redirect (`currentUrl`, with the state the browser's cookie
   * held): the code exchanged, the ID token checked (issuer, audience, nonce, signature), the roles
   * mapped, the account found or made, a session opened.
   */
  async finish(currentUrl: URL, boundState: string | undefined, address: string, now = Date.now()): Promise<Opened | Refusal> {
    const refuse = (reason: string): Refusal => {
      this.logger.warn('single sign-on refused', { address, reason });
      return { ok: false, code: 'UNAUTHENTICATED', message: `single sign-on did not complete: ${reason}` };
    };
    const state = currentUrl.searchParams.get('state');
    if (state === null || boundState === undefined || state !== boundState) return refuse('the sign-in was not started from this browser');
    const pending = this.pending.get(state);
    this.pending.delete(state);
    if (!pending || pending.expires <= now) return refuse('the sign-in took too long; start again');
    const config = await this.discover();
    let claims: Record<string, unknown>;
    let accessToken: string;
    try {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: pending.verifier, expectedState: state, expectedNonce: pending.nonce });
      claims = (tokens.claims() ?? {}) as Record<string, unknown>;
      accessToken = tokens.access_token;
    } catch (error) {
      return refuse(`the provider's answer was not accepted (${(error as Error).message})`);
    }
    const subject = `${String(claims.iss)}#${String(claims.sub)}`;
    let groups = groupsIn(claims, this.config.groupsClaim);
    if (groups === undefined) {
      try {
        groups = groupsIn((await client.fetchUserInfo(config, accessToken, String(claims.sub))) as Record<string, unknown>, this.config.groupsClaim) ?? [];
      } catch (error) {
        return refuse(`the provider's userinfo could not be read (${(error as Error).message})`);
      }
    }
    const roles = rolesOf(groups, this.config.roleMap);
    if (roles.length === 0) return refuse(`the groups of ${subject} map to no role`);
    const user = await this.account(subject, claims, roles);
    if (user.disabled) return refuse(`the account ${user.username} is disabled here`);
    this.logger.info('login', { user: user.username, userId: user.id, address, via: 'oidc', roles });
    return this.accounts.openSession(user, 'oidc');
  }

  /** The account of `subject`, made at its first sign-in, with the roles its groups give now. */
  private async account(subject: string, claims: Record<string, unknown>, roles: OperatorRole[]): Promise<UserRecord> {
    const store = this.accounts.store;
    const known = await store.findBySubject(subject);
    if (known) {
      if (known.roles.join(',') !== roles.join(',')) await store.updateUser({ ...known, roles, updatedAt: new Date().toISOString() });
      return { ...known, roles };
    }
    const base = nameFor(claims, subject);
    for (let n = 0; ; n++) {
      const user = await this.accounts.newUser(n === 0 ? base : `${base}-${n + 1}`, roles, undefined, subject);
      if ((await store.createUser(user)) === 'created') return user;
      const raced = await store.findBySubject(subject);
      if (raced) return raced;
    }
  }
}
