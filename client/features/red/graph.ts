/**
 * Pure layout of a red campaign as a graph: each step in the column after its latest precondition
 * (`requires`, `requiresAny`), rows in campaign order. When the view gives no preconditions, steps
 * are placed by ATT&CK tactic order (kill-chain columns) and no edges are drawn.
 */
export const TACTIC_ORDER = [
  'reconnaissance',
  'resource-development',
  'initial-access',
  'execution',
  'persistence',
  'privilege-escalation',
  'defense-evasion',
  'credential-access',
  'discovery',
  'lateral-movement',
  'collection',
  'command-and-control',
  'exfiltration',
  'impact',
] as const;

export interface GraphStep {
  id: string;
  tactic?: string | undefined;
  requires?: readonly string[] | undefined;
  requiresAny?: readonly string[] | undefined;
}
export interface GraphEdge {
  from: string;
  to: string;
  any: boolean;
}
export interface CampaignLayout {
  columns: number;
  rows: number;
  at: Map<string, { col: number; row: number }>;
  edges: GraphEdge[];
  /** How columns were chosen. */
  by: 'preconditions' | 'tactic';
  /** In tactic mode, the tactic of each column. */
  columnTactics: string[];
}

export function layoutCampaign(steps: readonly GraphStep[]): CampaignLayout {
  const ids = new Set(steps.map((s) => s.id));
  const edges: GraphEdge[] = [];
  for (const s of steps) {
    for (const r of s.requires ?? []) if (ids.has(r)) edges.push({ from: r, to: s.id, any: false });
    for (const r of s.requiresAny ?? []) if (ids.has(r)) edges.push({ from: r, to: s.id, any: true });
  }
  const col = new Map<string, number>();
  let columnTactics: string[] = [];
  if (edges.length > 0) {
    const byId = new Map(steps.map((s) => [s.id, s]));
    const visiting = new Set<string>();
    const depth = (id: string): number => {
      const known = col.get(id);
      if (known !== undefined) return known;
      if (visiting.has(id)) return 0; // a cycle (invalid scenario): cut it here
      visiting.add(id);
      const s = byId.get(id);
      const pre = [...(s?.requires ?? []), ...(s?.requiresAny ?? [])].filter((p) => ids.has(p));
      const d = pre.length === 0 ? 0 : 1 + Math.max(...pre.map(depth));
      visiting.delete(id);
      col.set(id, d);
      return d;
    };
    for (const s of steps) depth(s.id);
  } else {
    const used = [...new Set(steps.map((s) => tacticRank(s.tactic)))].sort((a, b) => a - b);
    for (const s of steps) col.set(s.id, used.indexOf(tacticRank(s.tactic)));
    columnTactics = used.map((rank) => TACTIC_ORDER[rank] ?? '');
  }
  const perCol = new Map<number, number>();
  const at = new Map<string, { col: number; row: number }>();
  for (const s of steps) {
    const c = col.get(s.id) ?? 0;
    const row = perCol.get(c) ?? 0;
    perCol.set(c, row + 1);
    at.set(s.id, { col: c, row });
  }
  return {
    columns: Math.max(0, ...[...perCol.keys()].map((c) => c + 1)),
    rows: Math.max(0, ...perCol.values()),
    at,
    edges,
    by: edges.length > 0 ? 'preconditions' : 'tactic',
    columnTactics,
  };
}

function tacticRank(tactic: string | undefined): number {
  const i = TACTIC_ORDER.indexOf((tactic ?? '') as (typeof TACTIC_ORDER)[number]);
  return i < 0 ? TACTIC_ORDER.length : i;
}
