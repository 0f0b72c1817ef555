/**
 * Real views for client tests: a bundled scenario run by the engine (no hand-made fixtures, so the
 * tests see exactly the shapes the server sends).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Command, compileScenario, createExercise, type ExerciseState, project, step, validateScenarioText } from '../../engine/index.ts';

export const SCENARIO = fileURLToPath(new URL('../../scenarios/gulf-shield.yaml', import.meta.url));

export function startExercise(file = SCENARIO, seed = 7): ExerciseState {
  const checked = validateScenarioText(readFileSync(file, 'utf8'), file);
  if (!checked.ok) throw new Error(`test scenario invalid: ${checked.errors.map((e) => e.message).join('; ')}`);
  const state = createExercise(compileScenario(checked.scenario), { seed, mode: 'headless' });
  apply(state, { type: 'start', actor: { role: 'white' } });
  return state;
}

export function apply(state: ExerciseState, command: Command): void {
  const result = step(state, command);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.code} ${result.message}`);
}

export function advance(state: ExerciseState, to: number): void {
  apply(state, { type: 'advance', to, actor: { role: 'system' } });
}

export const views = {
  white: (s: ExerciseState) => project(s, { role: 'white' }),
  evaluator: (s: ExerciseState) => project(s, { role: 'evaluator' }),
  blue: (s: ExerciseState, team: string) => project(s, { role: 'blue', team }),
  red: (s: ExerciseState) => project(s, { role: 'red' }),
};

export const HOUR = 3_600_000;
