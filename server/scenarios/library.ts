/**
 * The scenario library: bundled and saved scenarios with their version history. Each save is a new
 * version (text, who, when, the validator's verdict, a message); the engine's validator is the
 * gate, so an invalid text is refused with every located diagnostic and nothing is stored. The
 * bundled files enter the history as versions by `bundled` (once per distinct text), so a bundled
 * scenario edited in the studio keeps its lineage.
 */
import { createHash } from 'node:crypto';
import { ERROR_CODES, type ErrorBody, type LibraryScenario, type ScenarioDiagnostic, type ScenarioVersionInfo, type VersionSource } from '../../protocol/index.ts';
import type { EnginePort, LoadedScenario } from '../authority/engine-port.ts';
import type { Clock } from '../ops/clock.ts';
import type { Logger } from '../ops/logger.ts';
import type { LibraryStore, StoredVersion } from '../store/library-types.ts';
import type { ScenarioCatalog } from './catalog.ts';

export interface ScenarioLibraryDeps {
  store: LibraryStore;
  engine: EnginePort;
  catalog: ScenarioCatalog;
  clock: Clock;
  logger: Logger;
}

/** What a save asks for. */
export interface SaveInput {
  /** The scenario the version is for; absent: the text's own `meta.id` (an upload). */
  scenarioId?: string | undefined;
  text: string;
  message: string;
  author: string;
  basedOn?: number | undefined;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export class ScenarioLibrary {
  constructor(private readonly deps: ScenarioLibraryDeps) {}

  /** Puts each bundled file into the history, unless a bundled version with its exact text is there. */
  async seedBundled(): Promise<void> {
    for (const summary of this.deps.catalog.list()) {
      const bundled = this.deps.catalog.get(summary.id);
      if (!bundled) continue;
      const hash = sha256(bundled.text);
      const versions = await this.deps.store.listVersions(summary.id);
      if (versions.some((v) => v.source === 'bundled' && v.textHash === hash)) continue;
      const info = this.describe(summary.id, bundled.text, bundled.scenario, [], 'bundled', 'bundled', `bundled with the server (${bundled.file.split(/[\\/]/).at(-1) ?? ''})`);
      // Another process seeding at once makes this a conflict: its version is the same text.
      const added = await this.deps.store.addVersion(info, bundled.text, versions.at(-1)?.version ?? 0);
      if (added.ok) this.deps.logger.info('bundled scenario entered the library', { scenario: summary.id, version: added.info.version });
    }
  }

  /** One line per scenario with its newest version, by id. */
  async list(): Promise<LibraryScenario[]> {
    const byId = new Map<string, ScenarioVersionInfo[]>();
    for (const v of await this.deps.store.listVersions()) {
      const list = byId.get(v.scenarioId) ?? [];
      list.push(v);
      byId.set(v.scenarioId, list);
    }
    return [...byId]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([id, versions]) => {
        const latest = versions.at(-1);
        return latest ? [{ id, versions: versions.length, latest }] : [];
      });
  }

  /** A scenario's versions, newest first (empty: no such scenario). */
  async versions(scenarioId: string): Promise<ScenarioVersionInfo[]> {
    return (await this.deps.store.listVersions(scenarioId)).reverse();
  }

  version(scenarioId: string, version: number): Promise<StoredVersion | undefined> {
    return this.deps.store.getVersion(scenarioId, version);
  }

  /** A stored version loaded by the engine (for creating an exercise), or a refusal. */
  async load(scenarioId: string, version: number): Promise<{ ok: true; stored: StoredVersion; scenario: LoadedScenario } | ErrorBody> {
    const stored = await this.version(scenarioId, version);
    if (!stored) return { ok: false, code: ERROR_CODES.NOT_FOUND, message: `scenario "${scenarioId}" has no version ${version}` };
    const loaded = this.deps.engine.load(stored.text, `${scenarioId}@${version}`);
    if (!loaded.ok) {
      // Valid when saved; a newer engine may have tightened a rule since.
      return {
        ok: false,
        code: ERROR_CODES.INVALID_SCENARIO,
        message: `version ${version} of "${scenarioId}" no longer passes the validator; save a corrected version`,
        diagnostics: loaded.diagnostics,
      };
    }
    return { ok: true, stored, scenario: loaded.scenario };
  }

  /** Saves a new version if the validator accepts the text and its `meta.id` is this scenario. */
  async save(input: SaveInput): Promise<{ ok: true; version: ScenarioVersionInfo } | ErrorBody> {
    const loaded = this.deps.engine.load(input.text, `${input.scenarioId ?? 'upload'}.yaml`);
    if (!loaded.ok) {
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
      return { ok: false, code: ERROR_CODES.INVALID_SCENARIO, message: `the scenario has ${errors} error(s); nothing was saved (see diagnostics)`, diagnostics: loaded.diagnostics };
    }
    const id = loaded.scenario.summary.id;
    if (input.scenarioId !== undefined && id !== input.scenarioId) {
      return { ok: false, code: ERROR_CODES.BAD_REQUEST, message: `the text is scenario "${id}" (its meta.id), not "${input.scenarioId}": save it under "${id}" or change its meta.id` };
    }
    const info = this.describe(id, input.text, loaded.scenario, loaded.warnings, 'saved', input.author, input.message);
    const added = await this.deps.store.addVersion(info, input.text, input.basedOn);
    if (!added.ok) {
      return {
        ok: false,
        code: ERROR_CODES.CONFLICT,
        message: `version ${added.latest} of "${id}" was saved after version ${input.basedOn ?? 0}, which this edit started from; open version ${added.latest}, merge, and save again`,
      };
    }
    return { ok: true, version: added.info };
  }

  private describe(
    scenarioId: string,
    text: string,
    scenario: LoadedScenario,
    warnings: ScenarioDiagnostic[],
    source: VersionSource,
    author: string,
    message: string,
  ): Omit<ScenarioVersionInfo, 'version'> {
    return {
      scenarioId,
      title: scenario.summary.title,
      source,
      author,
      savedAt: this.deps.clock.timestamp(),
      message,
      textHash: sha256(text),
      bytes: Buffer.byteLength(text, 'utf8'),
      validation: { ok: true, warnings },
      modes: [...scenario.summary.modes],
    };
  }
}
