/**
 * The host's own bookkeeping of an exercise, folded over its log like the state: what each seat has
 * used of its quotas (free text, reports, requests, sitreps), the size of the log, the client keys
 * of recent commands (exactly once: a repeated key is answered with its first answer), and each
 * audience's own numbering of its events and views (numbering.ts: a seat cannot count activity it
 * does not see).
 *
 * Because it is a fold of the stored log, it survives restarts, takeovers and a refused append
 * exactly as the state does: it is saved inside each snapshot (durable-state.ts) and rebuilt with
 * the state (recover.ts). Seat names and keys come from clients: they are keys of Maps only.
 */
import type { ActorT, Command } from '../../engine/index.ts';
import type { CommandEntry } from './engine-port.ts';
import { Numbering, type NumberingData } from './numbering.ts';
import { entryJson } from '../store/entry-json.ts';

/** How many keys of each seat are remembered: a client retries only the commands it has in flight. */
export const KEYS_PER_SEAT = 1024;

/** One seat's use of its quotas. */
export interface SeatUsage {
  textBytes: number;
  reports: number;
  requests: number;
  sitreps: number;
}

/** The first answer to a keyed command: the revision it produced, its seat's view number then, and what the command was. */
export interface KeyedAnswer {
  seq: number;
  /** The view number of the seat's audience after the command (what its acknowledgement carries). */
  n: number;
  /** The command's canonical text, to tell a retry from a different command under a reused key. */
  digest: string;
}

/** The ledger as stored inside a snapshot. */
export interface LedgerData {
  /** 3 since the presentation's numbering (a v2 snapshot is skipped and the log replayed). */
  v: 3;
  logBytes: number;
  textBytes: number;
  seats: Array<[seat: string, usage: SeatUsage]>;
  keys: Array<[seat: string, key: string, answer: KeyedAnswer]>;
  numbering: NumberingData;
}

/** The audience of the seat a command comes from (as server/authority/audience.ts names them), or undefined for the system. */
export function audienceOfActor(actor: ActorT): string | undefined {
  switch (actor.role) {
    case 'blue':
      return `team:${actor.team}`;
    case 'white':
      return 'white';
    case 'red':
      return 'red';
    case 'evaluator':
      return 'evaluator';
    case 'system':
      return undefined;
  }
}

/** The seat a command comes from (`blue:<team>`, `controller`, `red`, `evaluator`), or undefined for the system. */
export function seatOfActor(actor: ActorT): string | undefined {
  switch (actor.role) {
    case 'blue':
      return `blue:${actor.team}`;
    case 'white':
      return 'controller';
    case 'red':
      return 'red';
    case 'evaluator':
      return 'evaluator';
    case 'system':
      return undefined;
  }
}

/** UTF-8 bytes of every string in a command body (its free text; ids and types are a few bytes). */
export function textBytesOf(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (Array.isArray(value)) {
    let n = 0;
    for (const item of value) n += textBytesOf(item);
    return n;
  }
  if (value !== null && typeof value === 'object') {
    let n = 0;
    for (const [key, item] of Object.entries(value)) if (key !== 'type' && key !== 'actor') n += textBytesOf(item);
    return n;
  }
  return 0;
}

/** What a command adds to its seat's usage. */
export function usageOf(command: Command): SeatUsage {
  return {
    textBytes: textBytesOf(command),
    reports: command.type === 'share-intel' ? 1 : 0,
    requests: command.type === 'request-assistance' ? 1 : 0,
    sitreps: command.type === 'sitrep' ? 1 : 0,
  };
}

/** The canonical text of a command as a seat sent it (the actor is the seat's, so left out). */
export function commandDigest(command: Command): string {
  const { actor: _actor, ...body } = command;
  return JSON.stringify(body);
}

export class Ledger {
  /** Bytes of the stored log entries (their JSON). */
  logBytes = 0;
  /** Free text of every seat together. */
  textBytes = 0;
  private readonly seats = new Map<string, SeatUsage>();
  /** Each audience's numbering of its events and views. */
  numbering = new Numbering();
  /** Seat -> key -> first answer, oldest first (Map keeps insertion order). */
  private readonly keys = new Map<string, Map<string, KeyedAnswer>>();

  static from(data: LedgerData | undefined): Ledger {
    const ledger = new Ledger();
    if (!data) return ledger;
    ledger.logBytes = data.logBytes;
    ledger.textBytes = data.textBytes;
    for (const [seat, usage] of data.seats) ledger.seats.set(seat, { ...usage });
    for (const [seat, key, answer] of data.keys) ledger.remember(seat, key, answer);
    ledger.numbering = Numbering.from(data.numbering);
    return ledger;
  }

  /** What one seat has used (zero for a seat that has sent nothing). */
  usage(seat: string): SeatUsage {
    return this.seats.get(seat) ?? { textBytes: 0, reports: 0, requests: 0, sitreps: 0 };
  }

  /** The first answer to `key` from `seat`, if it was accepted (and is still remembered). */
  answerOf(seat: string, key: string): KeyedAnswer | undefined {
    return this.keys.get(seat)?.get(key);
  }

  /** Folds one stored entry (`bytes`: the length of its JSON). */
  record(entry: CommandEntry, bytes: number): void {
    this.logBytes += bytes;
    this.numbering.record(entry);
    const seat = seatOfActor(entry.command.actor);
    if (seat === undefined) return;
    const add = usageOf(entry.command);
    const usage = this.usage(seat);
    this.seats.set(seat, {
      textBytes: usage.textBytes + add.textBytes,
      reports: usage.reports + add.reports,
      requests: usage.requests + add.requests,
      sitreps: usage.sitreps + add.sitreps,
    });
    this.textBytes += add.textBytes;
    if (typeof entry.key === 'string') this.remember(seat, entry.key, { seq: entry.seq, n: this.ackNumber(entry.command.actor), digest: commandDigest(entry.command) });
  }

  /** What an acknowledgement to `actor` carries now: its audience's view number (its own sequence). */
  ackNumber(actor: ActorT): number {
    const audience = audienceOfActor(actor);
    return audience === undefined ? this.numbering.viewNumber('white') : this.numbering.viewNumber(audience);
  }

  toData(): LedgerData {
    const keys: LedgerData['keys'] = [];
    for (const [seat, byKey] of this.keys) for (const [key, answer] of byKey) keys.push([seat, key, answer]);
    return { v: 3, logBytes: this.logBytes, textBytes: this.textBytes, seats: [...this.seats], keys, numbering: this.numbering.toData() };
  }

  private remember(seat: string, key: string, answer: KeyedAnswer): void {
    let byKey = this.keys.get(seat);
    if (!byKey) this.keys.set(seat, (byKey = new Map()));
    byKey.set(key, answer);
    if (byKey.size > KEYS_PER_SEAT) {
      const oldest = byKey.keys().next();
      if (!oldest.done) byKey.delete(oldest.value);
    }
  }
}

/** The JSON length of a log entry, as the ledger counts it. */
export function entryBytes(entry: CommandEntry): number {
  return Buffer.byteLength(entryJson(entry), 'utf8');
}
