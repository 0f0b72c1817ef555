/**
 * Every refusal at the server's boundary (a refused handshake, socket message, command or HTTP
 * request) goes through here: it is counted in `ramparts_rejected_total{code}` and logged as one
 * structured line naming who tried (exercise, seat, role, team, or the client address when no seat
 * is known), what and the code. A flood cannot flood the log: each key (channel, code, and the seat or
 * address) writes at most `linesPerWindow` lines per window; the rest are counted
 * (`ramparts_refusals_unlogged_total`) and written as one summary line with their number when the
 * window ends, on `flush()`, or when the server closes. So the lines and summaries together always
 * account for every refusal.
 */
import { ERROR_CODES, type ErrorCode } from '../../protocol/index.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

export type RefusalChannel = 'handshake' | 'transport' | 'socket' | 'command' | 'http';

export interface Refusal {
  channel: RefusalChannel;
  code: ErrorCode;
  /** The event, command type or `METHOD path` refused (hostile text: cut to 200 characters). */
  what?: string;
  message?: string;
  exerciseId?: string;
  seat?: string;
  role?: string;
  team?: string;
  /** The client address, when no seat is known (handshakes, HTTP). */
  address?: string;
}

export interface RefusalLog {
  refuse(refusal: Refusal): void;
  /** Writes the summary line of every key with refusals not yet logged. */
  flush(): void;
  /** Flushes and stops the window timer. */
  close(): void;
}

/**
 * Codes that are ordinary outcomes of a legitimate seat (a controller pausing twice, an upload with
 * mistakes): logged at `info`. Everything else says someone tried what they may not: `warn`.
 * INTERNAL and UNAVAILABLE are the server's own failures, logged as errors where they happen; they
 * are counted here but not logged twice.
 */
const ORDINARY = new Set<ErrorCode>([
  ERROR_CODES.WRONG_PHASE,
  ERROR_CODES.TIME_BACKWARDS,
  ERROR_CODES.CONFLICT,
  ERROR_CODES.BAD_COMMAND,
  ERROR_CODES.INVALID_SCENARIO,
  ERROR_CODES.BAD_MODE,
  ERROR_CODES.PROTOCOL_VERSION,
]);
const FAILURES = new Set<ErrorCode>([ERROR_CODES.INTERNAL, ERROR_CODES.UNAVAILABLE]);

interface Window {
  started: number;
  lines: number;
  unlogged: number;
  /** The fields of the last refusal not logged, for the summary line. */
  last?: Refusal;
}

const cut = (text: string | undefined, n = 200) => (text === undefined ? undefined : text.length > n ? `${text.slice(0, n)}...` : text);

function fieldsOf(r: Refusal): Record<string, unknown> {
  const fields: Record<string, unknown> = { channel: r.channel, code: r.code };
  for (const key of ['exerciseId', 'seat', 'role', 'team', 'address'] as const) if (r[key] !== undefined) fields[key] = cut(r[key], 100);
  if (r.what !== undefined) fields.what = cut(r.what);
  if (r.message !== undefined) fields.reason = cut(r.message);
  return fields;
}

export function createRefusalLog(options: {
  logger: Logger;
  metrics: Metrics;
  /** Length of a log window per key (default 10 s). */
  windowMs?: number;
  /** Lines per key per window before the rest are summarised (default 10). */
  linesPerWindow?: number;
  now?: () => number;
}): RefusalLog {
  const { logger, metrics } = options;
  const windowMs = options.windowMs ?? 10_000;
  const linesPerWindow = options.linesPerWindow ?? 10;
  const now = options.now ?? (() => performance.now());
  const windows = new Map<string, Window>();

  const summarise = (w: Window) => {
    if (w.unlogged === 0 || !w.last) return;
    const { what: _what, message: _message, ...who } = w.last;
    logger.warn('refusals not logged one by one', { ...fieldsOf(who), count: w.unlogged, windowMs });
    w.unlogged = 0;
    delete w.last;
  };

  const flush = () => {
    const t = now();
    for (const [key, w] of windows) {
      summarise(w);
      if (t - w.started >= windowMs) windows.delete(key);
    }
  };
  const timer = setInterval(flush, windowMs);
  timer.unref();

  return {
    refuse(r) {
      metrics.rejected.inc({ code: r.code });
      if (FAILURES.has(r.code)) return;
      const key = [r.channel, r.code, r.exerciseId ?? '', r.seat ?? '', r.exerciseId ? '' : (r.address ?? '')].join('|');
      const t = now();
      let w = windows.get(key);
      if (w && t - w.started >= windowMs) {
        summarise(w);
        w = undefined;
      }
      if (!w) {
        if (windows.size >= 10_000) {
          flush();
          // Still full (refusals from very many addresses at once): summarise everything and start over.
          if (windows.size >= 10_000) {
            for (const old of windows.values()) summarise(old);
            windows.clear();
          }
        }
        w = { started: t, lines: 0, unlogged: 0 };
        windows.set(key, w);
      }
      if (w.lines < linesPerWindow) {
        w.lines++;
        (ORDINARY.has(r.code) ? logger.info : logger.warn)('refused', fieldsOf(r));
      } else {
        w.unlogged++;
        w.last = r;
        metrics.refusalsUnlogged.inc({ code: r.code });
      }
    },
    flush,
    close() {
      clearInterval(timer);
      flush();
    },
  };
}
