/**
 * Quotas of an exercise, per seat and per exercise rather than per socket: one seat opening many
 * sockets, or several server processes, does not multiply them, because every command of an
 * exercise passes its one host. A blue seat can no longer grow the state (and so every controller's
 * join) without bound: its free text, reports, requests and sitreps are capped, and so are the free
 * text of all seats together and the log.
 *
 * The controller (white cell) runs the exercise and is not held to the seat quotas; over the log
 * quota only its commands are taken, so that it can still end the exercise. Each refusal is coded
 * (RATE_LIMITED or QUOTA_EXCEEDED), carries the quota in `detail` for the client to say in the
 * seat's language, and is counted by the host (`ramparts_quota_refusals_total{quota}`).
 */
import type { Command } from '../../engine/index.ts';
import { ERROR_CODES, QUOTAS, type ErrorReply, type Quota } from '../../protocol/index.ts';
import type { QuotaLimits } from '../config.ts';
import type { Metrics } from '../ops/metrics.ts';
import { TokenBucket } from '../ops/token-bucket.ts';
import { seatOfActor, usageOf, type Ledger } from './ledger.ts';

const MIB = 1024 * 1024;
const size = (bytes: number) => (bytes >= MIB ? `${(bytes / MIB).toFixed(bytes % MIB === 0 ? 0 : 1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);

/** The English sentence of each quota (the client says it in the seat's language from `detail`). */
function sentence(quota: Quota, limit: number): string {
  switch (quota) {
    case QUOTAS.COMMAND_RATE:
      return `your seat sends more than ${limit} commands per second (over all its windows); wait a moment and send again`;
    case QUOTAS.TEXT_BYTES:
      return `your seat has used its ${size(limit)} of free text for this exercise (reports, sitreps, answers, requests); this command was not applied`;
    case QUOTAS.REPORTS:
      return `your team has shared its ${limit} intelligence reports for this exercise; this one was not shared`;
    case QUOTAS.REQUESTS:
      return `your team has sent its ${limit} requests for assistance for this exercise; this one was not sent`;
    case QUOTAS.SITREPS:
      return `your team has filed its ${limit} situation reports for this exercise; this one was not filed`;
    case QUOTAS.EXERCISE_TEXT_BYTES:
      return `the exercise holds its ${size(limit)} of free text; ask the controller (this command was not applied)`;
    case QUOTAS.LOG_BYTES:
      return `the exercise log has reached its ${size(limit)}; only the controller's commands are taken now`;
  }
}

/** The refusal for `quota`. */
export function quotaRefusal(quota: Quota, limit: number, used: number): ErrorReply {
  return {
    ok: false,
    code: quota === QUOTAS.COMMAND_RATE ? ERROR_CODES.RATE_LIMITED : ERROR_CODES.QUOTA_EXCEEDED,
    message: sentence(quota, limit),
    detail: { quota, limit, used },
  };
}

/** Counts a quota refusal in `ramparts_quota_refusals_total{quota}` (other refusals carry no quota). */
export function countQuotaRefusal(metrics: Pick<Metrics, 'quotaRefusals'>, reply: ErrorReply): void {
  if (reply.detail) metrics.quotaRefusals.inc({ quota: reply.detail.quota });
}

/**
 * Whether the ledger has room for `command`: the refusal of the first quota it would exceed, or
 * undefined. Checked in the batch, on the ledger as it is after the commands before it.
 */
export function checkQuotas(ledger: Ledger, limits: QuotaLimits, command: Command): ErrorReply | undefined {
  const seat = seatOfActor(command.actor);
  if (seat === undefined || command.actor.role === 'white') return undefined;
  if (ledger.logBytes >= limits.logBytesPerExercise) return quotaRefusal(QUOTAS.LOG_BYTES, limits.logBytesPerExercise, ledger.logBytes);
  const add = usageOf(command);
  const used = ledger.usage(seat);
  if (add.textBytes > 0) {
    if (used.textBytes + add.textBytes > limits.textBytesPerSeat) return quotaRefusal(QUOTAS.TEXT_BYTES, limits.textBytesPerSeat, used.textBytes);
    if (ledger.textBytes + add.textBytes > limits.textBytesPerExercise) {
      return quotaRefusal(QUOTAS.EXERCISE_TEXT_BYTES, limits.textBytesPerExercise, ledger.textBytes);
    }
  }
  if (add.reports > 0 && used.reports >= limits.reportsPerTeam) return quotaRefusal(QUOTAS.REPORTS, limits.reportsPerTeam, used.reports);
  if (add.requests > 0 && used.requests >= limits.requestsPerTeam) return quotaRefusal(QUOTAS.REQUESTS, limits.requestsPerTeam, used.requests);
  if (add.sitreps > 0 && used.sitreps >= limits.sitrepsPerTeam) return quotaRefusal(QUOTAS.SITREPS, limits.sitrepsPerTeam, used.sitreps);
  return undefined;
}

/** Commands per second per seat, over every socket of the seat (and every process: the host sees all). */
export class SeatRates {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limits: Pick<QuotaLimits, 'commandsPerSecond' | 'commandBurst'>,
    private readonly now: () => number,
  ) {}

  /** Takes one command of `seat`; its refusal when the seat is over its rate. */
  take(seat: string): ErrorReply | undefined {
    let bucket = this.buckets.get(seat);
    if (!bucket) this.buckets.set(seat, (bucket = new TokenBucket(this.limits.commandsPerSecond, this.limits.commandBurst, this.now)));
    return bucket.take() ? undefined : quotaRefusal(QUOTAS.COMMAND_RATE, this.limits.commandsPerSecond, this.limits.commandsPerSecond);
  }
}
