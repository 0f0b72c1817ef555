/**
 * The studio's checking web worker: the engine's own validator (through engine/index.ts, the same
 * checks as `ramparts validate` and the server's gate) over the draft, off the page's thread, then
 * the panes' model from the same text. Diagnostics go out before the model so that the underlines
 * never wait for the panes.
 */
import { parseScenarioText, validateScenarioText } from '../../../engine/index.ts';
import type { FromChecker, ToChecker } from './check-protocol.ts';
import { studioModel } from './model.ts';

const FILE = 'draft.yaml';
const post = (m: FromChecker): void => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<ToChecker>) => {
  const { id, text, want, lang } = e.data;
  const started = performance.now();
  const result = validateScenarioText(text, FILE);
  const errors = result.ok ? [] : result.errors;
  if (want === 'scenario') {
    post({ id, kind: 'scenario', scenario: result.ok ? result.scenario : null, errors });
    return;
  }
  post({ id, kind: 'diagnostics', errors, warnings: result.warnings, validateMs: performance.now() - started });
  const parsed = parseScenarioText(text, FILE);
  post({ id, kind: 'model', model: parsed.ok ? studioModel(text, parsed.value, lang) : null });
};
