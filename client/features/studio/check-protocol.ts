/**
 * Messages between the studio and its checking web worker (check-worker.ts): the draft's text in;
 * the engine validator's diagnostics out first (what the underlines need, fast), then the panes'
 * model; on request, the checked scenario a dry run or a balance runs.
 */
import type { ScenarioT, TextDiagnostic } from '../../../engine/types.ts';
import type { StudioModel } from './model.ts';

/** `lang`: the language of the texts the model carries (the MSEL table's). */
export type ToChecker = { id: number; text: string; want: 'check' | 'scenario'; lang: string };

export type FromChecker =
  | { id: number; kind: 'diagnostics'; errors: TextDiagnostic[]; warnings: TextDiagnostic[]; validateMs: number }
  /** `model` is null when the text does not parse (the panes keep the last model). */
  | { id: number; kind: 'model'; model: StudioModel | null }
  | { id: number; kind: 'scenario'; scenario: ScenarioT | null; errors: TextDiagnostic[] };
