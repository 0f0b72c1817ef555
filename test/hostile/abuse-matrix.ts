/**
 * The abuse matrix's rows and the tools that make their attempts (abuse.test.ts runs them). A row is
 * a seat, or a stranger, trying one thing it may not; `run` makes the attempts over real sockets and
 * HTTP and returns the code each got. The rows read the server, the two exercises and the rotated
 * token through a `MatrixWorld`, since the test's `beforeAll` makes them after the rows are listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateExerciseResponse, ErrorCode } from '../../protocol/index.ts';
import { api, FIXTURES, seatToken, TEST_OPERATOR_TOKEN, type Seat } from '../server/helpers.ts';
import { handshakeCode, rawRequest, type AbuseServer, type LogLine } from './abuse-harness.ts';

export const MINIMAL = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
export const token = seatToken;
export const operator = () => TEST_OPERATOR_TOKEN;

/** What one row of the matrix expects the refusal log line to name. */
export type Who = Partial<Pick<LogLine, 'exerciseId' | 'seat' | 'role' | 'team' | 'channel'>> & { address?: true };

export interface Row {
  actor: string;
  attempt: string;
  code: ErrorCode;
  who: Who;
  /** Makes the attempts; returns the code each got (or 'accepted'). */
  run(): Promise<string[]>;
}

/** What the rows act on, made by the test's `beforeAll`: read when a row runs, not when it is listed. */
export interface MatrixWorld {
  server(): AbuseServer;
  a(): CreateExerciseResponse;
  b(): CreateExerciseResponse;
  /** blue:om's token before the rotation. */
  oldOmToken(): string;
  /** Joins a seat (closed by the test's `afterAll` if a row does not). */
  seat(ex: CreateExerciseResponse, name: string): Promise<Seat>;
}

/** The ways a row makes its attempts: commands, raw socket events, REST, raw HTTP, handshakes. */
export function matrixTools(world: MatrixWorld) {
  const { seat } = world;
  const url = () => world.server().url;
  const commands = (ex: () => CreateExerciseResponse, name: string, bodies: unknown[]) => async () => {
    const s = await seat(ex(), name);
    const codes: string[] = [];
    for (const body of bodies) {
      const reply = await s.command(body);
      codes.push(reply.ok ? 'accepted' : reply.code);
    }
    s.close();
    return codes;
  };
  const emits = (ex: () => CreateExerciseResponse, name: string, messages: Array<[string, unknown]>) => async () => {
    const s = await seat(ex(), name);
    const codes: string[] = [];
    for (const [event, payload] of messages) {
      const reply = await (s.socket as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; code?: string }> }).emitWithAck(event, payload);
      codes.push(reply.ok ? 'accepted' : (reply.code ?? '?'));
    }
    s.close();
    return codes;
  };
  const rest = (requests: Array<[method: string, path: () => string, token?: () => string, body?: unknown]>) => async () => {
    const codes: string[] = [];
    for (const [method, path, bearer, body] of requests) {
      const res = await api<{ ok: boolean; code?: string }>(url(), method, path(), body, bearer?.());
      codes.push(res.status < 400 ? 'accepted' : (res.body.code ?? `status ${res.status}`));
    }
    return codes;
  };
  const raw = (requests: Array<[method: string, path: string]>) => async () => {
    const codes: string[] = [];
    for (const [method, path] of requests) {
      const res = await rawRequest(url(), method, path);
      let code = `status ${res.status}`;
      try {
        code = (JSON.parse(res.text) as { code: string }).code;
      } catch {
        // not a coded reply
      }
      codes.push(res.status < 400 ? 'accepted' : code);
    }
    return codes;
  };
  const handshakes = (auths: Array<() => Record<string, unknown>>) => async () => {
    const codes: string[] = [];
    for (const auth of auths) codes.push(await handshakeCode(url(), auth()));
    return codes;
  };

  const a = () => world.a();
  const A = a;
  const aId = () => world.a().exerciseId;
  const bId = () => world.b().exerciseId;
  const aTok = (name: string) => () => token(world.a(), name);
  return { url, seat, commands, emits, rest, raw, handshakes, a, A, aId, bId, aTok };
}
