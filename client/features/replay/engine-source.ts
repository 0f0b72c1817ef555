/**
 * A timeline from a log file, rebuilt in the browser by the engine itself: the log is parsed and
 * checked (scenario hash, records), folded once with snapshots, and every scrub seeks the nearest
 * snapshot and replays from there. This module is loaded lazily: it pulls the whole engine in.
 */
import { openFork, parseLog, project, type OpenedFork } from '../../../engine/index.ts';
import type { TimelineSource, TruthView } from '../timeline/source.ts';

export type LogSourceResult =
  | { ok: true; source: TimelineSource; title: string; seed: number; startDate: string; fork: OpenedFork }
  | { ok: false; errors: string[] };

/** Parses and replays a log file's text; every problem comes back as a message with its line. */
export function logSource(text: string): LogSourceResult {
  const parsed = parseLog(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `line ${e.line}: ${e.message}`) };
  let made: ReturnType<typeof openFork>;
  try {
    // Opened for branching too (the what-if panel): the seek index and the log's hash.
    made = openFork(parsed.log, { verify: true });
  } catch (error) {
    return { ok: false, errors: [`the scenario in the log does not compile: ${(error as Error).message}`] };
  }
  if (!made.ok) return { ok: false, errors: [made.message] };
  const { replayer } = made.source;
  const cache = new Map<number, TruthView>();
  const viewAt = (t: number): TruthView => {
    const key = Math.max(0, Math.min(replayer.endTime, Math.round(t)));
    let view = cache.get(key);
    if (!view) {
      view = project(replayer.seek(key), { role: 'evaluator' });
      if (cache.size > 200) cache.delete(cache.keys().next().value as number);
      cache.set(key, view);
    }
    return view;
  };
  const final = project(replayer.final(), { role: 'evaluator' });
  const title = typeof parsed.log.header.scenario.meta.title === 'string' ? parsed.log.header.scenario.meta.title : Object.values(parsed.log.header.scenario.meta.title)[0] ?? '';
  return {
    ok: true,
    source: { start: 0, end: replayer.endTime, viewAt, final, events: replayer.events },
    title,
    seed: parsed.log.header.seed,
    startDate: parsed.log.header.scenario.meta.startDate,
    fork: made.source,
  };
}
