/** The context of one command: the state, the events it produces, and its random draws. */
import type { Audience, EngineEvent } from './events.ts';
import type { ExerciseState } from './state.ts';
import { Draws } from './rng.ts';

export class Ctx {
  readonly events: EngineEvent[] = [];
  /** Events emitted so far, also when they are not kept. */
  emitted = 0;
  readonly draws: Draws;
  /** While a jump is in progress: where it ends (deadlines set during it run from there, see play.ts). */
  skipEnd: number | null = null;
  /**
   * `keep` false: the events are counted, not held (a headless run that keeps none); a set of types:
   * only the events of those types are held (a run observed for its outcome). A 48-hour advance is
   * one command of about 20,000 events: held, they outlive the young generation and garbage
   * collection copies them.
   */
  constructor(
    readonly state: ExerciseState,
    private readonly keep: boolean | ReadonlySet<string> = true,
  ) {
    this.draws = new Draws(state);
  }

  /** Appends an event at the current simulated time. An empty audience means white cell and evaluators only. */
  emit(type: string, actor: string, data: unknown, audience: Audience[]): void {
    const s = this.state;
    this.emitted++;
    const keep = this.keep;
    if (keep === true || (keep !== false && keep.has(type))) this.events.push({ seq: ++s.seq, t: s.clock, type, actor, data, audience });
    else s.seq++;
  }
}

/** Audience of one blue team. */
export const team = (id: string): Audience => `team:${id}`;

/** Shared one-team audiences, bounded: ids come from scenarios, and a long-lived server meets many. */
const TEAM_AUDIENCES = new Map<string, Audience[]>();
/**
 * The audience `[team(id)]`, one array per team shared by its events (as WHITE, RED and ALL are: an
 * event's audience is never changed), instead of a string and an array per alert and score event.
 */
export function toTeam(id: string): Audience[] {
  let a = TEAM_AUDIENCES.get(id);
  if (a === undefined) {
    a = [team(id)];
    if (TEAM_AUDIENCES.size < 4096) TEAM_AUDIENCES.set(id, a);
  }
  return a;
}
export const WHITE: Audience[] = [];
export const RED: Audience[] = ['red'];
export const ALL: Audience[] = ['all'];
