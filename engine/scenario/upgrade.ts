/**
 * Reading older scenario formats. Format 2 separated what players are asked from how evaluators judge
 * a response: format 1's inject fields `expects` (expected actions with grading deadlines, shown to the
 * recipients as "Expected of you") and `evaluates` (capability and critical task) moved under the
 * inject's `evaluation`, which no player ever sees. A format 1 file is read as the format 2 scenario it
 * means, so logs and packages recorded before keep loading and replaying; problems are reported at the
 * place they have in the file as written. The ad-hoc inject command took the same step.
 */
import type { PathSegment } from '../lib/diagnostic.ts';
import { isRecord } from '../lib/record.ts';
import { FORMAT_VERSION } from './vocabulary.ts';

/** Format 1's evaluator fields of an inject, and where format 2 keeps them. */
const MOVED: Readonly<Record<string, string>> = { expects: 'evaluation.expects', evaluates: 'evaluation (capability, task)' };

/** An inject (or ad-hoc inject) of format 1 as format 2 writes it; anything else is returned as is. */
export function upgradeInject(value: unknown): unknown {
  if (!isRecord(value) || Object.hasOwn(value, 'evaluation') || (!Object.hasOwn(value, 'expects') && !Object.hasOwn(value, 'evaluates'))) return value;
  const { expects, evaluates, ...rest } = value;
  // A malformed `evaluates` stays malformed (reported where it was written), never becomes valid.
  if (evaluates !== undefined && !isRecord(evaluates)) return { ...rest, evaluation: evaluates };
  return { ...rest, evaluation: { ...evaluates, ...(expects === undefined ? {} : { expects }) } };
}

export interface Upgraded {
  /** The scenario in the current format (the input itself when it needed nothing). */
  value: unknown;
  /** The format the input was written in, when older than the current one. */
  from: number | null;
  /** Where a place of the upgraded scenario is in the file as written. */
  sourcePath: (path: readonly PathSegment[]) => PathSegment[];
}

const same = (path: readonly PathSegment[]): PathSegment[] => [...path];

/** Reads a scenario of format 1 as format 2 (see the module comment). Never throws. */
export function upgradeScenario(value: unknown): Upgraded {
  if (!isRecord(value) || value.ramparts !== 1) return { value, from: null, sourcePath: same };
  const written = Array.isArray(value.injects) ? (value.injects as unknown[]) : [];
  const injects = written.map(upgradeInject);
  /** Per upgraded inject: whether it had `evaluates` (then `evaluation` stands for it). */
  const hadEvaluates = new Map<number, boolean>();
  written.forEach((x, i) => {
    if (injects[i] !== x) hadEvaluates.set(i, isRecord(x) && x.evaluates !== undefined);
  });
  return {
    value: { ...value, ramparts: FORMAT_VERSION, ...(Array.isArray(value.injects) ? { injects } : {}) },
    from: 1,
    sourcePath: (path) => {
      const [top, i, field, key, ...rest] = path;
      const evaluates = typeof i === 'number' ? hadEvaluates.get(i) : undefined;
      if (top !== 'injects' || typeof i !== 'number' || evaluates === undefined || field !== 'evaluation') return [...path];
      if (key === 'expects') return ['injects', i, 'expects', ...rest];
      if (evaluates) return ['injects', i, 'evaluates', ...(key === undefined ? [] : [key]), ...rest];
      return ['injects', i, ...(key === undefined ? [] : [key]), ...rest];
    },
  };
}

/**
 * The hint for a field format 2 moved, met where it used to be (an inject's `expects` or `evaluates`):
 * the validator adds it to "unknown field".
 */
export function movedFieldHint(path: readonly PathSegment[], key: string): string {
  const where = MOVED[key];
  if (where === undefined || !Object.hasOwn(MOVED, key)) return '';
  const inInject = (path[0] === 'injects' && path.length === 2) || (path.length >= 1 && path[path.length - 1] === 'inject');
  return inInject ? `: format ${FORMAT_VERSION} keeps it in ${where}, which the players never see (a file marked "ramparts: 1" is still read as before)` : '';
}
