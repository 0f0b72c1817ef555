/**
 * Node truth changes, driven through the node machine, with their consequences: service availability
 * and needless-isolation integrals for scoring, compromise episodes for response scoring, the white-only
 * truth event, the observable status event for the teams that see the node, and condition triggers.
 */
import type { CNode } from '../compile/types.ts';
import { nodeNext, SEVERITY } from '../machines/index.ts';
import { type Ctx, team, WHITE } from './ctx.ts';
import type { Audience } from './events.ts';
import type { ExerciseState, NodeRt, ScoreRt } from './state.ts';
import { onDependency } from './conditions.ts';
import { own } from '../lib/own.ts';
import { closeEpisode, openEpisode } from './score.ts';
import { played } from './play.ts';
import { touchNode } from './changes.ts';

/**
 * Brings a team's time integrals up to the current clock before a rate changes: downtime in simulated
 * time, needless isolation in play (the team could not undo it in jumped time: play.ts).
 */
function integrate(s: ExerciseState, sc: ScoreRt): void {
  const dt = s.clock - sc.last;
  if (dt > 0) {
    sc.downAcc += sc.downW * dt;
    sc.needAcc += sc.needW * played(s, sc.last, s.clock);
    sc.last = s.clock;
  }
}

/** Whether a service of a node is up as its users experience it. */
export function serviceUp(n: NodeRt, service: string): boolean {
  return n.network === 'connected' && SEVERITY[n.integrity] < 4 && !n.down.includes(service);
}

function downWeight(c: CNode, n: NodeRt): number {
  let w = 0;
  for (const v of c.services) if (!serviceUp(n, v.id)) w += c.criticality;
  return w;
}

const needless = (c: CNode, n: NodeRt): number => (n.network === 'isolated' && SEVERITY[n.integrity] === 0 ? c.criticality : 0);

/** Teams that see a node's observable status: the owner and the teams its segment is shared with. */
export function observers(state: ExerciseState, ni: number): Audience[] {
  const c = state.scenario.nodes[ni] as CNode;
  let out = OBSERVERS.get(c);
  if (out === undefined) {
    const seg = state.scenario.segments[c.segment];
    out = [team(c.owner)];
    if (seg) for (const t of seg.sharedWith) out.push(team(t));
    OBSERVERS.set(c, out);
  }
  return out;
}
/** observers per compiled node (the scenario is immutable; an event's audience is never changed). */
const OBSERVERS = new WeakMap<CNode, Audience[]>();

/**
 * Applies a change to node `ni`: `mutate` changes its runtime (after the machine accepted the event, if
 * any). Returns false, changing nothing, when the node machine refuses the event.
 */
export function changeNode(ctx: Ctx, ni: number, event: string | null, cause: string, mutate?: (n: NodeRt) => void): boolean {
  const s = ctx.state;
  const n = s.nodes[ni] as NodeRt;
  const c = s.scenario.nodes[ni] as CNode;
  let next: { integrity: NodeRt['integrity']; network: NodeRt['network'] } | undefined;
  if (event !== null) {
    next = nodeNext(n, event);
    if (!next) return false;
  }
  touchNode(s, ni);
  const sc = (own(s.teams, c.owner) as { score: ScoreRt }).score;
  integrate(s, sc);
  const integrity = n.integrity;
  const network = n.network;
  const downW = n.downW;
  const need = needless(c, n);
  const vis = visible(c, n);
  if (next) {
    n.integrity = next.integrity;
    n.network = next.network;
  }
  mutate?.(n);
  n.downW = downWeight(c, n);
  sc.downW += n.downW - downW;
  sc.needW += needless(c, n) - need;
  episodes(s, c, n, sc, integrity, network);
  if (n.integrity !== integrity || n.network !== network) {
    ctx.emit('node.state', cause, { node: c.id, integrity: n.integrity, network: n.network }, WHITE);
    if (n.integrity !== integrity) onDependency(ctx, `node:${ni}`, null);
  }
  // Observers see the change, not its cause (which may name a red step): the actor is the engine.
  if (visible(c, n) !== vis) ctx.emit('node.status', 'engine', nodeStatus(s, ni), observers(s, ni));
  return true;
}

/** What the node's observers see of it, as bits (a string past 29 services): equal when they see no change. */
function visible(c: CNode, n: NodeRt): number | string {
  const services = c.services;
  if (services.length > 29) {
    let k = `${n.network}|${n.defaced ? 1 : 0}`;
    for (const v of services) k += serviceUp(n, v.id) ? '1' : '0';
    return k;
  }
  let k = (n.network === 'connected' ? 1 : 0) | (n.defaced ? 2 : 0);
  for (let i = 0; i < services.length; i++) if (serviceUp(n, (services[i] as { id: string }).id)) k |= 4 << i;
  return k;
}

/** What the teams that see a node know of it right now. */
export function nodeStatus(state: ExerciseState, ni: number) {
  const c = state.scenario.nodes[ni] as CNode;
  const n = state.nodes[ni] as NodeRt;
  return {
    node: c.id,
    isolated: n.network === 'isolated',
    defaced: n.defaced,
    services: c.services.map((v) => ({ id: v.id, up: serviceUp(n, v.id) })),
  };
}

/** Compromise episodes: open when a connected node becomes compromised, closed when contained. */
function episodes(s: ExerciseState, c: CNode, n: NodeRt, sc: ScoreRt, wasIntegrity: NodeRt['integrity'], wasNetwork: NodeRt['network']): void {
  const bad = SEVERITY[n.integrity] > 0 && n.network === 'connected';
  const wasBad = SEVERITY[wasIntegrity] > 0 && wasNetwork === 'connected';
  if (bad && !wasBad) {
    openEpisode(sc, c.id, s.clock);
    sc.episodes++;
  } else if (!bad && wasBad) {
    const since = own(sc.open, c.id);
    if (since !== undefined) {
      const delay = played(s, since, s.clock);
      const target = s.scenario.scoring.responseTarget;
      sc.closedCredit += delay <= target ? 1 : target / delay;
      closeEpisode(sc, c.id);
    }
  }
}
