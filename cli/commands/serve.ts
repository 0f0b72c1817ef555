/**
 * `ramparts serve`: the exercise server and the web client on one port, with the embedded store.
 * Runs until SIGINT or SIGTERM, then finishes queued commands and closes the store.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type CliCommand, UsageError } from '../io.ts';
import { packagePath } from '../package-root.ts';
import type { OidcConfig } from '../../server/auth/auth-config.ts';
import type { ServerConfig } from '../../server/config.ts';
import type { LogLevel } from '../../server/ops/logger.ts';
import { AUTH_HELP, emptyAuthArgs, oidcConfigOf, parseAuthFlag, type AuthArgs } from './serve-auth.ts';

const HELP = `Usage: ramparts serve [--port P] [--host H] [--data DIR] [--scenarios DIR] [--log-level LEVEL] [--snapshot-every N]
                      [--quota NAME=N]...

Serves the web client and the exercise API (REST + Socket.IO) on one port, with the embedded
file store. Stored exercises are recovered at start; real-time ones come back paused.

Options:
  --port P          port to listen on (default 8080; 0 picks a free port)
  --host H          address to bind (default 0.0.0.0)
  --data DIR        data directory of the store (default ./data)
  --scenarios DIR   scenarios offered in the lobby (default: the ones bundled with ramparts)
  --log-level L     debug, info, warn or error (default info)
  --snapshot-every N  write a snapshot every N commands of an exercise (default 500)
  --postgres URL    keep exercises in PostgreSQL instead of --data (migrations run at start)
  --postgres-schema S  the schema for the tables (default: the connection's search_path)
  --redis URL       scale-out: several processes share --postgres and this Redis (Socket.IO
                    Redis Streams adapter, one owning process per exercise; see docs/SCALE-OUT.md)
  --lease-ms MS     how long an exercise lease lasts: a dead owner's exercises move after this (default 10000)
  --allowed-host NAME  a host name browsers reach the server by (repeatable). IP addresses and
                    localhost always work; any other name in the Host header is refused (a guard
                    against DNS rebinding), so a server reached as https://exercise.example/ needs
                    --allowed-host exercise.example
  --quota NAME=N    set one of the per-seat, per-team and per-exercise quotas of every exercise on
                    this server (repeatable): commandsPerSecond (10), commandBurst (40),
                    textBytesPerSeat, reportsPerTeam (500), requestsPerTeam (200), sitrepsPerTeam
                    (500), textBytesPerExercise, logBytesPerExercise. Whoever starts the server sets
                    them (no seat can); raise them for a load test, which must measure the server,
                    not the quotas (npm run bench -- server does)
  --metrics-token-file FILE  the token a Prometheus scrape sends to read /metrics (first line of
                    FILE; or RAMPARTS_METRICS_TOKEN). It opens /metrics and nothing else. Without
                    it only the operator token and signed-in administrators read /metrics

Operators sign in with accounts (administrator, planner, controller, evaluator). When no account
exists, the start prints a one-time link that creates the first administrator; more accounts come
from "ramparts users add". Scripts may use the operator token instead of an account (over the API,
"Authorization: Bearer <token>"; it acts as an administrator). It is taken from RAMPARTS_OPERATOR_TOKEN (16 to 128
letters, digits, "_" or "-"; every process of a scale-out needs the same one), else from the file
operator-token in --data. When neither exists the first start makes one, stores it there (readable
by your user only) and prints it once. On a single machine: start, copy the printed token into the
lobby (or read it later with: cat DATA/operator-token).

${AUTH_HELP}

Prints "Ramparts listening on URL" when ready; logs are JSON lines on stdout.`;

interface ServeArgs {
  port: number;
  host: string;
  data: string;
  scenarios: string;
  logLevel: LogLevel;
  snapshotEvery: number;
  postgres?: string;
  postgresSchema?: string;
  redis?: string;
  leaseMs?: number;
  allowedHosts: string[];
  metricsTokenFile?: string;
  /** --quota NAME=N, checked against the quota names once the server's settings are loaded. */
  quotas: [string, number][];
  auth: AuthArgs;
}

function parseArgs(args: string[]): ServeArgs {
  const out: ServeArgs = { port: 8080, host: '0.0.0.0', data: 'data', scenarios: packagePath('scenarios'), logLevel: 'info', snapshotEvery: 500, allowedHosts: [], quotas: [], auth: emptyAuthArgs() };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    const need = () => {
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return value;
    };
    switch (flag) {
      case '--port': {
        const port = Number(need());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, not "${value}"`);
        out.port = port;
        break;
      }
      case '--host':
        out.host = need();
        break;
      case '--data':
        out.data = need();
        break;
      case '--scenarios':
        out.scenarios = need();
        break;
      case '--log-level': {
        const level = need();
        if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new UsageError(`--log-level must be debug, info, warn or error, not "${level}"`);
        out.logLevel = level as LogLevel;
        break;
      }
      case '--snapshot-every': {
        const every = Number(need());
        if (!Number.isInteger(every) || every < 1) throw new UsageError(`--snapshot-every must be a positive integer, not "${value}"`);
        out.snapshotEvery = every;
        break;
      }
      case '--postgres':
        out.postgres = need();
        break;
      case '--allowed-host': {
        const name = need();
        if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$/.test(name)) throw new UsageError(`--allowed-host takes a host name (letters, digits, "." and "-"), not "${name}"`);
        out.allowedHosts.push(name);
        break;
      }
      case '--quota': {
        const m = /^([A-Za-z]+)=(\d{1,15})$/.exec(need());
        const n = m ? Number(m[2]) : 0;
        if (!m || n < 1) throw new UsageError(`--quota takes NAME=N with N a positive integer, such as commandsPerSecond=1000, not "${value}"`);
        out.quotas.push([m[1] as string, n]);
        break;
      }
      case '--postgres-schema':
        out.postgresSchema = need();
        break;
      case '--metrics-token-file':
        out.metricsTokenFile = need();
        break;
      case '--redis':
        out.redis = need();
        break;
      case '--lease-ms': {
        const ms = Number(need());
        if (!Number.isInteger(ms) || ms < 300) throw new UsageError(`--lease-ms must be an integer of at least 300, not "${value}"`);
        out.leaseMs = ms;
        break;
      }
      default:
        if (flag === undefined || !parseAuthFlag(flag, need, out.auth)) throw new UsageError(`unknown option "${flag}"`);
    }
  }
  return out;
}

/** The first line of the --metrics-token-file (a file, not a flag's value, so that ps does not show it). */
async function readMetricsToken(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    throw new UsageError(`--metrics-token-file: cannot read ${file} (${(error as Error).message})`);
  }
  const token = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) throw new UsageError(`--metrics-token-file: the first line of ${file} must be a token of 16 to 128 letters, digits, "_" or "-"`);
  return token;
}

/** The configuration with the sign-in options given. */
function withAuth(config: ServerConfig, oidc: OidcConfig | undefined, secureCookies: boolean): ServerConfig {
  return { ...config, auth: { ...config.auth, secureCookies, ...(oidc ? { oidc } : {}) } };
}

export const command: CliCommand = {
  summary: 'the exercise server and web client',
  help: HELP,
  async run(args, io) {
    const parsed = parseArgs(args);
    const { startServer } = await import('../../server/server.ts');
    const { defaultConfig, DEFAULT_QUOTAS } = await import('../../server/config.ts');
    const quotas = { ...DEFAULT_QUOTAS };
    for (const [name, n] of parsed.quotas) {
      if (!Object.hasOwn(DEFAULT_QUOTAS, name)) throw new UsageError(`--quota: no quota is named "${name}"; the quotas are ${Object.keys(DEFAULT_QUOTAS).join(', ')}`);
      quotas[name as keyof typeof quotas] = n;
    }
    if (parsed.postgresSchema !== undefined && parsed.postgres === undefined) throw new UsageError('--postgres-schema needs --postgres');
    if (parsed.redis !== undefined && parsed.postgres === undefined) throw new UsageError('--redis needs --postgres (the processes share the store)');
    if (parsed.redis !== undefined && !process.env.RAMPARTS_OPERATOR_TOKEN) {
      throw new UsageError('--redis needs RAMPARTS_OPERATOR_TOKEN: every process of a scale-out must accept the same operator token');
    }
    const oidc = oidcConfigOf(parsed.auth);
    const metricsToken = parsed.metricsTokenFile === undefined ? undefined : await readMetricsToken(parsed.metricsTokenFile);
    const store =
      parsed.postgres === undefined
        ? undefined
        : await (await import('../../server/store/postgres/postgres-store.ts')).PostgresStore.open(parsed.postgres, {
            ...(parsed.postgresSchema === undefined ? {} : { schema: parsed.postgresSchema }),
          });
    const library = store === undefined ? undefined : new (await import('../../server/store/postgres/postgres-library.ts')).PostgresLibrary(store);
    const server = await startServer(
      withAuth(
        defaultConfig({
          port: parsed.port,
          host: parsed.host,
          dataDir: resolve(parsed.data),
          scenariosDir: resolve(parsed.scenarios),
          logLevel: parsed.logLevel,
          // The web client built into the package (npm run build), wherever the command is run from.
          distDir: packagePath('dist'),
          allowedHosts: parsed.allowedHosts,
          ...(metricsToken === undefined ? {} : { metricsToken }),
          store: { snapshotEvery: parsed.snapshotEvery },
          quotas,
        }),
        oidc,
        parsed.auth.secureCookies,
      ),
      {
        ...(store ? { store } : {}),
        ...(library ? { library } : {}),
        ...(store && parsed.redis !== undefined
          ? {
              cluster: { redisUrl: parsed.redis, store, streamName: `ramparts:${parsed.postgresSchema ?? 'public'}`, ...(parsed.leaseMs ? { leaseMs: parsed.leaseMs } : {}) },
            }
          : {}),
      },
    );
    // Printed here, never logged: the token is a credential (logs redact tokens).
    if (server.operator.token) {
      io.out(`Operator token (printed this once; kept in ${resolve(parsed.data, 'operator-token')}): ${server.operator.token}`);
      io.out('Scripts send it as "Authorization: Bearer <token>"; people sign in with accounts.');
    }
    // Printed here, never logged: whoever opens it first becomes the administrator.
    if (server.setupUrl) {
      io.out(`No operator account yet. Create the first administrator at (this link works once):\n  ${server.setupUrl}`);
    }
    io.out(`Ramparts listening on ${server.url}/`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
