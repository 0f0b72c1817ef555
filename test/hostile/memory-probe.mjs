// Memory probe for the hostile soak tests, loaded into a server child with
// `node --expose-gc --import test/hostile/memory-probe.mjs`: every second it collects garbage (when
// gc is exposed) and appends one JSON line { t, rss, heapUsed, heapTotal, external, arrayBuffers, gc }
// to the file named by RAMPARTS_MEMORY_PROBE, so heapUsed is the live heap, not garbage not yet collected.
import { appendFileSync } from 'node:fs';

const out = process.env.RAMPARTS_MEMORY_PROBE;
if (out) {
  const started = performance.now();
  const sample = () => {
    const collected = typeof globalThis.gc === 'function';
    if (collected) globalThis.gc();
    const m = process.memoryUsage();
    appendFileSync(
      out,
      `${JSON.stringify({
        t: Math.round(performance.now() - started),
        rss: m.rss,
        heapUsed: m.heapUsed,
        heapTotal: m.heapTotal,
        external: m.external,
        arrayBuffers: m.arrayBuffers,
        gc: collected,
      })}\n`,
    );
  };
  sample();
  setInterval(sample, 1000).unref();
}
