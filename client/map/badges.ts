/**
 * Alert badges when the map is zoomed out too far for one badge per node: one badge per segment,
 * at its box's top end corner (the right in left-to-right, the left in right-to-left), with the
 * number of its nodes alerting. Pure: the drawing puts them on screen at a readable size.
 */
import type { MapLayout } from './layout.ts';

export interface SegmentBadge {
  segment: string;
  x: number;
  y: number;
  count: number;
}

/** Badges of the segments holding alerting nodes (`alerting`: indexes into the layout's nodes), in layout order. */
export function segmentBadges(layout: MapLayout, alerting: readonly number[], rtl: boolean): SegmentBadge[] {
  if (alerting.length === 0) return [];
  const hit = new Set(alerting.map((i) => layout.nodeIds[i] as string));
  const out: SegmentBadge[] = [];
  for (const s of layout.segments) {
    let count = 0;
    for (const id of s.nodeIds) if (hit.has(id)) count++;
    if (count > 0) out.push({ segment: s.id, x: rtl ? s.x : s.x + s.w, y: s.y, count });
  }
  return out;
}
