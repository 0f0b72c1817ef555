/**
 * Messages between the browser's sweep pool and its web workers. A worker is told once what to run
 * (`SweepInit`), then runs one seed per `{ seed }` and answers with the run's figures, which the
 * engine's `aggregate` turns into distributions (the same report `ramparts sweep` prints).
 */
import type { BranchSweepJob, HeadlessInput, ScenarioT, SweepRunResult } from '../../engine/types.ts';

/** What every run of a sweep shares: a what-if branch re-seeded after T, or a scenario run headless per seed. */
export type SweepInit = { kind: 'branch'; scenario: ScenarioT; job: BranchSweepJob } | { kind: 'scenario'; scenario: ScenarioT; inputs: HeadlessInput[]; until: number | null };

export type ToWorker = { init: SweepInit } | { seed: number };
export type FromWorker = { ready: true } | { seed: number; ok: true; result: SweepRunResult } | { seed: number; ok: false; message: string };
