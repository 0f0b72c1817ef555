/**
 * A `ramparts serve` child process in scale-out mode (shared PostgreSQL schema and Redis), for
 * the two-process tests; its URL is read from the "listening on" line it prints.
 */
import { spawnServe, type ChildServer } from './child-server.ts';

export const TEST_REDIS = process.env.RAMPARTS_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export function startClusterChild(pgUrl: string, schema: string, scenariosDir: string, leaseMs = 1500): Promise<ChildServer> {
  return spawnServe(['--scenarios', scenariosDir, '--log-level', 'warn', '--postgres', pgUrl, '--postgres-schema', schema, '--redis', TEST_REDIS, '--lease-ms', String(leaseMs)]);
}
