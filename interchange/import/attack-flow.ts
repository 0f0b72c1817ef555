/**
 * Attack Flow 2.0 (STIX 2.1 bundle) -> red campaign. Actions become steps (technique by id, revoked
 * ids to their replacement, old names tolerated), the flow's edges, AND/OR operators and conditions
 * become `requires`/`requiresAny` (see flow-graph.ts for the exact reading), observables become
 * indicators of the steps that touch them, and assets become target tags.
 */
import { type CampaignT, type IndicatorT, jsonSyntaxError, type StepT, type TargetSelectorT, isRecord } from '../../engine/index.ts';
import type { Diagnostic, ImportResult } from '../lib/diagnostics.ts';
import { IdAllocator, slugId } from '../lib/ids.ts';
import { fullName, resolveTechnique, stepTactic, tacticShortname } from './techniques.ts';
import { stepDefaults } from './step-defaults.ts';
import { cutLoops, flowExpressions, type FlowNode, toPreconditions } from './flow-graph.ts';
import { actionIndicators } from './stix-indicators.ts';
import { afbObjects, isAfb } from './afb.ts';
import { checked } from './caldera.ts';

export interface AttackFlowOptions {
  /** Campaign id (default: from the flow's name). */
  campaignId?: string;
  /** When the first steps may start (default 15m). */
  start?: string;
  /** Name used in diagnostics that are not about one object (default "bundle"). */
  file?: string;
}

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const refs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string') : []);

/** Infrastructure kinds that describe the defender's side, and so may name target nodes. */
const VICTIM_INFRASTRUCTURE = new Set(['workstation', 'control-system', 'firewall', 'routers-switches', 'network-share']);

function readBundle(input: string | unknown, diagnostics: Diagnostic[]): Obj[] | undefined {
  let bundle: unknown = input;
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    try {
      bundle = JSON.parse(text);
    } catch (error) {
      // JSON.parse does not always say where (V8: "Unexpected token ..., "...x"... is not valid JSON"): the scanner does.
      const at = jsonSyntaxError(text);
      if (!at) diagnostics.push({ severity: 'error', message: `not valid JSON: ${(error as Error).message}` });
      else diagnostics.push({ severity: 'error', message: `not valid JSON at line ${at.line}, column ${at.col}: ${at.message}` });
      return undefined;
    }
  }
  let list: unknown[];
  if (isAfb(bundle)) {
    const converted = afbObjects(bundle);
    if (!converted.ok) {
      diagnostics.push({ severity: 'error', message: `${converted.message}; ${SHAPES}` });
      return undefined;
    }
    list = converted.objects;
  } else if (isRecord(bundle) && Array.isArray(bundle.objects) && (bundle.type === 'bundle' || bundle.objects.some((o) => isRecord(o) && str(o.type) && str(o.id)))) {
    list = bundle.objects;
  } else {
    diagnostics.push({ severity: 'error', message: `not an Attack Flow: ${SHAPES}` });
    return undefined;
  }
  const objects: Obj[] = [];
  const seen = new Set<string>();
  const untyped: number[] = [];
  list.forEach((o, i) => {
    if (!isRecord(o) || !str(o.id) || !str(o.type)) untyped.push(i);
    else if (seen.has(String(o.id))) {
      diagnostics.push({ severity: 'error', object: String(o.id), message: 'this id appears twice in the bundle' });
    } else {
      seen.add(String(o.id));
      objects.push(o);
    }
  });
  // One line for all of them: a file of another shape would otherwise say it once per object.
  if (untyped.length > 0) {
    const some = untyped
      .slice(0, 3)
      .map((i) => `objects[${i}]`)
      .join(', ');
    diagnostics.push({
      severity: 'error',
      object: `objects[${untyped[0]}]`,
      message: `${untyped.length} of ${list.length} objects have no "type" and "id" (${some}${untyped.length > 3 ? ', ...' : ''}): every STIX object needs both`,
    });
    if (objects.length === 0) return undefined;
  }
  return objects;
}

/** What each accepted format looks like, for the one-line refusal of anything else. */
const SHAPES =
  'expected a STIX 2.1 bundle as Attack Flow exports it ({"type": "bundle", "objects": [{"type": "attack-action", "id": ...}, ...]}) or an Attack Flow Builder file (.afb: {"schema": "attack_flow_v2", "objects": [{"id": "action", "instance": ..., "properties": [...]}, ...]})';

/** Imports one Attack Flow bundle (JSON text or parsed object) as a campaign. Never throws. */
export function importAttackFlow(input: string | unknown, options: AttackFlowOptions = {}): ImportResult<CampaignT> {
  const diagnostics: Diagnostic[] = [];
  const file = options.file ?? 'bundle';
  const list = readBundle(input, diagnostics);
  if (!list) return { ok: false, diagnostics };
  const objects = new Map(list.map((o) => [String(o.id), o]));
  const flow = list.find((o) => o.type === 'attack-flow');
  if (!flow) diagnostics.push({ severity: 'warning', message: 'no attack-flow object: the bundle is read as a flow anyway' });
  const isFlowNode = (id: string) => ['attack-action', 'attack-operator', 'attack-condition'].includes(String(objects.get(id)?.type));
  const edges = (from: Obj, prop: string): string[] =>
    refs(from[prop]).filter((to) => {
      if (isFlowNode(to)) return true;
      if (!objects.has(to)) diagnostics.push({ severity: 'warning', object: String(from.id), message: `${prop} names ${to}, which is not in the bundle; edge ignored` });
      return false;
    });

  const stepIds = new IdAllocator();
  const nodes: FlowNode[] = [];
  const stepOf = new Map<string, { duration: string; step: Omit<StepT, 'id' | 'target' | 'timing'> & { tactic: string } }>();
  for (const o of list) {
    const id = String(o.id);
    if (o.type === 'attack-operator') {
      const op = String(o.operator ?? '').toUpperCase();
      if (op !== 'AND' && op !== 'OR') diagnostics.push({ severity: 'error', object: id, message: `operator "${String(o.operator)}" is neither AND nor OR` });
      nodes.push({ kind: 'operator', id, op: op === 'OR' ? 'OR' : 'AND', next: edges(o, 'effect_refs') });
    } else if (o.type === 'attack-condition') {
      nodes.push({ kind: 'condition', id, onTrue: edges(o, 'on_true_refs'), onFalse: edges(o, 'on_false_refs') });
    } else if (o.type === 'attack-action') {
      const name = str(o.name);
      const match = resolveTechnique(str(o.technique_id), name);
      let step: string | undefined;
      if (!match) {
        const tactic = tacticShortname(str(o.tactic_id));
        const what = tactic ? `only a tactic (${tactic})` : str(o.technique_id) ? `technique "${str(o.technique_id)}", which is not in ATT&CK Enterprise v18.1` : 'no technique id';
        diagnostics.push({ severity: 'warning', object: id, message: `"${name ?? '(no name)'}" has ${what} and no ATT&CK technique of that name; skipped (the flow passes through it)` });
      } else {
        if (match.message) diagnostics.push({ severity: match.severity ?? 'note', object: id, message: match.message });
        const t = match.technique;
        const tactic = stepTactic(t, tacticShortname(str(o.tactic_id)));
        const stepName = name && name.toUpperCase() !== 'N/A' ? name : fullName(t);
        step = id; // the step's own id is given in flow order, below
        const d = stepDefaults(t, tactic);
        const description = str(o.description);
        stepOf.set(id, {
          duration: d.duration,
          step: { name: stepName, technique: t.id, tactic, ...(description ? { description } : {}), success: { base: d.success }, detection: d.detection, effects: d.effects, retry: d.retry },
        });
      }
      nodes.push({ kind: 'action', id, ...(step ? { step } : {}), next: edges(o, 'effect_refs') });
    }
  }
  // A campaign cannot require its own later steps: a loop is cut where it leads back into its earliest node.
  const cut = cutLoops(nodes);
  for (const loop of cut.cuts) {
    const [from, to] = [loop[loop.length - 2]!, loop[0]!];
    diagnostics.push({
      severity: 'warning',
      object: from,
      message: `the flow loops back on itself (${loop.join(' -> ')}); cut the edge ${from} -> ${to} (into the loop's first object in the file), so that ${to} does not require its own later steps`,
    });
  }
  const order = { order: cut.order };
  const expressions = flowExpressions(cut.nodes, order.order);
  const { indicators, byAction } = actionIndicators(objects, [...stepOf.keys()]);
  const tags = assetTags(objects);
  // Step ids are handed out in flow order, so that "-2", "-3" suffixes follow the flow.
  const stepId = new Map<string, string>();
  for (const nodeId of order.order) {
    const entry = stepOf.get(nodeId);
    if (entry) stepId.set(nodeId, stepIds.take(slugId(entry.step.name as string, `step-${stepId.size + 1}`)));
  }
  const steps: StepT[] = [];
  const position = new Map<string, number>();
  for (const nodeId of order.order) {
    const entry = stepOf.get(nodeId);
    const id = stepId.get(nodeId);
    if (!entry || !id) continue;
    const { step, duration } = entry;
    const raw = toPreconditions(expressions.get(nodeId) ?? { k: 'true' });
    const pre = { ...raw, requires: raw.requires.map((a) => stepId.get(a)!), requiresAny: raw.requiresAny.map((a) => stepId.get(a)!) };
    if (pre.widened) {
      diagnostics.push({
        severity: 'warning',
        object: nodeId,
        message: `the flow's logic before "${step.name as string}" does not fit requires + requiresAny; widened to requires [${pre.requires.join(', ')}], requiresAny [${pre.requiresAny.join(', ')}]`,
      });
    }
    const root = pre.requires.length === 0 && pre.requiresAny.length === 0;
    const latest = [...pre.requires].sort((a, b) => (position.get(b) ?? 0) - (position.get(a) ?? 0))[0];
    const actionTags = tags.get(nodeId);
    let target: TargetSelectorT;
    if (root || step.tactic === 'lateral-movement') target = { ...(actionTags ? { tags: actionTags } : {}), pick: root ? 1 : 2 };
    else if (latest) target = { sameAs: latest };
    else target = { state: 'compromised', pick: 1 };
    const used = byAction.get(nodeId);
    position.set(id, steps.length);
    steps.push({
      id,
      ...step,
      target,
      ...(pre.requires.length > 0 ? { requires: pre.requires } : {}),
      ...(pre.requiresAny.length > 0 ? { requiresAny: pre.requiresAny } : {}),
      timing: root ? { at: options.start ?? '15m', jitter: '10m', duration } : { after: '5m', jitter: '5m', duration },
      ...(used ? { indicators: used } : {}),
    });
  }
  if (steps.length === 0) {
    diagnostics.push({ severity: 'error', message: 'no attack-action maps to an ATT&CK technique; nothing to import' });
  }
  const usedIds = new Set(steps.flatMap((s) => s.indicators ?? []));
  const campaignIndicators: IndicatorT[] = indicators
    .filter((i) => usedIds.has(i.id))
    .map((i) => ({ id: i.id, kind: i.kind, value: i.value, ...(i.description ? { description: i.description } : {}) }));
  const name = str(flow?.name) ?? 'Attack Flow';
  const description = str(flow?.description);
  const actors = list
    .filter((o) => o.type === 'threat-actor')
    .map((o) => str(o.name))
    .filter((n): n is string => !!n);
  const actor = actors.join(', ').slice(0, 120);
  const campaign: CampaignT = {
    id: options.campaignId ?? slugId(name, 'attack-flow'),
    name,
    ...(actor ? { actor } : {}),
    ...(description ? { description } : {}),
    mode: 'scripted',
    ...(campaignIndicators.length > 0 ? { indicators: campaignIndicators } : {}),
    steps,
  };
  return checked(campaign, diagnostics, file);
}

/** Per action, tags naming the defender-side assets it acts on (attack-asset refs, victim infrastructure). */
function assetTags(objects: ReadonlyMap<string, Obj>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (action: string, name: string | undefined) => {
    if (!name) return;
    const tag = slugId(name, '', 40);
    if (tag && !(out.get(action) ?? []).includes(tag)) out.set(action, [...(out.get(action) ?? []), tag]);
  };
  for (const o of objects.values()) {
    if (o.type === 'attack-action') for (const a of refs(o.asset_refs)) add(String(o.id), str(objects.get(a)?.name));
    if (o.type === 'relationship') {
      const [s, t] = [objects.get(String(o.source_ref)), objects.get(String(o.target_ref))];
      for (const [action, other] of [
        [s, t],
        [t, s],
      ] as const) {
        if (action?.type === 'attack-action' && other?.type === 'infrastructure' && refs(other.infrastructure_types).some((k) => VICTIM_INFRASTRUCTURE.has(k))) {
          add(String(action.id), str(other.name));
        }
      }
    }
  }
  return out;
}
