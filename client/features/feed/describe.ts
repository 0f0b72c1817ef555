/** One line about an engine event for the live feed: the interesting fields of its data, short. */
import type { SeatEvent } from '../../../protocol/index.ts';

const KEYS = ['team', 'node', 'nodes', 'inject', 'step', 'action', 'status', 'state', 'to', 'from', 'partners', 'report', 'technique', 'severity', 'grade', 'speed', 'move', 'title', 'ok', 'result'];

function short(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length <= 4 ? value.map(short).join(', ') : `${value.slice(0, 3).map(short).join(', ')} +${value.length - 3}`;
  if (typeof value === 'object') {
    const text = (value as Record<string, unknown>).en ?? Object.values(value as Record<string, unknown>)[0];
    return typeof text === 'string' ? short(text) : '…';
  }
  return '';
}

export function describeEvent(event: SeatEvent): string {
  if (typeof event.data !== 'object' || event.data === null) return short(event.data);
  const data = event.data as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of KEYS) {
    if (key in data) {
      const text = short(data[key]);
      if (text) parts.push(`${key}=${text}`);
    }
    if (parts.length >= 5) break;
  }
  return parts.join(' · ');
}

/** The event family (before the first dot) used for filtering and colour. */
export function eventFamily(type: string): string {
  return type.split('.')[0] ?? type;
}
