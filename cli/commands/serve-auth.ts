/**
 * The sign-in options of `ramparts serve` (issue 17): Secure cookies behind a TLS proxy, and single
 * sign-on by OpenID Connect. The client secret comes from the environment only
 * (RAMPARTS_OIDC_CLIENT_SECRET), never from the command line, which other users of the machine can read.
 */
import { OPERATOR_ROLES, type OperatorRole } from '../../protocol/index.ts';
import type { OidcConfig } from '../../server/auth/auth-config.ts';
import { UsageError } from '../io.ts';

export const OIDC_SECRET_ENV = 'RAMPARTS_OIDC_CLIENT_SECRET';

export const AUTH_HELP = `Sign-in:
  --secure-cookies  mark the session cookie Secure although this server speaks http (a TLS proxy in front)
  --oidc-issuer URL single sign-on by OpenID Connect with this provider (needs --oidc-client-id and
                    at least one --oidc-role; the client secret, if any, in ${OIDC_SECRET_ENV})
  --oidc-client-id ID  the client id registered at the provider; its redirect URI is
                    <public URL>/api/auth/oidc/callback
  --oidc-role GROUP=ROLE[,ROLE]  the provider's group GROUP gives these roles (repeatable;
                    roles: ${OPERATOR_ROLES.join(', ')}); a user with no mapped group is refused
  --oidc-groups-claim NAME  the claim that lists the groups (default groups)
  --oidc-label TEXT what the login page's button names (default "single sign-on")
  --public-url URL  the URL browsers reach this server by (default: the request's own)`;

export interface AuthArgs {
  secureCookies: boolean;
  issuer?: string;
  clientId?: string;
  roles: Array<[string, OperatorRole[]]>;
  groupsClaim?: string;
  label?: string;
  publicUrl?: string;
}

export const emptyAuthArgs = (): AuthArgs => ({ secureCookies: false, roles: [] });

function httpUrl(flag: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${flag} takes a URL such as https://login.example.org/realms/exercise, not "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${flag} takes an http(s) URL, not "${text}"`);
  return url.href.replace(/\/$/, '');
}

/** Takes one sign-in option into `out`; false when `flag` is not one of them. */
export function parseAuthFlag(flag: string, need: () => string, out: AuthArgs): boolean {
  switch (flag) {
    case '--secure-cookies':
      out.secureCookies = true;
      return true;
    case '--oidc-issuer':
      out.issuer = httpUrl(flag, need());
      return true;
    case '--oidc-client-id':
      out.clientId = need();
      return true;
    case '--oidc-groups-claim':
      out.groupsClaim = need();
      return true;
    case '--oidc-label':
      out.label = need();
      return true;
    case '--public-url':
      out.publicUrl = httpUrl(flag, need());
      return true;
    case '--oidc-role': {
      const text = need();
      const m = /^([^=]+)=(.+)$/.exec(text);
      const roles = m ? (m[2] as string).split(',').map((r) => r.trim()) : [];
      const unknown = roles.filter((r) => !(OPERATOR_ROLES as readonly string[]).includes(r));
      if (!m || unknown.length > 0) throw new UsageError(`--oidc-role takes GROUP=ROLE[,ROLE] with roles among ${OPERATOR_ROLES.join(', ')}, not "${text}"`);
      out.roles.push([m[1] as string, roles as OperatorRole[]]);
      return true;
    }
    default:
      return false;
  }
}

/** The single sign-on settings, or undefined without --oidc-issuer; a usage error when incomplete. */
export function oidcConfigOf(args: AuthArgs, env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const given = args.clientId !== undefined || args.roles.length > 0 || args.groupsClaim !== undefined || args.label !== undefined;
  if (args.issuer === undefined) {
    if (given) throw new UsageError('the --oidc-... options need --oidc-issuer');
    return undefined;
  }
  if (args.clientId === undefined) throw new UsageError('--oidc-issuer needs --oidc-client-id (the client registered at the provider)');
  if (args.roles.length === 0) throw new UsageError('--oidc-issuer needs at least one --oidc-role GROUP=ROLE: otherwise no one could sign in');
  const roleMap: OidcConfig['roleMap'] = Object.create(null) as OidcConfig['roleMap'];
  for (const [group, roles] of args.roles) roleMap[group] = [...new Set([...(roleMap[group] ?? []), ...roles])];
  const secret = env[OIDC_SECRET_ENV];
  const insecure = args.issuer.startsWith('http:');
  if (insecure && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(args.issuer)) {
    throw new UsageError('--oidc-issuer must be https (http only for a provider on this machine: localhost or 127.0.0.1)');
  }
  return {
    issuer: args.issuer,
    clientId: args.clientId,
    groupsClaim: args.groupsClaim ?? 'groups',
    roleMap,
    label: args.label ?? 'single sign-on',
    ...(secret ? { clientSecret: secret } : {}),
    ...(args.publicUrl ? { publicUrl: args.publicUrl } : {}),
    ...(insecure ? { allowInsecure: true } : {}),
  };
}
