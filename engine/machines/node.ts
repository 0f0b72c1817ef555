/**
 * A node's true state: two parallel regions. `integrity` only grows more severe (clean, compromised,
 * persistent, exfiltrated, encrypted, wiped) until a restore from backup; `network` is connected or
 * isolated. What blue teams see is derived elsewhere; this is ground truth.
 */
import { createMachine } from 'xstate';
import { firstTransition } from './drive.ts';

export const INTEGRITY = ['clean', 'compromised', 'persistent', 'exfiltrated', 'encrypted', 'wiped', 'restored'] as const;
export type Integrity = (typeof INTEGRITY)[number];
export type Network = 'connected' | 'isolated';

/** Severity rank used by `requiresState`-style comparisons: restored counts as clean. */
export const SEVERITY: Record<Integrity, number> = {
  clean: 0,
  restored: 0,
  compromised: 1,
  persistent: 2,
  exfiltrated: 3,
  encrypted: 4,
  wiped: 5,
};

const up = ['COMPROMISE', 'PERSIST', 'EXFILTRATE', 'ENCRYPT', 'WIPE'] as const;
const target: Record<(typeof up)[number], Integrity> = {
  COMPROMISE: 'compromised',
  PERSIST: 'persistent',
  EXFILTRATE: 'exfiltrated',
  ENCRYPT: 'encrypted',
  WIPE: 'wiped',
};

/** Each integrity state accepts only the events that make it strictly more severe, and RESTORE. */
function integrityStates() {
  const states: Record<string, { on: Record<string, string> }> = {};
  for (const s of INTEGRITY) {
    const on: Record<string, string> = { RESTORE: 'restored' };
    for (const e of up) if (SEVERITY[target[e]] > SEVERITY[s]) on[e] = target[e];
    states[s] = { on };
  }
  return states;
}

export const nodeMachine = createMachine({
  id: 'node',
  type: 'parallel',
  states: {
    integrity: { initial: 'clean', states: integrityStates() },
    network: {
      initial: 'connected',
      states: { connected: { on: { ISOLATE: 'isolated' } }, isolated: { on: { RECONNECT: 'connected' } } },
    },
  },
});

export interface NodeValue {
  integrity: Integrity;
  network: Network;
}
/** Integrity, then network, then event -> next value (null: refused); filled on first use. */
const nodeMemo = new Map<string, Map<string, Map<string, NodeValue | null>>>();

/**
 * The node machine's next value, memoised by its two regions' values without building a key (nodes
 * change on every red success and blue containment). Reads only `integrity` and `network` of `value`.
 */
export function nodeNext(value: NodeValue, event: string): NodeValue | undefined {
  let byNetwork = nodeMemo.get(value.integrity);
  if (byNetwork === undefined) {
    byNetwork = new Map();
    nodeMemo.set(value.integrity, byNetwork);
  }
  let byEvent = byNetwork.get(value.network);
  if (byEvent === undefined) {
    byEvent = new Map();
    byNetwork.set(value.network, byEvent);
  }
  let next = byEvent.get(event);
  if (next === undefined) {
    next = firstTransition<NodeValue & Record<string, string>>(nodeMachine, { integrity: value.integrity, network: value.network }, event);
    byEvent.set(event, next);
  }
  return next ?? undefined;
}

/** The node event that moves integrity to at least `state`. */
export const EVENT_FOR_STATE: Record<string, string> = {
  compromised: 'COMPROMISE',
  persistent: 'PERSIST',
  exfiltrated: 'EXFILTRATE',
  encrypted: 'ENCRYPT',
  wiped: 'WIPE',
};
