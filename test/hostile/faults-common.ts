/**
 * Shared by the fault tests (faults-*.test.ts): what every fault round checks at the end. The log
 * the server serves is parsed and replayed by the engine; the replay's state hash must equal the
 * server's; every acknowledged command must be in the log at the sequence number its
 * acknowledgement gave; no refused command may be in it at all.
 */
import { expect } from 'vitest';
import { parseLog, replay, stateHash, type LogRecord } from '../../engine/index.ts';
import type { CreateExerciseResponse, ExerciseSummary } from '../../protocol/index.ts';
import { api, canonicalJson, commandPositions } from '../server/helpers.ts';

export interface Acked {
  seq: number;
  body: Record<string, unknown>;
  seat: string;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export const actorOf = (seat: string) => (seat === 'controller' ? { role: 'white' } : { role: 'blue', team: seat.slice(5) });

export const tokenOf = (ex: CreateExerciseResponse, seat: string): string => {
  const found = ex.seats.find((s) => s.seat === seat);
  if (!found) throw new Error(`no seat ${seat}`);
  return found.token;
};

export interface LogCheck {
  records: LogRecord[];
  seq: number;
  stateHash: string;
}

/**
 * Reads the exercise's log and summary from a live server and checks them against what the seats
 * were told. `refusedTexts`: texts of situation reports whose command was refused (never stored).
 */
export async function checkLog(url: string, ex: CreateExerciseResponse, acked: readonly Acked[], refusedTexts: ReadonlySet<string>, what: string): Promise<LogCheck> {
  const controller = tokenOf(ex, 'controller');
  const summary = await api<ExerciseSummary>(url, 'GET', `/api/exercises/${ex.exerciseId}`, undefined, controller);
  expect(summary.status, what).toBe(200);
  const logText = await api<string>(url, 'GET', `/api/exercises/${ex.exerciseId}/log`, undefined, controller);
  expect(logText.status, what).toBe(200);
  const parsed = parseLog(logText.body);
  if (!parsed.ok) throw new Error(`${what}: log does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const { records } = parsed.log;
  expect(records.length, `${what}: log length against the server's revision`).toBe(summary.body.revision);
  // Acknowledgements carry the seat's own numbers, not log positions: each acknowledged command is
  // looked up in the log by what it is.
  const positions = commandPositions(records);
  for (const a of acked) {
    const command = { ...a.body, actor: actorOf(a.seat) };
    expect(positions.has(canonicalJson(command)), `${what}: ${JSON.stringify(a.body)} acknowledged, not in the log`).toBe(true);
  }
  if (refusedTexts.size > 0) {
    records.forEach((r, i) => {
      const text = (r.command as { text?: unknown }).text;
      if (typeof text === 'string') expect(refusedTexts.has(text), `${what}: refused command "${text}" is in the log at ${i + 1}`).toBe(false);
    });
  }
  const replayed = replay(parsed.log, { verify: true });
  if (!replayed.ok) throw new Error(`${what}: replay failed at record ${replayed.record}: ${replayed.message}`);
  const hash = stateHash(replayed.state);
  expect(hash, `${what}: the server's state hash against the replay of its log`).toBe(summary.body.stateHash);
  return { records, seq: summary.body.revision!, stateHash: hash };
}
