/** The lifecycle machines (XState v5) and their memoised pure transition functions. */
export { driver, eventTypes, transitionOf, type Transit } from './drive.ts';
export { exerciseMachine, exerciseNext, type ExercisePhase } from './exercise.ts';
export { nodeMachine, nodeNext, INTEGRITY, SEVERITY, EVENT_FOR_STATE, type Integrity, type Network, type NodeValue } from './node.ts';
export { redStepMachine, redStepNext, type RedStepStatus } from './redStep.ts';
export { injectMachine, injectNext, type InjectStatus } from './inject.ts';
export { actionMachine, actionNext, type ActionStatus } from './action.ts';
