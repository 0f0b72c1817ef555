/**
 * The library store of the embedded backend, under `<dataDir>/library/`:
 *
 * - `scenarios/<scenarioId>/<version>.text` then `<version>.json` (the description, written last:
 *   a version without its description is a save that crashed half-way and does not count);
 * - `marks.json`, `plan.json`: whole-file replacements (temporary file, fsync, rename);
 * - `audit.jsonl`: append-only, one entry per line, fsynced before `audit` resolves.
 *
 * One process owns a data directory, so writes are put in one queue here and need no file locks.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LibraryScenarioId, type AuditEntry, type ScenarioVersionInfo } from '../../protocol/index.ts';
import type { PlanItem } from '../../protocol/plan.ts';
import { syncDir, writeFileDurable } from './durable-file.ts';
import type { ExerciseMark, LibraryStore, StoredVersion } from './library-types.ts';

const VERSION_FILE = /^(\d{6})\.json$/;
const TEXT_FILE = /^(\d{6})\.text$/;
const pad = (version: number) => String(version).padStart(6, '0');

async function readJson<T>(path: string, missing: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return missing;
    throw error;
  }
}

export class FileLibrary implements LibraryStore {
  /** Every write, one after another. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly root: string) {}

  static async open(dataDir: string): Promise<FileLibrary> {
    const root = join(dataDir, 'library');
    await mkdir(join(root, 'scenarios'), { recursive: true });
    return new FileLibrary(root);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.catch(() => undefined).then(work);
    this.queue = next;
    return next;
  }

  private scenarioDir(id: string): string {
    if (!LibraryScenarioId.safeParse(id).success) throw new Error(`invalid scenario id ${JSON.stringify(id)}`);
    return join(this.root, 'scenarios', id);
  }

  private async versionsOf(id: string): Promise<ScenarioVersionInfo[]> {
    let names: string[];
    try {
      names = (await readdir(this.scenarioDir(id))).filter((n) => VERSION_FILE.test(n)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const out: ScenarioVersionInfo[] = [];
    for (const name of names) out.push(await readJson<ScenarioVersionInfo>(join(this.scenarioDir(id), name), undefined as never));
    return out;
  }

  /**
   * A version number is taken by creating its `.text` file exclusively (a hard link of a written,
   * fsynced temporary file: EEXIST when another writer took it), so two library objects over one
   * directory never give one number twice. A save that crashed before its description leaves its
   * number taken and unseen: a gap in the numbering, never a version without its text.
   */
  addVersion(info: Omit<ScenarioVersionInfo, 'version'>, text: string, basedOn?: number): Promise<{ ok: true; info: ScenarioVersionInfo } | { ok: false; latest: number }> {
    return this.serial(async () => {
      const dir = this.scenarioDir(info.scenarioId);
      const latest = (await this.versionsOf(info.scenarioId)).at(-1)?.version ?? 0;
      if (basedOn !== undefined && basedOn !== latest) return { ok: false as const, latest };
      await mkdir(dir, { recursive: true });
      const tmp = join(dir, `.${randomBytes(8).toString('hex')}.tmp`);
      const handle = await open(tmp, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        const taken = (await readdir(dir))
          .map((n) => TEXT_FILE.exec(n)?.[1])
          .filter((n) => n !== undefined)
          .map(Number);
        for (let version = Math.max(latest, ...taken) + 1; ; version++) {
          try {
            await link(tmp, join(dir, `${pad(version)}.text`));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            if (basedOn !== undefined) return { ok: false as const, latest: version };
            continue;
          }
          const stored: ScenarioVersionInfo = { ...info, version };
          await writeFileDurable(join(dir, `${pad(version)}.json`), JSON.stringify(stored));
          return { ok: true as const, info: stored };
        }
      } finally {
        await rm(tmp, { force: true });
        await syncDir(dir);
      }
    });
  }

  async listVersions(scenarioId?: string): Promise<ScenarioVersionInfo[]> {
    if (scenarioId !== undefined) return LibraryScenarioId.safeParse(scenarioId).success ? this.versionsOf(scenarioId) : [];
    const ids = (await readdir(join(this.root, 'scenarios'))).filter((n) => LibraryScenarioId.safeParse(n).success).sort();
    const all: ScenarioVersionInfo[] = [];
    for (const id of ids) all.push(...(await this.versionsOf(id)));
    return all;
  }

  async getVersion(scenarioId: string, version: number): Promise<StoredVersion | undefined> {
    if (!LibraryScenarioId.safeParse(scenarioId).success || !Number.isSafeInteger(version) || version < 1) return undefined;
    const dir = this.scenarioDir(scenarioId);
    const info = await readJson<ScenarioVersionInfo | undefined>(join(dir, `${pad(version)}.json`), undefined);
    if (!info) return undefined;
    return { info, text: await readFile(join(dir, `${pad(version)}.text`), 'utf8') };
  }

  private marks(): Promise<ExerciseMark[]> {
    return readJson<ExerciseMark[]>(join(this.root, 'marks.json'), []);
  }

  async getMark(exerciseId: string): Promise<ExerciseMark | undefined> {
    return (await this.marks()).find((m) => m.exerciseId === exerciseId);
  }

  listMarks(): Promise<ExerciseMark[]> {
    return this.marks();
  }

  putMark(mark: ExerciseMark): Promise<void> {
    return this.serial(async () => {
      const marks = (await this.marks()).filter((m) => m.exerciseId !== mark.exerciseId);
      await writeFileDurable(join(this.root, 'marks.json'), JSON.stringify([...marks, mark]));
    });
  }

  deleteMark(exerciseId: string): Promise<void> {
    return this.serial(async () => {
      const marks = await this.marks();
      if (!marks.some((m) => m.exerciseId === exerciseId)) return;
      await writeFileDurable(join(this.root, 'marks.json'), JSON.stringify(marks.filter((m) => m.exerciseId !== exerciseId)));
    });
  }

  audit(entry: AuditEntry): Promise<void> {
    return this.serial(async () => {
      const handle = await open(join(this.root, 'audit.jsonl'), 'a');
      try {
        await handle.writeFile(`${JSON.stringify(entry)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }

  async listAudit(): Promise<AuditEntry[]> {
    let text: string;
    try {
      text = await readFile(join(this.root, 'audit.jsonl'), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    // A crash mid-append leaves at most a partial last line: it was never acknowledged.
    return text
      .split('\n')
      .slice(0, -1)
      .map((line) => JSON.parse(line) as AuditEntry);
  }

  listPlan(): Promise<PlanItem[]> {
    return readJson<PlanItem[]>(join(this.root, 'plan.json'), []);
  }

  putPlan(item: PlanItem): Promise<void> {
    return this.serial(async () => {
      const items = await this.listPlan();
      const at = items.findIndex((i) => i.id === item.id);
      if (at === -1) items.push(item);
      else items[at] = item;
      await writeFileDurable(join(this.root, 'plan.json'), JSON.stringify(items));
    });
  }
}
