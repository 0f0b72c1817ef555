/**
 * Indicators from the STIX cyber observables of an Attack Flow bundle (addresses, domains, URLs, file
 * hashes, ...), and which actions use them: an observable reached from an action through relationships
 * (directly or through one malware/tool/infrastructure object) or through the action's assets.
 */
import { type IndicatorKindT, isRecord, own } from '../../engine/index.ts';
import { IdAllocator, slugId } from '../lib/ids.ts';

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export interface FoundIndicator {
  id: string;
  kind: IndicatorKindT;
  value: string;
  description?: string;
  /** The STIX observable it came from. */
  source: string;
}

/** File hashes, from a STIX `hashes` dictionary or the free-text form some flows carry ("MD5: ...; SHA-256: ..."). */
function fileHashes(hashes: unknown): { sha256?: string; md5?: string } {
  const text = isRecord(hashes)
    ? Object.entries(hashes)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('; ')
    : typeof hashes === 'string'
      ? hashes
      : '';
  const sha256 = /SHA-?\s*256\s*:\s*([0-9a-f]{64})\b/i.exec(text)?.[1]?.toLowerCase();
  const md5 = /MD5\s*:\s*([0-9a-f]{32})\b/i.exec(text)?.[1]?.toLowerCase();
  return { ...(sha256 ? { sha256 } : {}), ...(md5 ? { md5 } : {}) };
}

/** The indicator an observable gives, if any (a file: its SHA-256, else MD5, else its name). */
export function observableIndicator(o: Obj): Omit<FoundIndicator, 'id'> | undefined {
  const source = String(o.id);
  const simple: Record<string, [IndicatorKindT, string]> = {
    'ipv4-addr': ['ipv4', 'value'],
    'domain-name': ['domain', 'value'],
    url: ['url', 'value'],
    'email-addr': ['email', 'value'],
    mutex: ['mutex', 'name'],
    'windows-registry-key': ['registry-key', 'key'],
  };
  const rule = own(simple, String(o.type));
  if (rule) {
    const value = str(o[rule[1]]);
    return value ? { kind: rule[0], value: value.slice(0, 2048), source } : undefined;
  }
  if (o.type === 'file') {
    const name = str(o.name);
    const h = fileHashes(o.hashes);
    const description = name ? { description: name } : {};
    if (h.sha256) return { kind: 'sha256', value: h.sha256, source, ...description };
    if (h.md5) return { kind: 'md5', value: h.md5, source, ...description };
    if (name) return { kind: 'filename', value: name.slice(0, 2048), source };
  }
  return undefined;
}

const PASS_THROUGH = new Set(['malware', 'tool', 'infrastructure', 'attack-asset', 'software', 'vulnerability']);
const PREFIX: Record<IndicatorKindT, string> = {
  sha256: 'sha256',
  md5: 'md5',
  ipv4: 'ip',
  domain: 'domain',
  url: 'url',
  email: 'email',
  filename: 'file',
  'registry-key': 'regkey',
  mutex: 'mutex',
  'user-agent': 'ua',
};

/**
 * Every indicator reachable from the given actions, and per action the indicator ids it uses.
 */
export function actionIndicators(
  objects: ReadonlyMap<string, Obj>,
  actionIds: readonly string[],
): {
  indicators: FoundIndicator[];
  byAction: Map<string, string[]>;
} {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  };
  for (const o of objects.values()) {
    if (o.type === 'relationship' && str(o.source_ref) && str(o.target_ref)) link(String(o.source_ref), String(o.target_ref));
    if (o.type === 'attack-asset' && str(o.object_ref)) link(String(o.id), String(o.object_ref));
    if (o.type === 'attack-action' && Array.isArray(o.asset_refs)) for (const a of o.asset_refs) if (typeof a === 'string') link(String(o.id), a);
  }
  const ids = new IdAllocator();
  const bySource = new Map<string, FoundIndicator | null>();
  const indicators: FoundIndicator[] = [];
  const indicatorFor = (id: string): FoundIndicator | null => {
    if (bySource.has(id)) return bySource.get(id)!;
    const o = objects.get(id);
    const found = o ? observableIndicator(o) : undefined;
    const ind = found ? { ...found, id: ids.take(`${PREFIX[found.kind]}-${slugId(found.value, 'x', 24)}`) } : null;
    bySource.set(id, ind);
    if (ind) indicators.push(ind);
    return ind;
  };
  const byAction = new Map<string, string[]>();
  for (const action of actionIds) {
    const used: string[] = [];
    const seen = new Set([action]);
    let frontier = [action];
    for (let depth = 0; depth < 2 && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const at of frontier) {
        for (const n of neighbours.get(at) ?? []) {
          if (seen.has(n)) continue;
          seen.add(n);
          const ind = indicatorFor(n);
          if (ind) used.push(ind.id);
          else if (PASS_THROUGH.has(String(objects.get(n)?.type))) next.push(n);
        }
      }
      frontier = next;
    }
    if (used.length > 0) byAction.set(action, used);
  }
  return { indicators, byAction };
}
