/**
 * Each audience's own numbering (issue 13): a seat must not be able to count activity it does not
 * see, so neither its events nor its deltas nor its acknowledgements carry the exercise's numbers.
 *
 * - Events: an audience numbers the events it may see 1, 2, 3, ...
 * - Views: an audience's view number steps by one at each log entry that concerns it (a *step*): an
 *   entry with an event it may see, a command of its own seat, or a clock command (every seat sees
 *   the clock). The broadcaster sends one delta per step, so a seat's deltas go 1, 2, 3, ... Entries
 *   that concern nobody but others give it nothing; should one still change its view (the engine
 *   emits an event wherever a view changes, so this is a fallback), the change rides with its next
 *   step. The white cell and evaluators see every entry: their view number is the exercise revision
 *   (their deltas may skip revisions at which their view did not change, as before).
 * - The presentation (the room's projector) sees the clock and events for `all`, and its live tally of
 *   which teams answered: a team's answer to a discussion question (a `question.answered` event, for
 *   that team only) is a step of the presentation too, though the presentation gets none of its events.
 *
 * Both are folds of the log (the host's ledger keeps them, ledger.ts), so a restarted or adopting
 * server numbers exactly as before: a seat that held the latest view is told it is current.
 */
import type { Command } from '../../engine/index.ts';

/** Commands that change what every seat sees (its clock), whoever sends them. */
export const CLOCK_SEEN = new Set<Command['type']>(['start', 'pause', 'resume', 'speed', 'end', 'advance', 'jump', 'jump-to-next-inject', 'move']);

/** What numbering needs of a log entry. */
export interface NumberedEntry {
  seq: number;
  command: Pick<Command, 'type' | 'actor'>;
  events: ReadonlyArray<{ type?: string; audience: readonly string[] }>;
}

/** Events, for some teams only, that change the presentation's view (its tally of answers). */
export const PRESENTATION_SEEN = new Set<string>(['question.answered']);

/** Who an entry is a step for, besides the white cell and evaluators (who see every entry). */
export interface EntryConcern {
  /** A step for every audience. */
  everyone: boolean;
  red: boolean;
  /** A step for the presentation (besides those for everyone). */
  presentation: boolean;
  teams: Set<string>;
}

export function concernOf(entry: NumberedEntry): EntryConcern {
  const out: EntryConcern = { everyone: CLOCK_SEEN.has(entry.command.type), red: false, presentation: false, teams: new Set() };
  const actor = entry.command.actor;
  if (actor.role === 'red') out.red = true;
  else if (actor.role === 'blue') out.teams.add(actor.team);
  for (const event of entry.events) {
    if (event.type !== undefined && PRESENTATION_SEEN.has(event.type)) out.presentation = true;
    for (const a of event.audience) {
      if (a === 'all') out.everyone = true;
      else if (a === 'red') out.red = true;
      else if (a.startsWith('team:')) out.teams.add(a.slice(5));
    }
  }
  return out;
}

/** Whether an entry is a step of audience `key` (`white`, `evaluator`, `red`, `presentation`, `team:<id>`). */
export function isStepFor(concern: EntryConcern, key: string): boolean {
  if (key === 'white' || key === 'evaluator') return true;
  if (concern.everyone) return true;
  if (key === 'red') return concern.red;
  if (key === 'presentation') return concern.presentation;
  return key.startsWith('team:') && concern.teams.has(key.slice(5));
}

/** A count and the revision of the last entry it counted. */
type Tally = [count: number, last: number];

export interface NumberingData {
  /** Events: every event (white and evaluators), events for `all`, the red cell's others, each team's others. */
  events: { total: number; all: number; red: number; teams: Array<[team: string, count: number]> };
  /** Steps: the revision (white and evaluators), steps for everyone, the red cell's, the presentation's and each team's others. */
  steps: { revision: number; everyone: Tally; red: Tally; presentation: Tally; teams: Array<[team: string, count: number, last: number]> };
}

export class Numbering {
  private events = { total: 0, all: 0, red: 0 };
  private readonly teamEvents = new Map<string, number>();
  private revision = 0;
  private everyone: Tally = [0, 0];
  private red: Tally = [0, 0];
  private presentation: Tally = [0, 0];
  private readonly teamSteps = new Map<string, Tally>();

  static from(data: NumberingData): Numbering {
    const n = new Numbering();
    n.events = { total: data.events.total, all: data.events.all, red: data.events.red };
    for (const [team, count] of data.events.teams) n.teamEvents.set(team, count);
    n.revision = data.steps.revision;
    n.everyone = [...data.steps.everyone];
    n.red = [...data.steps.red];
    n.presentation = [...data.steps.presentation];
    for (const [team, count, last] of data.steps.teams) n.teamSteps.set(team, [count, last]);
    return n;
  }

  /** Folds one stored entry. */
  record(entry: NumberedEntry): void {
    this.revision = entry.seq;
    for (const event of entry.events) {
      this.events.total++;
      const audience = event.audience;
      if (audience.includes('all')) {
        this.events.all++;
        continue;
      }
      for (const a of audience) {
        if (a === 'red') this.events.red++;
        else if (a.startsWith('team:')) this.teamEvents.set(a.slice(5), (this.teamEvents.get(a.slice(5)) ?? 0) + 1);
      }
    }
    const concern = concernOf(entry);
    if (concern.everyone) {
      this.everyone = [this.everyone[0] + 1, entry.seq];
      return;
    }
    if (concern.red) this.red = [this.red[0] + 1, entry.seq];
    if (concern.presentation) this.presentation = [this.presentation[0] + 1, entry.seq];
    for (const team of concern.teams) this.teamSteps.set(team, [(this.teamSteps.get(team)?.[0] ?? 0) + 1, entry.seq]);
  }

  /** How many events audience `key` has been shown: its last event's number. */
  eventCount(key: string): number {
    if (key === 'white' || key === 'evaluator') return this.events.total;
    if (key === 'red') return this.events.all + this.events.red;
    if (key === 'presentation') return this.events.all;
    if (key.startsWith('team:')) return this.events.all + (this.teamEvents.get(key.slice(5)) ?? 0);
    return 0;
  }

  /** The audience's view number now: the revision for the white cell and evaluators, else its steps. */
  viewNumber(key: string): number {
    if (key === 'white' || key === 'evaluator') return this.revision;
    return this.everyone[0] + (this.own(key)?.[0] ?? 0);
  }

  /**
   * True when the last entry is a step of the audience: its view at its number is then the view of
   * the exercise now. Otherwise entries since may have changed it unnumbered, and a seat holding
   * that number must be sent the view again (channel.ts).
   */
  atStep(key: string): boolean {
    if (key === 'white' || key === 'evaluator') return true;
    return Math.max(this.everyone[1], this.own(key)?.[1] ?? 0) === this.revision;
  }

  toData(): NumberingData {
    return {
      events: { ...this.events, teams: [...this.teamEvents] },
      steps: {
        revision: this.revision,
        everyone: [...this.everyone],
        red: [...this.red],
        presentation: [...this.presentation],
        teams: [...this.teamSteps].map(([team, [count, last]]) => [team, count, last]),
      },
    };
  }

  private own(key: string): Tally | undefined {
    if (key === 'red') return this.red;
    if (key === 'presentation') return this.presentation;
    if (key.startsWith('team:')) return this.teamSteps.get(key.slice(5));
    return undefined;
  }
}
