/**
 * The seats of an exercise, derived from its scenario: the controller (white cell), one seat per
 * blue team, the red cell, an evaluator and the presentation (the room's read-only projector). Each gets a fresh token; only its hash is stored.
 */
import type { ScenarioSummary, SeatInfo, SeatLink } from '../../protocol/index.ts';
import { joinLink } from '../../protocol/index.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { SeatRecord } from '../store/types.ts';
import type { AudienceKey } from './audience.ts';
import { audienceOf } from './audience.ts';

/** The seats a scenario gets, in display order. */
export function seatsOf(summary: ScenarioSummary): SeatInfo[] {
  const named = (role: string) => summary.teams.find((t) => t.role === role)?.name;
  const withName = (info: SeatInfo, name: SeatInfo['name']): SeatInfo => (name === undefined ? info : { ...info, name });
  return [
    withName({ seat: 'controller', role: 'white' }, named('white')),
    ...summary.teams.filter((t) => t.role === 'blue').map((t) => ({ seat: `blue:${t.id}`, role: 'blue' as const, team: t.id, name: t.name })),
    withName({ seat: 'red', role: 'red' }, named('red')),
    withName({ seat: 'evaluator', role: 'evaluator' }, named('evaluator')),
    { seat: 'presentation', role: 'presentation' },
  ];
}

/** The audiences of an exercise: one per distinct view. */
export function audiencesOf(summary: ScenarioSummary): AudienceKey[] {
  return [...new Set(seatsOf(summary).map(audienceOf))];
}

/** Issues a token for each seat: the links to hand out, and the records (hashes only) to store. */
export function issueSeats(exerciseId: string, seats: SeatInfo[]): { links: SeatLink[]; records: SeatRecord[] } {
  const links: SeatLink[] = [];
  const records: SeatRecord[] = [];
  for (const info of seats) {
    const token = newToken();
    links.push({ ...info, token, link: joinLink(exerciseId, token) });
    records.push({ seat: info.seat, role: info.role, ...(info.team ? { team: info.team } : {}), tokenHash: hashToken(token) });
  }
  return { links, records };
}
