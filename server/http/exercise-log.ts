/**
 * An exercise's log as text, as `ramparts run --log` writes one: what the log download, the exports
 * and the TAXII feed are made from. Read between batches, so that it ends at a revision the summary
 * can report too; on a process that does not own the exercise (scale-out), from the shared store with
 * the scenario loaded here for the header.
 */
import type { CommandEntry, EnginePort } from '../authority/engine-port.ts';
import type { ExerciseManager } from '../authority/manager.ts';
import type { ExerciseStore } from '../store/types.ts';

export interface LogDeps {
  manager: ExerciseManager;
  engine: EnginePort;
  store: ExerciseStore;
}

/** The log text, or undefined when there is no such exercise. */
export async function exerciseLogText(deps: LogDeps, id: string): Promise<string | undefined> {
  const host = deps.manager.host(id);
  const record = host?.record ?? (await deps.store.getExercise(id));
  if (!record) return undefined;
  const loaded = host ? { ok: true as const, scenario: host.scenario } : deps.engine.load(record.scenario.text, record.scenario.id);
  if (!loaded.ok) return undefined;
  await host?.settled(() => undefined);
  const entries = (await deps.store.readLog(id)) as CommandEntry[];
  return deps.engine.exportLog(record, loaded.scenario, entries);
}
