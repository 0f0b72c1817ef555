/**
 * Named random streams (seedrandom alea), one per subsystem, so that a change in one subsystem's draws
 * does not shift another's. The resumable state of every stream lives in the exercise state; live
 * generators are cached outside it, keyed by the state object they last wrote, so a restored snapshot
 * (new objects) always resumes from its own stored state.
 */
import seedrandom from 'seedrandom';
import type { AleaState, ExerciseState, StreamName } from './state.ts';
import { STREAMS } from './state.ts';
import { ln } from './mathx.ts';

type Gen = seedrandom.StatefulPRNG<seedrandom.State.Alea>;
const cache = new WeakMap<AleaState, Gen>();

/** Initial stream states for a seed. */
export function seedStreams(seed: number): Record<StreamName, AleaState> {
  const out = {} as Record<StreamName, AleaState>;
  for (const name of STREAMS) out[name] = seedrandom.alea(`ramparts:${seed}:${name}`, { state: true }).state();
  return out;
}

/** Draws of one command: generators are taken from the state lazily and written back by `commit`. */
export class Draws {
  private readonly gens: Partial<Record<StreamName, Gen>> = {};
  constructor(private readonly state: ExerciseState) {}

  /** Uniform in [0, 1). */
  next(name: StreamName): number {
    return (this.gens[name] ?? this.stream(name))();
  }

  /** The stream's generator itself, for a run of draws from one stream (each call is `next(name)`). */
  stream(name: StreamName): () => number {
    let g = this.gens[name];
    if (!g) {
      const st = this.state.rng[name];
      g = cache.get(st);
      // One consumer per written state: a second state sharing the object starts from the stored values.
      if (g) cache.delete(st);
      else g = seedrandom.alea('', { state: { ...st } });
      this.gens[name] = g;
    }
    return g;
  }

  /** Integer in [0, n). */
  int(name: StreamName, n: number): number {
    return Math.floor(this.next(name) * n);
  }

  /** Exponentially distributed with the given mean. */
  exp(name: StreamName, mean: number): number {
    return -ln(1 - this.next(name)) * mean;
  }

  /** Writes every used generator's state back into the exercise state. */
  commit(): void {
    for (const name of STREAMS) {
      const g = this.gens[name];
      if (!g) continue;
      const st = g.state();
      this.state.rng[name] = st;
      cache.set(st, g);
    }
  }
}

/**
 * Fresh stream states for a what-if run re-seeded at its fork (engine/branch): derived from the run's
 * seed under a name of their own, so that no run seed ever replays another stream's played draws.
 */
export function branchStreams(seed: number): Record<StreamName, AleaState> {
  const out = {} as Record<StreamName, AleaState>;
  for (const name of STREAMS) out[name] = seedrandom.alea(`ramparts:branch:${seed}:${name}`, { state: true }).state();
  return out;
}
