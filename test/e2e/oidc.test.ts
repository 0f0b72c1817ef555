/**
 * Single sign-on (issue 17) through a real OpenID provider (oidc-provider, the certified provider
 * by the author of openid-client), started here on port 0, in real Chromium: the login page's button
 * goes to the provider, its sign-in and consent pages come back to Ramparts with a session whose
 * roles are the provider's groups mapped by the configuration; a user whose groups map to no role
 * is sent back to the login page with a sentence, and gets no session.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../protocol/index.ts';
import { defaultConfig } from '../../server/config.ts';
import { silentLogger } from '../../server/ops/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { TEST_OPERATOR_TOKEN } from '../server/operator-token.ts';
import { HANG_MS } from '../timeouts.ts';
import { DIST, ROOT, ensureClient, launchBrowser, screenshot } from './harness.ts';

const WAIT = { timeout: HANG_MS };
const SECRET = 'a-client-secret-for-the-test-provider';
/** The provider's users and their groups. */
const GROUPS: Record<string, string[]> = { pat: ['staff', 'exercise-planners'], mallory: ['visitors'] };

describe('single sign-on through a real OpenID provider', () => {
  let dir: string;
  let idp: Server;
  let ramparts: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureClient();
    let handler: RequestListener = (_req, res) => void res.writeHead(503).end();
    idp = createServer((req, res) => handler(req, res));
    await new Promise<void>((done) => idp.listen(0, '127.0.0.1', done));
    const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'ramparts-oidc-'));
    const config = defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      scenariosDir: join(ROOT, 'scenarios'),
      distDir: DIST,
      operatorToken: TEST_OPERATOR_TOKEN,
    });
    config.auth.oidc = {
      issuer,
      clientId: 'ramparts',
      clientSecret: SECRET,
      groupsClaim: 'groups',
      label: 'Test provider',
      allowInsecure: true,
      roleMap: { 'exercise-planners': ['planner'], 'white-cell': ['controller'] },
    };
    ramparts = await startServer(config, { logger: silentLogger });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'ramparts',
          client_secret: SECRET,
          token_endpoint_auth_method: 'client_secret_post',
          redirect_uris: [`${ramparts.url}/api/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], profile: ['preferred_username', 'groups'] },
      // The groups claim in the ID token, as providers configured for group mapping do.
      conformIdTokenClaims: false,
      // Refuses any authorization request without PKCE (S256), so that the test holds Ramparts to it.
      pkce: { required: () => true },
      findAccount: async (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: async () => ({ sub: id, preferred_username: id, groups: GROUPS[id] ?? [] }),
      }),
      cookies: { keys: ['a-cookie-signing-key-for-the-test-provider'] },
    });
    handler = provider.callback();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ramparts?.close();
    idp?.closeAllConnections();
    await new Promise<void>((done) => (idp ? idp.close(() => done()) : done()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Signs in at the provider's own pages (its development interactions: any password, then consent). */
  async function throughProvider(user: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(HANG_MS);
    await page.goto(`${ramparts.url}/#/login`);
    await page.click('[data-testid=login-sso]');
    await page.waitForSelector('input[name=login]', WAIT);
    expect(new URL(page.url()).port).toBe(String((idp.address() as AddressInfo).port));
    await page.fill('input[name=login]', user);
    await page.fill('input[name=password]', 'anything');
    await page.click('button[type=submit]');
    await page.waitForSelector('button[autofocus]', WAIT);
    await page.click('button[autofocus]');
    await page.waitForURL((url) => url.origin === ramparts.url, WAIT);
    return page;
  }

  const session = (page: Page) => page.evaluate(async () => (await (await fetch('/api/auth/session')).json()) as SessionResponse);

  it('signs a planner in with the role its groups map to', async () => {
    const page = await throughProvider('pat');
    await page.waitForSelector('[data-testid=operator-bar]', WAIT);
    expect(await page.textContent('[data-testid=operator-bar]')).toMatch(/Signed in as pat \(planner\)/);
    expect((await session(page)).operator).toEqual({ username: 'pat', roles: ['planner'], via: 'oidc' });
    const user = await ramparts.accounts.store.findByUsername('pat');
    expect(user).toMatchObject({ roles: ['planner'], subject: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+#pat$/) });
    expect(user?.passwordHash).toBeUndefined();
    // A planner checks scenarios but cannot create exercises.
    const created = await page.evaluate(
      async (csrf) =>
        (
          await fetch('/api/exercises', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
            body: JSON.stringify({ scenario: 'gulf-shield', mode: 'tabletop' }),
          })
        ).status,
      (await session(page)).csrf ?? '',
    );
    expect(created).toBe(403);
    await screenshot(page, 'oidc-planner');
  });

  it('sends PKCE, binds the state to the browser, and refuses a callback the browser did not start', async () => {
    const start = await fetch(`${ramparts.url}/api/auth/oidc/login`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    const to = new URL(start.headers.get('location')!);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('redirect_uri')).toBe(`${ramparts.url}/api/auth/oidc/callback`);
    const state = to.searchParams.get('state')!;
    expect(start.headers.getSetCookie()).toEqual([`ramparts_oidc_state=${state}; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=600`]);
    // The provider's answer for that state, arriving in another browser (no state cookie), or with a forged one.
    for (const cookie of [undefined, 'ramparts_oidc_state=forged']) {
      const back = await fetch(`${ramparts.url}/api/auth/oidc/callback?code=a-code&state=${state}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      expect([back.status, back.headers.get('location')]).toEqual([303, '/?sso-failed=1#/login']);
      expect(back.headers.getSetCookie().some((c) => c.startsWith('ramparts_session=') && !c.startsWith('ramparts_session=;'))).toBe(false);
    }
  });

  it('refuses a user whose groups map to no role, back on the login page with a sentence', async () => {
    const page = await throughProvider('mallory');
    await page.waitForSelector('[role=alert]', WAIT);
    expect(await page.textContent('[role=alert]')).toMatch(/Single sign-on did not complete, or your groups give you no role here/);
    expect((await session(page)).operator).toBeUndefined();
    expect(await ramparts.accounts.store.findByUsername('mallory')).toBeUndefined();
  });
});
