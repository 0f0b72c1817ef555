/**
 * What a seat may send now: the engine's own table of which phase accepts which command
 * (engine/machines/phases.ts), the connection, and whether the same control's command is still in
 * flight. Forms and buttons disable themselves from this and say why, instead of failing with a code.
 */
import { phaseAccepts, type ExercisePhase } from '../../engine/constants.ts';
import type { ConnectionStatus } from './session.ts';

/** The catalogue key of why `type` cannot be sent now, or null when it can. */
export function whyNot(type: string, phase: ExercisePhase | null, status: ConnectionStatus, pending: boolean): string | null {
  if (pending) return 'possible.pending';
  if (status !== 'online') return 'possible.offline';
  if (phase === null || phaseAccepts(phase, type)) return null;
  return `possible.${phase}`;
}
