/**
 * Operator accounts (issue 17) against a real server: the first administrator from the one-time
 * link, sign-in with the session cookie, CSRF on every change, roles on the operator endpoints, seat
 * tokens kept out of them, sign-in rate-limited and counted, nothing secret in the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateExerciseResponse, ErrorBody, OperatorRole, SessionResponse } from '../../protocol/index.ts';
import { createLogger } from '../../server/ops/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { defaultConfig } from '../../server/config.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken, newToken } from '../../server/auth/tokens.ts';
import { CookieClient } from './auth-client.ts';
import { FIXTURES, TEST_OPERATOR_TOKEN, api, createExercise } from './helpers.ts';

const ADMIN_PASSWORD = 'correct horse battery staple';
let server: RunningServer;
let dir: string;
const logLines: string[] = [];

async function addUser(username: string, roles: OperatorRole[], password: string): Promise<void> {
  const user = await server.accounts.newUser(username, roles, password);
  expect(await server.accounts.store.createUser(user)).toBe('created');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ramparts-accounts-'));
  server = await startServer(
    defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      scenariosDir: FIXTURES,
      distDir: join(dir, 'no-dist'),
      operatorToken: TEST_OPERATOR_TOKEN,
      auth: {
        sessionHours: 1,
        secureCookies: false,
        // Five guesses per account name at once, then one a minute: the test runs in far less than a minute.
        loginRate: { perAccount: { perSecond: 1 / 60, burst: 5 }, perAddress: { perSecond: 1 / 60, burst: 40 } },
      },
    }),
    { logger: createLogger({ level: 'debug', write: (line) => void logLines.push(line) }) },
  );
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the first administrator', () => {
  it('is created from the one-time link, once', async () => {
    const browser = new CookieClient(server.url);
    expect((await browser.call<SessionResponse>('GET', '/api/auth/session')).body).toMatchObject({ ok: true, setupNeeded: true });
    expect(server.setupUrl).toMatch(new RegExp(`^${server.url}/#/setup/[A-Za-z0-9_-]{43}$`));
    const token = server.setupUrl!.split('/').pop()!;
    const wrong = await browser.call<ErrorBody>('POST', '/api/auth/setup', { token: `${token.slice(0, -1)}A`, username: 'root', password: ADMIN_PASSWORD });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const made = await browser.call<SessionResponse>('POST', '/api/auth/setup', { token, username: 'admin', password: ADMIN_PASSWORD });
    expect(made.status).toBe(200);
    expect(made.body.operator).toEqual({ username: 'admin', roles: ['administrator'], via: 'password' });
    const cookie = made.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/ramparts_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=3600/);
    const again = await new CookieClient(server.url).call<ErrorBody>('POST', '/api/auth/setup', { token, username: 'admin2', password: ADMIN_PASSWORD });
    expect([again.status, again.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await server.accounts.store.listUsers()).map((u) => u.username)).toEqual(['admin']);
    expect((await browser.call<SessionResponse>('GET', '/api/auth/session')).body).toMatchObject({ setupNeeded: false, operator: { username: 'admin' } });
  });
});

describe('sessions', () => {
  it('sign in, create an exercise with the CSRF token, sign out', async () => {
    const browser = new CookieClient(server.url);
    await browser.login('admin', ADMIN_PASSWORD);
    const created = await browser.call<CreateExerciseResponse>('POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' });
    expect(created.status).toBe(201);
    expect((await browser.call('POST', '/api/auth/logout')).status).toBe(200);
    expect(browser.cookie).toBeUndefined();
    expect((await browser.call<SessionResponse>('GET', '/api/auth/session')).body.operator).toBeUndefined();
  });

  it("refuses a change that comes with the session cookie but without its CSRF token (or with another session's)", async () => {
    const browser = new CookieClient(server.url);
    await browser.login('admin', ADMIN_PASSWORD);
    const other = new CookieClient(server.url);
    await other.login('admin', ADMIN_PASSWORD);
    const before = server.manager.size;
    const without = await browser.call<ErrorBody>('POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, { csrf: false });
    expect([without.status, without.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(without.body.message).toMatch(/CSRF token/);
    const foreign = await browser.call<ErrorBody>('POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, { csrf: false, headers: { 'x-csrf-token': other.csrf! } });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'FORBIDDEN']);
    const logout = await browser.call<ErrorBody>('POST', '/api/auth/logout', undefined, { csrf: false });
    expect(logout.status).toBe(403);
    expect(server.manager.size).toBe(before);
    // Reads need no token.
    expect((await browser.call<SessionResponse>('GET', '/api/auth/session', undefined, { csrf: false })).body.operator?.username).toBe('admin');
  });
});

describe('session lifetime', () => {
  it('takes a session until it expires and refuses it afterwards', async () => {
    const admin = (await server.accounts.store.findByUsername('admin'))!;
    const cookieOf = async (expiresAt: number) => {
      const token = newToken();
      await server.accounts.store.createSession({
        idHash: hashToken(token),
        userId: admin.id,
        epoch: admin.epoch,
        csrf: 'x'.repeat(32),
        via: 'password',
        createdAt: new Date().toISOString(),
        expiresAt,
      });
      return `ramparts_session=${token}`;
    };
    const asked = async (cookie: string) => {
      const browser = new CookieClient(server.url);
      browser.cookie = cookie;
      return (await browser.call<SessionResponse>('GET', '/api/auth/session')).body.operator?.username;
    };
    expect(await asked(await cookieOf(Date.now() + 60_000))).toBe('admin');
    expect(await asked(await cookieOf(Date.now() - 1))).toBeUndefined();
  });
});

describe('roles', () => {
  it('an evaluator cannot create exercises nor check scenarios; a controller and a planner can do their part', async () => {
    await addUser('eve', ['evaluator'], 'evaluator password 1');
    await addUser('carl', ['controller'], 'controller password 1');
    await addUser('pat', ['planner'], 'planner password 1');
    const eve = new CookieClient(server.url);
    await eve.login('eve', 'evaluator password 1');
    const before = server.manager.size;
    const create = await eve.call<ErrorBody>('POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' });
    expect([create.status, create.body.code, create.body.message]).toEqual([403, 'FORBIDDEN', 'only an operator with the controller role may do this']);
    const check = await eve.call<ErrorBody>('POST', '/api/scenarios/validate', { text: 'ramparts: 1\n' });
    expect([check.status, check.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(server.manager.size).toBe(before);
    const carl = new CookieClient(server.url);
    await carl.login('carl', 'controller password 1');
    expect((await carl.call('POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' })).status).toBe(201);
    const pat = new CookieClient(server.url);
    await pat.login('pat', 'planner password 1');
    expect((await pat.call('POST', '/api/scenarios/validate', { text: 'ramparts: 1\n' })).status).toBe(200);
    expect((await pat.call('POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' })).status).toBe(403);
  });

  it('a seat link never reaches an operator endpoint, even beside a session cookie', async () => {
    const created = await createExercise(server.url, 'minimal', 'tabletop');
    const blue = created.seats.find((s) => s.role === 'blue')!;
    for (const seat of [blue, created.seats.find((s) => s.role === 'white')!]) {
      const res = await api<ErrorBody>(server.url, 'POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, seat.token);
      expect([res.status, res.body.code], seat.seat).toEqual([401, 'UNAUTHENTICATED']);
      const session = await api<SessionResponse>(server.url, 'GET', '/api/auth/session', undefined, seat.token);
      expect(session.body.operator, seat.seat).toBeUndefined();
    }
    // A signed-in browser that sends a seat token as its bearer is that seat, not the operator.
    const admin = new CookieClient(server.url);
    await admin.login('admin', ADMIN_PASSWORD);
    const mixed = await admin.call<ErrorBody>('POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, { headers: { authorization: `Bearer ${blue.token}` } });
    expect(mixed.status).toBe(401);
  });

  it('a disabled account loses its sessions at once', async () => {
    const carl = new CookieClient(server.url);
    await carl.login('carl', 'controller password 1');
    const user = (await server.accounts.store.findByUsername('carl'))!;
    await server.accounts.store.updateUser({ ...user, disabled: true, epoch: user.epoch + 1 });
    expect((await carl.call<ErrorBody>('POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' })).status).toBe(401);
    const again = await new CookieClient(server.url).call<ErrorBody>('POST', '/api/auth/login', { username: 'carl', password: 'controller password 1' });
    expect([again.status, again.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('sign-in', () => {
  it('refuses wrong passwords at a bounded rate, counts the refusals, and logs no password', async () => {
    await addUser('victim', ['controller'], 'victim password 12');
    const attacker = new CookieClient(server.url);
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await attacker.call<ErrorBody>('POST', '/api/auth/login', { username: 'victim', password: `guess number ${i}` });
      codes.push(res.body.code);
      if (res.body.code === 'RATE_LIMITED') expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // A burst of 5, then one a minute: at most 6 guesses were checked however fast the 12 came.
    const checked = codes.filter((c) => c === 'UNAUTHENTICATED').length;
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(6);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBe(12 - checked);
    // The right password is refused too while the account's guesses are spent.
    const right = await attacker.call<ErrorBody>('POST', '/api/auth/login', { username: 'victim', password: 'victim password 12' });
    expect(right.body.code).toBe('RATE_LIMITED');
    const metrics = await api<string>(server.url, 'GET', '/metrics', undefined, TEST_OPERATOR_TOKEN);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(new RegExp(`ramparts_logins_total\\{outcome="rate-limited"\\} ${12 - checked + 1}\\b`));
    expect(metrics.body).toMatch(/ramparts_logins_total\{outcome="refused"\} \d+/);
    const log = logLines.join('');
    expect(log).toMatch(/"msg":"login refused".*"user":"victim"/);
    expect(log).toMatch(/"msg":"login rate-limited"/);
    for (const secret of ['guess number', 'victim password', ADMIN_PASSWORD, 'controller password', TEST_OPERATOR_TOKEN]) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/ramparts_session=[A-Za-z0-9_-]/);
  });

  it('does not name a non-existent account in the log (a password typed as the name stays out)', async () => {
    const res = await new CookieClient(server.url).call<ErrorBody>('POST', '/api/auth/login', { username: 'my secret passphrase', password: 'x' });
    expect(res.status).toBe(401);
    expect(logLines.join('')).not.toContain('my secret passphrase');
  });
});
