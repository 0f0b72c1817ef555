import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../server/authority/command-check.ts';
import { findByToken, hashToken, newExerciseId, newToken } from '../../server/auth/tokens.ts';
import { ExerciseId, SeatToken } from '../../protocol/index.ts';

describe('command check against the seat', () => {
  it('binds the actor to the seat, whatever the body says', () => {
    const checked = checkCommand({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'all quiet', severity: 'low' });
    expect(checked).toEqual({ ok: true, command: { type: 'sitrep', text: 'all quiet', severity: 'low', actor: { role: 'blue', team: 'kw' } } });
    const spoof = checkCommand({ role: 'blue', team: 'kw' }, { type: 'sitrep', text: 'x', severity: 'low', actor: { role: 'white' } });
    expect(spoof).toMatchObject({ ok: false, code: 'BAD_MESSAGE' });
  });

  it('lets only the controller run the clock', () => {
    for (const type of ['start', 'pause', 'resume', 'end', 'jump-to-next-inject']) {
      expect(checkCommand({ role: 'blue', team: 'kw' }, { type })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(checkCommand({ role: 'red' }, { type })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(checkCommand({ role: 'evaluator' }, { type })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(checkCommand({ role: 'white' }, { type }).ok).toBe(true);
    }
    expect(checkCommand({ role: 'blue', team: 'kw' }, { type: 'speed', speed: 10 })).toMatchObject({ code: 'FORBIDDEN' });
    expect(checkCommand({ role: 'blue', team: 'kw' }, { type: 'advance', to: 1000 })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps blue commands for blue teams and red commands for the red cell', () => {
    expect(checkCommand({ role: 'white' }, { type: 'sitrep', text: 'x', severity: 'low' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(checkCommand({ role: 'blue', team: 'kw' }, { type: 'red-launch', step: 'phish' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(checkCommand({ role: 'red' }, { type: 'red-launch', step: 'phish' }).ok).toBe(true);
  });

  it('answers malformed bodies with BAD_MESSAGE and a message saying what is wrong', () => {
    expect(checkCommand({ role: 'white' }, null)).toMatchObject({ code: 'BAD_MESSAGE' });
    expect(checkCommand({ role: 'white' }, [1, 2])).toMatchObject({ code: 'BAD_MESSAGE' });
    expect(checkCommand({ role: 'white' }, { type: 'launch-missiles' })).toMatchObject({ code: 'BAD_MESSAGE', message: expect.stringContaining('unknown command type') });
    expect(checkCommand({ role: 'white' }, { type: 'speed', speed: 5000 })).toMatchObject({ code: 'BAD_MESSAGE', message: expect.stringContaining('speed') });
    expect(checkCommand({ role: 'white' }, { type: 'speed', speed: 2, extra: true })).toMatchObject({ code: 'BAD_MESSAGE' });
  });
});

describe('seat tokens', () => {
  it('are 256-bit base64url strings, distinct, stored as SHA-256 hex', () => {
    const tokens = new Set(Array.from({ length: 200 }, newToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(SeatToken.safeParse(token).success).toBe(true);
    const token = [...tokens][0]!;
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
    expect(ExerciseId.safeParse(newExerciseId()).success).toBe(true);
  });

  it('find the seat whose hash matches, and nothing for any other token', () => {
    const a = newToken();
    const b = newToken();
    const seats = [
      { seat: 'controller', tokenHash: hashToken(a) },
      { seat: 'blue:kw', tokenHash: hashToken(b) },
    ];
    expect(findByToken(seats, b)?.seat).toBe('blue:kw');
    expect(findByToken(seats, a)?.seat).toBe('controller');
    expect(findByToken(seats, newToken())).toBeUndefined();
    expect(findByToken(seats, hashToken(a))).toBeUndefined();
    expect(findByToken([{ seat: 'x', tokenHash: 'not-hex' }], a)).toBeUndefined();
  });
});
