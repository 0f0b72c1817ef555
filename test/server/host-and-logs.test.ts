/**
 * Two small holes of issue 13: the Host header is checked before anything reads it (a `;` in it
 * made the content security policy throw a 500; any name was answered, so DNS rebinding worked),
 * and no credential reaches a log line (a token in a query string was logged verbatim).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { createLogger, redactSecrets } from '../../server/ops/logger.ts';
import { hostProblem } from '../../server/ops/host-check.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { defaultConfig } from '../../server/config.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, TEST_OPERATOR_TOKEN, api, createExercise } from './helpers.ts';

let server: RunningServer;
let dir: string;
const lines: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ramparts-host-'));
  server = await startServer(
    defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      scenariosDir: FIXTURES,
      distDir: join(dir, 'no-dist'),
      operatorToken: TEST_OPERATOR_TOKEN,
      allowedHosts: ['exercise.example'],
    }),
    { logger: createLogger({ level: 'debug', write: (line) => void lines.push(line) }), refusalLog: { linesPerWindow: Number.POSITIVE_INFINITY } },
  );
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A request with a Host header of our choosing (fetch does not let one set it). */
function withHost(host: string, path = '/healthz'): Promise<{ status: number; text: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Host header', () => {
  it('is answered for IP literals, localhost and the configured names, on any port', async () => {
    const { port } = new URL(server.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost', `[::1]:${port}`, `10.1.2.3:${port}`, `exercise.example:${port}`, 'Exercise.Example.']) {
      expect((await withHost(host)).status, host).toBe(200);
    }
  });

  it('is refused 400 with a sentence, never a 500, when malformed or another name (DNS rebinding)', async () => {
    for (const host of ['evil.example', 'evil.example:8080', 'a;b', "127.0.0.1;script-src 'unsafe-inline'", 'x y', '[zz]', '127.0.0.1:99999']) {
      const res = await withHost(host, '/');
      expect(res.status, host).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    }
    expect(JSON.parse((await withHost('evil.example')).text).message).toMatch(/does not answer to the name "evil.example".*--allowed-host evil.example/);
    expect(hostProblem(undefined, [])).toBe('the Host header is missing or malformed');
  });

  it('is checked on the Socket.IO handshake too', async () => {
    const { port } = new URL(server.url);
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(server.url, { transports: ['polling'], reconnection: false, forceNew: true, extraHeaders: { host: `rebound.example:${port}` } });
      socket.once('connect_error', (error) => {
        socket.close();
        resolve(error.message);
      });
      socket.once('connect', () => {
        socket.close();
        resolve('connected');
      });
    });
    expect(refused).not.toBe('connected');
  });
});

describe('log lines', () => {
  it('never hold a token: query strings, bearer headers, join links and token-shaped text are redacted', async () => {
    const ex = await createExercise(server.url, 'minimal', 'tabletop');
    const tokens = ex.seats.map((s) => s.token);
    // A seat token in a query string, on a refused REST call and a refused handshake.
    await api(server.url, 'GET', `/api/exercises/${ex.exerciseId}/log?token=${tokens[1]}`, undefined, tokens[1]);
    await api(server.url, 'GET', `/api/nothing?access_token=${tokens[0]}&x=1`);
    await api(server.url, 'GET', `/api/exercises/${ex.exerciseId}/#/join/${ex.exerciseId}/${tokens[2]}`);
    await api(server.url, 'POST', '/api/exercises', { scenario: 'minimal', mode: 'tabletop' }, `${TEST_OPERATOR_TOKEN}x`);
    await new Promise<void>((resolve) => {
      const socket = connect(`${server.url}?token=${tokens[3]}`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        auth: { exerciseId: ex.exerciseId, token: tokens[3]!.replace(/./, 'Z') },
      });
      socket.once('connect_error', () => {
        socket.close();
        resolve();
      });
      socket.once('connect', () => {
        socket.close();
        resolve();
      });
    });
    const all = lines.join('');
    expect(all).toContain('[redacted]');
    for (const token of [...tokens, TEST_OPERATOR_TOKEN]) expect(all.includes(token), `a log line holds ${token.slice(0, 6)}...`).toBe(false);
    expect(redactSecrets('GET /x?operator=abc&token=def#/join/abcdefghij/ghi Bearer jkl')).toBe('GET /x?operator=[redacted]&token=[redacted]#/join/abcdefghij/[redacted] Bearer [redacted]');
  });
});
