/**
 * A timeline from a log file, rebuilt in the browser by the engine itself: the log is parsed and
 * checked (scenario hash, records), and its seek index is folded in slices between paints, so the
 * timeline is usable at once and grows to the end of the log (a 100k-event log folds for a second
 * or two); every scrub seeks the nearest snapshot and replays from there. The recorded events are
 * kept as text and checked record by record as the fold reaches them. Once the fold is done, the log
 * is also open for branching (the what-if panel). This module is loaded lazily: it pulls the whole
 * engine in.
 */
import { logHash, openSeekIndex, parseLog, project, type OpenedFork, type SeekIndex } from '../../../engine/index.ts';
import type { RampartsLog } from '../../../engine/types.ts';
import type { TimelineSource, TruthView } from '../timeline/source.ts';

/** Events folded per slice (a few tens of milliseconds). */
export const SLICE_EVENTS = 5000;

export interface LogProgress {
  source: TimelineSource;
  title: string;
  seed: number;
  startDate: string;
  /** Records applied so far, of `total`. */
  applied: number;
  total: number;
  /** Open for branching once the whole log is folded; null until then. */
  fork: OpenedFork | null;
}

export type LogSourceResult = ({ ok: true } & LogProgress) | { ok: false; errors: string[] };

/** An opened log: `next()` folds on for about `budgetMs` and says where it stands. */
export interface OpenedLog {
  next(budgetMs?: number): LogSourceResult;
  readonly done: boolean;
}

function sourceOf(index: SeekIndex, final: boolean): TimelineSource {
  const cache = new Map<number, TruthView>();
  const end = index.clock;
  const viewAt = (t: number): TruthView => {
    const key = Math.max(0, Math.min(end, Math.round(t)));
    let view = cache.get(key);
    if (!view) {
      view = project(index.seek(key), { role: 'evaluator' });
      if (cache.size > 200) cache.delete(cache.keys().next().value as number);
      cache.set(key, view);
    }
    return view;
  };
  // While the fold goes on, the view at its frontier stands for the end (swimlanes, team scores).
  const last = project(index.frontier(), { role: 'evaluator' });
  return { start: 0, end, viewAt, final: last, events: final ? index.events : index.events.slice() };
}

function opened(log: RampartsLog, index: SeekIndex): OpenedLog {
  const header = log.header;
  const title = typeof header.scenario.meta.title === 'string' ? header.scenario.meta.title : (Object.values(header.scenario.meta.title)[0] ?? '');
  let fork: OpenedFork | null = null;
  return {
    get done() {
      return index.done;
    },
    next(budgetMs = 100): LogSourceResult {
      const until = performance.now() + budgetMs;
      while (!index.done && performance.now() < until) index.extend(SLICE_EVENTS);
      if (index.failure) return { ok: false, errors: [index.failure.message] };
      if (index.done && !fork) {
        const made = index.complete();
        if (!made.ok) return { ok: false, errors: [made.message] };
        fork = { log, replayer: made.replayer, hash: logHash(log) };
      }
      return { ok: true, source: sourceOf(index, index.done), title, seed: header.seed, startDate: header.scenario.meta.startDate, applied: index.applied, total: index.total, fork };
    },
  };
}

/** Parses a log file's text and opens its seek index; every problem comes back as a message with its line. */
export function openLog(text: string): { ok: true; log: OpenedLog } | { ok: false; errors: string[] } {
  const parsed = parseLog(text, { events: 'text' });
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `line ${e.line}: ${e.message}`) };
  try {
    return { ok: true, log: opened(parsed.log, openSeekIndex(parsed.log, { verify: true })) };
  } catch (error) {
    return { ok: false, errors: [`the scenario in the log does not compile: ${(error as Error).message}`] };
  }
}

/** The whole log folded at once (tests, and hosts without paints to keep). */
export function logSource(text: string): LogSourceResult {
  const made = openLog(text);
  if (!made.ok) return made;
  let r = made.log.next(Number.POSITIVE_INFINITY);
  while (r.ok && !made.log.done) r = made.log.next(Number.POSITIVE_INFINITY);
  return r;
}
