/**
 * A scripted policy at work in a branch: it reads the events the branch produces, as the team's own
 * console would show them (alerts addressed to the team), and answers with the commands its rules
 * say, each due at a simulated time. Deterministic: the same events give the same commands, and the
 * branch log records the commands themselves, so a replay needs no policy.
 */
import { SEVERITIES } from '../scenario/vocabulary.ts';
import type { Command } from '../sim/commands.ts';
import type { EngineEvent } from '../sim/events.ts';
import type { Alert } from '../sim/state.ts';
import type { Policy } from './types.ts';

/** A command due at a time, from a policy rule. */
export interface PolicyCommand {
  at: number;
  command: Command;
  rule: number;
}

const rank = (s: string): number => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);

export class PolicyRunner {
  /** rule index + node: a rule acts once per node. */
  private readonly done = new Set<string>();
  private readonly audience: string;

  constructor(private readonly policy: Policy) {
    this.audience = `team:${policy.team}`;
  }

  private act(rule: number, at: number, node: string, out: PolicyCommand[]): void {
    const key = `${rule}\u0000${node}`;
    if (this.done.has(key)) return;
    this.done.add(key);
    const r = this.policy.rules[rule];
    if (!r) return;
    out.push({ at, rule, command: { type: 'action', action: r.do, target: { node }, actor: { role: 'blue', team: this.policy.team } } });
  }

  /** The scheduled rules' commands (rules `on: time`), for a branch forked at `from`. */
  scheduled(from: number): PolicyCommand[] {
    const out: PolicyCommand[] = [];
    this.policy.rules.forEach((r, i) => {
      if (r.on === 'time' && r.at >= from) this.act(i, r.at, r.node, out);
    });
    return out;
  }

  /** The commands the rules answer these events with (alerts to the team). */
  react(events: readonly EngineEvent[]): PolicyCommand[] {
    const out: PolicyCommand[] = [];
    for (const e of events) {
      if (e.type !== 'alert' || !e.audience.includes(this.audience as EngineEvent['audience'][number])) continue;
      const alert = e.data as Alert;
      this.policy.rules.forEach((r, i) => {
        if (r.on === 'alert' && rank(alert.severity) >= rank(r.severity)) this.act(i, e.t + r.within, alert.node, out);
      });
    }
    return out;
  }
}
