/** A refused command: a code and a message that says what to do. */
import type { EngineErrorCode } from './events.ts';

export interface Refusal {
  code: EngineErrorCode;
  message: string;
}
export const refuse = (code: EngineErrorCode, message: string): Refusal => ({ code, message });
export const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && 'code' in x && 'message' in x;
