/**
 * Ramparts engine: the deterministic simulation core. Pure: no clock, no Math.random, no timers, no I/O.
 * This is its front door: code outside engine/ imports the engine from here, from engine/types.ts (its
 * types only) or from engine/constants.ts (its zod-free constants), never from the folders inside
 * (test/structure/front-door.test.ts holds every product folder to that).
 *
 *   const compiled = compileScenario(scenario);                 // validated ScenarioT -> CompiledScenario
 *   const state = createExercise(compiled, { seed: 7, mode: 'headless' });
 *   step(state, { type: 'start', actor: { role: 'white' } });    // mutates state in place
 *   const r = step(state, { type: 'advance', to: compiled.meta.duration, actor: { role: 'system' } });
 *   if (r.ok) r.events;                                          // EngineEvent[] with audiences
 *   project(state, { role: 'blue', team: 'kw-csirt' });          // BlueView
 *   stateHash(state);                                            // sha256 hex
 *
 * See docs/ENGINE.md for the model, the event types, the views and the log format.
 */
export * from './constants.ts';
export * from './lib/diagnostic.ts';
export * from './scenario/index.ts';
export { durationMs } from './time/duration.ts';
export {
  ATTACK_DOMAIN,
  ATTACK_VERSION,
  TACTICS,
  technique,
  allTechniques,
  checkTechnique,
  isTactic,
  type Technique,
  type Tactic,
  type TechniqueCheck,
} from './attack/index.ts';

export { compileScenario, CompileError, type CompileOptions } from './compile/compile.ts';
export { STANDARD_ACTIONS } from './compile/catalog.ts';
export type * from './compile/types.ts';

export { createExercise, FOREVER, type ExerciseOptions } from './sim/create.ts';
export { step, advanceChunk, EngineFault, isFaulted } from './sim/step.ts';
export { checkCommand, type CommandCheck, type CommandIssue } from './sim/check.ts';
export { runHeadless, type HeadlessInput, type HeadlessOptions, type HeadlessRefusal, type HeadlessRun } from './run/headless.ts';
export { nextEventTime, isEnded, nextInjectTime } from './sim/time.ts';
export type {
  ExerciseState,
  Alert,
  AlertSource,
  ScoreSample,
  QItem,
  StreamName,
  AleaState,
  NodeRt,
  StepRt,
  TeamRt,
  AttemptRt,
  InjectRt,
  InjectTeamRt,
  ActionRt,
  ReportRt,
  AssistRt,
  SitrepRt,
  RatingRt,
} from './sim/state.ts';
export { Actor, CommandBody, COMMAND_ROLES } from './sim/commands.ts';
export type { Command, CommandType, ActorT, IntelReportT, ActionTargetT, AdhocInjectT } from './sim/commands.ts';
export { audienceAllows, type Audience, type EngineEvent, type StepResult } from './sim/events.ts';

export { project, eventsFor, blueView, redView, whiteView, evaluatorView, adjudicationQueue, ALERT_VIEW_LIMIT } from './views/index.ts';
export type * from './views/types.ts';

export { computeScore } from './sim/score.ts';
export { metrics, coalitionMetrics, type Metrics, type TeamMetrics } from './scoring/metrics.ts';

export { snapshot, restore, stateHash, type Snapshot } from './replay/snapshot.ts';
export { cloneState } from './replay/clone.ts';
export { canonicalJson } from './lib/canonical.ts';
export { sha256Hex, hashValue } from './lib/hash.ts';
export {
  parseLog,
  serialiseLog,
  logHeader,
  logLine,
  logError,
  LOG_FORMAT,
  LOG_VERSION,
  type LogHeader,
  type LogRecord,
  type RampartsLog,
  type LogError,
  type ParseLogResult,
  type ParseLogOptions,
} from './replay/log.ts';
export { createReplayer, openSeekIndex, replay, type Replayer, type SeekIndex, type ReplayOptions, type ReplayerResult, type ReplayResult, type ReplayFailure } from './replay/replayer.ts';

export {
  exerciseMachine,
  nodeMachine,
  redStepMachine,
  injectMachine,
  actionMachine,
  INTEGRITY,
  SEVERITY,
  type ExercisePhase,
  type Integrity,
  type RedStepStatus,
  type InjectStatus,
  type ActionStatus,
} from './machines/index.ts';

export * from './branch/index.ts';
export { branchStreams } from './sim/rng.ts';
export { ContainmentTracker, TRACKED_EVENTS, outcomeOf, type RunOutcome, type TeamOutcome, type ObjectiveOutcome, type TrackerState } from './run/outcome.ts';
export { sweepResult, type SweepRunResult, type SweepTeamResult } from './sweep/result.ts';
export { aggregate, type SweepReport, type ObjectiveDistribution, type TeamDistribution } from './sweep/aggregate.ts';
export { percentiles, quantile, wilson95, round2, round4, roundInt, type Percentiles } from './sweep/stats.ts';
