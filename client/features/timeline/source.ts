/**
 * Where a timeline's views come from. Two sources: the frames this console recorded while it
 * watched live (every view it received, sharing unchanged parts, so thousands of frames cost little),
 * and an engine replay of a log file (client/features/replay), which rebuilds the view at any time.
 */
import type { EvaluatorView, WhiteView } from '../../../engine/types.ts';
import type { SeatEvent } from '../../../protocol/index.ts';

export type TruthView = WhiteView | EvaluatorView;

export interface TimelineSource {
  start: number;
  end: number;
  /** The view at simulated time t (null before anything was recorded). */
  viewAt(t: number): TruthView | null;
  /** The view at the end: swimlanes and scores are drawn from it. */
  final: TruthView | null;
  events: readonly SeatEvent[];
}

export interface Frame {
  t: number;
  seq: number;
  view: TruthView;
}

/** Most frames kept; beyond it every other old frame is dropped (the recent past stays exact). */
export const FRAME_LIMIT = 20_000;

/**
 * Adds a frame for a new view, replacing the last one when the time did not move (several
 * revisions at one instant: the last one is the state at that instant).
 */
export function addFrame(frames: readonly Frame[], frame: Frame, limit = FRAME_LIMIT): Frame[] {
  const last = frames[frames.length - 1];
  if (last && last.view === frame.view) return frames as Frame[];
  if (last && frame.t < last.t) return frames as Frame[]; // never expected: time does not go back
  const next = last && last.t === frame.t ? [...frames.slice(0, -1), frame] : [...frames, frame];
  if (next.length <= limit) return next;
  const half = Math.floor(next.length / 2);
  return [...next.slice(0, half).filter((_, i) => i % 2 === 0), ...next.slice(half)];
}

/** The last frame at or before t (binary search), or the first frame when t is before it. */
export function frameAt(frames: readonly Frame[], t: number): Frame | null {
  if (frames.length === 0) return null;
  let lo = 0;
  let hi = frames.length - 1;
  if (t < (frames[0] as Frame).t) return frames[0] as Frame;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((frames[mid] as Frame).t <= t) lo = mid;
    else hi = mid - 1;
  }
  return frames[lo] as Frame;
}

export function recordingSource(frames: readonly Frame[], events: readonly SeatEvent[]): TimelineSource {
  const first = frames[0];
  const last = frames[frames.length - 1];
  return {
    start: first ? Math.min(first.t, 0) : 0,
    end: last ? last.t : 0,
    viewAt: (t) => frameAt(frames, t)?.view ?? null,
    final: last?.view ?? null,
    events,
  };
}
