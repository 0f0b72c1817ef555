/**
 * Puts imported parts into a base scenario the author names: a campaign (added, or replacing the one
 * with the same id) aimed at the scenario's blue teams, or injects (added, replacing same ids). Ids
 * that would collide with the rest of the scenario are renamed and every reference follows, so that
 * the result validates.
 */
import { type CampaignT, type IndicatorT, type InjectT, type NodeT, type SegmentT, type StepT, type TargetSelectorT, type TeamT, isRecord } from '../../engine/index.ts';
import { type Diagnostic, type ImportResult, result } from '../lib/diagnostics.ts';
import { IdAllocator } from '../lib/ids.ts';

export interface PlaceCampaignOptions {
  /** Id for the placed campaign (default: the imported one's); a campaign with this id is replaced. */
  campaignId?: string;
  /**
   * Blue team (id or name) that every step targets. Default: the blue teams in turn, one per root
   * step of the campaign (a step without preconditions); later steps stay with their predecessor's team.
   */
  team?: string;
}

type Obj = Record<string, unknown>;
const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

function textValues(t: unknown): string[] {
  return typeof t === 'string' ? [t] : isRecord(t) ? Object.values(t).filter((v): v is string => typeof v === 'string') : [];
}

/** The blue team an author means by an id or a name (any language), ignoring case. */
export function findBlueTeam(teams: readonly TeamT[], wanted: string): TeamT | undefined {
  const w = wanted.trim().toLowerCase();
  const blue = teams.filter((t) => t.role === 'blue');
  return blue.find((t) => t.id.toLowerCase() === w) ?? blue.find((t) => textValues(t.name).some((n) => n.trim().toLowerCase() === w));
}

interface Network {
  teams: TeamT[];
  nodesOf: Map<string, { node: NodeT; segment: SegmentT }[]>;
}

function readNetwork(base: Obj): Network | undefined {
  const network = isRecord(base.network) ? base.network : undefined;
  if (!Array.isArray(base.teams) || !network) return undefined;
  const segments = new Map(
    arr<SegmentT>(network.segments)
      .filter(isRecord)
      .map((s) => [s.id, s]),
  );
  const nodesOf = new Map<string, { node: NodeT; segment: SegmentT }[]>();
  for (const node of arr<NodeT>(network.nodes).filter(isRecord)) {
    const segment = segments.get(node.segment);
    if (segment) nodesOf.set(segment.owner, [...(nodesOf.get(segment.owner) ?? []), { node, segment }]);
  }
  return { teams: arr<TeamT>(base.teams).filter(isRecord), nodesOf };
}

/** Static part of a selector (no state, no sameAs): does this node of `team` match it? */
function matches(sel: TargetSelectorT, team: string, { node, segment }: { node: NodeT; segment: SegmentT }): boolean {
  return (
    (sel.team === undefined || sel.team === team) &&
    (sel.segment === undefined || sel.segment === segment.id) &&
    (sel.zone === undefined || sel.zone === segment.zone) &&
    (sel.kind === undefined || sel.kind.includes(node.kind)) &&
    (sel.tags === undefined || sel.tags.every((t) => node.tags?.includes(t))) &&
    (sel.minCriticality === undefined || node.criticality >= sel.minCriticality)
  );
}

/** Aims a selector at a team, dropping criteria (tags, kind, zone) that no node of that team meets. */
function aim(sel: TargetSelectorT, team: string, net: Network, step: StepT, diagnostics: Diagnostic[]): TargetSelectorT {
  const nodes = net.nodesOf.get(team) ?? [];
  const out: TargetSelectorT = { ...sel, team };
  delete out.nodes;
  delete out.segment;
  if (out.tags) {
    // Keep the tags of the node that carries most of them (all tags must match one node).
    const wanted = out.tags;
    const best = nodes.map((n) => wanted.filter((t) => n.node.tags?.includes(t))).sort((a, b) => b.length - a.length)[0] ?? [];
    if (best.length < wanted.length) {
      diagnostics.push({
        severity: 'note',
        object: step.id,
        message: `no node of team ${team} carries the tag(s) ${wanted.filter((t) => !best.includes(t)).join(', ')}; ${best.length > 0 ? `kept ${best.join(', ')}` : 'tags dropped'}`,
      });
    }
    if (best.length > 0) out.tags = best;
    else delete out.tags;
  }
  for (const key of ['kind', 'zone', 'minCriticality'] as const) {
    if (out[key] !== undefined && !nodes.some((n) => matches(out, team, n))) {
      diagnostics.push({ severity: 'note', object: step.id, message: `no node of team ${team} matches ${key} ${JSON.stringify(out[key])}; criterion dropped` });
      delete out[key];
    }
  }
  return out;
}

/** The next team in turn, preferring one that owns a node carrying one of the selector's tags. */
function nextTeam(rotation: readonly string[], turn: number, net: Network, tags: readonly string[] | undefined): string {
  const order = rotation.map((_, k) => rotation[(turn + k) % rotation.length]!);
  const tagged = tags ? order.find((t) => (net.nodesOf.get(t) ?? []).some((n) => tags.some((tag) => n.node.tags?.includes(tag)))) : undefined;
  return tagged ?? order[0]!;
}

/** Places a campaign into a copy of `base` (a scenario object, possibly without campaigns yet). */
export function placeCampaign(base: unknown, imported: CampaignT, options: PlaceCampaignOptions = {}): ImportResult<Obj> {
  const diagnostics: Diagnostic[] = [];
  if (!isRecord(base)) return { ok: false, diagnostics: [{ severity: 'error', message: 'the base scenario is not a mapping' }] };
  const scenario = structuredClone(base);
  const net = readNetwork(scenario);
  if (!net) return { ok: false, diagnostics: [{ severity: 'error', message: 'the base scenario needs teams and a network to place a campaign into' }] };
  const campaignId = options.campaignId ?? imported.id;
  const others = arr<CampaignT>(scenario.campaigns).filter((c) => isRecord(c) && c.id !== campaignId);
  if (others.length < arr(scenario.campaigns).length) diagnostics.push({ severity: 'note', object: campaignId, message: "replaces the base scenario's campaign with this id" });

  let fixed: TeamT | undefined;
  if (options.team !== undefined) {
    fixed = findBlueTeam(net.teams, options.team);
    const blue = net.teams
      .filter((t) => t.role === 'blue')
      .map((t) => t.id)
      .join(', ');
    if (!fixed) return { ok: false, diagnostics: [{ severity: 'error', object: options.team, message: `no blue team with this id or name (blue teams: ${blue || 'none'})` }] };
    if (!net.nodesOf.has(fixed.id)) return { ok: false, diagnostics: [{ severity: 'error', object: fixed.id, message: 'this team owns no nodes to target' }] };
  }
  const rotation = net.teams.filter((t) => t.role === 'blue' && net.nodesOf.has(t.id)).map((t) => t.id);
  if (rotation.length === 0) return { ok: false, diagnostics: [{ severity: 'error', message: 'the base scenario has no blue team that owns nodes: nothing to target' }] };

  // Rename what collides with the other campaigns; every reference follows.
  const stepIds = new IdAllocator(others.flatMap((c) => arr<StepT>(c.steps).map((s) => s.id)));
  const indicatorIds = new IdAllocator(others.flatMap((c) => arr<{ id: string }>(c.indicators).map((i) => i.id)));
  const objectiveIds = new IdAllocator(others.flatMap((c) => arr<{ id: string }>(c.objectives).map((o) => o.id)));
  const rename = (kind: string, allocator: IdAllocator, ids: string[]) => {
    // Ids that do not collide are kept and reserved first, so a renamed id never lands on one of them.
    const clashing = ids.filter((id) => allocator.has(id));
    for (const id of ids) if (!clashing.includes(id)) allocator.take(id);
    const map = new Map<string, string>();
    for (const id of clashing) {
      const to = allocator.take(id);
      map.set(id, to);
      diagnostics.push({ severity: 'note', object: id, message: `${kind} id already used by another campaign; renamed ${to}` });
    }
    return (id: string) => map.get(id) ?? id;
  };
  const step = rename(
    'step',
    stepIds,
    imported.steps.map((s) => s.id),
  );
  // An imported indicator with the same kind and value as another campaign's is that indicator.
  const existing = others.flatMap((c) => arr<IndicatorT>(c.indicators));
  const shared = new Map<string, string>();
  for (const i of imported.indicators ?? []) {
    const same = i.value !== undefined ? existing.find((e) => e.kind === i.kind && e.value === i.value) : undefined;
    if (same) {
      shared.set(i.id, same.id);
      diagnostics.push({ severity: 'note', object: i.id, message: `same ${i.kind} as indicator ${same.id} of another campaign; the steps use that one` });
    }
  }
  const own = (imported.indicators ?? []).filter((i) => !shared.has(i.id));
  const renamed = rename(
    'indicator',
    indicatorIds,
    own.map((i) => i.id),
  );
  const indicator = (id: string) => shared.get(id) ?? renamed(id);
  const objective = rename(
    'objective',
    objectiveIds,
    (imported.objectives ?? []).map((o) => o.id),
  );

  const teamOf = new Map<string, string>();
  let turn = 0;
  const steps = imported.steps.map((s) => {
    const pre = [...(s.requires ?? []), ...(s.requiresAny ?? []), ...(s.target.sameAs ? [s.target.sameAs] : [])];
    const inherited = pre.map((p) => teamOf.get(p)).find((t) => t !== undefined);
    const team = fixed?.id ?? inherited ?? nextTeam(rotation, turn++, net, s.target.sameAs ? undefined : s.target.tags);
    teamOf.set(s.id, team);
    const out: StepT = { ...s, id: step(s.id) };
    if (s.requires) out.requires = s.requires.map(step);
    if (s.requiresAny) out.requiresAny = s.requiresAny.map(step);
    if (s.indicators) out.indicators = s.indicators.map(indicator);
    if (s.objective) out.objective = objective(s.objective);
    out.target = s.target.sameAs ? { ...s.target, sameAs: step(s.target.sameAs) } : aim(s.target, team, net, s, diagnostics);
    return out;
  });
  pruneDetection(steps, net, diagnostics);
  const { indicators: _indicators, objectives: _objectives, ...rest } = imported;
  const campaign: CampaignT = {
    ...rest,
    id: campaignId,
    ...(own.length > 0 ? { indicators: own.map((i) => ({ ...i, id: indicator(i.id) })) } : {}),
    ...(imported.objectives ? { objectives: imported.objectives.map((o) => ({ ...o, id: objective(o.id) })) } : {}),
    steps,
  };
  const position = arr<CampaignT>(scenario.campaigns).findIndex((c) => isRecord(c) && c.id === campaignId);
  const campaigns = [...arr<CampaignT>(scenario.campaigns)];
  if (position >= 0) campaigns[position] = campaign;
  else campaigns.push(campaign);
  scenario.campaigns = campaigns;
  return result(scenario, diagnostics);
}

/**
 * Drops detection probabilities for sensor kinds that cover none of the nodes a step can target
 * (the same static reading as the validator: selector criteria, narrowed by sameAs), so that the
 * placed campaign carries no probability that can never apply.
 */
function pruneDetection(steps: StepT[], net: Network, diagnostics: Diagnostic[]): void {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const memo = new Map<string, { node: NodeT; segment: SegmentT }[]>();
  const all = [...net.nodesOf].flatMap(([team, nodes]) => nodes.map((n) => ({ team, ...n })));
  const candidates = (s: StepT): { node: NodeT; segment: SegmentT }[] => {
    const cached = memo.get(s.id);
    if (cached) return cached;
    memo.set(s.id, []);
    const narrow = s.target.sameAs !== undefined && byId.has(s.target.sameAs) ? new Set(candidates(byId.get(s.target.sameAs)!).map((n) => n.node.id)) : undefined;
    const out = all.filter((n) => matches(s.target, n.team, n) && (!s.target.nodes || s.target.nodes.includes(n.node.id)) && (!narrow || narrow.has(n.node.id)));
    memo.set(s.id, out);
    return out;
  };
  const kinds = (list: SegmentT['sensors']) => (list ?? []).map((x) => (typeof x === 'string' ? x : x.kind));
  const droppedFrom = new Map<string, string[]>();
  for (const s of steps) {
    if (!s.detection) continue;
    const covered = new Set(candidates(s).flatMap((n) => [...kinds(n.node.sensors), ...kinds(n.segment.sensors)]));
    const dropped = Object.keys(s.detection).filter((k) => !covered.has(k as never));
    if (dropped.length === 0) continue;
    const kept = Object.fromEntries(Object.entries(s.detection).filter(([k]) => covered.has(k as never)));
    if (Object.keys(kept).length > 0) s.detection = kept;
    else delete s.detection;
    for (const k of dropped) droppedFrom.set(k, [...(droppedFrom.get(k) ?? []), s.id]);
  }
  for (const [kind, ids] of droppedFrom) {
    diagnostics.push({
      severity: 'note',
      object: ids[0],
      message: `detection by ${kind} dropped from ${ids.length} step(s) (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', ...' : ''}): no node they can target has a ${kind} sensor`,
    });
  }
}

/** Adds injects to a copy of `base`; an imported inject replaces the base's inject with the same id. */
export function placeInjects(base: unknown, injects: readonly InjectT[]): ImportResult<Obj> {
  if (!isRecord(base)) return { ok: false, diagnostics: [{ severity: 'error', message: 'the base scenario is not a mapping' }] };
  const scenario = structuredClone(base);
  const diagnostics: Diagnostic[] = [];
  const merged = [...arr<InjectT>(scenario.injects)];
  for (const inject of injects) {
    const at = merged.findIndex((i) => isRecord(i) && i.id === inject.id);
    if (at >= 0) {
      merged[at] = inject;
      diagnostics.push({ severity: 'note', object: inject.id, message: "replaces the base scenario's inject with this id" });
    } else merged.push(inject);
  }
  scenario.injects = merged;
  return result(scenario, diagnostics);
}
