/**
 * Audiences: the groups of seats that see the same view. Every seat of an audience gets the same
 * bytes, so projections and deltas are computed once per audience, never per socket.
 */
import { type Audience as EventAudience, audienceAllows, type EngineEvent } from '../../engine/index.ts';
import type { SeatEvent, SeatRole } from '../../protocol/index.ts';

/** `white` (controller), `evaluator`, `red`, `presentation` (the room's projector), or `team:<id>` for one blue team. */
export type AudienceKey = 'white' | 'evaluator' | 'red' | 'presentation' | `team:${string}`;

/** The seat identity an audience's projection is made for. */
export interface AudienceSeat {
  role: SeatRole;
  team?: string;
}

export function audienceOf(seat: AudienceSeat): AudienceKey {
  if (seat.role === 'blue') {
    if (!seat.team) throw new Error('a blue seat needs a team');
    return `team:${seat.team}`;
  }
  return seat.role;
}

export function seatOfAudience(key: AudienceKey): AudienceSeat {
  if (key.startsWith('team:')) return { role: 'blue', team: key.slice(5) };
  return { role: key as Exclude<AudienceKey, `team:${string}`> };
}

/** The events among `events` that this audience may see (the engine's audience rule), as its seats get them. */
export function eventsFor(key: AudienceKey, events: readonly EngineEvent[]): SeatEvent[] {
  return eventsForSeat(seatOfAudience(key), events);
}

/** `eventsFor` with the audience's seat made once (the broadcaster asks for every entry of a batch). */
export function eventsForSeat(seat: AudienceSeat, events: readonly EngineEvent[]): SeatEvent[] {
  const out: SeatEvent[] = [];
  for (const e of events) {
    if (audienceAllows(e.audience as EventAudience[], seat)) out.push({ seq: e.seq, t: e.t, type: e.type, actor: e.actor, data: e.data });
  }
  return out;
}
