import { describe, expect, it } from 'vitest';
import { KeyedBuckets, TokenBucket } from '../../server/ops/token-bucket.ts';
import { RealtimeDriver } from '../../server/authority/realtime-driver.ts';
import { isAllowedOrigin } from '../../server/ops/origin.ts';

describe('token bucket', () => {
  it('allows a burst, then the refill rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100; // one token back at 10/s
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000; // never more than the burst
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it('keeps one bucket per key', () => {
    const now = 0;
    const buckets = new KeyedBuckets(1, 1, () => now);
    expect(buckets.take('a')).toBe(true);
    expect(buckets.take('a')).toBe(false);
    expect(buckets.take('b')).toBe(true);
  });
});

describe('real-time driver', () => {
  it('maps wall time times speed onto simulated time, from where the clock started', () => {
    let wall = 1000;
    const driver = new RealtimeDriver({ tickMs: 60_000, now: () => wall, onTick: () => undefined });
    try {
      expect(driver.target(0)).toBeUndefined();
      driver.reconcile({ now: 5000, phase: 'running', speed: 60 }, undefined);
      wall += 1500;
      expect(driver.target(5000)).toBe(5000 + 90_000);
      // A speed change re-anchors at the engine's time: no jump backwards or forwards.
      driver.reconcile({ now: 95_000, phase: 'running', speed: 1 }, undefined);
      wall += 2000;
      expect(driver.target(95_000)).toBe(97_000);
      // Never behind the engine (a controller jumped ahead): re-anchors there.
      driver.reconcile({ now: 500_000, phase: 'running', speed: 1 }, undefined);
      expect(driver.target(500_000)).toBe(500_000);
      wall += 10;
      expect(driver.target(500_000)).toBe(500_010);
      driver.reconcile({ now: 500_010, phase: 'paused', speed: 1 }, undefined);
      expect(driver.running).toBe(false);
      expect(driver.target(500_010)).toBeUndefined();
    } finally {
      driver.stop();
    }
  });
});

describe('origin check', () => {
  it('accepts the same origin and non-browser clients, refuses other sites', () => {
    expect(isAllowedOrigin(undefined, 'ex.org:8080', [])).toBe(true);
    expect(isAllowedOrigin('http://ex.org:8080', 'ex.org:8080', [])).toBe(true);
    expect(isAllowedOrigin('https://evil.example', 'ex.org:8080', [])).toBe(false);
    expect(isAllowedOrigin('http://ex.org:9090', 'ex.org:8080', [])).toBe(false);
    expect(isAllowedOrigin('null', 'ex.org:8080', [])).toBe(false);
    expect(isAllowedOrigin('https://partner.example', 'ex.org:8080', ['https://partner.example'])).toBe(true);
  });
});
