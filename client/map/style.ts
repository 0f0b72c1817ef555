/**
 * How node states look: a colour per status (chosen to stay apart for the common colour-vision
 * deficiencies and against the dark background) and a shape per node kind, so that state never
 * depends on colour alone: isolation is a ring, alerts a badge, kind a shape.
 */
import type { NodeKindT } from '../../engine/types.ts';
import type { NodeStatus } from './model.ts';

export const STATUS_COLOR: Record<NodeStatus, string> = {
  ok: '#4cc38a',
  clean: '#4cc38a',
  restored: '#5aa9f0',
  alerting: '#f5c542',
  degraded: '#f08c3a',
  defaced: '#e864b0',
  compromised: '#f08c3a',
  persistent: '#e8590c',
  exfiltrated: '#b57ee8',
  encrypted: '#f03e3e',
  wiped: '#a61e4d',
};

export type Shape = 'circle' | 'square' | 'diamond' | 'triangle';

export const KIND_SHAPE: Record<NodeKindT, Shape> = {
  workstation: 'circle',
  mobile: 'circle',
  server: 'square',
  'web-server': 'square',
  'mail-server': 'square',
  database: 'square',
  'domain-controller': 'square',
  'cloud-service': 'square',
  historian: 'square',
  'scada-server': 'square',
  'payment-switch': 'square',
  firewall: 'diamond',
  router: 'diamond',
  switch: 'diamond',
  'vpn-gateway': 'diamond',
  hmi: 'triangle',
  plc: 'triangle',
  iot: 'triangle',
};

/** Shape groups for the legend, with the translation key naming each. */
export const SHAPE_LEGEND: { shape: Shape; key: string }[] = [
  { shape: 'circle', key: 'map.shape.endpoint' },
  { shape: 'square', key: 'map.shape.server' },
  { shape: 'diamond', key: 'map.shape.network' },
  { shape: 'triangle', key: 'map.shape.ot' },
];

export const BLUE_STATUSES: NodeStatus[] = ['ok', 'alerting', 'degraded', 'defaced'];
export const TRUE_STATUSES: NodeStatus[] = ['clean', 'compromised', 'persistent', 'exfiltrated', 'encrypted', 'wiped', 'restored'];

export const ISOLATED_RING = '#e6edf3';
export const SELECTED_RING = '#39c5ff';

/** Node radius in world units by criticality 1..5. */
export function nodeRadius(criticality: number): number {
  return 5 + Math.min(5, Math.max(1, criticality));
}

/** Adds one node's outline to the current path (callers fill many nodes in one path). */
export function tracePath(ctx: CanvasRenderingContext2D | Path2D, shape: Shape, x: number, y: number, r: number): void {
  switch (shape) {
    case 'circle':
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      return;
    case 'square':
      ctx.rect(x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
      return;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.15, y);
      ctx.lineTo(x, y + r * 1.15);
      ctx.lineTo(x - r * 1.15, y);
      ctx.closePath();
      return;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.1, y + r * 0.85);
      ctx.lineTo(x - r * 1.1, y + r * 0.85);
      ctx.closePath();
      return;
  }
}
