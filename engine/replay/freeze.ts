/**
 * Frozen states: the replay fold's snapshots. A snapshot must cost what changed since the previous
 * one, not the size of the state: the 107k-event benchmark log ends with 7,951 actions, 1,793
 * sitreps, 1,113 reports and 511 injects, and rebuilding those keyed records as new dictionary
 * objects at every snapshot (enumerating the live ones, inserting every key again) cost more than
 * copying the records themselves.
 *
 * So a frozen state keeps the keyed records as two arrays, keys and copies, in the live object's
 * order (the order a state's records are iterated in matters to the engine, and a thawed state
 * must iterate like the live one did). Key `i` of one snapshot is key `i` of the next (records are
 * never removed), so a record is matched with its previous copy by position, without a lookup; a
 * mismatch only means a fresh copy. An action whose status is final (done, failed, cancelled) never
 * changes again (engine/sim/actions.ts writes an action only while it is requested or in progress),
 * so its previous copy is shared without comparing it. Everything else is compared as before
 * (clone.ts). Dictionaries are built only when a snapshot is thawed for a seek.
 */
import type { ActionRt, AssistRt, ExerciseState, InjectRt, ReportRt, SitrepRt } from '../sim/state.ts';
import { setOwn } from '../lib/own.ts';
import { carryNodeActionIndex } from '../sim/actions.ts';
import { cloneState, copyAction, copyAssist, copyInject, copyReport, copySitrep, sameInject, sameRecord } from './clone.ts';

/** A keyed record frozen: its keys and a copy of each value, in the live object's order. */
interface FrozenRecord<T> {
  keys: string[];
  values: T[];
}

/** A state frozen for the fold's snapshots: never mutated, thawed (copied) for each seek. */
export interface Frozen {
  /** The state without its keyed records (those are empty here). */
  base: ExerciseState;
  actions: FrozenRecord<ActionRt>;
  reports: FrozenRecord<ReportRt>;
  assists: FrozenRecord<AssistRt>;
  sitreps: FrozenRecord<SitrepRt>;
  injects: FrozenRecord<InjectRt>;
  /**
   * The engine's derived index of node actions (engine/sim/actions.ts), carried to every thawed
   * state so a seek does not rebuild it by a scan of every action: a stand-in whose `actions` are the
   * copies of the actions not yet settled, the only ones the index keeps.
   */
  index: ExerciseState;
}

const NONE: Record<string, never> = Object.freeze({}) as Record<string, never>;

const settledAction = (a: ActionRt): boolean => a.s === 'done' || a.s === 'failed' || a.s === 'cancelled';
const never = (): boolean => false;

function freezeRecord<T>(live: Record<string, T>, prev: FrozenRecord<T> | undefined, copy: (x: T) => T, same: (live: T, copy: T) => boolean, settled: (copy: T) => boolean): FrozenRecord<T> {
  const keys: string[] = [];
  const values: T[] = [];
  const pk = prev?.keys;
  const pv = prev?.values;
  let i = 0;
  for (const k in live) {
    const x = live[k] as T;
    const p = pk !== undefined && pk[i] === k ? (pv as T[])[i] : undefined;
    keys.push(k);
    values.push(p !== undefined && (settled(p) || same(x, p)) ? p : copy(x));
    i++;
  }
  return { keys, values };
}

function thawRecord<T>(f: FrozenRecord<T>, copy: (x: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  const { keys, values } = f;
  for (let i = 0; i < keys.length; i++) setOwn(out, keys[i] as string, copy(values[i] as T));
  return out;
}

/** Freezes the live state `s`; `prev`, the previous snapshot of the same fold, lends what did not change. */
export function freeze(s: ExerciseState, prev?: Frozen): Frozen {
  const actions = freezeRecord(s.actions, prev?.actions, copyAction, sameRecord, settledAction);
  const open: Record<string, ActionRt> = {};
  for (const a of actions.values) if (!settledAction(a)) setOwn(open, a.id, a);
  const index = { actions: open } as unknown as ExerciseState;
  carryNodeActionIndex(s, index);
  return {
    // (a spread, not `s`: the derived action index goes with `index`)
    base: cloneState({ ...s, actions: NONE, reports: NONE, assists: NONE, sitreps: NONE, injects: NONE }, prev?.base),
    actions,
    reports: freezeRecord(s.reports, prev?.reports, copyReport, sameRecord, never),
    assists: freezeRecord(s.assists, prev?.assists, copyAssist, sameRecord, never),
    sitreps: freezeRecord(s.sitreps, prev?.sitreps, copySitrep, sameRecord, never),
    injects: freezeRecord(s.injects, prev?.injects, copyInject, sameInject, never),
    index,
  };
}

/** A new, independent state equal to the one frozen. */
export function thaw(f: Frozen): ExerciseState {
  const out: ExerciseState = {
    ...cloneState(f.base),
    actions: thawRecord(f.actions, copyAction),
    reports: thawRecord(f.reports, copyReport),
    assists: thawRecord(f.assists, copyAssist),
    sitreps: thawRecord(f.sitreps, copySitrep),
    injects: thawRecord(f.injects, copyInject),
  };
  carryNodeActionIndex(f.index, out);
  return out;
}
