/**
 * Inject trigger conditions: compiled to indexes, with the list of things each depends on, so that the
 * engine re-evaluates a condition only when one of them changes instead of polling every inject.
 *
 * Dependency keys: `step.succeeded:<step>`, `step.detected:<step>`, `node:<node>`, `score`, and
 * `inject:<id>` (a notAnswered / notAcknowledged clause: on delivery of that inject a timer is set
 * at delivery + within, see `timersOf`).
 */
import type { ConditionT } from '../scenario/schema/index.ts';
import { durationMs } from '../time/duration.ts';
import type { CCondition } from './types.ts';

export class CompileError extends Error {}

/** Compiles one condition; `path` names it in errors (references should have been validated). */
export function compileCondition(c: ConditionT, stepIndex: ReadonlyMap<string, number>, nodeIndex: ReadonlyMap<string, number>, path: string): CCondition {
  const step = (id: string): number => {
    const i = stepIndex.get(id);
    if (i === undefined) throw new CompileError(`${path}: unknown red step "${id}"`);
    return i;
  };
  if (c.stepSucceeded !== undefined) return { kind: 'stepSucceeded', step: step(c.stepSucceeded) };
  if (c.stepDetected !== undefined) return { kind: 'stepDetected', step: step(c.stepDetected) };
  if (c.notAnswered) return { kind: 'notAnswered', inject: c.notAnswered.inject, within: durationMs(c.notAnswered.within) };
  if (c.notAcknowledged) return { kind: 'notAcknowledged', inject: c.notAcknowledged.inject, within: durationMs(c.notAcknowledged.within) };
  if (c.scoreBelow !== undefined) return { kind: 'scoreBelow', value: c.scoreBelow };
  if (c.nodeState) {
    const n = nodeIndex.get(c.nodeState.node);
    if (n === undefined) throw new CompileError(`${path}.nodeState: unknown node "${c.nodeState.node}"`);
    return { kind: 'nodeState', node: n, state: c.nodeState.state };
  }
  if (c.all) return { kind: 'all', of: c.all.map((x, i) => compileCondition(x, stepIndex, nodeIndex, `${path}.all[${i}]`)) };
  if (c.any) return { kind: 'any', of: c.any.map((x, i) => compileCondition(x, stepIndex, nodeIndex, `${path}.any[${i}]`)) };
  throw new CompileError(`${path}: empty condition`);
}

/** Every dependency key a condition reads. */
export function depsOf(c: CCondition, out: Set<string> = new Set()): Set<string> {
  switch (c.kind) {
    case 'stepSucceeded':
      out.add(`step.succeeded:${c.step}`);
      break;
    case 'stepDetected':
      out.add(`step.detected:${c.step}`);
      break;
    case 'notAnswered':
    case 'notAcknowledged':
      out.add(`inject:${c.inject}`);
      break;
    case 'scoreBelow':
      out.add('score');
      break;
    case 'nodeState':
      out.add(`node:${c.node}`);
      break;
    case 'all':
    case 'any':
      for (const x of c.of) depsOf(x, out);
      break;
  }
  return out;
}

/** The deadline clauses of a condition: re-evaluate at delivery of `inject` + `within`. */
export function timersOf(c: CCondition, out: { inject: string; within: number }[] = []): { inject: string; within: number }[] {
  if (c.kind === 'notAnswered' || c.kind === 'notAcknowledged') out.push({ inject: c.inject, within: c.within });
  else if (c.kind === 'all' || c.kind === 'any') for (const x of c.of) timersOf(x, out);
  return out;
}
