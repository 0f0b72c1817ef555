/**
 * One line about an engine event for the live feed: the interesting fields of its data, short, with
 * teams, injects, nodes and red steps said by their names (from the seat's own view) instead of ids.
 */
import type { SeatEvent } from '../../../protocol/index.ts';
import type { View } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';

const KEYS = ['team', 'node', 'nodes', 'inject', 'step', 'action', 'status', 'state', 'to', 'from', 'partners', 'report', 'technique', 'severity', 'grade', 'speed', 'move', 'title', 'ok', 'result'];

/** Names the seat knows, by kind; an id it cannot name is said as it is. */
export interface FeedNames {
  team: ReadonlyMap<string, string>;
  inject: ReadonlyMap<string, string>;
  node: ReadonlyMap<string, string>;
  step: ReadonlyMap<string, string>;
}

export const NO_NAMES: FeedNames = { team: new Map(), inject: new Map(), node: new Map(), step: new Map() };

/** Which kind of name each field holds. */
const NAMED: Readonly<Record<string, keyof FeedNames>> = { team: 'team', to: 'team', from: 'team', partners: 'team', inject: 'inject', node: 'node', nodes: 'node', step: 'step' };

/** The names a view gives the seat, in `lang`: a team by its nation or short name, an inject by its title. */
export function feedNames(view: View | null, lang: string): FeedNames {
  if (!view) return NO_NAMES;
  const team = new Map<string, string>();
  const inject = new Map<string, string>();
  const node = new Map<string, string>();
  const step = new Map<string, string>();
  const teamName = (t: { id: string; name: Parameters<typeof localText>[0]; nation?: string }) => team.set(t.id, localText(t.name, lang) || t.nation || t.id);
  if (view.kind === 'blue') {
    for (const t of [view.team, ...view.partners]) teamName(t);
    for (const i of view.inbox) inject.set(i.inject, localText(i.title, lang) || i.inject);
  } else if (view.kind === 'red') {
    for (const c of view.campaigns) for (const s of c.steps) step.set(s.id, localText(s.name, lang) || s.id);
  } else if (view.kind === 'presentation') {
    for (const t of view.teams) teamName(t);
  } else {
    for (const t of view.teams) teamName(t);
    for (const r of view.msel) inject.set(r.inject, localText(r.title, lang) || r.inject);
    for (const c of view.red) for (const s of c.steps) step.set(s.id, localText(s.name, lang) || s.id);
  }
  if ('nodes' in view) for (const n of view.nodes) if (n.name !== undefined) node.set(n.id, localText(n.name, lang) || n.id);
  return { team, inject, node, step };
}

function short(value: unknown, names?: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    const text = names?.get(value) ?? value;
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const each = (v: unknown) => short(v, names);
    return value.length <= 4 ? value.map(each).join(', ') : `${value.slice(0, 3).map(each).join(', ')} +${value.length - 3}`;
  }
  if (typeof value === 'object') {
    const text = (value as Record<string, unknown>).en ?? Object.values(value as Record<string, unknown>)[0];
    return typeof text === 'string' ? short(text) : '…';
  }
  return '';
}

/** `key=value` for plain fields; a named field (team, inject, node, step) is its name alone, `to` an arrow. */
export function describeEvent(event: SeatEvent, names: FeedNames = NO_NAMES): string {
  if (typeof event.data !== 'object' || event.data === null) return short(event.data);
  const data = event.data as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of KEYS) {
    if (Object.hasOwn(data, key)) {
      const kind = NAMED[key];
      const text = short(data[key], kind ? names[kind] : undefined);
      if (text) parts.push(kind ? (key === 'to' ? `→ ${text}` : text) : `${key}=${text}`);
    }
    if (parts.length >= 5) break;
  }
  return parts.join(' · ');
}

/** The event family (before the first dot) used for filtering and colour. */
export function eventFamily(type: string): string {
  return type.split('.')[0] ?? type;
}

/** Who acted: a blue team by its name (`blue:xz`), anyone else as the event says. */
export function actorName(actor: string, names: FeedNames): string {
  return actor.startsWith('blue:') ? (names.team.get(actor.slice(5)) ?? actor) : actor;
}
