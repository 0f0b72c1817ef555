/**
 * Drives the lifecycle machines without actors. Entities keep only their state value in the plain
 * exercise state; a transition asks XState's pure `transition()` for the next value. The machines have
 * no context and no guards, so the answer depends only on (value, event type) and is memoised: after the
 * first call per pair a transition is one map lookup, which keeps the engine fast.
 */
import { transition, type AnyStateMachine, type AnyStateNode, type StateValue } from 'xstate';

/** Next value for an event, or `undefined` when the machine does not accept it in that state. */
export type Transit<V> = (value: V, event: string) => V | undefined;

function keyOf(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.keys(value)
    .sort()
    .map((k) => `${k}:${keyOf(value[k] as StateValue)}`)
    .join('|');
}

/** The machine's next value for an event from `value`, or null when it does not accept it there (XState, not memoised). */
export function transitionOf<V extends StateValue>(machine: AnyStateMachine, value: V, event: string): V | null {
  const snapshot = machine.resolveState({ value, context: {} });
  if (!snapshot.can({ type: event })) return null;
  const [after] = transition(machine, snapshot, { type: event });
  return after.value as V;
}

/**
 * The next value read straight from the machine's state nodes, for the plain machines here (no guards,
 * no eventless or delayed transitions, no wildcards, no transitions on the root or a region, every
 * target a sibling leaf); `undefined` when the machine is not that plain, and XState answers instead.
 * A memo miss costs XState's `transition()` about 0.3 ms in a cold process (its code run for the first
 * time): ~26 misses in `ramparts run`, 8-29 ms of it. test/engine/machines.test.ts checks this against
 * `transitionOf` for every value and event of every machine.
 */
export function plainTransition<V extends StateValue>(machine: AnyStateMachine, value: V, event: string): V | null | undefined {
  const root = machine.root;
  if (!plainNode(root)) return undefined;
  if (typeof value === 'string') {
    if (root.type !== 'compound') return undefined;
    const next = leafStep(root.states[value], event);
    return next === undefined || next === null ? next : (next as V);
  }
  if (root.type !== 'parallel') return undefined;
  // Written in the machine's region order, as XState writes the value.
  const out: Record<string, string> = {};
  let moved = 0;
  for (const region of Object.keys(root.states)) {
    const node = root.states[region] as AnyStateNode;
    const current = (value as Record<string, StateValue>)[region];
    if (!plainNode(node) || node.type !== 'compound' || typeof current !== 'string') return undefined;
    const next = leafStep(node.states[current], event);
    if (next === undefined) return undefined;
    out[region] = next ?? current;
    if (next !== null) moved++;
  }
  if (moved > 1 || Object.keys(value).length !== Object.keys(out).length) return undefined; // two regions take it: XState's
  return moved === 0 ? null : (out as V);
}

/** A node that takes no event itself and has nothing eventless or delayed. */
function plainNode(node: AnyStateNode): boolean {
  return node.transitions.size === 0 && node.always === undefined && node.after.length === 0;
}

/** The key of the sibling leaf that `event` leads to from leaf `node`; null: refused; undefined: not plain. */
function leafStep(node: AnyStateNode | undefined, event: string): string | null | undefined {
  if (node === undefined || (node.type !== 'atomic' && node.type !== 'final') || node.always !== undefined || node.after.length > 0) return undefined;
  for (const descriptor of node.transitions.keys()) if (descriptor.includes('*')) return undefined;
  const candidates = node.transitions.get(event);
  if (candidates === undefined) return null;
  const [only] = candidates;
  if (candidates.length !== 1 || only === undefined || only.guard !== undefined || only.target?.length !== 1) return undefined;
  const target = only.target[0] as AnyStateNode;
  if (target.parent !== node.parent || (target.type !== 'atomic' && target.type !== 'final')) return undefined;
  return target.key;
}

/** The next value on a memo miss: read from the state nodes when the machine is plain, else XState's. */
export function firstTransition<V extends StateValue>(machine: AnyStateMachine, value: V, event: string): V | null {
  const plain = plainTransition(machine, value, event);
  return plain === undefined ? transitionOf(machine, value, event) : plain;
}

/**
 * A memoised pure transition function over a machine's state values. Two levels of maps (value, then
 * event): a transition is taken for every red step, node change and action, and a `value#event` key
 * string built per call cost more than the lookups.
 */
export function driver<V extends StateValue>(machine: AnyStateMachine): Transit<V> {
  const memo = new Map<string, Map<string, V | null>>();
  return (value: V, event: string): V | undefined => {
    const key = typeof value === 'string' ? value : keyOf(value);
    let byEvent = memo.get(key);
    if (byEvent === undefined) {
      byEvent = new Map();
      memo.set(key, byEvent);
    }
    let next = byEvent.get(event);
    if (next === undefined) {
      next = firstTransition(machine, value, event);
      byEvent.set(event, next);
    }
    return next === null ? undefined : next;
  };
}

/** Every event type a machine's state nodes react to (for tests and documentation). */
export function eventTypes(machine: AnyStateMachine): string[] {
  return [...new Set(machine.events)].sort();
}
