/**
 * The host's own bookkeeping of an exercise, folded over its log like the state: what each seat has
 * used of its quotas (free text, reports, requests, sitreps), the size of the log, and the client
 * keys of recent commands (exactly once: a repeated key is answered with its first answer), and how
 * many events each audience has been shown (so that each audience numbers its events 1, 2, 3, ...
 * and a seat cannot count activity it does not see).
 *
 * Because it is a fold of the stored log, it survives restarts, takeovers and a refused append
 * exactly as the state does: it is saved inside each snapshot (durable-state.ts) and rebuilt with
 * the state (recover.ts). Seat names and keys come from clients: they are keys of Maps only.
 */
import type { ActorT, Command } from '../../engine/index.ts';
import type { CommandEntry } from './engine-port.ts';

/** How many keys of each seat are remembered: a client retries only the commands it has in flight. */
export const KEYS_PER_SEAT = 1024;

/** One seat's use of its quotas. */
export interface SeatUsage {
  textBytes: number;
  reports: number;
  requests: number;
  sitreps: number;
}

/** The first answer to a keyed command: the revision it produced, and what the command was. */
export interface KeyedAnswer {
  seq: number;
  /** The command's canonical text, to tell a retry from a different command under a reused key. */
  digest: string;
}

/** Events by who may see them (engine audiences): for every audience's own numbering. */
export interface EventCounts {
  /** Every event (the white cell's and evaluators' numbering). */
  total: number;
  /** Events for everyone (`all`). */
  all: number;
  /** Events for the red cell that are not for everyone. */
  red: number;
  /** Per blue team, events for it that are not for everyone. */
  teams: Array<[team: string, count: number]>;
}

/** The ledger as stored inside a snapshot. */
export interface LedgerData {
  v: 1;
  logBytes: number;
  textBytes: number;
  seats: Array<[seat: string, usage: SeatUsage]>;
  keys: Array<[seat: string, key: string, answer: KeyedAnswer]>;
  events?: EventCounts;
}

/** The seat a command comes from (`blue:<team>`, `controller`, `red`, `evaluator`), or undefined for the system. */
export function seatOfActor(actor: ActorT): string | undefined {
  switch (actor.role) {
    case 'blue': return `blue:${actor.team}`;
    case 'white': return 'controller';
    case 'red': return 'red';
    case 'evaluator': return 'evaluator';
    case 'system': return undefined;
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
  private events = { total: 0, all: 0, red: 0 };
  private readonly teamEvents = new Map<string, number>();
  /** Seat -> key -> first answer, oldest first (Map keeps insertion order). */
  private readonly keys = new Map<string, Map<string, KeyedAnswer>>();

  static from(data: LedgerData | undefined): Ledger {
    const ledger = new Ledger();
    if (!data) return ledger;
    ledger.logBytes = data.logBytes;
    ledger.textBytes = data.textBytes;
    for (const [seat, usage] of data.seats) ledger.seats.set(seat, { ...usage });
    for (const [seat, key, answer] of data.keys) ledger.remember(seat, key, answer);
    if (data.events) {
      ledger.events = { total: data.events.total, all: data.events.all, red: data.events.red };
      for (const [team, n] of data.events.teams) ledger.teamEvents.set(team, n);
    }
    return ledger;
  }

  /**
   * How many events the audience has been shown so far (`white`, `evaluator`, `red`, `team:<id>`,
   * as server/authority/audience.ts names them): its last event's number in its own numbering.
   */
  eventCount(audience: string): number {
    if (audience === 'white' || audience === 'evaluator') return this.events.total;
    if (audience === 'red') return this.events.all + this.events.red;
    if (audience.startsWith('team:')) return this.events.all + (this.teamEvents.get(audience.slice(5)) ?? 0);
    return 0;
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
    for (const event of entry.events) {
      this.events.total++;
      const audience = event.audience as readonly string[];
      if (audience.includes('all')) {
        this.events.all++;
        continue;
      }
      for (const a of audience) {
        if (a === 'red') this.events.red++;
        else if (a.startsWith('team:')) this.teamEvents.set(a.slice(5), (this.teamEvents.get(a.slice(5)) ?? 0) + 1);
      }
    }
    const seat = seatOfActor(entry.command.actor);
    if (seat === undefined) return;
    const add = usageOf(entry.command);
    const usage = this.usage(seat);
    this.seats.set(seat, {
      textBytes: usage.textBytes + add.textBytes, reports: usage.reports + add.reports,
      requests: usage.requests + add.requests, sitreps: usage.sitreps + add.sitreps,
    });
    this.textBytes += add.textBytes;
    if (typeof entry.key === 'string') this.remember(seat, entry.key, { seq: entry.seq, digest: commandDigest(entry.command) });
  }

  toData(): LedgerData {
    const keys: LedgerData['keys'] = [];
    for (const [seat, byKey] of this.keys) for (const [key, answer] of byKey) keys.push([seat, key, answer]);
    return {
      v: 1, logBytes: this.logBytes, textBytes: this.textBytes, seats: [...this.seats], keys,
      events: { ...this.events, teams: [...this.teamEvents] },
    };
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
  return Buffer.byteLength(JSON.stringify(entry), 'utf8');
}
