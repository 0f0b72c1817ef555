/**
 * Drives the lifecycle machines without actors. Entities keep only their state value in the plain
 * exercise state; a transition asks XState's pure `transition()` for the next value. The machines have
 * no context and no guards, so the answer depends only on (value, event type) and is memoised: after the
 * first call per pair a transition is one map lookup, which keeps the engine fast.
 */
import { transition, type AnyStateMachine, type StateValue } from 'xstate';

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
      next = transitionOf(machine, value, event);
      byEvent.set(event, next);
    }
    return next === null ? undefined : next;
  };
}

/** Every event type a machine's state nodes react to (for tests and documentation). */
export function eventTypes(machine: AnyStateMachine): string[] {
  return [...new Set(machine.events)].sort();
}
