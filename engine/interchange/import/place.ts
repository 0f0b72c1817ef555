/**
 * Puts imported parts into a base scenario the author names: a campaign (added, or replacing the one
 * with the same id) aimed at the scenario's blue teams, or injects (added, replacing same ids). Ids
 * that would collide with the rest of the scenario are renamed and every reference follows, so that
 * the result validates.
 */
import type { CampaignT, InjectT, NodeT, SegmentT, StepT, TargetSelectorT, TeamT } from '../../scenario/schema/index.ts';
import { type Diagnostic, type ImportResult, result } from './diagnostics.ts';
import { IdAllocator } from './ids.ts';

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
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

function textValues(t: unknown): string[] {
  return typeof t === 'string' ? [t] : isObj(t) ? Object.values(t).filter((v): v is string => typeof v === 'string') : [];
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
  const network = isObj(base.network) ? base.network : undefined;
  if (!Array.isArray(base.teams) || !network) return undefined;
  const segments = new Map(arr<SegmentT>(network.segments).filter(isObj).map((s) => [s.id, s]));
  const nodesOf = new Map<string, { node: NodeT; segment: SegmentT }[]>();
  for (const node of arr<NodeT>(network.nodes).filter(isObj)) {
    const segment = segments.get(node.segment);
    if (segment) nodesOf.set(segment.owner, [...(nodesOf.get(segment.owner) ?? []), { node, segment }]);
  }
  return { teams: arr<TeamT>(base.teams).filter(isObj), nodesOf };
}

/** Static part of a selector (no state, no sameAs): does this node of `team` match it? */
function matches(sel: TargetSelectorT, team: string, { node, segment }: { node: NodeT; segment: SegmentT }): boolean {
  return (sel.team === undefined || sel.team === team) && (sel.segment === undefined || sel.segment === segment.id)
    && (sel.zone === undefined || sel.zone === segment.zone) && (sel.kind === undefined || sel.kind.includes(node.kind))
    && (sel.tags === undefined || sel.tags.every((t) => node.tags?.includes(t)))
    && (sel.minCriticality === undefined || node.criticality >= sel.minCriticality);
}

/** Aims a selector at a team, dropping criteria (tags, kind, zone) that no node of that team meets. */
function aim(sel: TargetSelectorT, team: string, net: Network, step: StepT, diagnostics: Diagnostic[]): TargetSelectorT {
  const nodes = net.nodesOf.get(team) ?? [];
  const out: TargetSelectorT = { ...sel, team };
  delete out.nodes;
  delete out.segment;
  for (const key of ['tags', 'kind', 'zone', 'minCriticality'] as const) {
    if (out[key] !== undefined && !nodes.some((n) => matches(out, team, n))) {
      diagnostics.push({ severity: 'note', object: step.id, message: `no node of team ${team} matches ${key} ${JSON.stringify(out[key])}; criterion dropped` });
      delete out[key];
    }
  }
  return out;
}

/** Places a campaign into a copy of `base` (a scenario object, possibly without campaigns yet). */
export function placeCampaign(base: unknown, imported: CampaignT, options: PlaceCampaignOptions = {}): ImportResult<Obj> {
  const diagnostics: Diagnostic[] = [];
  if (!isObj(base)) return { ok: false, diagnostics: [{ severity: 'error', message: 'the base scenario is not a mapping' }] };
  const scenario = structuredClone(base);
  const net = readNetwork(scenario);
  if (!net) return { ok: false, diagnostics: [{ severity: 'error', message: 'the base scenario needs teams and a network to place a campaign into' }] };
  const campaignId = options.campaignId ?? imported.id;
  const others = arr<CampaignT>(scenario.campaigns).filter((c) => isObj(c) && c.id !== campaignId);
  if (others.length < arr(scenario.campaigns).length) diagnostics.push({ severity: 'note', object: campaignId, message: 'replaces the base scenario\'s campaign with this id' });

  let fixed: TeamT | undefined;
  if (options.team !== undefined) {
    fixed = findBlueTeam(net.teams, options.team);
    const blue = net.teams.filter((t) => t.role === 'blue').map((t) => t.id).join(', ');
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
    const map = new Map<string, string>();
    for (const id of ids) {
      const to = allocator.take(id);
      map.set(id, to);
      if (to !== id) diagnostics.push({ severity: 'note', object: id, message: `${kind} id already used by another campaign; renamed ${to}` });
    }
    return (id: string) => map.get(id) ?? id;
  };
  const step = rename('step', stepIds, imported.steps.map((s) => s.id));
  const indicator = rename('indicator', indicatorIds, (imported.indicators ?? []).map((i) => i.id));
  const objective = rename('objective', objectiveIds, (imported.objectives ?? []).map((o) => o.id));

  const teamOf = new Map<string, string>();
  let turn = 0;
  const steps = imported.steps.map((s) => {
    const pre = [...(s.requires ?? []), ...(s.requiresAny ?? []), ...(s.target.sameAs ? [s.target.sameAs] : [])];
    const inherited = pre.map((p) => teamOf.get(p)).find((t) => t !== undefined);
    const team = fixed?.id ?? inherited ?? rotation[turn++ % rotation.length]!;
    teamOf.set(s.id, team);
    const out: StepT = { ...s, id: step(s.id) };
    if (s.requires) out.requires = s.requires.map(step);
    if (s.requiresAny) out.requiresAny = s.requiresAny.map(step);
    if (s.indicators) out.indicators = s.indicators.map(indicator);
    if (s.objective) out.objective = objective(s.objective);
    out.target = s.target.sameAs ? { ...s.target, sameAs: step(s.target.sameAs) } : aim(s.target, team, net, s, diagnostics);
    return out;
  });
  const campaign: CampaignT = {
    ...imported,
    id: campaignId,
    ...(imported.indicators ? { indicators: imported.indicators.map((i) => ({ ...i, id: indicator(i.id) })) } : {}),
    ...(imported.objectives ? { objectives: imported.objectives.map((o) => ({ ...o, id: objective(o.id) })) } : {}),
    steps,
  };
  const position = arr<CampaignT>(scenario.campaigns).findIndex((c) => isObj(c) && c.id === campaignId);
  const campaigns = [...arr<CampaignT>(scenario.campaigns)];
  if (position >= 0) campaigns[position] = campaign;
  else campaigns.push(campaign);
  scenario.campaigns = campaigns;
  return result(scenario, diagnostics);
}

/** Adds injects to a copy of `base`; an imported inject replaces the base's inject with the same id. */
export function placeInjects(base: unknown, injects: readonly InjectT[]): ImportResult<Obj> {
  if (!isObj(base)) return { ok: false, diagnostics: [{ severity: 'error', message: 'the base scenario is not a mapping' }] };
  const scenario = structuredClone(base);
  const diagnostics: Diagnostic[] = [];
  const merged = [...arr<InjectT>(scenario.injects)];
  for (const inject of injects) {
    const at = merged.findIndex((i) => isObj(i) && i.id === inject.id);
    if (at >= 0) {
      merged[at] = inject;
      diagnostics.push({ severity: 'note', object: inject.id, message: 'replaces the base scenario\'s inject with this id' });
    } else merged.push(inject);
  }
  scenario.injects = merged;
  return result(scenario, diagnostics);
}
