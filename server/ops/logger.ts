/**
 * Structured logs: one JSON object per line (`time`, `level`, `msg`, then fields), so that any log
 * collector can index them. Small on purpose: the server logs a few lines per exercise lifecycle
 * event and per error, never per message.
 *
 * Every line is redacted before it is written (`redactSecrets`): whatever a client sends lands in
 * some line (a refused URL, an error), and a credential must never reach a log file.
 */
import { systemClock } from './clock.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `fields` to every line. */
  child(fields: Record<string, unknown>): Logger;
}

function errorFields(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/**
 * Credentials as they can appear in a logged text: a query parameter that carries one (`token`,
 * `access_token`, `auth`, `operator`), a bearer header, the token of a join link, and any run of
 * exactly 43 base64url characters (the shape of every seat token and generated operator token).
 */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/([?&;](?:token|access_token|auth|operator)=)[^&#"\s\\]*/gi, '$1[redacted]'],
  [/(bearer\s+)[^"\s\\]+/gi, '$1[redacted]'],
  [/(\/join\/[A-Za-z0-9_-]+\/)[^"\s\\/?#]+/g, '$1[redacted]'],
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, '[redacted]'],
];

/** `text` with every credential it holds replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A JSON-lines logger writing to `write` (stdout by default), dropping levels under `level`. */
export function createLogger(options: { level?: LogLevel; write?: (line: string) => void; base?: Record<string, unknown> } = {}): Logger {
  const min = LEVELS[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const base = options.base ?? {};
  const log =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[level] < min) return;
      const entry: Record<string, unknown> = { time: systemClock.timestamp(), level, msg, ...base };
      for (const [key, value] of Object.entries(fields)) entry[key] = errorFields(value);
      write(`${redactSecrets(JSON.stringify(entry))}\n`);
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createLogger({ ...options, base: { ...base, ...fields } }),
  };
}

/** A logger that drops everything (tests that do not read logs). */
export const silentLogger: Logger = createLogger({ write: () => undefined, level: 'error' });
