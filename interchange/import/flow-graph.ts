/**
 * The logic of an Attack Flow graph, reduced to Ramparts preconditions.
 *
 * Each action's precondition is a boolean expression over step successes, built backwards along the
 * flow's edges:
 * - an action's incoming edges are all needed (AND); a kept action contributes "its step succeeded";
 *   an action that could not be mapped to a technique is transparent (its successors inherit its own
 *   precondition), so skipping it never cuts the flow;
 * - an AND operator needs all its inputs, an OR operator any of them;
 * - a condition's predicate ("Kaspersky is running") is not something the simulation can evaluate. Its
 *   `on_true_refs` continue the flow as an ordinary edge: they need all of the condition's inputs. Its
 *   `on_false_refs` are the alternative path the adversary takes when the predicate fails; they need
 *   any one of the condition's inputs (an OR over them, i.e. `requiresAny` alternatives).
 *
 * The expression is then written as `requires` (all) plus one `requiresAny` group. Shapes that do not
 * fit (an OR of ANDs, two OR groups) are widened, never narrowed, so the step stays reachable; the
 * result says so, and the importer warns.
 */

export type FlowNode =
  | { kind: 'action'; id: string; step?: string; next: string[] }
  | { kind: 'operator'; id: string; op: 'AND' | 'OR'; next: string[] }
  | { kind: 'condition'; id: string; onTrue: string[]; onFalse: string[] };

export type Expr = { k: 'true' } | { k: 'step'; id: string } | { k: 'and' | 'or'; xs: Expr[] };

export interface Preconditions {
  requires: string[];
  requiresAny: string[];
  /** True when the flow's logic had to be widened to fit requires + requiresAny. */
  widened: boolean;
}

interface Edge {
  from: string;
  branch: 'plain' | 'true' | 'false';
}

function successors(n: FlowNode): { to: string; branch: Edge['branch'] }[] {
  if (n.kind === 'condition') {
    return [...n.onTrue.map((to) => ({ to, branch: 'true' as const })), ...n.onFalse.map((to) => ({ to, branch: 'false' as const }))];
  }
  return n.next.map((to) => ({ to, branch: 'plain' as const }));
}

/**
 * Topological order of the flow (stable: ties keep the given order), or one cycle as a list of node
 * ids (first id repeated at the end) when the flow loops.
 */
export function flowOrder(nodes: readonly FlowNode[]): { ok: true; order: string[] } | { ok: false; cycle: string[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const indegree = new Map(nodes.map((n) => [n.id, 0]));
  for (const n of nodes) for (const s of successors(n)) if (byId.has(s.to)) indegree.set(s.to, (indegree.get(s.to) ?? 0) + 1);
  const order: string[] = [];
  const ready = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const position = new Map(nodes.map((n, i) => [n.id, i]));
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift()!;
    order.push(id);
    for (const s of successors(byId.get(id)!)) {
      if (!byId.has(s.to)) continue;
      const left = (indegree.get(s.to) ?? 0) - 1;
      indegree.set(s.to, left);
      if (left === 0) ready.push(s.to);
    }
  }
  if (order.length === nodes.length) return { ok: true, order };
  // Every node left over still has a predecessor left over: walking backwards must repeat a node,
  // and the repeated stretch is a cycle (reversed back into flow direction).
  const rest = new Set(nodes.map((n) => n.id).filter((id) => !order.includes(id)));
  const preds = new Map<string, string>();
  for (const n of nodes) for (const s of successors(n)) if (rest.has(n.id) && rest.has(s.to) && !preds.has(s.to)) preds.set(s.to, n.id);
  const path: string[] = [];
  let at = [...rest][0]!;
  while (!path.includes(at)) {
    path.push(at);
    at = preds.get(at)!;
  }
  const loop = path.slice(path.indexOf(at)).reverse();
  // Start the report at the loop's earliest node in the bundle, so it reads the same every time.
  const first = loop.reduce((best, id, k) => ((position.get(id) ?? 0) < (position.get(loop[best]!) ?? 0) ? k : best), 0);
  const cycle = [...loop.slice(first), ...loop.slice(0, first)];
  return { ok: false, cycle: [...cycle, cycle[0]!] };
}

const TRUE: Expr = { k: 'true' };

function combine(k: 'and' | 'or', xs: Expr[]): Expr {
  if (k === 'and') {
    const kept = xs.filter((x) => x.k !== 'true');
    return kept.length === 0 ? TRUE : kept.length === 1 ? kept[0]! : { k, xs: kept };
  }
  if (xs.length === 0 || xs.some((x) => x.k === 'true')) return TRUE;
  return xs.length === 1 ? xs[0]! : { k, xs };
}

/** Each action's precondition expression (over step ids), given a topological order. */
export function flowExpressions(nodes: readonly FlowNode[], order: readonly string[]): Map<string, Expr> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, Edge[]>();
  for (const n of nodes) {
    for (const s of successors(n)) {
      if (!byId.has(s.to)) continue;
      incoming.set(s.to, [...(incoming.get(s.to) ?? []), { from: n.id, branch: s.branch }]);
    }
  }
  const out = new Map<string, Expr>(); // what flows out of a node along a plain edge
  const pre = new Map<string, Expr>(); // what a node needs
  const edgeValue = (e: Edge): Expr => {
    const src = byId.get(e.from)!;
    if (src.kind === 'condition' && e.branch === 'false') {
      return combine('or', (incoming.get(src.id) ?? []).map(edgeValue));
    }
    return out.get(e.from) ?? TRUE;
  };
  for (const id of order) {
    const n = byId.get(id)!;
    const inputs = (incoming.get(id) ?? []).map(edgeValue);
    const need = combine(n.kind === 'operator' && n.op === 'OR' ? 'or' : 'and', inputs);
    pre.set(id, need);
    out.set(id, n.kind === 'action' && n.step ? { k: 'step', id: n.step } : need);
  }
  const result = new Map<string, Expr>();
  for (const n of nodes) if (n.kind === 'action' && n.step) result.set(n.step, pre.get(n.id) ?? TRUE);
  return result;
}

function atoms(x: Expr, into: string[] = []): string[] {
  if (x.k === 'step') into.push(x.id);
  else if (x.k !== 'true') for (const y of x.xs) atoms(y, into);
  return into;
}

/** The AND-ed parts of an expression, nested ANDs flattened. */
function conjuncts(x: Expr): Expr[] {
  return x.k === 'and' ? x.xs.flatMap(conjuncts) : x.k === 'true' ? [] : [x];
}

/** An OR is exact when it is an OR of steps (nested ORs included); an AND inside makes it wider. */
function orIsExact(x: Expr): boolean {
  return x.k === 'step' || (x.k === 'or' && x.xs.every(orIsExact));
}

/** Writes an expression as requires (all) + requiresAny (one group), widening what does not fit. */
export function toPreconditions(x: Expr): Preconditions {
  const requires = new Set<string>();
  const groups: string[][] = [];
  let widened = false;
  for (const c of conjuncts(x)) {
    if (c.k === 'step') requires.add(c.id);
    else {
      if (!orIsExact(c)) widened = true;
      groups.push(atoms(c));
    }
  }
  // A group already satisfied by a required step adds nothing; several open groups are merged (widened).
  const open = groups.filter((g) => !g.some((a) => requires.has(a)));
  if (open.length > 1) widened = true;
  const any = [...new Set(open.flat())];
  if (any.length === 1) requires.add(any[0]!);
  return { requires: [...requires], requiresAny: any.length > 1 ? any : [], widened };
}

/**
 * Makes a looping flow importable: while the flow has a loop, the edge that leads back into the
 * loop's earliest node in the file is dropped (in `a -> b -> c -> a`, with a first in the file, the
 * edge c -> a). The node where the adversary entered the loop keeps its own preconditions; the edge
 * that would make it require its own later steps goes. Returns the order and every cut, each as the
 * loop it broke (first node repeated at the end).
 */
export function cutLoops(input: readonly FlowNode[]): { nodes: FlowNode[]; order: string[]; cuts: string[][] } {
  let nodes = input.map((n) => ({ ...n }) as FlowNode);
  const cuts: string[][] = [];
  for (;;) {
    const r = flowOrder(nodes);
    if (r.ok) return { nodes, order: r.order, cuts };
    const loop = r.cycle;
    const from = loop[loop.length - 2]!;
    const to = loop[0]!;
    cuts.push(loop);
    nodes = nodes.map((n) => {
      if (n.id !== from) return n;
      if (n.kind === 'condition') return { ...n, onTrue: n.onTrue.filter((x) => x !== to), onFalse: n.onFalse.filter((x) => x !== to) };
      return { ...n, next: n.next.filter((x) => x !== to) };
    });
  }
}
