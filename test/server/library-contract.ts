/**
 * The library store's contract: both backends (the file library, PostgreSQL) pass this suite. A
 * backend's test calls `runLibraryContract(name, factory)` with a fresh, empty library and a way to
 * open a second one over the same storage (a restarted server, or another process).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioVersionInfo } from '../../protocol/index.ts';
import type { PlanItem } from '../../protocol/plan.ts';
import type { LibraryStore } from '../../server/store/library-types.ts';

export interface LibraryHarness {
  library: LibraryStore;
  reopen(): Promise<LibraryStore>;
  dispose(): Promise<void>;
}

export function versionInfo(scenarioId: string, message: string): Omit<ScenarioVersionInfo, 'version'> {
  return {
    scenarioId,
    title: { en: 'Minimal', ar: 'مصغر' },
    source: 'saved',
    author: 'planner-1',
    savedAt: '2026-12-06T18:00:00.000Z',
    message,
    textHash: 'ab'.repeat(32),
    bytes: 12,
    validation: { ok: true, warnings: [] },
    modes: ['tabletop'],
  };
}

function planItem(id: string, status: PlanItem['status'] = 'open'): PlanItem {
  return {
    id,
    origin: { kind: 'package', key: 'c'.repeat(64), scenarioId: 'minimal', title: 'Minimal', tlp: 'AMBER' },
    aarItem: 'IP-01',
    capability: 'Cyber detection',
    issue: 'slow',
    correctiveAction: 'tune the SIEM',
    owner: 'kw',
    priority: 'high',
    dueDate: '2027-01-05',
    status,
    note: 'é✓',
    updatedAt: '2026-12-06T18:00:00.000Z',
    updatedBy: 'evaluator-1',
  };
}

export function runLibraryContract(name: string, factory: () => Promise<LibraryHarness>): void {
  describe(`LibraryStore contract: ${name}`, () => {
    let harness: LibraryHarness | undefined;
    const open = async () => (harness = await factory());
    afterEach(async () => {
      await harness?.dispose();
      harness = undefined;
    });

    it('numbers versions 1, 2, 3 per scenario and keeps text, author and message across a reopen', async () => {
      const { library, reopen } = await open();
      const a = await library.addVersion(versionInfo('minimal', 'first'), 'text one\n');
      const b = await library.addVersion(versionInfo('minimal', 'second'), 'text two ✓\n', 1);
      const other = await library.addVersion(versionInfo('other', 'x'), 'other\n');
      expect([a.ok && a.info.version, b.ok && b.info.version, other.ok && other.info.version]).toEqual([1, 2, 1]);
      const again = await reopen();
      expect((await again.listVersions('minimal')).map((v) => [v.version, v.message])).toEqual([
        [1, 'first'],
        [2, 'second'],
      ]);
      expect((await again.listVersions()).map((v) => `${v.scenarioId}@${v.version}`)).toEqual(['minimal@1', 'minimal@2', 'other@1']);
      expect((await again.getVersion('minimal', 2))?.text).toBe('text two ✓\n');
      expect(await again.getVersion('minimal', 3)).toBeUndefined();
      expect(await again.getVersion('nothing', 1)).toBeUndefined();
    });

    it('refuses a version based on an older one and stores nothing', async () => {
      const { library } = await open();
      await library.addVersion(versionInfo('minimal', 'first'), 'one\n', 0);
      await library.addVersion(versionInfo('minimal', 'second'), 'two\n', 1);
      expect(await library.addVersion(versionInfo('minimal', 'stale'), 'stale\n', 1)).toEqual({ ok: false, latest: 2 });
      expect(await library.addVersion(versionInfo('fresh', 'stale'), 'x\n', 3)).toEqual({ ok: false, latest: 0 });
      expect((await library.listVersions()).map((v) => v.message)).toEqual(['first', 'second']);
    });

    it('gives two saves at once two numbers', async () => {
      const { library, reopen } = await open();
      const second = await reopen();
      const results = await Promise.all([library.addVersion(versionInfo('minimal', 'a'), 'a\n'), second.addVersion(versionInfo('minimal', 'b'), 'b\n')]);
      expect(results.map((r) => r.ok && r.info.version).sort()).toEqual([1, 2]);
    });

    it('keeps, replaces and removes marks', async () => {
      const { library, reopen } = await open();
      await library.putMark({ exerciseId: 'exercise-0001', archived: false, origin: { scenarioId: 'minimal', version: 2 } });
      await library.putMark({ exerciseId: 'exercise-0002', archived: false });
      await library.putMark({ exerciseId: 'exercise-0001', archived: true, origin: { scenarioId: 'minimal', version: 2 } });
      const again = await reopen();
      expect(await again.getMark('exercise-0001')).toEqual({ exerciseId: 'exercise-0001', archived: true, origin: { scenarioId: 'minimal', version: 2 } });
      await again.deleteMark('exercise-0002');
      expect((await again.listMarks()).map((m) => m.exerciseId)).toEqual(['exercise-0001']);
    });

    it('keeps the audit trail in order', async () => {
      const { library, reopen } = await open();
      await library.audit({ at: '2026-12-06T18:00:00.000Z', actor: 'operator', action: 'exercise.created', subject: 'exercise-0001' });
      await library.audit({ at: '2026-12-06T18:01:00.000Z', actor: 'operator', action: 'exercise.deleted', subject: 'exercise-0001', detail: 'é' });
      expect((await (await reopen()).listAudit()).map((e) => e.action)).toEqual(['exercise.created', 'exercise.deleted']);
    });

    it('keeps plan items in the order they came, replacing one by its id', async () => {
      const { library, reopen } = await open();
      await library.putPlan(planItem('pkg/IP-01'));
      await library.putPlan(planItem('pkg/IP-02'));
      await library.putPlan(planItem('pkg/IP-01', 'done'));
      const items = await (await reopen()).listPlan();
      expect(items.map((i) => [i.id, i.status])).toEqual([
        ['pkg/IP-01', 'done'],
        ['pkg/IP-02', 'open'],
      ]);
      expect(items[0]?.origin.tlp).toBe('AMBER');
    });
  });
}
