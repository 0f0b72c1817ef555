/** `ramparts serve`'s sign-in options (issue 17): single sign-on settings checked before anything starts. */
import { describe, expect, it } from 'vitest';
import { emptyAuthArgs, oidcConfigOf, parseAuthFlag } from '../../cli/commands/serve-auth.ts';
import { rolesOf } from '../../server/auth/oidc.ts';
import { ramparts } from './ramparts.ts';

function parse(...args: string[]) {
  const out = emptyAuthArgs();
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    if (!parseAuthFlag(flag, () => args[++i]!, out)) throw new Error(`not a sign-in flag: ${flag}`);
  }
  return out;
}

describe('ramparts serve single sign-on options', () => {
  it('builds the provider settings, the secret from the environment only', () => {
    const args = parse(
      '--oidc-issuer',
      'https://login.example.org/realms/x/',
      '--oidc-client-id',
      'ramparts',
      '--oidc-role',
      'white-cell=controller',
      '--oidc-role',
      'planners=planner,evaluator',
      '--oidc-role',
      'white-cell=evaluator',
      '--public-url',
      'https://ex.example.org',
    );
    expect(oidcConfigOf(args, { RAMPARTS_OIDC_CLIENT_SECRET: 's3cret' })).toEqual({
      issuer: 'https://login.example.org/realms/x',
      clientId: 'ramparts',
      clientSecret: 's3cret',
      groupsClaim: 'groups',
      label: 'single sign-on',
      publicUrl: 'https://ex.example.org',
      roleMap: Object.assign(Object.create(null), { 'white-cell': ['controller', 'evaluator'], planners: ['planner', 'evaluator'] }),
    });
    expect(oidcConfigOf(parse('--secure-cookies'))).toBeUndefined();
  });

  it('refuses what cannot work, with a sentence, before the server starts', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--oidc-issuer', 'https://idp.example.org'], /needs --oidc-client-id/],
      [['--oidc-issuer', 'https://idp.example.org', '--oidc-client-id', 'r'], /at least one --oidc-role/],
      [['--oidc-issuer', 'http://idp.example.org', '--oidc-client-id', 'r', '--oidc-role', 'a=planner'], /must be https/],
      [['--oidc-client-id', 'r'], /need --oidc-issuer/],
      [['--oidc-role', 'staff=king'], /--oidc-role takes GROUP=ROLE\[,ROLE\] with roles among administrator/],
      [['--oidc-issuer', 'not a url'], /--oidc-issuer takes a URL/],
    ];
    for (const [args, message] of cases) {
      const r = await ramparts('serve', '--port', '0', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
    }
    expect((await ramparts('serve', '--help')).out).toContain('--oidc-role GROUP=ROLE[,ROLE]');
  });

  it('maps groups to roles by own keys only', () => {
    const map = Object.assign(Object.create(null), { staff: ['planner'], 'white-cell': ['controller', 'planner'] });
    expect(rolesOf(['staff', 'white-cell', 'other'], map)).toEqual(['planner', 'controller']);
    expect(rolesOf(['__proto__', 'constructor', 'toString'], { staff: ['planner'] })).toEqual([]);
  });
});
