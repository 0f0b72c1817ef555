/**
 * Id tables, built once: every kind of id is unique within its scope (teams, segments, nodes,
 * campaigns, steps and indicators across all campaigns, injects, actions, moves, capabilities,
 * objectives; services, vulnerabilities and sensors within a node; tasks within a capability).
 */
import type { PathSegment } from '../../lib/diagnostic.ts';
import type { Ctx, Entry, Tables } from './context.ts';

/** Adds `items` to a table by id; a repeated id is an error pointing at the first definition. */
function collect<T extends { id: string }, E extends Entry<T>>(
  ctx: Ctx,
  table: Map<string, E>,
  items: readonly T[] | undefined,
  base: readonly PathSegment[],
  kind: string,
  extra: (item: T) => Omit<E, 'value' | 'path'>,
  scope = '',
): void {
  items?.forEach((item, i) => {
    const path = [...base, i];
    const first = table.get(item.id);
    if (first) {
      ctx.error([...path, 'id'], `duplicate ${kind} id "${item.id}"${scope} (first defined on ${ctx.where(first.path)})`);
      return;
    }
    table.set(item.id, { value: item, path, ...extra(item) } as E);
  });
}

/** Reports repeated values in a list of ids or names (a warning: the repetition does nothing). */
export function warnRepeats(ctx: Ctx, list: readonly string[] | undefined, path: readonly PathSegment[], what: string): void {
  if (!list) return;
  const seen = new Set<string>();
  list.forEach((v, i) => {
    if (seen.has(v)) ctx.warn([...path, i], `${what} "${v}" is listed twice`);
    seen.add(v);
  });
}

export function buildTables(ctx: Ctx): Tables {
  const s = ctx.s;
  const t: Tables = {
    teams: new Map(),
    segments: new Map(),
    nodes: new Map(),
    campaigns: new Map(),
    steps: new Map(),
    indicators: new Map(),
    injects: new Map(),
    actions: new Map(),
    moves: new Map(),
    capabilities: new Map(),
    objectives: new Map(),
    vulnerabilityNodes: new Map(),
    serviceNodes: new Map(),
    teamNodes: new Map(),
    segmentNodes: new Map(),
  };
  const none = () => ({});
  collect(ctx, t.teams, s.teams, ['teams'], 'team', none);
  collect(ctx, t.segments, s.network.segments, ['network', 'segments'], 'segment', none);
  collect(ctx, t.nodes, s.network.nodes, ['network', 'nodes'], 'node', none);
  collect(ctx, t.campaigns, s.campaigns, ['campaigns'], 'campaign', none);
  s.campaigns.forEach((c, ci) => {
    collect(ctx, t.steps, c.steps, ['campaigns', ci, 'steps'], 'step', () => ({ campaign: c }));
    collect(ctx, t.indicators, c.indicators, ['campaigns', ci, 'indicators'], 'indicator', () => ({ campaign: c }));
    collect(ctx, new Map(), c.objectives, ['campaigns', ci, 'objectives'], 'objective', none, ` in campaign "${c.id}"`);
  });
  collect(ctx, t.injects, s.injects, ['injects'], 'inject', none);
  collect(ctx, t.actions, s.actions, ['actions'], 'action', none);
  collect(ctx, t.moves, s.moves, ['moves'], 'move', none);
  collect(ctx, t.capabilities, s.capabilities, ['capabilities'], 'capability', (c) => ({ tasks: new Set(c.tasks.map((k) => k.id)) }));
  s.capabilities?.forEach((c, ci) => collect(ctx, new Map(), c.tasks, ['capabilities', ci, 'tasks'], 'task', none, ` in capability "${c.id}"`));
  collect(ctx, t.objectives, s.objectives, ['objectives'], 'objective', none);

  const segmentOwner = new Map<string, string>();
  for (const seg of s.network.segments) if (!segmentOwner.has(seg.id)) segmentOwner.set(seg.id, seg.owner);
  s.network.nodes.forEach((node, ni) => {
    // Most nodes have one or two services and vulnerabilities: only build a table when ids can repeat.
    if ((node.services?.length ?? 0) > 1) collect(ctx, new Map(), node.services, ['network', 'nodes', ni, 'services'], 'service', none, ` in node "${node.id}"`);
    if ((node.vulnerabilities?.length ?? 0) > 1) collect(ctx, new Map(), node.vulnerabilities, ['network', 'nodes', ni, 'vulnerabilities'], 'vulnerability', none, ` in node "${node.id}"`);
    if ((node.sensors?.length ?? 0) > 1) warnRepeats(ctx, node.sensors?.map(sensorKind), ['network', 'nodes', ni, 'sensors'], 'sensor');
    if ((node.tags?.length ?? 0) > 1) warnRepeats(ctx, node.tags, ['network', 'nodes', ni, 'tags'], 'tag');
    for (const v of node.vulnerabilities ?? []) addTo(t.vulnerabilityNodes, v.id, node.id);
    for (const v of node.services ?? []) addTo(t.serviceNodes, v.id, node.id);
    addTo(t.segmentNodes, node.segment, node.id);
    const owner = segmentOwner.get(node.segment);
    if (owner !== undefined) addTo(t.teamNodes, owner, node.id);
  });
  s.network.segments.forEach((seg, si) => {
    warnRepeats(ctx, seg.sensors?.map(sensorKind), ['network', 'segments', si, 'sensors'], 'sensor');
  });
  return t;
}

function sensorKind(x: string | { kind: string }): string {
  return typeof x === 'string' ? x : x.kind;
}

/** Appends a node id to a list in a map, once per node. */
function addTo(map: Map<string, string[]>, key: string, nodeId: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [nodeId]);
  else if (list[list.length - 1] !== nodeId) list.push(nodeId);
}
