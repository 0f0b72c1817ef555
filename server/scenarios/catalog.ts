/**
 * The bundled scenarios: every `*.yaml`/`*.yml`/`*.json` file of the scenarios directory that
 * validates and compiles, read once at start. Invalid files are logged and left out of the list
 * (the `ramparts validate` command says why in detail).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioListing, ScenarioSummary } from '../../protocol/index.ts';
import type { EnginePort, LoadedScenario } from '../authority/engine-port.ts';
import type { Logger } from '../ops/logger.ts';

export interface BundledScenario {
  file: string;
  text: string;
  scenario: LoadedScenario;
}

export class ScenarioCatalog {
  private constructor(private readonly byId: Map<string, BundledScenario>) {}

  static async load(dir: string, engine: EnginePort, logger: Logger): Promise<ScenarioCatalog> {
    const byId = new Map<string, BundledScenario>();
    let names: string[] = [];
    try {
      names = (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
    } catch (error) {
      logger.warn('no bundled scenarios directory', { dir, error: (error as Error).message });
    }
    for (const name of names) {
      const file = join(dir, name);
      const text = await readFile(file, 'utf8');
      const loaded = engine.load(text, file);
      if (!loaded.ok) {
        logger.warn('bundled scenario is invalid; not offered', { file, errors: loaded.diagnostics.length, first: loaded.diagnostics[0] });
        continue;
      }
      const id = loaded.scenario.summary.id;
      if (byId.has(id)) {
        logger.warn('two bundled scenarios share an id; keeping the first', { id, file });
        continue;
      }
      byId.set(id, { file, text, scenario: loaded.scenario });
    }
    return new ScenarioCatalog(byId);
  }

  /** The summaries, for the white cell's lobby (an operator). */
  list(): ScenarioSummary[] {
    return [...this.byId.values()].map((b) => b.scenario.summary);
  }

  /**
   * What anyone else may read of them: no description (it tells the scenario's story, often the red
   * campaign's). Teams and titles are shown to every seat of an exercise anyway.
   */
  listing(): ScenarioListing[] {
    return this.list().map(({ description: _story, ...listing }) => listing);
  }

  get(id: string): BundledScenario | undefined {
    return this.byId.get(id);
  }
}
