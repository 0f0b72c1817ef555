/**
 * Draws a laid-out map on a 2D canvas. Nodes of the same status and shape are filled in one path
 * (a few dozen fills for 2,000 nodes instead of 2,000), labels appear only when zoomed in enough to
 * read them, and nothing outside the visible rectangle is traced.
 */
import { segmentBadges } from './badges.ts';
import { CELL, SEGMENT_HEADER, type MapLayout } from './layout.ts';
import type { NodeLook, NodeStatus } from './model.ts';
import { ISOLATED_RING, KIND_SHAPE, SELECTED_RING, STATUS_COLOR, nodeRadius, tracePath, type Shape } from './style.ts';
import type { NodeKindT } from '../../engine/types.ts';

export interface Transform {
  x: number;
  y: number;
  k: number;
}

export interface DrawInput {
  layout: MapLayout;
  /** Per layout index: kind and criticality (structure) and look (state). */
  kinds: NodeKindT[];
  criticality: number[];
  looks: (NodeLook | undefined)[];
  selected: ReadonlySet<string>;
  focused: string | null;
  transform: Transform;
  width: number;
  height: number;
  rtl: boolean;
  /** Display names. */
  teamLabel(team: string): string;
  segmentLabel(segment: string): string;
  /** A node's display name, and whether it is only its id (ids differ at their end: cut their start). */
  nodeLabel(node: string): { text: string; isId: boolean };
  teamColor(team: string): string | undefined;
}

const BG = '#0b1016';
const GROUP_FILL = '#111a24';
const GROUP_STROKE = '#2b3a4a';
const SEGMENT_FILL = '#16212e';
const SEGMENT_STROKE = '#33465a';
const TEXT = '#d5dee8';
const MUTED = '#93a4b6';

const fitted = new Map<string, string>();

/** `text` cut with an ellipsis to fit `max` pixels in the current font (cached: labels repeat every frame). */
function fit(ctx: CanvasRenderingContext2D, text: string, max: number, keepEnd = false): string {
  const key = `${ctx.font}|${max}|${keepEnd ? 1 : 0}|${text}`;
  let out = fitted.get(key);
  if (out !== undefined) return out;
  out = text;
  if (ctx.measureText(text).width > max) {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const candidate = keepEnd ? `…${text.slice(text.length - mid)}` : `${text.slice(0, mid)}…`;
      if (ctx.measureText(candidate).width <= max) lo = mid;
      else hi = mid - 1;
    }
    out = lo === 0 ? '' : keepEnd ? `…${text.slice(text.length - lo)}` : `${text.slice(0, lo)}…`;
  }
  if (fitted.size > 20_000) fitted.clear();
  fitted.set(key, out);
  return out;
}

export function drawMap(ctx: CanvasRenderingContext2D, input: DrawInput): void {
  const { layout, transform: tf, width, height } = input;
  ctx.save();
  ctx.fillStyle = BG;
  ctx.fillRect(0, 0, width, height);
  ctx.translate(tf.x, tf.y);
  ctx.scale(tf.k, tf.k);
  // Visible world rectangle, with a margin of one cell.
  const vx0 = -tf.x / tf.k - CELL;
  const vy0 = -tf.y / tf.k - CELL;
  const vx1 = (width - tf.x) / tf.k + CELL;
  const vy1 = (height - tf.y) / tf.k + CELL;
  const visible = (x: number, y: number, w: number, h: number) => x + w >= vx0 && x <= vx1 && y + h >= vy0 && y <= vy1;
  ctx.direction = input.rtl ? 'rtl' : 'ltr';
  ctx.textAlign = 'start';
  ctx.textBaseline = 'middle';

  for (const g of layout.groups) {
    if (!visible(g.x, g.y, g.w, g.h)) continue;
    ctx.fillStyle = GROUP_FILL;
    ctx.strokeStyle = input.teamColor(g.team) ?? GROUP_STROKE;
    ctx.lineWidth = 1.5 / tf.k;
    ctx.beginPath();
    ctx.roundRect(g.x, g.y, g.w, g.h, 6);
    ctx.fill();
    ctx.stroke();
    if (tf.k * 14 >= 9) {
      ctx.fillStyle = TEXT;
      ctx.font = '600 14px system-ui, sans-serif';
      ctx.fillText(fit(ctx, input.teamLabel(g.team), g.w - 20), input.rtl ? g.x + g.w - 10 : g.x + 10, g.y + 13);
    }
  }
  for (const s of layout.segments) {
    if (!visible(s.x, s.y, s.w, s.h)) continue;
    ctx.fillStyle = SEGMENT_FILL;
    ctx.strokeStyle = SEGMENT_STROKE;
    ctx.lineWidth = 1 / tf.k;
    ctx.beginPath();
    ctx.roundRect(s.x, s.y, s.w, s.h, 4);
    ctx.fill();
    ctx.stroke();
    if (tf.k * 11 >= 7) {
      ctx.fillStyle = MUTED;
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillText(fit(ctx, input.segmentLabel(s.id), s.w - 16), input.rtl ? s.x + s.w - 8 : s.x + 8, s.y + SEGMENT_HEADER / 2 + 2);
    }
  }

  // Nodes, bucketed by fill colour and shape.
  const buckets = new Map<string, { color: string; shape: Shape; items: number[] }>();
  const rings: number[] = [];
  const badges: number[] = [];
  const n = layout.nodeIds.length;
  for (let i = 0; i < n; i++) {
    const x = layout.x[i] as number;
    const y = layout.y[i] as number;
    if (x < vx0 || x > vx1 || y < vy0 || y > vy1) continue;
    const look = input.looks[i];
    const status: NodeStatus | 'unknown' = look?.status ?? 'unknown';
    const shape = KIND_SHAPE[input.kinds[i] as NodeKindT] ?? 'circle';
    const color = status === 'unknown' ? '#5c6b7a' : STATUS_COLOR[status];
    const key = `${color}|${shape}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { color, shape, items: [] }));
    bucket.items.push(i);
    if (look?.isolated) rings.push(i);
    if (look && look.alerts > 0) badges.push(i);
  }
  for (const bucket of buckets.values()) {
    ctx.fillStyle = bucket.color;
    ctx.beginPath();
    for (const i of bucket.items) tracePath(ctx, bucket.shape, layout.x[i] as number, layout.y[i] as number, nodeRadius(input.criticality[i] ?? 3));
    ctx.fill();
  }
  if (rings.length > 0) {
    // Isolated: a dashed ring, cut from the network.
    ctx.strokeStyle = ISOLATED_RING;
    ctx.lineWidth = 2;
    ctx.setLineDash([3, 2.5]);
    ctx.beginPath();
    for (const i of rings) {
      const x = layout.x[i] as number;
      const y = layout.y[i] as number;
      const r = nodeRadius(input.criticality[i] ?? 3) + 3.5;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (badges.length > 0 && tf.k >= 0.6) {
    ctx.fillStyle = '#ffe08a';
    ctx.strokeStyle = BG;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const i of badges) {
      const x = (layout.x[i] as number) + 7;
      const y = (layout.y[i] as number) - 7;
      ctx.moveTo(x + 3, y);
      ctx.arc(x, y, 3, 0, Math.PI * 2);
    }
    ctx.fill();
    ctx.stroke();
  }
  // Selection and keyboard focus on top.
  const mark = (id: string, color: string, width: number) => {
    const i = layout.index.get(id);
    if (i === undefined) return;
    const x = layout.x[i] as number;
    const y = layout.y[i] as number;
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.arc(x, y, CELL / 2 - 1, 0, Math.PI * 2);
    ctx.stroke();
  };
  for (const id of input.selected) mark(id, SELECTED_RING, 2.5);
  if (input.focused) mark(input.focused, '#ffffff', 1.5);

  if (tf.k >= 2.2) {
    ctx.fillStyle = TEXT;
    ctx.font = '6px system-ui, sans-serif';
    ctx.textAlign = 'center';
    for (let i = 0; i < n; i++) {
      const x = layout.x[i] as number;
      const y = layout.y[i] as number;
      if (x < vx0 || x > vx1 || y < vy0 || y > vy1) continue;
      const label = input.nodeLabel(layout.nodeIds[i] as string);
      ctx.fillText(fit(ctx, label.text, CELL - 2, label.isId), x, y + CELL / 2 - 1.5);
    }
  }
  ctx.restore();

  // Zoomed out below one badge per node: a badge per segment with its count, at screen size, so that
  // a 2,000-node map fitted in its box still shows where the alerts are.
  if (badges.length > 0 && tf.k < 0.6) {
    ctx.save();
    ctx.font = '700 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const b of segmentBadges(layout, badges, input.rtl)) {
      const sx = tf.x + b.x * tf.k;
      const sy = tf.y + b.y * tf.k;
      const text = String(b.count);
      const w = Math.max(16, ctx.measureText(text).width + 8);
      ctx.fillStyle = '#ffe08a';
      ctx.strokeStyle = BG;
      ctx.beginPath();
      ctx.roundRect(sx - w / 2, sy - 8, w, 16, 8);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = BG;
      ctx.fillText(text, sx, sy + 0.5);
    }
    ctx.restore();
  }

  // Zoomed out, team names are drawn at screen size so the overview stays readable.
  if (tf.k * 14 < 9) {
    ctx.save();
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    ctx.direction = input.rtl ? 'rtl' : 'ltr';
    ctx.textAlign = 'start';
    for (const g of layout.groups) {
      const sx = tf.x + g.x * tf.k;
      const sy = tf.y + g.y * tf.k;
      const sw = g.w * tf.k;
      if (sw < 50 || sx + sw < 0 || sx > width || sy > height || sy + g.h * tf.k < 0) continue;
      const text = fit(ctx, input.teamLabel(g.team), sw - 8);
      const tw = ctx.measureText(text).width;
      const tx = input.rtl ? sx + sw - 4 : sx + 4;
      ctx.fillStyle = 'rgba(11, 16, 22, 0.85)';
      ctx.fillRect(input.rtl ? tx - tw - 3 : tx - 3, sy + 2, tw + 6, 16);
      ctx.fillStyle = TEXT;
      ctx.fillText(text, tx, sy + 4);
    }
    ctx.restore();
  }
}
