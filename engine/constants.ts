/**
 * The engine's zod-free entry, for code that must stay small (the web client's consoles and the wire
 * protocol): the words of the scenario format and the commands, the duration notation, the limit of
 * simulated time, the engine's refusal codes and the plain-object test readers of untrusted input use. Nothing here imports a schema library
 * (test/structure/front-door.test.ts holds it to that); engine/index.ts exports all of it too.
 */
export * from './scenario/vocabulary.ts';
export { DURATION_PATTERN, MAX_SIM_TIME, parseDuration, formatDuration, formatSimTime, type DurationResult } from './time/duration.ts';
export { ENGINE_ERRORS, type EngineErrorCode } from './sim/events.ts';
export { isRecord } from './lib/record.ts';
export { EXERCISE_PHASES, COMMAND_CLASS, PHASE_TRANSITIONS, phaseAccepts, type ExercisePhase, type CommandClass } from './machines/phases.ts';
export { own, hasOwnKey, setOwn, ownOrSet } from './lib/own.ts';
export { localText, pickLocalText, type PickedText } from './scenario/local-text.ts';
