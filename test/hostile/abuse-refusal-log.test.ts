/**
 * The refusal log's throttle on its own, with a driven clock (server/ops/refusals.ts): a seat refused
 * a million times (10,000 in the bounded run) interleaved with strangers refused at the handshake.
 * Each key (seat or address, and code) gets ten lines per window, then one summary with the number of
 * the rest; lines and summaries account for every refusal, and every refusal is counted in
 * `ramparts_rejected_total` and, when not logged one by one, in `ramparts_refusals_unlogged_total`.
 * The floods over real sockets and HTTP that this throttle keeps out of the log are in
 * abuse-floods.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../protocol/index.ts';
import { createLogger } from '../../server/ops/logger.ts';
import { createMetrics } from '../../server/ops/metrics.ts';
import { createRefusalLog } from '../../server/ops/refusals.ts';
import { refusalLines, type LogLine } from './abuse-harness.ts';
import { budgetMs, recordFigures, scale } from './budget.ts';

describe('refusal log: a flood is summarised, never lost', () => {
  it('writes ten lines per key and window, then one summary with the number of the rest', { timeout: budgetMs(120_000) }, async () => {
    let now = 0;
    const lines: LogLine[] = [];
    const metrics = createMetrics({ defaultMetrics: false });
    const log = createRefusalLog({ logger: createLogger({ write: (l) => void lines.push(JSON.parse(l) as LogLine) }), metrics, windowMs: 1000, linesPerWindow: 10, now: () => now });
    try {
      const n = scale(10_000, 1_000_000);
      const who = { exerciseId: 'ex1', seat: 'blue:kw', role: 'blue', team: 'kw' };
      for (let i = 0; i < n; i++) {
        log.refuse({ channel: 'socket', code: ERROR_CODES.RATE_LIMITED, what: 'command', ...who });
        // Another seat and a stranger, interleaved: their own keys.
        if (i % 100 === 0) log.refuse({ channel: 'handshake', code: ERROR_CODES.UNAUTHENTICATED, address: `10.0.0.${i % 7}` });
        if (i % 1000 === 999) now += 250; // four windows per 4,000 refusals
      }
      log.close();
      const strangers = Math.ceil(n / 100);
      const { lines: one, summaries, accounted } = refusalLines(lines, ERROR_CODES.RATE_LIMITED);
      expect(accounted).toBe(n);
      expect(one.every((l) => l.seat === 'blue:kw' && l.role === 'blue' && l.team === 'kw' && l.exerciseId === 'ex1')).toBe(true);
      expect(summaries.every((s) => s.seat === 'blue:kw' && (s.count ?? 0) > 0)).toBe(true);
      const windows = Math.ceil(n / 4000) + 1;
      expect(one.length).toBeLessThanOrEqual(windows * 10);
      expect(refusalLines(lines, ERROR_CODES.UNAUTHENTICATED).accounted).toBe(strangers);
      const counted = await metrics.rejected.get();
      expect(counted.values.find((v) => v.labels.code === ERROR_CODES.RATE_LIMITED)?.value).toBe(n);
      const unlogged = await metrics.refusalsUnlogged.get();
      expect(unlogged.values.find((v) => v.labels.code === ERROR_CODES.RATE_LIMITED)?.value).toBe(n - one.length);
      recordFigures('abuse', 'refusal log throttle (driven clock)', {
        attempts: n + strangers,
        refused: n + strangers,
        counted: n + strangers,
        logged: accounted + strangers,
        logLines: lines.length,
        stateChanged: 0,
      });
    } finally {
      log.close();
    }
  });
});
