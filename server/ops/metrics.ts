/**
 * Prometheus metrics, on a registry of the server's own (not prom-client's global one), so that
 * several servers in one test process do not collide.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  exercises: Gauge;
  seatsConnected: Gauge<'role'>;
  commands: Counter<'type' | 'outcome'>;
  commandLatency: Histogram<'type'>;
  storeAppendLatency: Histogram;
  deltaBytes: Histogram;
  deltasSent: Counter;
  rejected: Counter<'code'>;
  quotaRefusals: Counter<'quota'>;
  refusalsUnlogged: Counter<'code'>;
  httpRequests: Counter<'route' | 'status'>;
  /** Operator sign-ins by outcome (ok, refused, rate-limited, disabled; server/auth/accounts.ts). */
  logins: Counter<'outcome'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'ramparts_' });
  const registers = [registry];
  return {
    registry,
    exercises: new Gauge({ name: 'ramparts_exercises', help: 'Exercises loaded in this server.', registers }),
    seatsConnected: new Gauge({ name: 'ramparts_seats_connected', help: 'Connected sockets by seat role.', labelNames: ['role'], registers }),
    commands: new Counter({ name: 'ramparts_commands_total', help: 'Commands processed, by type and outcome (ok or error code).', labelNames: ['type', 'outcome'], registers }),
    commandLatency: new Histogram({
      name: 'ramparts_command_duration_seconds',
      help: 'From receipt of a command to its acknowledgement (including the fsync).',
      labelNames: ['type'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    storeAppendLatency: new Histogram({
      name: 'ramparts_store_append_seconds',
      help: 'Durable append of a batch of log entries.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    deltaBytes: new Histogram({
      name: 'ramparts_delta_bytes',
      help: 'Size of each delta broadcast to an audience (JSON bytes).',
      buckets: [64, 256, 512, 1024, 4096, 16384, 65536, 262144],
      registers,
    }),
    deltasSent: new Counter({ name: 'ramparts_deltas_total', help: 'Deltas broadcast to audience rooms.', registers }),
    rejected: new Counter({ name: 'ramparts_rejected_total', help: 'Refusals by error code: handshakes, socket messages, commands and HTTP requests.', labelNames: ['code'], registers }),
    quotaRefusals: new Counter({
      name: 'ramparts_quota_refusals_total',
      help: 'Commands refused for a quota of their seat, team or exercise (RATE_LIMITED or QUOTA_EXCEEDED), by quota.',
      labelNames: ['quota'],
      registers,
    }),
    refusalsUnlogged: new Counter({
      name: 'ramparts_refusals_unlogged_total',
      help: 'Refusals written only as part of a summary line (a flood), by error code.',
      labelNames: ['code'],
      registers,
    }),
    httpRequests: new Counter({ name: 'ramparts_http_requests_total', help: 'HTTP requests by route and status.', labelNames: ['route', 'status'], registers }),
    logins: new Counter({ name: 'ramparts_logins_total', help: 'Operator sign-in attempts by outcome (ok, refused, rate-limited, disabled).', labelNames: ['outcome'], registers }),
  };
}
