/**
 * The engine's own date arithmetic (it may not construct Dates) against the platform's Date, and the
 * UUIDv5 ids against RFC 9562's published example.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exerciseClock, isoDate, isoTimestamp, parseIsoDateTime, stixId, uuidV5 } from '../../../interchange/index.ts';

describe('timestamps', () => {
  it('formats any instant exactly as Date.toISOString does (seeded property test)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000_000, max: 8_000_000_000_000 }), (ms) => {
        expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
        expect(isoDate(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
      { seed: 20261119, numRuns: 2000 },
    );
  });

  it('parses ISO date-times with offsets exactly as Date.parse does (seeded property test)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('Z', '+03:00', '-05:30', '+14:00', '-12:00', '+05:45'),
        (y, mo, d, h, mi, s, ms, off) => {
          const text = `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}.${String(ms).padStart(3, '0')}${off}`;
          expect(parseIsoDateTime(text)).toBe(Date.parse(text));
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
    expect(parseIsoDateTime('2026-11-19T08:00:00+03:00')).toBe(Date.parse('2026-11-19T05:00:00Z'));
    expect(parseIsoDateTime('2026-11-19T08:00+0300')).toBe(Date.parse('2026-11-19T05:00:00Z'));
    expect(parseIsoDateTime('19 Nov 2026')).toBeNull();
  });

  it("maps simulated time onto the scenario's start date", () => {
    const c = exerciseClock('2026-11-19T08:00:00+03:00');
    expect(c.iso(0)).toBe('2026-11-19T05:00:00.000Z');
    expect(c.iso(90 * 60_000 + 250)).toBe('2026-11-19T06:30:00.250Z');
    expect(c.iso(86_400_000)).toBe('2026-11-20T05:00:00.000Z');
  });
});

describe('deterministic ids', () => {
  it('computes RFC 9562 UUIDv5 (the RFC example: www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('gives STIX ids that are stable per input and distinct across inputs', () => {
    const a = stixId('indicator', 'exercise-1', '198.51.100.23');
    expect(a).toMatch(/^indicator--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stixId('indicator', 'exercise-1', '198.51.100.23')).toBe(a);
    expect(stixId('indicator', 'exercise-2', '198.51.100.23')).not.toBe(a);
    expect(stixId('indicator', 'exercise-1', '198.51.100.24')).not.toBe(a);
  });
});
