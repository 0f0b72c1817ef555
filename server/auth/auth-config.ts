/** The settings of operator accounts, sessions and single sign-on (part of ServerConfig, server/config.ts). */
import type { OperatorRole } from '../../protocol/index.ts';

/** A token bucket: refill per second and burst. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** Operator accounts and sessions (server/auth/). */
export interface AuthConfig {
  /** How long a session lasts from sign-in. */
  sessionHours: number;
  /**
   * Mark the session cookie Secure even when the request did not come over TLS here (a TLS-terminating
   * proxy in front). A request that reached this server over https always gets a Secure cookie.
   */
  secureCookies: boolean;
  /** Sign-in attempts per account name and per client address. */
  loginRate: { perAccount: RateLimit; perAddress: RateLimit };
  /** Single sign-on by OpenID Connect (server/auth/oidc.ts); absent: passwords only. */
  oidc?: OidcConfig;
}

/** An OpenID provider, and how its groups map to roles. */
export interface OidcConfig {
  /** The issuer URL (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** The URL of this server as the provider redirects back to it (default: the request's own origin). */
  publicUrl?: string;
  /** The claim that lists the user's groups (default `groups`). */
  groupsClaim: string;
  /** Group name to roles; a user whose groups map to no role is refused. */
  roleMap: Record<string, OperatorRole[]>;
  /** What the login page's button says (default "Single sign-on"). */
  label: string;
  /** Allow an http:// issuer (a provider on this machine in tests); never for a real deployment. */
  allowInsecure?: boolean;
}
