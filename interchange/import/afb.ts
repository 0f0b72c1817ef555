/**
 * Attack Flow Builder files (.afb, `"schema": "attack_flow_v2"`) as the STIX 2.1 objects the Builder
 * would publish, so that the Attack Flow importer reads both formats with one mapping.
 *
 * An .afb holds diagram objects: nodes (`id` is the template: action, condition, AND_operator,
 * asset, malware, ipv4_addr, ...; `instance` its uuid; `properties` as [key, value] pairs, lists as
 * [hash, value] pairs) with anchors, anchors with latches, and lines (dynamic_line) from a source latch
 * to a target latch. A line leaving an action, operator or condition for a flow node is an edge
 * (effect_refs, or a condition's on_true_refs / on_false_refs by the anchor it leaves from: branch:True,
 * branch:False); from an action to an asset, asset_refs; any other line a related-to relationship.
 */
import { isRecord } from '../../engine/index.ts';

type Obj = Record<string, unknown>;

/** Template -> STIX type, where the generic rule (underscores to hyphens) does not give it. */
const TYPES: Record<string, string> = {
  action: 'attack-action',
  condition: 'attack-condition',
  asset: 'attack-asset',
  flow: 'attack-flow',
  AND_operator: 'attack-operator',
  OR_operator: 'attack-operator',
};
const FLOW_NODES = new Set(['attack-action', 'attack-condition', 'attack-operator']);
const DIAGRAM = new Set(['horizontal_anchor', 'vertical_anchor', 'generic_latch', 'generic_handle', 'dynamic_line']);

/** Whether a parsed JSON value is an Attack Flow Builder file. */
export function isAfb(v: unknown): v is { schema: string; objects: unknown[] } {
  return isRecord(v) && typeof v.schema === 'string' && /^attack_flow/.test(v.schema) && Array.isArray(v.objects);
}

const HASH_KEY = /^[0-9a-f]{32}$/;

/** A property value: [key, value] pair lists become objects, [hash, value] pair lists become arrays. */
function value(v: unknown): unknown {
  if (!Array.isArray(v) || v.length === 0) return v;
  if (!v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string')) return v;
  const pairs = v as [string, unknown][];
  if (pairs.every(([k]) => HASH_KEY.test(k))) return pairs.map(([, x]) => value(x));
  const out: Obj = {};
  for (const [k, x] of pairs) {
    const val = value(x);
    if (val !== null && val !== undefined) out[k] = val;
  }
  return out;
}

/**
 * The STIX objects of an .afb file, or the message saying why it cannot be read. Node ids are
 * `<type>--<instance>`, so diagnostics name the Builder's objects by their uuid.
 */
export function afbObjects(file: { objects: unknown[] }): { ok: true; objects: Obj[] } | { ok: false; message: string } {
  const nodes = new Map<string, Obj>();
  const ownerOfAnchor = new Map<string, { node: string; anchor: string }>();
  const anchorOfLatch = new Map<string, string>();
  const lines: { source: string; target: string }[] = [];
  let bad = 0;
  for (const o of file.objects) {
    if (!isRecord(o) || typeof o.id !== 'string' || typeof o.instance !== 'string') {
      bad++;
      continue;
    }
    if (o.id === 'dynamic_line') {
      if (typeof o.source === 'string' && typeof o.target === 'string') lines.push({ source: o.source, target: o.target });
      continue;
    }
    if (Array.isArray(o.latches)) for (const l of o.latches) if (typeof l === 'string') anchorOfLatch.set(l, o.instance);
    if (DIAGRAM.has(o.id)) continue;
    const type = TYPES[o.id] ?? o.id.replace(/_/g, '-');
    const id = `${type}--${o.instance}`;
    const props = value(Array.isArray(o.properties) ? o.properties : []);
    const stix: Obj = { ...(isRecord(props) ? props : {}), type, id, spec_version: '2.1' };
    if (type === 'attack-operator' && stix.operator === undefined) stix.operator = o.id.split('_')[0];
    nodes.set(id, stix);
    if (isRecord(o.anchors)) for (const [angle, anchor] of Object.entries(o.anchors)) if (typeof anchor === 'string') ownerOfAnchor.set(anchor, { node: id, anchor: angle });
  }
  if (bad > 0 && nodes.size === 0) return { ok: false, message: `none of the ${file.objects.length} objects has the "id" and "instance" an Attack Flow Builder object has` };
  const push = (o: Obj, key: string, ref: string) => {
    const list = Array.isArray(o[key]) ? (o[key] as string[]) : [];
    if (!list.includes(ref)) o[key] = [...list, ref];
  };
  const relationships: Obj[] = [];
  for (const line of lines) {
    const from = ownerOfAnchor.get(anchorOfLatch.get(line.source) ?? '');
    const to = ownerOfAnchor.get(anchorOfLatch.get(line.target) ?? '');
    if (!from || !to) continue;
    const [s, t] = [nodes.get(from.node)!, nodes.get(to.node)!];
    const [st, tt] = [String(s.type), String(t.type)];
    if (st === 'attack-condition' && FLOW_NODES.has(tt)) push(s, from.anchor === 'branch:False' ? 'on_false_refs' : 'on_true_refs', to.node);
    else if ((st === 'attack-action' || st === 'attack-operator') && FLOW_NODES.has(tt)) push(s, 'effect_refs', to.node);
    else if (st === 'attack-action' && tt === 'attack-asset') push(s, 'asset_refs', to.node);
    else if (st === 'note') push(s, 'object_refs', to.node);
    else
      relationships.push({
        type: 'relationship',
        id: `relationship--${relationships.length + 1}-${from.node.split('--')[1]}`,
        spec_version: '2.1',
        relationship_type: 'related-to',
        source_ref: from.node,
        target_ref: to.node,
      });
  }
  return { ok: true, objects: [...nodes.values(), ...relationships] };
}
