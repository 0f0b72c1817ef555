/** Hit testing on a map layout, in world coordinates (the canvas undoes its zoom transform first). */
import { CELL, type MapLayout } from './layout.ts';

/** The node under a point, or null: the nearest node centre within half a cell. */
export function nodeAt(layout: MapLayout, x: number, y: number): string | null {
  for (const box of layout.segments) {
    if (x < box.x || x > box.x + box.w || y < box.y || y > box.y + box.h) continue;
    let best: string | null = null;
    let bestD = (CELL / 2) ** 2;
    for (const id of box.nodeIds) {
      const i = layout.index.get(id) as number;
      const d = ((layout.x[i] as number) - x) ** 2 + ((layout.y[i] as number) - y) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = id;
      }
    }
    return best;
  }
  return null;
}

/** The segment box under a point, or null. */
export function segmentAt(layout: MapLayout, x: number, y: number): string | null {
  for (const box of layout.segments) {
    if (x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h) return box.id;
  }
  return null;
}
