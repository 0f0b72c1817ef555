/**
 * The improvement plan across exercises (issue 17): an exercise's corrective actions collected from
 * its AAR, a partner's package imported with its TLP, each once; controllers and evaluators update
 * items, planners cannot; the tracker outlives the exercise and comes out as CSV.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aarFromLog, buildPackage, logFromFile } from '../../interchange/index.ts';
import type { CreateExerciseResponse, ErrorBody, OperatorRole } from '../../protocol/index.ts';
import type { PlanAddResponse, PlanItem, PlanResponse } from '../../protocol/plan.ts';
import { defaultConfig } from '../../server/config.ts';
import type { LibraryAuth } from '../../server/http/library-auth.ts';
import { csvCell, planCsv } from '../../server/http/plan-items.ts';
import { bearerToken } from '../../server/http/reply.ts';
import { silentLogger } from '../../server/ops/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { flagship } from '../interchange/exports/shared.ts';
import { FIXTURES, TEST_OPERATOR_TOKEN, api } from './helpers.ts';

const TOKENS = new Map<string, { name: string; roles: OperatorRole[] }>([
  ['controller-token-0123456789', { name: 'carla', roles: ['controller'] }],
  ['evaluator-token-0123456789', { name: 'evan', roles: ['evaluator'] }],
  ['planner-token-0123456789ab', { name: 'pia', roles: ['planner'] }],
]);
const [CONTROLLER, EVALUATOR, PLANNER] = [...TOKENS.keys()] as [string, string, string];
const rolesAuth: LibraryAuth = { identify: (req) => TOKENS.get(bearerToken(req) ?? '') };

let dir: string;
let server: RunningServer;
const plan = async () => (await api<PlanResponse>(server.url, 'GET', '/api/library/plan', undefined, PLANNER)).body.items;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ramparts-plan-'));
  server = await startServer(
    defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      scenariosDir: FIXTURES,
      distDir: join(dir, 'no-dist'),
      operatorToken: TEST_OPERATOR_TOKEN,
    }),
    { logger: silentLogger, libraryAuth: rolesAuth },
  );
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the improvement plan', () => {
  it("imports a partner's package once, every lesson marked with its TLP (RED here)", async () => {
    const { exercise, results } = flagship();
    const pkg = buildPackage(exercise, { tlp: 'RED', report: results });
    if (!pkg.ok) throw new Error(pkg.message);
    expect(results.improvementPlan.length).toBeGreaterThan(0);
    const res = await api<PlanAddResponse>(server.url, 'POST', '/api/library/plan/import', { text: pkg.text }, EVALUATOR);
    expect(res.status).toBe(200);
    expect(res.body.added).toBe(results.improvementPlan.length);
    const items = await plan();
    expect(items.map((i) => i.aarItem)).toEqual(results.improvementPlan.map((r) => r.id));
    expect(items.every((i) => i.origin.kind === 'package' && i.origin.tlp === 'RED' && i.status === 'open' && i.updatedBy === 'evan')).toBe(true);
    expect(items[0]).toMatchObject({ correctiveAction: results.improvementPlan[0]?.correctiveAction, dueDate: results.improvementPlan[0]?.dueDate });
    const again = await api<PlanAddResponse>(server.url, 'POST', '/api/library/plan/import', { text: pkg.text }, CONTROLLER);
    expect(again.body.added).toBe(0);
    const altered = await api<ErrorBody>(server.url, 'POST', '/api/library/plan/import', { text: pkg.text.replace('"RED"', '"CLEAR"') }, CONTROLLER);
    expect([altered.status, altered.body.code]).toEqual([400, 'BAD_REQUEST']);
    expect(altered.body.message).toMatch(/checksum|altered/);
    expect((await plan()).length).toBe(results.improvementPlan.length);
  });

  it("collects an exercise's corrective actions from its AAR, once", async () => {
    const created = await api<CreateExerciseResponse>(server.url, 'POST', '/api/library/scenarios/minimal/versions/1/exercises', { mode: 'tabletop' }, CONTROLLER);
    const id = created.body.exerciseId;
    const log = await server.store.readLog(id);
    expect(log).toEqual([]);
    const text = await fetch(`${server.url}/api/library/exercises/${id}/export/log`, { headers: { authorization: `Bearer ${CONTROLLER}` } }).then((r) => r.text());
    const opened = logFromFile(text);
    const aar = opened.ok ? aarFromLog(opened.log) : opened;
    if (!aar.ok) throw new Error(aar.message);
    const before = (await plan()).length;
    const res = await api<PlanAddResponse>(server.url, 'POST', `/api/library/plan/collect/${id}`, undefined, CONTROLLER);
    expect(res.body.added).toBe(aar.results.improvementPlan.length);
    expect((await plan()).filter((i) => i.origin.key === id).map((i) => i.id)).toEqual(aar.results.improvementPlan.map((r) => `${id}/${r.id}`));
    expect((await api<PlanAddResponse>(server.url, 'POST', `/api/library/plan/collect/${id}`, undefined, EVALUATOR)).body.added).toBe(0);
    expect((await plan()).length).toBe(before + aar.results.improvementPlan.length);
    expect((await api(server.url, 'POST', '/api/library/plan/collect/nosuchexercise1', undefined, CONTROLLER)).status).toBe(404);
  });

  it('lets controllers and evaluators update an item, not planners, and keeps it after the exercise and a restart', async () => {
    const item = (await plan())[0] as PlanItem;
    const path = `/api/library/plan/${encodeURIComponent(item.id)}`;
    const refused = await api<ErrorBody>(server.url, 'PATCH', path, { status: 'done' }, PLANNER);
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    const bad = await api<ErrorBody>(server.url, 'PATCH', path, { dueDate: '2027-02-30x' }, EVALUATOR);
    expect(bad.status).toBe(400);
    const ok = await api<{ item: PlanItem }>(server.url, 'PATCH', path, { status: 'in-progress', owner: '=HYPERLINK("x")', dueDate: '2027-03-01', note: 'مراجعة' }, EVALUATOR);
    expect(ok.status).toBe(200);
    expect(ok.body.item).toMatchObject({ status: 'in-progress', owner: '=HYPERLINK("x")', dueDate: '2027-03-01', note: 'مراجعة', updatedBy: 'evan' });
    for (const x of await server.store.listExercises()) await server.manager.remove(x.id);
    await server.close();
    server = await startServer(
      defaultConfig({
        port: 0,
        host: '127.0.0.1',
        dataDir: dir,
        scenariosDir: FIXTURES,
        distDir: join(dir, 'no-dist'),
        operatorToken: TEST_OPERATOR_TOKEN,
      }),
      { logger: silentLogger, libraryAuth: rolesAuth },
    );
    const kept = (await plan()).find((i) => i.id === item.id);
    expect(kept).toMatchObject({ status: 'in-progress', note: 'مراجعة' });
    const csv = await fetch(`${server.url}/api/library/plan.csv`, { headers: { authorization: `Bearer ${PLANNER}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const body = await csv.text();
    expect(body).toBe(planCsv(await plan()).replace(/^\uFEFF/, ''));
    expect(body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(body.split('\r\n')[0]).toMatch(/^id,origin,tlp,scenario,exercise,aar item,capability,issue,corrective action,owner,priority,due date,status,note/);
  });

  it('quotes CSV cells and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
  });
});
