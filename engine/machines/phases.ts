/**
 * Which commands each phase of an exercise accepts, as plain data: the exercise machine
 * (exercise.ts) is built from it, the engine's step asks the machine, and the web client reads the
 * same table (through engine/constants.ts, which imports no package) to disable what the engine
 * would refuse, so a console never offers a button that can only fail with WRONG_PHASE.
 *
 * Each command belongs to a class; a phase accepts a set of classes:
 * - TICK (advance, move, jump): running only; time does not move while paused.
 * - ACT (what acts on a network, answers the white cell's clock, or drives red): running only. A
 *   pause stops the simulated world; an action, an inject answer or a situation report sent during
 *   it would take no simulated time and meet deadlines in time that does not pass.
 * - TALK (sharing intelligence, asking for and granting assistance, answering a move's discussion
 *   questions): running or paused. A pause stops the world, not the people: partners coordinating
 *   and a room discussing during it is what a pause is often for (a question has no deadline).
 *   None of these touches a network or the clock; what they carry is used by actions (applying a
 *   report, acting on a partner's granted nodes), which wait for the resume. They carry the paused
 *   instant as their time, as if sent just before the pause.
 * - ADMIN (speed): any phase before the end. ADHOC (ad-hoc injects): running or paused.
 * - REVIEW (adjudication, ratings, releasing the scores to the teams): once started, including after the end.
 */

export const EXERCISE_PHASES = ['planned', 'running', 'paused', 'ended'] as const;
export type ExercisePhase = (typeof EXERCISE_PHASES)[number];

export const COMMAND_CLASS = {
  start: 'START',
  pause: 'PAUSE',
  resume: 'RESUME',
  end: 'END',
  advance: 'TICK',
  move: 'TICK',
  jump: 'TICK',
  'jump-to-next-inject': 'TICK',
  speed: 'ADMIN',
  'adhoc-inject': 'ADHOC',
  adjudicate: 'REVIEW',
  rate: 'REVIEW',
  'release-scores': 'REVIEW',
  action: 'ACT',
  'cancel-action': 'ACT',
  'ack-inject': 'ACT',
  'answer-inject': 'ACT',
  sitrep: 'ACT',
  'apply-intel': 'ACT',
  'red-launch': 'ACT',
  'red-hold': 'ACT',
  'red-abort': 'ACT',
  'share-intel': 'TALK',
  'request-assistance': 'TALK',
  'grant-assistance': 'TALK',
  'answer-question': 'TALK',
} as const;
export type CommandTypeName = keyof typeof COMMAND_CLASS;
export type CommandClass = (typeof COMMAND_CLASS)[CommandTypeName];

/** Per phase: the class of command it accepts, and the phase it leads to. */
export const PHASE_TRANSITIONS: Readonly<Record<ExercisePhase, Partial<Record<CommandClass, ExercisePhase>>>> = {
  planned: { START: 'running', END: 'ended', ADMIN: 'planned' },
  running: { PAUSE: 'paused', END: 'ended', TICK: 'running', ACT: 'running', TALK: 'running', ADMIN: 'running', ADHOC: 'running', REVIEW: 'running' },
  paused: { RESUME: 'running', END: 'ended', TALK: 'paused', ADMIN: 'paused', ADHOC: 'paused', REVIEW: 'paused' },
  ended: { REVIEW: 'ended' },
};

/** Whether an exercise in `phase` accepts a command of `type` (unknown types: no). */
export function phaseAccepts(phase: ExercisePhase, type: string): boolean {
  if (!Object.hasOwn(COMMAND_CLASS, type)) return false;
  return PHASE_TRANSITIONS[phase][COMMAND_CLASS[type as CommandTypeName]] !== undefined;
}
