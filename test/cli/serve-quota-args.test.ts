/** `ramparts serve --quota NAME=N`: the operator's quota settings are checked before anything starts. */
import { describe, expect, it } from 'vitest';
import { ramparts } from './ramparts.ts';

describe('ramparts serve --quota', () => {
  it('refuses a quota that does not exist or a value that is not a positive integer, naming the quotas', async () => {
    const unknown = await ramparts('serve', '--port', '0', '--quota', 'commandsPerMinute=5');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no quota is named "commandsPerMinute"; the quotas are commandsPerSecond, commandBurst,/);
    for (const bad of ['commandsPerSecond=0', 'commandsPerSecond=-1', 'commandsPerSecond', 'commandsPerSecond=1e9', '__proto__=5']) {
      const r = await ramparts('serve', '--port', '0', '--quota', bad);
      expect(r.code, bad).toBe(2);
      expect(r.err, bad).toMatch(/--quota/);
    }
  });

  it('is in the help, with the load test it is for', async () => {
    const help = await ramparts('serve', '--help');
    expect(help.out).toContain('--quota NAME=N');
    expect(help.out).toMatch(/load test/);
  });
});
