/** Server settings, with the defaults `ramparts serve` uses. */
import { resolve } from 'node:path';
import type { AuthConfig } from './auth/auth-config.ts';
import type { LogLevel } from './ops/logger.ts';

export type { AuthConfig, OidcConfig, RateLimit } from './auth/auth-config.ts';

/** Quotas of an exercise, per seat, team and exercise (enforced by server/authority/quotas.ts). */
export interface QuotaLimits {
  /** Commands per second of one seat over all its sockets (token bucket refill), and its burst. */
  commandsPerSecond: number;
  commandBurst: number;
  /** UTF-8 bytes of free text one seat may send over the exercise. */
  textBytesPerSeat: number;
  reportsPerTeam: number;
  requestsPerTeam: number;
  sitrepsPerTeam: number;
  /** UTF-8 bytes of free text of all seats together. */
  textBytesPerExercise: number;
  /** Bytes of the exercise's log (JSON of its entries). */
  logBytesPerExercise: number;
}

export const DEFAULT_QUOTAS: QuotaLimits = {
  commandsPerSecond: 10,
  commandBurst: 40,
  textBytesPerSeat: 2 * 1024 * 1024,
  reportsPerTeam: 500,
  requestsPerTeam: 200,
  sitrepsPerTeam: 500,
  textBytesPerExercise: 16 * 1024 * 1024,
  logBytesPerExercise: 1024 * 1024 * 1024,
};

export interface ServerConfig {
  port: number;
  host: string;
  /** Data directory of the embedded store. */
  dataDir: string;
  /** Bundled scenarios offered in the lobby. */
  scenariosDir: string;
  /** The built web client (Vite output). */
  distDir: string;
  logLevel: LogLevel;
  /** Extra origins allowed for browsers besides the server's own (default: none, same-origin only). */
  allowedOrigins: string[];
  /**
   * Host names the server answers to besides `localhost` and IP address literals (server/ops/host-check.ts:
   * a guard against DNS rebinding). Default: none.
   */
  allowedHosts: string[];
  /**
   * The operator token that creating exercises and uploading scenarios needs (server/auth/operator.ts).
   * Absent: from RAMPARTS_OPERATOR_TOKEN, else the data directory's `operator-token` (made at first start).
   */
  operatorToken?: string;
  /**
   * The token a Prometheus scrape sends to read /metrics (server/http/metrics-route.ts); it opens
   * nothing else. Absent: from RAMPARTS_METRICS_TOKEN, else none (only operators read /metrics).
   */
  metricsToken?: string;
  auth: AuthConfig;
  realtime: {
    /** Longest wall-clock interval between real-time advances. */
    tickMs: number;
  };
  store: {
    /** Snapshot every this many revisions. */
    snapshotEvery: number;
  };
  deltas: {
    /** Deltas kept per audience for reconnecting clients. */
    keep: number;
    /** An audience whose projection and diff take longer than this (ms) is sent at most every `heavyIntervalMs`. */
    heavyCostMs: number;
    heavyIntervalMs: number;
  };
  limits: {
    /** Socket messages per second per socket (token bucket refill) and burst. */
    socketRate: number;
    socketBurst: number;
    /** Sockets one seat may hold open on one server process; more handshakes are refused (RATE_LIMITED). */
    socketsPerSeat: number;
    /** HTTP API requests per second per client address, and burst. */
    httpRate: number;
    httpBurst: number;
    /** Largest JSON body of an API request other than a scenario upload. */
    jsonBodyBytes: number;
    /**
     * Most commands applied together with one fsync. Batches are as long as the queue: this bounds
     * them when it is backed up, where each batch's fixed costs (one write per socket, one projection
     * per audience with steps) are spread over more commands.
     */
    maxBatch: number;
  };
  /** Per seat, team and exercise (server/authority/quotas.ts): command rate, free text, reports, requests, sitreps, log size. */
  quotas: QuotaLimits;
}

export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const root = process.cwd();
  return {
    port: 8080,
    host: '0.0.0.0',
    dataDir: resolve(root, 'data'),
    scenariosDir: resolve(root, 'scenarios'),
    distDir: resolve(root, 'dist'),
    logLevel: 'info',
    allowedOrigins: [],
    allowedHosts: [],
    realtime: { tickMs: 500 },
    store: { snapshotEvery: 500 },
    deltas: { keep: 256, heavyCostMs: 4, heavyIntervalMs: 100 },
    quotas: DEFAULT_QUOTAS,
    auth: {
      sessionHours: 12,
      secureCookies: false,
      // 5 guesses at once on one account name, then one a minute; 20 from one address, then one every 6 s.
      loginRate: { perAccount: { perSecond: 1 / 60, burst: 5 }, perAddress: { perSecond: 1 / 6, burst: 20 } },
    },
    limits: { socketRate: 20, socketBurst: 60, socketsPerSeat: 256, httpRate: 20, httpBurst: 60, jsonBodyBytes: 16 * 1024, maxBatch: 1024 },
    ...overrides,
  };
}
