/** The lifecycle machines, driven directly through the memoised pure transition functions. */
import { describe, expect, it } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { plainTransition } from '../../engine/machines/drive.ts';
import {
  actionMachine,
  actionNext,
  exerciseMachine,
  exerciseNext,
  injectMachine,
  injectNext,
  nodeMachine,
  nodeNext,
  redStepMachine,
  redStepNext,
  SEVERITY,
  INTEGRITY,
  transitionOf,
} from '../../engine/machines/index.ts';

describe('exercise machine', () => {
  it('runs planned -> running -> paused -> running -> ended', () => {
    expect(exerciseNext('planned', 'START')).toBe('running');
    expect(exerciseNext('running', 'PAUSE')).toBe('paused');
    expect(exerciseNext('paused', 'RESUME')).toBe('running');
    expect(exerciseNext('running', 'END')).toBe('ended');
  });
  it('refuses commands in the wrong phase', () => {
    expect(exerciseNext('planned', 'ACT')).toBeUndefined();
    expect(exerciseNext('planned', 'TICK')).toBeUndefined();
    expect(exerciseNext('paused', 'ACT')).toBeUndefined();
    expect(exerciseNext('paused', 'TICK')).toBeUndefined();
    expect(exerciseNext('ended', 'START')).toBeUndefined();
    expect(exerciseNext('ended', 'ACT')).toBeUndefined();
    expect(exerciseNext('running', 'START')).toBeUndefined();
  });
  it('allows review after the end and ad-hoc injects while paused', () => {
    expect(exerciseNext('ended', 'REVIEW')).toBe('ended');
    expect(exerciseNext('paused', 'ADHOC')).toBe('paused');
  });
  it('agrees with a live XState actor of the same machine', () => {
    const actor = createActor(exerciseMachine).start();
    let value: 'planned' | 'running' | 'paused' | 'ended' = 'planned';
    for (const e of ['START', 'PAUSE', 'ACT', 'RESUME', 'END']) {
      actor.send({ type: e });
      value = exerciseNext(value, e) ?? value;
      expect(actor.getSnapshot().value).toBe(value);
    }
    actor.stop();
  });
});

describe('node machine', () => {
  const clean = { integrity: 'clean', network: 'connected' } as const;
  it('only moves integrity to more severe states', () => {
    const c = nodeNext(clean, 'COMPROMISE');
    expect(c).toEqual({ integrity: 'compromised', network: 'connected' });
    const p = nodeNext(c!, 'PERSIST');
    expect(p?.integrity).toBe('persistent');
    expect(nodeNext(p!, 'COMPROMISE')).toBeUndefined();
    expect(nodeNext(clean, 'ENCRYPT')?.integrity).toBe('encrypted');
    expect(nodeNext({ integrity: 'wiped', network: 'connected' }, 'ENCRYPT')).toBeUndefined();
  });
  it('restores from any state and keeps the network region independent', () => {
    for (const i of INTEGRITY) {
      expect(nodeNext({ integrity: i, network: 'isolated' }, 'RESTORE')).toEqual({ integrity: 'restored', network: 'isolated' });
    }
    expect(SEVERITY.restored).toBe(0);
  });
  it('isolates and reconnects, refusing the redundant transition', () => {
    const iso = nodeNext(clean, 'ISOLATE');
    expect(iso).toEqual({ integrity: 'clean', network: 'isolated' });
    expect(nodeNext(iso!, 'ISOLATE')).toBeUndefined();
    expect(nodeNext(iso!, 'RECONNECT')).toEqual(clean);
    expect(nodeNext(clean, 'RECONNECT')).toBeUndefined();
  });
  it('is a parallel machine with two regions', () => {
    const actor = createActor(nodeMachine).start();
    expect(actor.getSnapshot().value).toEqual({ integrity: 'clean', network: 'connected' });
    actor.stop();
  });
});

describe('red step machine', () => {
  it('scripted path: pending -> running -> succeeded (final)', () => {
    expect(redStepNext('pending', 'RUN')).toBe('running');
    expect(redStepNext('running', 'SUCCEED')).toBe('succeeded');
    expect(redStepNext('succeeded', 'RUN')).toBeUndefined();
  });
  it('manual path: ready, held, launched, aborted', () => {
    expect(redStepNext('pending', 'READY')).toBe('ready');
    expect(redStepNext('ready', 'HOLD')).toBe('held');
    expect(redStepNext('held', 'LAUNCH')).toBe('running');
    expect(redStepNext('ready', 'ABORT')).toBe('aborted');
    expect(redStepNext('running', 'ABORT')).toBeUndefined();
    expect(redStepNext('pending', 'LAUNCH')).toBeUndefined();
  });
  it('a failed step may retry', () => {
    expect(redStepNext('running', 'FAIL')).toBe('failed');
    expect(redStepNext('failed', 'RETRY')).toBe('pending');
  });
});

describe('inject machine (per team)', () => {
  it('scheduled -> delivered -> acknowledged -> answered -> evaluated', () => {
    expect(injectNext('scheduled', 'DELIVER')).toBe('delivered');
    expect(injectNext('delivered', 'ACK')).toBe('acknowledged');
    expect(injectNext('acknowledged', 'ANSWER')).toBe('answered');
    expect(injectNext('answered', 'EVALUATE')).toBe('evaluated');
  });
  it('an answer acknowledges; nothing happens before delivery', () => {
    expect(injectNext('delivered', 'ANSWER')).toBe('answered');
    expect(injectNext('scheduled', 'ACK')).toBeUndefined();
    expect(injectNext('answered', 'ACK')).toBeUndefined();
    expect(injectNext('delivered', 'EVALUATE')).toBeUndefined();
  });
});

describe('blue action machine', () => {
  it('requested -> inProgress -> done | failed | cancelled', () => {
    expect(actionNext('requested', 'START')).toBe('inProgress');
    expect(actionNext('inProgress', 'SUCCEED')).toBe('done');
    expect(actionNext('inProgress', 'FAIL')).toBe('failed');
    expect(actionNext('inProgress', 'CANCEL')).toBe('cancelled');
    expect(actionNext('done', 'CANCEL')).toBeUndefined();
  });
  it('memoised answers match a fresh transition', () => {
    const actor = createActor(actionMachine).start();
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().value).toBe(actionNext('requested', 'START'));
    actor.stop();
  });
});

describe('transitions read from the state nodes (a memo miss without XState)', () => {
  const leaves = (m: typeof actionMachine) => Object.keys(m.root.states);
  it('agree with XState for every value and event of every machine, key order included', () => {
    const events = (m: typeof actionMachine) => [...m.events, 'NOT_AN_EVENT'];
    for (const m of [exerciseMachine, redStepMachine, injectMachine, actionMachine]) {
      for (const v of leaves(m)) {
        for (const e of events(m)) {
          const plain = plainTransition(m, v, e);
          expect(plain, `${m.id} ${v} ${e}`).not.toBeUndefined();
          expect(plain, `${m.id} ${v} ${e}`).toEqual(transitionOf(m, v, e));
        }
      }
    }
    for (const integrity of INTEGRITY) {
      for (const network of ['connected', 'isolated']) {
        for (const e of events(nodeMachine)) {
          const plain = plainTransition(nodeMachine, { integrity, network }, e);
          expect(plain, `node ${integrity} ${network} ${e}`).not.toBeUndefined();
          expect(JSON.stringify(plain), `node ${integrity} ${network} ${e}`).toBe(JSON.stringify(transitionOf(nodeMachine, { integrity, network }, e)));
        }
      }
    }
  });
  it('leaves a machine that is not plain to XState', () => {
    const guarded = createMachine({ initial: 'a', states: { a: { on: { GO: { target: 'b', guard: () => true } } }, b: {} } });
    expect(plainTransition(guarded, 'a', 'GO')).toBeUndefined();
    const nested = createMachine({ initial: 'a', states: { a: { on: { GO: 'b' } }, b: { initial: 'c', states: { c: {} } } } });
    expect(plainTransition(nested, 'a', 'GO')).toBeUndefined();
    const rootEvent = createMachine({ initial: 'a', on: { RESET: '.a' }, states: { a: { on: { GO: 'b' } }, b: {} } });
    expect(plainTransition(rootEvent, 'a', 'GO')).toBeUndefined();
    const wildcard = createMachine({ initial: 'a', states: { a: { on: { '*': 'b' } }, b: {} } });
    expect(plainTransition(wildcard, 'a', 'GO')).toBeUndefined();
    const both = createMachine({ type: 'parallel', states: { x: { initial: 'a', states: { a: { on: { GO: 'b' } }, b: {} } }, y: { initial: 'a', states: { a: { on: { GO: 'b' } }, b: {} } } } });
    expect(plainTransition(both, { x: 'a', y: 'a' }, 'GO')).toBeUndefined();
    expect(transitionOf(both, { x: 'a', y: 'a' }, 'GO')).toEqual({ x: 'b', y: 'b' });
  });
});
