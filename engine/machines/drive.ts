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

/** A memoised pure transition function over a machine's state values. */
export function driver<V extends StateValue>(machine: AnyStateMachine): Transit<V> {
  const memo = new Map<string, V | null>();
  return (value: V, event: string): V | undefined => {
    const key = `${keyOf(value)}#${event}`;
    let next = memo.get(key);
    if (next === undefined) {
      const snapshot = machine.resolveState({ value, context: {} });
      if (!snapshot.can({ type: event })) {
        next = null;
      } else {
        const [after] = transition(machine, snapshot, { type: event });
        next = after.value as V;
      }
      memo.set(key, next);
    }
    return next === null ? undefined : next;
  };
}

/** Every event type a machine's state nodes react to (for tests and documentation). */
export function eventTypes(machine: AnyStateMachine): string[] {
  return [...new Set(machine.events)].sort();
}
