/** `ramparts serve` refuses scale-out options that cannot work, before starting anything. */
import { describe, expect, it } from 'vitest';
import { ramparts } from './ramparts.ts';

describe('ramparts serve scale-out options', () => {
  it('needs --postgres for --redis and --postgres-schema, and a sane --lease-ms', async () => {
    const redis = await ramparts('serve', '--port', '0', '--redis', 'redis://127.0.0.1:6379');
    expect(redis.code).toBe(2);
    expect(redis.err).toMatch(/--redis needs --postgres/);
    const schema = await ramparts('serve', '--port', '0', '--postgres-schema', 'x');
    expect(schema.code).toBe(2);
    expect(schema.err).toMatch(/--postgres-schema needs --postgres/);
    const lease = await ramparts('serve', '--lease-ms', '5');
    expect(lease.code).toBe(2);
    expect(lease.err).toMatch(/--lease-ms must be an integer of at least 300/);
  });

  it('lists the scale-out options in its help', async () => {
    const help = await ramparts('serve', '--help');
    expect(help.code).toBe(0);
    for (const option of ['--postgres URL', '--postgres-schema S', '--redis URL', '--lease-ms MS']) expect(help.out).toContain(option);
  });
});
