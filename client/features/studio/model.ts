/**
 * What the studio's panes draw, read from the draft as the engine's reader parsed it (before the
 * schema: a half-written item shows with what it has; anything without an id is left out): teams,
 * segments and nodes for the map, campaigns and their steps with preconditions for the graph, the
 * injects for the MSEL timeline, and where each of them sits in the text (spans.ts), so that a click
 * in a pane moves the cursor and the cursor's item is highlighted. Pure.
 */
import type { LocalTextT, NodeKindT, ZoneT } from '../../../engine/types.ts';
import { parseDuration } from '../../../engine/constants.ts';
import { type MselRow, mselRows } from './msel-edit.ts';
import { itemSpans, spanKey } from './spans.ts';

export type ItemKind = 'team' | 'segment' | 'node' | 'campaign' | 'step' | 'inject';

/** An item of the scenario and its span in the text (offsets; `line` 1-based). */
export interface StudioItem {
  kind: ItemKind;
  id: string;
  from: number;
  to: number;
  line: number;
}

export interface StudioTeam {
  id: string;
  name: LocalTextT;
  role: string;
  color?: string;
}
export interface StudioStep {
  id: string;
  name: LocalTextT;
  technique: string;
  tactic?: string;
  requires: string[];
  requiresAny: string[];
}
export interface StudioCampaign {
  id: string;
  name: LocalTextT;
  steps: StudioStep[];
}
export interface StudioInject {
  id: string;
  title: LocalTextT;
  channel: string;
  /** Recipient teams ('all-blue' expanded to the blue teams). */
  to: string[];
  /** Scheduled time (ms), or the not-before time of a condition inject (null: none written). */
  atMs: number | null;
  conditional: boolean;
}

export interface StudioModel {
  teams: StudioTeam[];
  segments: { id: string; name?: LocalTextT; zone: ZoneT; owner: string }[];
  nodes: { id: string; name?: LocalTextT; segment: string; kind: NodeKindT; criticality: number; ip?: string }[];
  campaigns: StudioCampaign[];
  injects: StudioInject[];
  /** The MSEL table's rows (texts in the studio's language). */
  msel: MselRow[];
  /** meta.id and meta.version as written. */
  meta: { id: string | null; version: string | null };
  /** meta.duration, when written and readable. */
  durationMs: number | null;
  /** Every item, in text order. */
  items: StudioItem[];
  /** Ids declared per kind (completion of references). */
  ids: Map<string, string[]>;
}

type Plain = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const text = (v: unknown): LocalTextT | undefined => {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string');
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return undefined;
};
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const obj = (v: unknown): Plain | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Plain) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const ms = (v: unknown): number | null => {
  const s = str(v);
  if (s === undefined) return null;
  const r = parseDuration(s);
  return r.ok ? r.ms : null;
};

/** Reads the panes' model from the parsed value and the text it came from. */
export function studioModel(source: string, value: unknown, lang = 'en'): StudioModel {
  const spans = new Map(itemSpans(source).map((sp) => [spanKey(sp.path), sp]));
  let lineStarts: number[] | null = null;
  const lineOf = (offset: number): number => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const root = obj(value);
  const items: StudioItem[] = [];
  const model: StudioModel = {
    teams: [],
    segments: [],
    nodes: [],
    campaigns: [],
    injects: [],
    msel: mselRows(value, lang),
    meta: { id: str(obj(root?.meta)?.id) ?? null, version: str(obj(root?.meta)?.version) ?? null },
    durationMs: ms(obj(root?.meta)?.duration),
    items,
    ids: new Map(),
  };
  const declare = (kind: string, id: string): void => {
    const ids = model.ids.get(kind) ?? [];
    ids.push(id);
    model.ids.set(kind, ids);
  };
  /** The items of the list at `path` that are maps with an id, each recorded with its span. */
  const each = (kind: ItemKind, path: (string | number)[], at: unknown, visit: (v: Plain, id: string, index: number) => void): void => {
    list(at).forEach((raw, index) => {
      const v = obj(raw);
      const id = str(v?.id);
      if (!v || !id) return;
      const span = spans.get(spanKey([...path, index]));
      if (span) items.push({ kind, id, from: span.from, to: span.to, line: lineOf(span.from) });
      declare(kind, id);
      visit(v, id, index);
    });
  };

  each('team', ['teams'], root?.teams, (v, id) => {
    model.teams.push({ id, name: text(v.name) ?? id, role: str(v.role) ?? 'blue', ...(str(v.color) ? { color: str(v.color) as string } : {}) });
  });
  const network = obj(root?.network);
  each('segment', ['network', 'segments'], network?.segments, (v, id) => {
    model.segments.push({ id, zone: (str(v.zone) ?? 'corporate') as ZoneT, owner: str(v.owner) ?? '', ...(text(v.name) ? { name: text(v.name) as LocalTextT } : {}) });
  });
  each('node', ['network', 'nodes'], network?.nodes, (v, id) => {
    model.nodes.push({
      id,
      segment: str(v.segment) ?? '',
      kind: (str(v.kind) ?? 'server') as NodeKindT,
      criticality: typeof v.criticality === 'number' ? v.criticality : 1,
      ...(text(v.name) ? { name: text(v.name) as LocalTextT } : {}),
      ...(str(v.ip) ? { ip: str(v.ip) as string } : {}),
    });
  });
  each('campaign', ['campaigns'], root?.campaigns, (c, id, ci) => {
    const steps: StudioStep[] = [];
    each('step', ['campaigns', ci, 'steps'], c.steps, (v, sid) => {
      steps.push({
        id: sid,
        name: text(v.name) ?? sid,
        technique: str(v.technique) ?? '',
        requires: strings(v.requires),
        requiresAny: strings(v.requiresAny),
        ...(str(v.tactic) ? { tactic: str(v.tactic) as string } : {}),
      });
    });
    for (const o of list(c.objectives)) {
      const oid = str(obj(o)?.id);
      if (oid) declare('objective', oid);
    }
    model.campaigns.push({ id, name: text(c.name) ?? id, steps });
  });
  const blue = model.teams.filter((t) => t.role === 'blue').map((t) => t.id);
  each('inject', ['injects'], root?.injects, (v, id) => {
    const to = v.to === 'all-blue' ? blue : strings(v.to);
    model.injects.push({ id, title: text(v.title) ?? id, channel: str(v.channel) ?? '', to, atMs: ms(v.at), conditional: v.when !== undefined });
  });
  for (const [key, kind] of [
    ['capabilities', 'capability'],
    ['moves', 'move'],
  ] as const) {
    for (const m of list(root?.[key])) {
      const id = str(obj(m)?.id);
      if (id) declare(kind, id);
    }
  }
  items.sort((a, b) => a.from - b.from);
  return model;
}

/** The innermost item whose span holds `offset` (a step rather than its campaign), or null. */
export function itemAt(items: readonly StudioItem[], offset: number): StudioItem | null {
  let best: StudioItem | null = null;
  for (const item of items) {
    if (item.from > offset) break;
    if (offset <= item.to && (!best || item.to - item.from < best.to - best.from)) best = item;
  }
  return best;
}

/** The item of a kind and id (what a pane click names). */
export function findItem(items: readonly StudioItem[], kind: ItemKind, id: string): StudioItem | null {
  return items.find((i) => i.kind === kind && i.id === id) ?? null;
}
