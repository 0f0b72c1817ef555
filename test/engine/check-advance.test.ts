/**
 * The system's clock advance is checked by hand (sim/check.ts isSystemAdvance) instead of by the
 * schema: it must accept exactly what the schema accepts and give the same command.
 */
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../engine/index.ts';
import { MAX_SIM_TIME } from '../../engine/constants.ts';

const SYSTEM = { role: 'system' };

describe('the system advance fast path', () => {
  it('accepts a well-formed advance from the system as the schema does, as a new command object', () => {
    for (const to of [0, 1, 3_600_000, MAX_SIM_TIME]) {
      const body = { type: 'advance', to };
      const r = checkCommand(SYSTEM, body);
      expect(r).toEqual({ ok: true, command: { type: 'advance', to, actor: { role: 'system' } } });
      if (r.ok) expect(r.command).not.toBe(body);
    }
    // the same advance from the white cell goes through the schema and reads the same
    expect(checkCommand({ role: 'white' }, { type: 'advance', to: 5 })).toEqual({ ok: true, command: { type: 'advance', to: 5, actor: { role: 'white' } } });
  });

  it('leaves anything slightly off to the schema, which refuses it with its message', () => {
    const bad: [unknown, unknown][] = [
      [SYSTEM, { type: 'advance', to: -1 }],
      [SYSTEM, { type: 'advance', to: 1.5 }],
      [SYSTEM, { type: 'advance', to: MAX_SIM_TIME + 1 }],
      [SYSTEM, { type: 'advance', to: '5' }],
      [SYSTEM, { type: 'advance', to: Number.NaN }],
      [SYSTEM, { type: 'advance', to: 5, extra: 1 }],
      [SYSTEM, { type: 'advance' }],
      [
        { role: 'system', team: 'kw' },
        { type: 'advance', to: 5 },
      ],
      // inherited enumerable members count for the hand check; the schema refuses these too
      [
        { role: 'system', __proto__: { x: 1 } },
        { type: 'advance', to: 5, __proto__: { y: 1 } },
      ],
    ];
    for (const [actor, body] of bad) {
      const r = checkCommand(actor, body);
      expect(r.ok, JSON.stringify([actor, body])).toBe(false);
      if (!r.ok) expect(r.code).toBe('BAD_COMMAND');
    }
  });
});
