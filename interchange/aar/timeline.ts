/**
 * What the after-action figures need from the event stream, indexed once: first alerts per attempt,
 * per step and per team; compromise intervals per node (for time to contain); service outages (for
 * availability); alerts carrying each indicator value (for sightings). Events are the log's own record
 * of what happened, so these figures hold for any state the log replays to.
 */
import { type EngineEvent, type Integrity, SEVERITY } from '../../engine/index.ts';

export interface AlertRecord {
  id: string;
  team: string;
  t: number;
  node: string;
  source: string;
  technique: string;
  indicators: string[];
  fp: boolean;
  step: string | null;
  attempt: number | null;
}

/** A period in which a node was compromised and still connected (an open compromise episode). */
export interface BadInterval {
  from: number;
  to: number | null;
}

export interface ServiceOutage {
  from: number;
  to: number | null;
}

export interface Timeline {
  /** Every alert, with its truth, in delivery order. */
  alerts: AlertRecord[];
  /** attempt index -> team -> first true alert time. */
  attemptAlert: Map<number, Map<string, number>>;
  /** step id -> team -> first true alert time. */
  stepAlert: Map<string, Map<string, number>>;
  /** node id -> compromise-while-connected intervals. */
  bad: Map<string, BadInterval[]>;
  /** `node|service` -> outages. */
  outages: Map<string, ServiceOutage[]>;
  /** step id -> first time it started. */
  stepStarted: Map<string, number>;
  endReason: string | null;
}

interface NodeStateData {
  node: string;
  integrity: Integrity;
  network: 'connected' | 'isolated';
}
interface NodeStatusData {
  node: string;
  services: { id: string; up: boolean }[];
}
interface AlertData {
  id: string;
  t: number;
  node: string;
  source: string;
  technique: string;
  indicators: string[];
}
interface TruthData {
  team: string;
  alert: string;
  fp: boolean;
  step: string | null;
  attempt: number | null;
}

const setFirst = <K>(m: Map<K, Map<string, number>>, k: K, team: string, t: number): void => {
  let inner = m.get(k);
  if (!inner) m.set(k, (inner = new Map()));
  if (!inner.has(team)) inner.set(team, t);
};

/** Indexes the events of one exercise. */
export function buildTimeline(events: readonly EngineEvent[]): Timeline {
  const pending = new Map<string, AlertData>();
  const alerts: AlertRecord[] = [];
  const attemptAlert = new Map<number, Map<string, number>>();
  const stepAlert = new Map<string, Map<string, number>>();
  const bad = new Map<string, BadInterval[]>();
  const outages = new Map<string, ServiceOutage[]>();
  const stepStarted = new Map<string, number>();
  let endReason: string | null = null;

  for (const e of events) {
    switch (e.type) {
      case 'alert': {
        const a = e.data as AlertData;
        pending.set(a.id, a);
        break;
      }
      case 'alert.truth': {
        const x = e.data as TruthData;
        const a = pending.get(x.alert);
        if (!a) break;
        pending.delete(x.alert);
        alerts.push({ id: a.id, team: x.team, t: a.t, node: a.node, source: a.source, technique: a.technique, indicators: a.indicators, fp: x.fp, step: x.step, attempt: x.attempt });
        if (x.fp) break;
        if (x.attempt !== null) setFirst(attemptAlert, x.attempt, x.team, a.t);
        if (x.step !== null) setFirst(stepAlert, x.step, x.team, a.t);
        break;
      }
      case 'node.state': {
        const d = e.data as NodeStateData;
        const isBad = SEVERITY[d.integrity] > 0 && d.network === 'connected';
        let list = bad.get(d.node);
        if (!list) bad.set(d.node, (list = []));
        const last = list[list.length - 1];
        const open = last !== undefined && last.to === null;
        if (isBad && !open) list.push({ from: e.t, to: null });
        else if (!isBad && open) last.to = e.t;
        break;
      }
      case 'node.status': {
        const d = e.data as NodeStatusData;
        for (const sv of d.services) {
          const key = `${d.node}|${sv.id}`;
          let list = outages.get(key);
          if (!list) outages.set(key, (list = []));
          const last = list[list.length - 1];
          const open = last !== undefined && last.to === null;
          if (!sv.up && !open) list.push({ from: e.t, to: null });
          else if (sv.up && open) last.to = e.t;
        }
        break;
      }
      case 'red.step.started': {
        const id = (e.data as { step: string }).step;
        if (!stepStarted.has(id)) stepStarted.set(id, e.t);
        break;
      }
      case 'exercise.ended':
        endReason = (e.data as { reason?: string }).reason ?? null;
        break;
      default:
        break;
    }
  }
  return { alerts, attemptAlert, stepAlert, bad, outages, stepStarted, endReason };
}

/** When the compromise of `node` that was open at time `t` was contained, or null (never, or not open). */
export function containedAfter(tl: Timeline, node: string, t: number): { open: boolean; at: number | null } {
  for (const iv of tl.bad.get(node) ?? []) {
    if (iv.from <= t && (iv.to === null || iv.to > t)) return { open: true, at: iv.to };
  }
  return { open: false, at: null };
}

/** Total time a service was down within [from, to], and how many outages touched that window. */
export function downtime(tl: Timeline, node: string, service: string, from: number, to: number): { ms: number; outages: number } {
  let ms = 0;
  let n = 0;
  for (const o of tl.outages.get(`${node}|${service}`) ?? []) {
    const a = Math.max(from, o.from);
    const b = Math.min(to, o.to ?? to);
    if (b > a || (o.from >= from && o.from < to)) n++;
    if (b > a) ms += b - a;
  }
  return { ms, outages: n };
}
