/**
 * The page's side of the checking worker: one check in flight at a time, and while one runs only
 * the newest text waits (typing faster than the validator skips the texts in between, never queues
 * them). Results for a text that has since changed still resolve; the editor drops them (CodeMirror's
 * linter keeps only results for the current document).
 */
import type { ScenarioT, TextDiagnostic } from '../../../engine/types.ts';
import type { FromChecker, ToChecker } from './check-protocol.ts';
import type { StudioModel } from './model.ts';

export interface CheckResult {
  text: string;
  errors: TextDiagnostic[];
  warnings: TextDiagnostic[];
  validateMs: number;
}

interface Waiting {
  text: string;
  resolve: (r: CheckResult) => void;
}

export class DraftChecker {
  private readonly worker: Worker;
  private nextId = 1;
  private inFlight: { id: number; text: string; resolve: ((r: CheckResult) => void)[] } | null = null;
  private waiting: Waiting[] = [];
  /** The language of the model's texts. */
  lang = 'en';
  private readonly scenarioWaits = new Map<number, (r: { scenario: ScenarioT | null; errors: TextDiagnostic[] }) => void>();

  /** `onModel`: the panes' model of each checked text (null: the text does not parse). */
  constructor(
    private readonly onModel: (model: StudioModel | null, text: string) => void,
    makeWorker?: () => Worker,
  ) {
    this.worker = makeWorker ? makeWorker() : new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromChecker>) => this.receive(e.data);
  }

  /** Validates the text; resolves with the diagnostics of this text or of a newer one. */
  check(text: string): Promise<CheckResult> {
    return new Promise((resolve) => {
      this.waiting.push({ text, resolve });
      if (!this.inFlight) this.sendNext();
    });
  }

  /** The checked scenario of the text (null with the errors when it is not valid). */
  scenario(text: string): Promise<{ scenario: ScenarioT | null; errors: TextDiagnostic[] }> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.scenarioWaits.set(id, resolve);
      this.worker.postMessage({ id, text, want: 'scenario', lang: this.lang } satisfies ToChecker);
    });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private sendNext(): void {
    const last = this.waiting[this.waiting.length - 1];
    if (!last) return;
    const resolvers = this.waiting.map((w) => w.resolve);
    this.waiting = [];
    const id = this.nextId++;
    this.inFlight = { id, text: last.text, resolve: resolvers };
    this.worker.postMessage({ id, text: last.text, want: 'check', lang: this.lang } satisfies ToChecker);
  }

  private receive(msg: FromChecker): void {
    if (msg.kind === 'scenario') {
      this.scenarioWaits.get(msg.id)?.({ scenario: msg.scenario, errors: msg.errors });
      this.scenarioWaits.delete(msg.id);
      return;
    }
    const flight = this.inFlight;
    if (!flight || flight.id !== msg.id) return;
    if (msg.kind === 'diagnostics') {
      const result = { text: flight.text, errors: msg.errors, warnings: msg.warnings, validateMs: msg.validateMs };
      for (const r of flight.resolve) r(result);
      flight.resolve = [];
      return;
    }
    this.onModel(msg.model, flight.text);
    this.inFlight = null;
    this.sendNext();
  }
}
