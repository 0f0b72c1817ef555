/**
 * Pure layout of the network map: nodes in grids inside their segment's box, segment boxes grouped
 * by owning team (zones in a fixed order: internet first, OT last), team groups packed in rows. The
 * layout depends only on the structure (which segments and nodes exist), never on node states, so
 * nodes stay put while an exercise runs. World units are CSS pixels at zoom 1.
 */
import type { ZoneT } from '../../engine/types.ts';
import type { MapModel, MapSegment } from './model.ts';

export const CELL = 26;
export const PAD = 10;
export const SEGMENT_HEADER = 20;
export const GROUP_HEADER = 26;
export const GAP = 14;
const MIN_SEGMENT_WIDTH = 150;
const MAX_COLS = 24;

export const ZONE_ORDER: readonly ZoneT[] = ['internet', 'shared', 'dmz', 'cloud', 'corporate', 'datacenter', 'management', 'ot'];

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface SegmentBox extends Box {
  id: string;
  zone: ZoneT | 'unknown';
  owner: string;
  cols: number;
  nodeIds: string[];
}
export interface TeamGroup extends Box {
  team: string;
  segments: string[];
}

export interface MapLayout {
  width: number;
  height: number;
  groups: TeamGroup[];
  segments: SegmentBox[];
  /** Node ids in drawing order; `x[i]`, `y[i]` is the centre of node `nodeIds[i]`. */
  nodeIds: string[];
  x: Float64Array;
  y: Float64Array;
  index: Map<string, number>;
}

export interface LayoutOptions {
  /** Right-to-left interfaces lay groups and nodes out from the right. */
  rtl?: boolean;
  /** Team ids in the order to show them (others follow in order of appearance). */
  teamOrder?: readonly string[];
}

function zoneRank(zone: string): number {
  const i = ZONE_ORDER.indexOf(zone as ZoneT);
  return i < 0 ? ZONE_ORDER.length : i;
}

/** Places boxes of given sizes in rows no wider than `maxWidth`; returns their offsets and the extent. */
export function shelfPack(sizes: readonly { w: number; h: number }[], maxWidth: number): { at: { x: number; y: number }[]; w: number; h: number } {
  const at: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  let rowH = 0;
  let w = 0;
  for (const size of sizes) {
    if (x > 0 && x + size.w > maxWidth) {
      y += rowH + GAP;
      x = 0;
      rowH = 0;
    }
    at.push({ x, y });
    x += size.w + GAP;
    rowH = Math.max(rowH, size.h);
    w = Math.max(w, x - GAP);
  }
  return { at, w, h: sizes.length === 0 ? 0 : y + rowH };
}

export function layoutNetwork(model: MapModel, options: LayoutOptions = {}): MapLayout {
  // Nodes by segment, in the view's order; nodes of an unknown segment get a box of their own.
  const bySegment = new Map<string, string[]>();
  const segments: MapSegment[] = [...model.segments];
  const known = new Set(segments.map((s) => s.id));
  for (const node of model.nodes) {
    if (!known.has(node.segment)) {
      known.add(node.segment);
      segments.push({ id: node.segment, zone: 'shared', owner: '?' });
    }
    const list = bySegment.get(node.segment);
    if (list) list.push(node.id);
    else bySegment.set(node.segment, [node.id]);
  }

  const teamOrder: string[] = [];
  for (const id of [...(model.ownTeam ? [model.ownTeam] : []), ...(options.teamOrder ?? []), ...segments.map((s) => s.owner)]) {
    if (!teamOrder.includes(id) && segments.some((s) => s.owner === id)) teamOrder.push(id);
  }

  // Segment boxes (sizes first; positions after packing).
  const boxes = new Map<string, SegmentBox>();
  for (const segment of segments) {
    const nodeIds = bySegment.get(segment.id) ?? [];
    const n = nodeIds.length;
    const cols = Math.max(1, Math.min(MAX_COLS, Math.ceil(Math.sqrt(n * 1.8))));
    const rows = Math.max(1, Math.ceil(n / cols));
    boxes.set(segment.id, {
      id: segment.id,
      zone: segment.zone,
      owner: segment.owner,
      cols,
      nodeIds,
      x: 0,
      y: 0,
      w: Math.max(MIN_SEGMENT_WIDTH, 2 * PAD + cols * CELL),
      h: SEGMENT_HEADER + 2 * PAD + rows * CELL,
    });
  }

  // Team groups: their segments by zone, packed in rows.
  const groups: TeamGroup[] = [];
  for (const team of teamOrder) {
    const own = segments
      .filter((s) => s.owner === team)
      .map((s, i) => ({ s, i }))
      .sort((a, b) => zoneRank(a.s.zone) - zoneRank(b.s.zone) || a.i - b.i)
      .map(({ s }) => boxes.get(s.id) as SegmentBox);
    const widest = Math.max(...own.map((b) => b.w));
    const area = own.reduce((sum, b) => sum + (b.w + GAP) * (b.h + GAP), 0);
    const packed = shelfPack(own, Math.max(widest, Math.sqrt(area * 1.6)));
    own.forEach((box, i) => {
      const at = packed.at[i] as { x: number; y: number };
      box.x = PAD + at.x;
      box.y = GROUP_HEADER + at.y;
    });
    groups.push({ team, segments: own.map((b) => b.id), x: 0, y: 0, w: Math.max(packed.w + 2 * PAD, MIN_SEGMENT_WIDTH + 2 * PAD), h: GROUP_HEADER + packed.h + PAD });
  }

  const widestGroup = Math.max(0, ...groups.map((g) => g.w));
  const totalArea = groups.reduce((sum, g) => sum + (g.w + GAP) * (g.h + GAP), 0);
  const packed = shelfPack(groups, Math.max(widestGroup, Math.sqrt(totalArea * 1.8)));
  const width = packed.w;
  const height = packed.h;

  const nodeIds: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const mirror = (x: number, w: number) => (options.rtl ? width - x - w : x);
  groups.forEach((group, gi) => {
    const at = packed.at[gi] as { x: number; y: number };
    group.x = mirror(at.x, group.w);
    group.y = at.y;
    for (const id of group.segments) {
      const box = boxes.get(id) as SegmentBox;
      // Inside the group, mirror relative to the group too.
      const localX = options.rtl ? group.w - box.x - box.w : box.x;
      box.x = group.x + localX;
      box.y = group.y + box.y;
      box.nodeIds.forEach((nodeId, i) => {
        const col = i % box.cols;
        const row = Math.floor(i / box.cols);
        const cx = PAD + col * CELL + CELL / 2;
        nodeIds.push(nodeId);
        xs.push(options.rtl ? box.x + box.w - cx : box.x + cx);
        ys.push(box.y + SEGMENT_HEADER + PAD + row * CELL + CELL / 2);
      });
    }
  });

  const index = new Map<string, number>();
  nodeIds.forEach((id, i) => index.set(id, i));
  const ordered = groups.flatMap((g) => g.segments.map((id) => boxes.get(id) as SegmentBox));
  return { width, height, groups, segments: ordered, nodeIds, x: Float64Array.from(xs), y: Float64Array.from(ys), index };
}
