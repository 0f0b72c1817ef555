/**
 * Shared state of the meaning checks: the scenario, id tables built once, and the finding sink.
 * Checks only run on a scenario that passed the schema, so every field has its declared type.
 */
import type { PathSegment } from '../../lib/diagnostic.ts';
import type { Finding } from '../finding.ts';
import { formatPath } from '../../lib/diagnostic.ts';
import { didYouMean } from '../suggest.ts';
import { durationMs } from '../../time/duration.ts';
import type { ActionDefT, MoveT, ObjectiveDefT, CampaignT, CapabilityT, IndicatorT, InjectT, NodeT, ScenarioT, SegmentT, StepT, TeamT } from './types.ts';

export interface Entry<T> {
  value: T;
  path: PathSegment[];
}

export interface StepEntry extends Entry<StepT> {
  campaign: CampaignT;
}

export interface Tables {
  teams: Map<string, Entry<TeamT>>;
  segments: Map<string, Entry<SegmentT>>;
  nodes: Map<string, Entry<NodeT>>;
  campaigns: Map<string, Entry<CampaignT>>;
  steps: Map<string, StepEntry>;
  indicators: Map<string, Entry<IndicatorT> & { campaign: CampaignT }>;
  injects: Map<string, Entry<InjectT>>;
  actions: Map<string, Entry<ActionDefT>>;
  moves: Map<string, Entry<MoveT>>;
  capabilities: Map<string, Entry<CapabilityT> & { tasks: Set<string> }>;
  objectives: Map<string, Entry<ObjectiveDefT>>;
  /** Vulnerability id -> ids of the nodes that have it. */
  vulnerabilityNodes: Map<string, string[]>;
  /** Service id -> ids of the nodes that run it. */
  serviceNodes: Map<string, string[]>;
  /** Blue team id -> ids of the nodes in the segments it owns. */
  teamNodes: Map<string, string[]>;
  /** Segment id -> ids of its nodes. */
  segmentNodes: Map<string, string[]>;
}

export class Ctx {
  readonly findings: Finding[] = [];
  readonly endMs: number;
  tables!: Tables;

  constructor(
    readonly s: ScenarioT,
    private readonly lineOf: (path: readonly PathSegment[]) => number | undefined,
  ) {
    this.endMs = durationMs(s.meta.duration);
  }

  error(path: readonly PathSegment[], message: string): void {
    this.findings.push({ path, message, severity: 'error' });
  }

  warn(path: readonly PathSegment[], message: string): void {
    this.findings.push({ path, message, severity: 'warning' });
  }

  /** "line 12" when the source is known, else the path: for "first defined on ..." messages. */
  where(path: readonly PathSegment[]): string {
    const line = this.lineOf(path);
    return line !== undefined ? `line ${line}` : formatPath(path);
  }

  /** Reports a reference to a missing id, with a suggestion; returns the entry when it exists. */
  ref<T>(path: readonly PathSegment[], id: string, table: Map<string, T>, kind: string): T | undefined {
    const found = table.get(id);
    if (found === undefined) this.error(path, `no ${kind} "${id}"${didYouMean(id, table.keys())}`);
    return found;
  }

  /** Reports a time later than the end of the exercise. */
  notAfterEnd(path: readonly PathSegment[], duration: string, what: string): void {
    const ms = durationMs(duration);
    if (ms > this.endMs) {
      this.error(path, `${what} ${duration} is after the end of the exercise (meta.duration is ${this.s.meta.duration})`);
    }
  }

  /** Blue team ids, in order. */
  blueTeams(): string[] {
    return this.s.teams.filter((t) => t.role === 'blue').map((t) => t.id);
  }
}
